"""Associations in the diary: Spearman rank correlations, worded as association, never as cause.

Pairs: stress, sleep quality and activity (light + moderate + vigorous minutes) with pain and fatigue,
on the same day (lag 0) and on the next calendar day (lag 1: x on day d, y on day d + 1; days are paired
only when both exist and are consecutive, so a gap never pairs two distant days). Sleep quality is about
the night before the day it is recorded on, which the sentences say.

Statistics (standard library only):
- Spearman's rho is Pearson's correlation of the ranks, ties given their average rank.
- 95% confidence interval: Fisher's z = atanh(rho) with the standard error for Spearman's rho of
  Bonett DG, Wright TA. Sample size requirements for estimating Pearson, Kendall and Spearman
  correlations. Psychometrika 2000;65(1):23–28: SE = sqrt((1 + rho² / 2) / (n_eff − 3)); then
  tanh(z ± 1.96 · SE). (The older Fieller–Hartley–Pearson 1957 SE, sqrt(1.06 / (n − 3)), is close for
  small rho; Bonett–Wright keeps better coverage for large rho.)
- Daily series are autocorrelated (a bad week is several bad days), so n days carry less than n days'
  information and the plain interval is too narrow. The interval uses an **effective sample size**
  (issue 15 §5; Bretherton CS et al. J Climate 1999;12:1990–2009): n_eff = n(1 − r1x·r1y)/(1 + r1x·r1y),
  where r1x and r1y are the lag-1 autocorrelations of the two daily series (Pearson's r of each day's
  value with the next calendar day's, over the period's days that have both). n_eff is never above n (a
  negative product counts as 0) and an interval with n_eff ≤ 3 is the whole range −1 to 1.
- An association is computed only with at least 14 paired days; 3 × 2 × 2 = 12 pairs are tested. They
  are exploratory: twelve tests at 95% find a "link" by chance fairly often, so screens and the PDF say
  how many of the pairs tested showed a clear link, and never call a link a cause. Wording follows |rho|:
  below 0.1 "no clear link", below 0.3 "a little", below 0.5 "noticeably", else "much" (Cohen's
  0.1/0.3/0.5); when the interval includes 0 the sentence says it may be chance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Literal, Sequence

from diary.domain.days import DayValues
from diary.reports.series import active_minutes

MIN_PAIRS = 14
Z_95 = 1.959963984540054
X_VARIABLES: dict[str, Callable[[DayValues], float | None]] = {
    "stress": lambda d: d.stress,
    "sleep_quality": lambda d: d.sleep_quality,
    "activity": active_minutes,
}
Y_VARIABLES = ("pain", "fatigue")  # pain: the day's 24-hour rating, never momentary ratings
PAIRS_TESTED = len(X_VARIABLES) * len(Y_VARIABLES) * 2  # same day and next day
# (x, lag) → (the sentence's opening, the noun and time for "no clear link").
_WORDS = {
    ("stress", 0): ("On days with more stress", "stress", "on the same day"),
    ("stress", 1): ("On days after more stress", "stress", "the next day"),
    ("activity", 0): ("On days with more activity", "activity", "on the same day"),
    ("activity", 1): ("On days after more activity", "activity", "the next day"),
    ("sleep_quality", 0): ("On days after a better night's sleep", "how well you slept", "the next day"),
    ("sleep_quality", 1): ("Two days after a better night's sleep", "how well you slept", "two days later"),
}
Strength = Literal["negligible", "small", "moderate", "strong"]


@dataclass(frozen=True)
class Association:
    x: str  # "stress", "sleep_quality" or "activity"
    y: str  # "pain" or "fatigue"
    lag: int  # 0: same day; 1: y on the day after x
    rho: float
    n: int
    ci_low: float
    ci_high: float
    sentence: str
    n_eff: float = 0.0  # the effective sample size the interval uses

    @property
    def strength(self) -> Strength:
        return strength(self.rho)

    @property
    def clear(self) -> bool:
        """At least a small link whose interval leaves 0 out (what screens and the PDF list)."""
        return self.strength != "negligible" and not self.ci_low <= 0 <= self.ci_high


def ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks, ties sharing the average of the ranks they span."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Spearman's rho; None when there are fewer than 2 pairs or either variable never varies."""
    if len(xs) != len(ys):
        raise ValueError("xs and ys must be the same length.")
    if len(xs) < 2:
        return None
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    sxy = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    sxx, syy = sum((a - mx) ** 2 for a in rx), sum((b - my) ** 2 for b in ry)
    if sxx == 0 or syy == 0:
        return None
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def lag1_autocorrelation(values: dict[date, float]) -> float | None:
    """Pearson's r between each day's value and the next calendar day's (days with both); None with
    fewer than 3 such pairs or a series that never varies."""
    xs = [v for d, v in values.items() if d + timedelta(days=1) in values]
    ys = [values[d + timedelta(days=1)] for d, v in values.items() if d + timedelta(days=1) in values]
    if len(xs) < 3:
        return None
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((a - mx) * (b - my) for a, b in zip(xs, ys))
    sxx, syy = sum((a - mx) ** 2 for a in xs), sum((b - my) ** 2 for b in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else None


def effective_n(n: int, r1x: float | None, r1y: float | None) -> float:
    """n(1 − r1x·r1y)/(1 + r1x·r1y), never above n; an unknown autocorrelation counts as 0."""
    product = max(0.0, (r1x or 0.0) * (r1y or 0.0))
    return n * (1 - product) / (1 + product)


def confidence_interval(rho: float, n: float) -> tuple[float, float]:
    """The 95% interval by Fisher's z with the Bonett–Wright SE for `n` (effective) pairs; the whole
    range −1 to 1 when n ≤ 3."""
    if n <= 3:
        return -1.0, 1.0
    if abs(rho) >= 1:
        return rho, rho
    z, se = math.atanh(rho), math.sqrt((1 + rho * rho / 2) / (n - 3))
    return math.tanh(z - Z_95 * se), math.tanh(z + Z_95 * se)


def strength(rho: float) -> Strength:
    size = abs(rho)
    return "negligible" if size < 0.1 else "small" if size < 0.3 else "moderate" if size < 0.5 else "strong"


def paired(days: Sequence[DayValues], x: str, y: str, lag: int) -> tuple[list[float], list[float]]:
    """x on day d with y on day d + lag, for every d where both values exist."""
    by_date = {d.day: d for d in days}
    get_x = X_VARIABLES[x]
    xs, ys = [], []
    for day in sorted(by_date):
        later = by_date.get(day + timedelta(days=lag))
        if later is None:
            continue
        a, b = get_x(by_date[day]), getattr(later, y)
        if a is not None and b is not None:
            xs.append(float(a))
            ys.append(float(b))
    return xs, ys


def sentence(x: str, y: str, lag: int, rho: float, n: int, ci: tuple[float, float], *, whose: str = "your") -> str:
    """The plain-language sentence for one association, about "your" pain (the patient reading) or, for a
    clinician, the patient's ("Anna L.'s pain") or "their" pain."""
    opening, noun, when = _WORDS[(x, lag)]
    if whose != "your":
        noun = noun.replace("how well you slept", "how well they slept")
    size = strength(rho)
    if size == "negligible":
        return f"There was no clear link between {noun} and {whose} {y} {when} (n = {n})."
    amount = {"small": "a little", "moderate": "noticeably", "strong": "much"}[size]
    direction = "higher" if rho > 0 else "lower"
    chance = ", but this may be chance" if ci[0] <= 0 <= ci[1] else ""
    return f"{opening}, {whose} {y} was on average {amount} {direction}{chance} (n = {n})."


def _series(days: Sequence[DayValues], name: str) -> dict[date, float]:
    get = X_VARIABLES.get(name) or (lambda d: getattr(d, name))
    return {d.day: float(v) for d in days if (v := get(d)) is not None}


def associations(days: Sequence[DayValues], *, whose: str = "your") -> list[Association]:
    """Every computable association with at least 14 paired days, in a fixed order (x, y, lag), each
    with its interval for the effective sample size; `whose` names the person in the sentences (see
    `sentence`)."""
    r1 = {name: lag1_autocorrelation(_series(days, name)) for name in (*X_VARIABLES, *Y_VARIABLES)}
    out = []
    for x in X_VARIABLES:
        for y in Y_VARIABLES:
            for lag in (0, 1):
                xs, ys = paired(days, x, y, lag)
                if len(xs) < MIN_PAIRS:
                    continue
                rho = spearman(xs, ys)
                if rho is None:
                    continue
                n_eff = effective_n(len(xs), r1[x], r1[y])
                ci = confidence_interval(rho, n_eff)
                out.append(Association(x, y, lag, rho, len(xs), ci[0], ci[1],
                                       sentence(x, y, lag, rho, len(xs), ci, whose=whose), n_eff))
    return out


def clear_count(found: Sequence[Association]) -> tuple[int, int]:
    """(pairs with a clear link, pairs tested): "k of n pairs tested" (n is at most PAIRS_TESTED)."""
    return sum(a.clear for a in found), len(found)
