"""The numbers behind the charts and the clinician summary, without any drawing.

Rules, in one place:
- a period is `start`…`end` inclusive; "the period before" is the same number of days just before it;
- the 7-day rolling mean of a day is the mean of that day and the 6 before it (trailing window), shown
  only when at least 4 of those 7 days have a value (the weekly-mean rule of the instruments);
- a week is the ISO week (Monday to Sunday); activity minutes count only days inside the period;
- a region's share is the days it hurt over the days with a body map filled in (days without a map say
  nothing about pain locations, so they are not in the denominator);
- questionnaire results count only when complete and valid; one per ISO week (the latest that week).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Literal

from diary.domain.days import DayValues
from diary.domain.goal_progress import intermediate_t_score
from diary.domain.goals import Goal, Rater, Rating
from diary.domain.instruments import Score
from diary.domain.marks import N_
from diary.domain.numbers import round_half_up  # noqa: F401 - reports import it here
from diary.domain.plans import Activity, Intensity, week_start
from diary.domain.questionnaires import Response, completed  # noqa: F401 - completed: reports import it here
from diary.domain.regions import REGIONS
from diary.i18n import _, ngettext
from diary.i18n.formats import day_month, day_month_year, one_decimal  # noqa: F401 - one_decimal: charts import it here

Measure = Literal["pain", "fatigue", "stress"]
MEASURE_NAMES: dict[str, str] = {"pain": N_("Pain"), "fatigue": N_("Fatigue"), "stress": N_("Stress")}  # _() to show;
# pain: the 24-hour rating
ROLLING_DAYS, ROLLING_MIN_DAYS = 7, 4
Period = str  # "4w", "3m", "1y" or "all" on screens; any "<N>w" (weeks) from the command line


def _months_back(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):  # clamp 31 May − 3 months to the end of February
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def period_bounds(period: Period, today: date, first_day: date | None) -> tuple[date, date]:
    """The first and last day (inclusive) of a chart period ending `today`.

    "<N>w" is the N × 7 days to today ("4w": 28 days; `diary report --weeks N` asks for "<N>w"); "3m" and
    "1y" go back 3 or 12 calendar months (the day after the same date then); "all" starts at `first_day`,
    the first day with an entry (today when there is none).

    Raises:
        ValueError: an unknown period.
    """
    weeks = period[:-1] if period.endswith("w") else ""
    if weeks.isdigit() and weeks.isascii() and int(weeks) > 0:
        return today - timedelta(days=7 * int(weeks) - 1), today
    if period in ("3m", "1y"):
        return _months_back(today, 3 if period == "3m" else 12) + timedelta(days=1), today
    if period == "all":
        return min(first_day or today, today), today
    raise ValueError(f"Unknown period {period!r}; use 4w, 3m, 1y or all (or any number of weeks, like 12w).")


def n_days(start: date, end: date) -> int:
    return (end - start).days + 1


def span_words(start: date, end: date) -> str:
    """The period's length in words: "4 weeks", "3 months", "12 months", else "45 days"."""
    n = n_days(start, end)
    if n % 7 == 0 and n <= 84:
        return ngettext("{n} week", "{n} weeks", n // 7).format(n=n // 7)
    months = 3 if 89 <= n <= 92 else 6 if 181 <= n <= 184 else 12 if n in (365, 366) else None
    if months:
        return ngettext("{n} month", "{n} months", months).format(n=months)
    return ngettext("{n} day", "{n} days", n).format(n=n)


def day_label(day: date, *, year: bool = False) -> str:
    """"3 Mar" (or "3 Mar 2026"; "3 mars 2026" in Swedish): short, unambiguous, no leading zero."""
    return day_month_year(day) if year else day_month(day)


def by_day(days: Iterable[DayValues]) -> dict[date, DayValues]:
    return {d.day: d for d in days}


def values_of(days: Iterable[DayValues], measure: str) -> dict[date, float]:
    """Day → the day's value of `measure`, for the days that have one."""
    return {d.day: getattr(d, measure) for d in days if getattr(d, measure) is not None}


def period_mean(values: dict[date, float], start: date, end: date) -> tuple[float | None, int]:
    """The plain mean of the values dated within the period, and how many there were."""
    inside = [v for d, v in values.items() if start <= d <= end]
    return (sum(inside) / len(inside) if inside else None), len(inside)


def previous_period(start: date, end: date) -> tuple[date, date]:
    length = n_days(start, end)
    return start - timedelta(days=length), start - timedelta(days=1)


def rolling_mean(values: dict[date, float], start: date, end: date) -> list[tuple[date, float | None]]:
    """The trailing 7-day mean for each day of the period; None where fewer than 4 of the 7 have values."""
    first = start - timedelta(days=ROLLING_DAYS - 1)
    days = [first + timedelta(days=i) for i in range(n_days(first, end))]
    series = [values.get(day) for day in days]
    out = []
    for i in range(ROLLING_DAYS - 1, len(days)):
        # The day and the six before it, newest first (the order of the sum, so every mean stays the same).
        window = [v for v in series[i - ROLLING_DAYS + 1 : i + 1] if v is not None][::-1]
        out.append((days[i], sum(window) / len(window) if len(window) >= ROLLING_MIN_DAYS else None))
    return out


def flare_runs(days: Iterable[DayValues], start: date, end: date) -> list[tuple[date, int]]:
    """Consecutive flare days within the period as (first day, length)."""
    flares = sorted(d.day for d in days if d.flare and start <= d.day <= end)
    runs: list[tuple[date, int]] = []
    for day in flares:
        if runs and runs[-1][0] + timedelta(days=runs[-1][1]) == day:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((day, 1))
    return runs


def active_minutes(day: DayValues) -> int | None:
    """Light + moderate + vigorous minutes; None when the day reported none of them."""
    parts = [day.light_min, day.moderate_min, day.vigorous_min]
    return None if all(p is None for p in parts) else sum(p or 0 for p in parts)


@dataclass(frozen=True)
class WeekMinutes:
    week_start: date  # a Monday
    light: int
    moderate: int
    vigorous: int
    days_reported: int  # days of this week inside the period that reported any minutes

    @property
    def total(self) -> int:
        return self.light + self.moderate + self.vigorous


def weekly_minutes(days: Iterable[DayValues], start: date, end: date) -> list[WeekMinutes]:
    """Minutes per ISO week for every week the period touches, oldest first (weeks with no report are 0)."""
    days_in = [d for d in days if start <= d.day <= end]
    first, weeks = week_start(start), []
    while first <= end:
        mine = [d for d in days_in if first <= d.day < first + timedelta(days=7)]
        weeks.append(WeekMinutes(
            week_start=first,
            light=sum(d.light_min or 0 for d in mine), moderate=sum(d.moderate_min or 0 for d in mine),
            vigorous=sum(d.vigorous_min or 0 for d in mine),
            days_reported=sum(1 for d in mine if active_minutes(d) is not None),
        ))
        first += timedelta(days=7)
    return weeks


def weekly_dose_min(activities: Iterable[Activity]) -> int | None:
    """The plan's weekly aerobic minutes (minutes × times a week, summed); None without aerobic activities."""
    dose = plan_dose(activities)
    return dose.minutes if dose else None


INTENSITY_PARTS = {Intensity.LIGHT: ("light", "moderate", "vigorous"), Intensity.MODERATE: ("moderate", "vigorous"),
                   Intensity.VIGOROUS: ("vigorous",)}


@dataclass(frozen=True)
class PlanDose:
    """The plan's weekly aerobic dose and which minutes count toward it: those at the plan's lowest
    aerobic intensity or harder (a plan of brisk walks is not met by strolling)."""

    minutes: int
    lowest: Intensity

    @property
    def parts(self) -> tuple[str, ...]:
        return INTENSITY_PARTS[self.lowest]

    def counted(self, week: "WeekMinutes") -> int:
        return sum(getattr(week, part) for part in self.parts)

    @property
    def short(self) -> str:
        """"90 min moderate+", for chart titles."""
        kind = {Intensity.LIGHT: _("{minutes} min any intensity"), Intensity.MODERATE: _("{minutes} min moderate+"),
                Intensity.VIGOROUS: _("{minutes} min vigorous")}
        return kind[self.lowest].format(minutes=self.minutes)

    @property
    def words(self) -> str:
        """"90 minutes of moderate or harder activity"; "60 minutes of activity" when light counts."""
        if self.lowest is Intensity.LIGHT:
            return _("{minutes} minutes of activity").format(minutes=self.minutes)
        if self.lowest is Intensity.VIGOROUS:
            return _("{minutes} minutes of vigorous activity").format(minutes=self.minutes)
        return _("{minutes} minutes of moderate or harder activity").format(minutes=self.minutes)


def plan_dose(activities: Iterable[Activity]) -> PlanDose | None:
    aerobic = [a for a in activities if a.intensity is not Intensity.STRENGTH and a.minutes]
    if not aerobic:
        return None
    order = [Intensity.LIGHT, Intensity.MODERATE, Intensity.VIGOROUS]
    lowest = min((a.intensity for a in aerobic), key=order.index)
    return PlanDose(sum(a.minutes * a.times_per_week for a in aerobic), lowest)


def weekly_latest(results: list[tuple[date, Score]]) -> list[tuple[date, Score]]:
    """One result per ISO week, the latest of that week, oldest first."""
    latest: dict[date, tuple[date, Score]] = {}
    for day, result in results:
        latest[week_start(day)] = (day, result)
    return [latest[w] for w in sorted(latest)]


def region_shares(days: Iterable[DayValues], start: date, end: date) -> tuple[dict[str, float], int]:
    """Each WPI region's share of the period's body-map days on which it hurt, and that number of days."""
    maps = [d.regions for d in days if start <= d.day <= end and d.regions is not None]
    if not maps:
        return {}, 0
    return {r: sum(r in m for m in maps) / len(maps) for r in REGIONS}, len(maps)


def t_score_series(goals: list[Goal], ratings: list[Rating], start: date, end: date, *,
                   rater: Rater) -> list[tuple[date, float]]:
    """The intermediate goals' T-score from `rater`'s ratings on each day in the period on which that
    rater rated a goal (each goal's latest rating so far; goal_progress.intermediate_t_score)."""
    ids = {g.id for g in goals}
    dates = sorted({r.rated_on for r in ratings
                    if r.goal_id in ids and r.rater is rater and start <= r.rated_on <= end})
    scored = [(d, intermediate_t_score(goals, ratings, rater=rater, at=d)) for d in dates]
    return [(d, t) for d, t in scored if t is not None]
