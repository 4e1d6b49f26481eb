"""Reminder settings (kept with the diary, so they travel in backups) and whether one is due now."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from diary.domain.reminders import ReminderSettings, reminder_due
from diary.storage.repositories import CheckInRepository, MetaRepository
from diary.services.failures import storage_boundary

_ENABLED, _TIME, _QUIET = "reminder.enabled", "reminder.time", "reminder.quiet_until"


@storage_boundary
class ReminderService:
    def __init__(self, *, meta: MetaRepository, checkins: CheckInRepository, clock: Callable[[], datetime]):
        self._meta, self._checkins, self._clock = meta, checkins, clock

    def settings(self) -> ReminderSettings:
        defaults = ReminderSettings()
        try:
            at = time.fromisoformat(self._meta.get(_TIME) or defaults.at.isoformat())
        except ValueError:
            at = defaults.at
        try:
            quiet = date.fromisoformat(q) if (q := self._meta.get(_QUIET)) else None
        except ValueError:
            quiet = None
        return ReminderSettings(enabled=self._meta.get(_ENABLED) == "1", at=at, quiet_until=quiet)

    def save(self, settings: ReminderSettings) -> None:
        self._meta.set(_ENABLED, "1" if settings.enabled else "0")
        self._meta.set(_TIME, settings.at.strftime("%H:%M"))
        self._meta.set(_QUIET, settings.quiet_until.isoformat() if settings.quiet_until else "")

    def today(self) -> date:
        return self._clock().date()

    def due(self) -> bool:
        """Whether "Not logged yet today" should show now."""
        now = self._clock()
        settings = self.settings()
        if not settings.enabled:  # the common case: no query for today's check-ins
            return False
        return reminder_due(now, settings, logged_today=bool(self._checkins.between(now.date(), now.date())))


def reminders_for(diary) -> ReminderService:
    """The reminder service of an open diary (diary.services.bootstrap.Diary)."""
    return ReminderService(meta=diary.meta, checkins=diary.checkins, clock=diary.clock)
