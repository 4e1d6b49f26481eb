"""Associations in the diary: Spearman rank correlations, worded as association, never as cause.

Pairs: stress, sleep quality and activity (light + moderate + vigorous minutes) with pain and fatigue,
on the same day (lag 0) and on the next calendar day (lag 1: x on day d, y on day d + 1; days are paired
only when both exist and are consecutive, so a gap never pairs two distant days). Sleep quality is about
the night before the day it is recorded on, which the sentences say.

Statistics (standard library only):
- Spearman's rho is Pearson's correlation of the ranks, ties given their average rank.
- 95% confidence interval: Fisher's z = atanh(rho) with the standard error for Spearman's rho of
  Bonett DG, Wright TA. Sample size requirements for estimating Pearson, Kendall and Spearman
  correlations. Psychometrika 2000;65(1):23–28: SE = sqrt((1 + rho² / 2) / (n − 3)); then
  tanh(z ± 1.96 · SE). (The older Fieller–Hartley–Pearson 1957 SE, sqrt(1.06 / (n − 3)), is close for
  small rho; Bonett–Wright keeps better coverage for large rho.)
- An association is reported only with at least 14 paired days. Wording follows |rho|: below 0.1 "no
  clear link", below 0.3 "a little", below 0.5 "noticeably", else "much" (Cohen's 0.1/0.3/0.5); when the
  interval includes 0 the sentence says it may be chance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
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
Y_VARIABLES = ("pain", "fatigue")
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

    @property
    def strength(self) -> Strength:
        return strength(self.rho)


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


def confidence_interval(rho: float, n: int) -> tuple[float, float]:
    """The 95% interval by Fisher's z with the Bonett–Wright SE; needs n > 3."""
    if n <= 3:
        raise ValueError("A confidence interval needs more than 3 pairs.")
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


def associations(days: Sequence[DayValues], *, whose: str = "your") -> list[Association]:
    """Every computable association with at least 14 paired days, in a fixed order (x, y, lag); `whose`
    names the person in the sentences (see `sentence`)."""
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
                ci = confidence_interval(rho, len(xs))
                out.append(Association(x, y, lag, rho, len(xs), ci[0], ci[1],
                                       sentence(x, y, lag, rho, len(xs), ci, whose=whose)))
    return out
