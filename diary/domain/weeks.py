"""A week's figures from the day values: what History heads each week with and what `weekly.csv` holds.

The rules are diary.domain.instruments.weekly's (instruments.md §4, issue 15 §4): every field counts
its own reported days (pain on the days the 24-hour pain was answered, activity on the days minutes
were, strength on the days it was answered), a mean or sum is valid only with at least 4 of the 7 days
reported, sums are never extrapolated, and the WHO flags are for leisure-time activity only. Weeks are
ISO weeks, Monday to Sunday.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from diary.domain.days import DayValues
from diary.domain.instruments.weekly import (
    MIN_DAYS_REPORTED, WeeklyActivity, WeeklyMean, weekly_activity, weekly_nrs_mean, whole_mean,
)
from diary.domain.plans import week_start


@dataclass(frozen=True)
class WeekFigures:
    monday: date
    pain: WeeklyMean  # the day's pain: the 24-hour rating
    fatigue: WeeklyMean
    stress: WeeklyMean
    activity: WeeklyActivity
    wpi_days_reported: int  # days with a body map (or "no pain")
    wpi_mean: float | None  # mean daily count of painful regions; None with fewer than 4 such days
    regions: frozenset[str]  # every region that hurt on a day of the week


def _activity_day(d: DayValues | None) -> list | None:
    if d is None:
        return None
    return [d.light_min, d.moderate_min, d.vigorous_min, d.strength]


def week_figures(monday: date, days: Iterable[DayValues] | dict[date, DayValues]) -> WeekFigures:
    """The figures of the ISO week starting `monday`, from whichever of `days` (or day → values) fall in it."""
    by_day = days if isinstance(days, dict) else {d.day: d for d in days}
    week = [by_day.get(monday + timedelta(days=i)) for i in range(7)]
    return figures_of_week(
        monday, pain=[d.pain if d else None for d in week], fatigue=[d.fatigue if d else None for d in week],
        stress=[d.stress if d else None for d in week], activity=[_activity_day(d) for d in week],
        maps=[d.regions for d in week if d is not None and d.regions is not None])


def figures_of_week(monday: date, *, pain: list, fatigue: list, stress: list, activity: list,
                    maps: list[frozenset[str]]) -> WeekFigures:
    """The week's figures from its columns, Monday first: `pain`, `fatigue`, `stress` 7 day values each
    (None: not reported), `activity` 7 × [light min, moderate min, vigorous min, strength] or None, and
    `maps` the body maps of the days that had one. week_figures takes them from DayValues; the research
    export, which holds each day's values as a row, passes its columns straight in (one set of rules)."""
    return WeekFigures(
        monday=monday,
        pain=weekly_nrs_mean(pain, label="Pain"),
        fatigue=weekly_nrs_mean(fatigue, label="Fatigue"),
        stress=weekly_nrs_mean(stress, label="Stress"),
        activity=weekly_activity(activity),
        wpi_days_reported=len(maps),
        wpi_mean=whole_mean(sum(map(len, maps)), len(maps)) if len(maps) >= MIN_DAYS_REPORTED else None,
        regions=frozenset().union(*maps) if maps else frozenset(),
    )


def weeks_of(days: Iterable[DayValues]) -> list[WeekFigures]:
    """Every ISO week from the first logged day's to the last's, oldest first."""
    by_day = {d.day: d for d in days}
    logged = sorted(day for day, d in by_day.items() if d.logged)
    if not logged:
        return []
    out, monday = [], week_start(logged[0])
    while monday <= logged[-1]:
        out.append(week_figures(monday, by_day))
        monday += timedelta(days=7)
    return out
