"""The "Not logged yet today" reminder: when it is due. Pure; the caller passes the time.

A reminder nags only when it can help: the user has turned it on, the chosen time has passed, nothing
was logged today, and quiet mode (for flare days) is not on. Quiet mode runs through a chosen day, or
until it is turned off (`QUIET_UNTIL_OFF`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from diary.domain.errors import Sentence, ValidationFailed

DEFAULT_TIME = time(20, 0)
QUIET_UNTIL_OFF = date.max  # quiet until the user turns quiet mode off
QUIET_CHOICES = {"off": None, "today": 0, "3days": 2, "week": 6, "always": -1}  # days after today; -1: until off
_TIME = re.compile(r"([01]?[0-9]|2[0-3])[:.h]([0-5][0-9])")


@dataclass(frozen=True)
class ReminderSettings:
    """The user's reminder choices. Off until the user picks a time."""

    enabled: bool = False
    at: time = DEFAULT_TIME
    quiet_until: date | None = None

    def quiet_on(self, day: date) -> bool:
        return self.quiet_until is not None and day <= self.quiet_until

    def with_quiet(self, choice: str, *, today: date) -> "ReminderSettings":
        """Quiet mode from a choice in QUIET_CHOICES ("off", "today", "3days", "week", "always")."""
        if choice not in QUIET_CHOICES:
            raise ValidationFailed(Sentence("Unknown quiet mode {choice!r}; choose one of {names}.", choice=choice, names=', '.join(QUIET_CHOICES)),
                                   field="quiet")
        days = QUIET_CHOICES[choice]
        until = None if days is None else QUIET_UNTIL_OFF if days < 0 else today + timedelta(days=days)
        return replace(self, quiet_until=until)

    def quiet_choice(self, *, today: date) -> str:
        """The QUIET_CHOICES key that describes the current quiet mode (for a settings control)."""
        if not self.quiet_on(today):
            return "off"
        if self.quiet_until == QUIET_UNTIL_OFF:
            return "always"
        left = (self.quiet_until - today).days
        return "today" if left == 0 else "3days" if left <= 2 else "week"


def reminder_due(now: datetime, settings: ReminderSettings, *, logged_today: bool) -> bool:
    """Whether to show "Not logged yet today" at `now` (local time).

    Args:
        now: the current local time. settings: the user's choices.
        logged_today: any check-in (first or extra) exists for now.date().
    """
    return (settings.enabled and not logged_today and not settings.quiet_on(now.date())
            and now.time().replace(tzinfo=None) >= settings.at)


def parse_time(text: str) -> time:
    """A reminder time as people type it: "20:00", "8:30", "20.15", "20h15".

    Raises:
        ValidationFailed: anything else, with the form to use.
    """
    match = _TIME.fullmatch(text.strip())
    if not match:
        raise ValidationFailed(Sentence("The reminder time {strip!r} is not a time of day; write it as HH:MM, like 20:00.", strip=text.strip()), field="reminder_time")
    return time(int(match[1]), int(match[2]))
