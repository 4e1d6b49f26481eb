"""The first-run welcome as a frozen value: the words, where the diary lives, and the reminder times
to offer. No Flet here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from diary.domain.names import printable_name
from diary.ui import text as T
from diary.ui.state.reminders import reminder_view

SUGGESTED_REMINDER = time(20, 0)


@dataclass(frozen=True)
class WelcomeView:
    where: str  # "Everything you enter is kept here, in /home/…"
    times: tuple[str, ...]  # "06:00" … "23:30"
    suggested: str  # "20:00"


def welcome_view(home, reminder_settings, *, today) -> WelcomeView:
    times = reminder_view(reminder_settings, today=today).times
    return WelcomeView(T.WELCOME_WHERE.format(folder=printable_name(home)), times,
                       SUGGESTED_REMINDER.strftime("%H:%M"))


def read_welcome(diary) -> WelcomeView:
    return welcome_view(diary.home, diary.reminders.settings(), today=diary.reminders.today())
