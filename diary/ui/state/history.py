"""What the History screen shows, as frozen values: the list of days (a heading above each week, one row
a day, gaps included) and one day's check-ins. `history_list` and `day_view` are pure functions of the
log's answers; `read_history_list` and `read_day` ask the log. No Flet here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from diary.domain.days import DayValues
from diary.domain.entries import CheckIn
from diary.domain.numbers import one_decimal
from diary.domain.plans import week_start
from diary.domain.weeks import week_figures
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
            parts.append(T.check_ins(values.n_checkins))
        rows.append(DayRow(day=values.day, title=day_title(values.day, today),
                           subtitle=", ".join(parts) if parts else T.NOT_LOGGED,
                           logged=values.logged, flare=values.flare))
    return rows


def week_line(days: list[DayValues], *, monday: date) -> str:
    """One line for an ISO week: mean pain (≥ 4 of 7 days), active minutes and the WHO targets.

    Follows diary.domain.weeks (instruments.md §4, issue 15 §4): each field counts its own reported
    days, a blank is "not reported", never 0, and a week with fewer than four reported days of a field
    gets no figure for it rather than a misleading one.
    """
    figures = week_figures(monday, days)
    pain, activity = figures.pain, figures.activity
    parts = [T.WEEK_OF.format(day=monday.strftime("%-d %b"))]
    parts.append(T.WEEK_PAIN.format(mean=one_decimal(pain.mean), days=pain.days_reported) if pain.valid
                 else T.WEEK_TOO_FEW.format(days=pain.days_reported))
    if activity.valid:
        minutes = activity.light_min + activity.moderate_min + activity.vigorous_min
        parts.append(T.WEEK_ACTIVE.format(minutes=minutes))
        parts.append((T.WHO_AEROBIC_MET if activity.who_aerobic_met else T.WHO_AEROBIC_BELOW)
                     .format(days=activity.days_reported))
    elif activity.days_reported:
        parts.append(T.WEEK_ACTIVITY_TOO_FEW.format(days=activity.days_reported))
    if activity.who_strength_met is not None:
        parts.append(T.WHO_STRENGTH_MET if activity.who_strength_met
                     else T.WHO_STRENGTH_BELOW.format(days=activity.strength_days_reported))
    return " · ".join(parts)


def weeks_in(days: list[DayValues]) -> list[date]:
    """The Mondays of the weeks the listed days fall in, newest first."""
    return sorted({week_start(d.day) for d in days}, reverse=True)


@dataclass(frozen=True)
class WeekHeading:
    monday: date
    line: str


@dataclass(frozen=True)
class HistoryList:
    """The days shown, newest first, each week headed by its figures; whether older days remain."""

    items: tuple[WeekHeading | DayRow, ...]
    more: bool


def history_list(days: list[DayValues], whole_weeks: list[DayValues], *, today: date, first: date,
                 days_shown: int) -> HistoryList:
    """`days`: the days on the page; `whole_weeks`: every day of the weeks they fall in (the week figures
    judge a whole week, not the few of its days on the page)."""
    headings = {monday: week_line(whole_weeks, monday=monday) for monday in weeks_in(days)}
    items: list[WeekHeading | DayRow] = []
    for row in history_rows(days, today=today):
        monday = week_start(row.day)
        if monday in headings:
            items.append(WeekHeading(monday, headings.pop(monday)))
        items.append(row)
    return HistoryList(tuple(items), more=first < today - timedelta(days=days_shown - 1))


def read_history_list(log, *, days_shown: int) -> HistoryList:
    """From the first logged day (at least the last week, for back-filling), `days_shown` days at most."""
    today = log.today()
    first = log.first_day() or today
    start = max(min(first, today - timedelta(days=6)), today - timedelta(days=days_shown - 1))
    days = log.history(start=start)
    whole_weeks = log.history(start=week_start(start), end=today) if days else []
    return history_list(days, whole_weeks, today=today, first=first, days_shown=days_shown)


@dataclass(frozen=True)
class CheckInCard:
    checkin: CheckIn
    time: str
    summary: str


@dataclass(frozen=True)
class DayView:
    day: date
    title: str
    cards: tuple[CheckInCard, ...]  # empty: nothing logged, so the day opens as a back-fill form


def day_view(day: date, checkins: list[CheckIn], *, today: date) -> DayView:
    return DayView(day, day_title(day, today), tuple(
        CheckInCard(c, c.recorded_at.strftime("%H:%M"), ", ".join(summary_parts(c))) for c in checkins))


def read_day(log, day: date) -> DayView:
    return day_view(day, log.checkins_on(day), today=log.today())
