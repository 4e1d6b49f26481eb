"""The daily log: record, correct, delete and read check-ins, and the day's values."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from diary.domain.days import DayValues, check_day_minutes, day_values, days_between
from diary.domain.entries import CheckIn
from diary.domain.errors import ValidationFailed
from diary.storage.repositories import CheckInRepository
from diary.services.failures import storage_boundary


@storage_boundary
class LogService:
    """Check-ins in and day values out. `clock` returns the current local time (tz-aware)."""

    def __init__(self, *, checkins: CheckInRepository, clock: Callable[[], datetime]):
        self._checkins = checkins
        self._clock = clock

    def today(self) -> date:
        return self._clock().date()

    def record(self, **fields: Any) -> CheckIn:
        """Save a new check-in (today unless `day` is given) and return it as stored.

        A day's second and later check-ins are marked `extra` (their pain means "right now").

        Raises:
            ValidationFailed: bad or empty input, a day in the future, or minutes that would take the
                day past 1,440 of one intensity. Nothing is stored.
        """
        now = self._clock()
        day = _as_day(fields.pop("day", None)) or now.date()
        self._refuse_future(day)
        recorded_at = fields.pop("recorded_at", None) or self._recorded_at(day, now)

        def build(day_has_checkins: bool, minutes_so_far: dict[str, int]) -> CheckIn:
            checkin = CheckIn.create(day=day, recorded_at=recorded_at, extra=day_has_checkins, **fields)
            check_day_minutes(checkin, minutes_so_far)
            return checkin

        return self._checkins.add_to_day(build, day=day, now=now)

    def update(self, checkin_id: str, **fields: Any) -> CheckIn:
        """Replace the answers of an existing check-in (a correction or a back-fill).

        Fields not passed are kept; pass None to clear an answer.
        """
        current = self._checkins.get(checkin_id)
        if "day" in fields:
            fields["day"] = _as_day(fields["day"])
            self._refuse_future(fields["day"])
        updated = current.changed(**fields)
        check_day_minutes(updated, self._checkins.minutes_on(updated.day, excluding=updated.id), previous=current)
        self._checkins.replace(updated, now=self._clock())
        return updated

    def delete(self, checkin_id: str) -> CheckIn:
        """Delete a check-in; returns it so that `restore` can undo the deletion."""
        return self._checkins.delete(checkin_id)

    def restore(self, checkin: CheckIn) -> None:
        """Put back a check-in removed by `delete` (undo)."""
        check_day_minutes(checkin, self._checkins.minutes_on(checkin.day, excluding=checkin.id))
        self._checkins.add(checkin, now=self._clock())

    def first_day(self) -> date | None:
        """The earliest day with a check-in, if any."""
        return self._checkins.first_day()

    def checkins_on(self, day: date) -> list[CheckIn]:
        return self._checkins.between(day, day)

    def day(self, day: date) -> DayValues:
        return day_values(day, self._checkins.between(day, day))

    def history(self, *, days: int | None = None, start: date | None = None, end: date | None = None) -> list[DayValues]:
        """Day values from `start` (or `days` back, or the first logged day) to `end` (today), newest first.
        Days without check-ins are included so gaps show."""
        end = end or self.today()
        if start is None:
            start = end - timedelta(days=days - 1) if days else (self._checkins.first_day() or end)
        return days_between(min(start, end), end, self._checkins.between(start, end))

    def _refuse_future(self, day: date) -> None:
        if day > self.today():
            raise ValidationFailed(
                f"The date {day.isoformat()} is in the future; you can log today ({self.today().isoformat()}) "
                "or an earlier day.",
                field="day",
            )

    @staticmethod
    def _recorded_at(day: date, now: datetime) -> datetime:
        # A back-filled day is recorded at that day's evening, so its check-ins sort in time order
        # and its pain answer reads as "the last 24 hours".
        if day == now.date():
            return now
        return datetime.combine(day, datetime.min.time().replace(hour=20), tzinfo=now.tzinfo)


def _as_day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValidationFailed(f"The date {value!r} is not a real date; write it as YYYY-MM-DD.", field="day") from None
