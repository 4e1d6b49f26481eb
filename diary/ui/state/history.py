"""What the History screen lists: one row a day, gaps included. No Flet here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from diary.domain.days import DayValues
from diary.domain.instruments.weekly import weekly_activity, weekly_pain_mean
from diary.domain.plans import week_start
from diary.ui import text as T
from diary.ui.state.checkin_form import summary_parts

PAGE_DAYS = 30


@dataclass(frozen=True)
class DayRow:
    day: date
    title: str
    subtitle: str
    logged: bool
    flare: bool


def day_title(day: date, today: date) -> str:
    if day == today:
        return f"Today, {day.strftime('%-d %b')}"
    if (today - day).days == 1:
        return f"Yesterday, {day.strftime('%-d %b')}"
    return day.strftime("%a %-d %b %Y" if day.year != today.year else "%a %-d %b")


def history_rows(days: list[DayValues], *, today: date) -> list[DayRow]:
    rows = []
    for values in days:
        parts = summary_parts(values) if values.logged else []
        if values.n_checkins > 1:
            parts.append(T.DAY_CHECKINS.format(n=values.n_checkins))
        rows.append(DayRow(day=values.day, title=day_title(values.day, today),
                           subtitle=", ".join(parts) if parts else T.NOT_LOGGED,
                           logged=values.logged, flare=values.flare))
    return rows


def week_line(days: list[DayValues], *, monday: date) -> str:
    """One line for an ISO week: mean pain (≥ 4 of 7 days), active minutes and the WHO recommendations.

    Follows instruments.md §4: a blank day is "not reported", never 0, and a week with fewer than four
    reported days gets no figure rather than a misleading one.
    """
    by_day = {d.day: d for d in days}
    week = [by_day.get(monday + timedelta(days=i)) for i in range(7)]
    pain = weekly_pain_mean([d.pain if d else None for d in week])
    activity = weekly_activity([
        [d.light_min, d.moderate_min, d.vigorous_min, d.strength]
        if d and any(v is not None for v in (d.light_min, d.moderate_min, d.vigorous_min, d.strength)) else None
        for d in week
    ])
    parts = [T.WEEK_OF.format(day=monday.strftime("%-d %b"))]
    parts.append(T.WEEK_PAIN.format(mean=f"{pain.mean:.1f}", days=pain.days_reported) if pain.valid
                 else T.WEEK_TOO_FEW.format(days=pain.days_reported))
    if activity.valid:
        minutes = activity.light_min + activity.moderate_min + activity.vigorous_min
        parts.append(T.WEEK_ACTIVE.format(minutes=minutes))
        met = [name for name, ok in ((T.WHO_AEROBIC, activity.who_aerobic_met),
                                     (T.WHO_STRENGTH, activity.who_strength_met)) if ok]
        parts.append((T.WHO_MET if len(met) == 1 else T.WHO_BOTH_MET).format(what=" and ".join(met)) if met
                     else T.WHO_NOT_MET)
    return " · ".join(parts)


def weeks_in(days: list[DayValues]) -> list[date]:
    """The Mondays of the weeks the listed days fall in, newest first."""
    return sorted({week_start(d.day) for d in days}, reverse=True)
