"""The reminder rule: due only when turned on, past the chosen time, nothing logged today, not quiet."""

from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diary.domain.errors import ValidationFailed
from diary.domain.reminders import QUIET_UNTIL_OFF, ReminderSettings, parse_time, reminder_due

TZ = timezone(timedelta(hours=1))
ON = ReminderSettings(enabled=True, at=time(20, 0))


def at(hour: int, minute: int = 0, day: date = date(2026, 3, 15)) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=TZ)


class TestReminderDue:
    def test_due_at_and_after_the_chosen_time_when_nothing_is_logged(self):
        assert reminder_due(at(20, 0), ON, logged_today=False)
        assert reminder_due(at(23, 59), ON, logged_today=False)

    def test_not_before_the_chosen_time(self):
        assert not reminder_due(at(19, 59), ON, logged_today=False)
        assert not reminder_due(at(0, 5), ON, logged_today=False)  # just after midnight: a new day, not yet

    def test_never_once_the_day_is_logged(self):
        assert not reminder_due(at(21, 0), ON, logged_today=True)

    def test_off_by_default(self):
        assert not ReminderSettings().enabled
        assert not reminder_due(at(23, 0), ReminderSettings(), logged_today=False)

    def test_quiet_mode_silences_through_its_last_day_only(self):
        quiet = ON.with_quiet("3days", today=date(2026, 3, 15))
        assert quiet.quiet_until == date(2026, 3, 17)
        for day in (date(2026, 3, 15), date(2026, 3, 16), date(2026, 3, 17)):
            assert not reminder_due(at(21, 0, day), quiet, logged_today=False)
        assert reminder_due(at(21, 0, date(2026, 3, 18)), quiet, logged_today=False)

    def test_quiet_until_turned_off(self):
        quiet = ON.with_quiet("always", today=date(2026, 3, 15))
        assert quiet.quiet_until == QUIET_UNTIL_OFF
        assert not reminder_due(at(21, 0, date(2030, 1, 1)), quiet, logged_today=False)
        assert reminder_due(at(21, 0), quiet.with_quiet("off", today=date(2026, 3, 15)), logged_today=False)

    @pytest.mark.parametrize("choice", ["off", "today", "3days", "week", "always"])
    def test_quiet_choice_reads_back(self, choice):
        today = date(2026, 3, 15)
        assert ON.with_quiet(choice, today=today).quiet_choice(today=today) == choice

    def test_an_expired_quiet_mode_reads_as_off(self):
        quiet = ON.with_quiet("today", today=date(2026, 3, 15))
        assert quiet.quiet_choice(today=date(2026, 3, 16)) == "off"

    def test_unknown_quiet_choice_is_refused_with_the_choices(self):
        with pytest.raises(ValidationFailed, match="choose one of off, today"):
            ON.with_quiet("forever", today=date(2026, 3, 15))

    @given(st.times(), st.times(), st.booleans(), st.booleans())
    def test_due_exactly_when_every_condition_holds(self, now_time, chosen, logged, enabled):
        settings = ReminderSettings(enabled=enabled, at=chosen.replace(tzinfo=None))
        now = datetime.combine(date(2026, 3, 15), now_time.replace(tzinfo=None), tzinfo=TZ)
        expected = enabled and not logged and now_time.replace(tzinfo=None) >= settings.at
        assert reminder_due(now, settings, logged_today=logged) is expected


class TestParseTime:
    @pytest.mark.parametrize("text, expected", [
        ("20:00", time(20, 0)), ("8:30", time(8, 30)), (" 07:05 ", time(7, 5)), ("20.15", time(20, 15)),
        ("20h15", time(20, 15)), ("23:59", time(23, 59)), ("0:00", time(0, 0)),
    ])
    def test_accepts_common_ways_of_writing_a_time(self, text, expected):
        assert parse_time(text) == expected

    @pytest.mark.parametrize("text", ["", "24:00", "20:60", "8pm", "20", "2000", "-1:00", "20:00:00"])
    def test_refuses_anything_else_with_the_form_to_use(self, text):
        with pytest.raises(ValidationFailed, match="write it as HH:MM"):
            parse_time(text)
