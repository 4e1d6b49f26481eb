"""What the History screen lists: one row a day, gaps included. No Flet here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from diary.domain.days import DayValues
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
