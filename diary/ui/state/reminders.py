"""Settings → Reminder as a frozen value, and the sentence after a change. No Flet here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from diary.domain.reminders import QUIET_CHOICES, ReminderSettings
from diary.i18n.formats import clock
from diary.ui import text as T

REMINDER_TIMES = [time(h, m) for h in range(6, 24) for m in (0, 30)]


@dataclass(frozen=True)
class ReminderView:
    enabled: bool
    at: str  # "20:00"
    times: tuple[str, ...]
    quiet: str  # a key of QUIET_CHOICES
    quiet_choices: tuple[tuple[str, str], ...]


def reminder_view(settings: ReminderSettings, *, today: date) -> ReminderView:
    return ReminderView(settings.enabled, clock(settings.at),
                        tuple(clock(t) for t in sorted({*REMINDER_TIMES, settings.at})),
                        settings.quiet_choice(today=today),
                        tuple((k, T.REMINDER_QUIET_CHOICES[k]) for k in QUIET_CHOICES))


def reminder_saved(before: ReminderSettings, after: ReminderSettings, *, quiet: str) -> str:
    if after.quiet_until != before.quiet_until:
        return T.REMINDER_SAVED_QUIET.format(choice=T.REMINDER_QUIET_CHOICES[quiet].lower())
    if after.enabled:
        return T.REMINDER_SAVED_ON.format(time=clock(after.at))
    return T.REMINDER_SAVED_OFF
