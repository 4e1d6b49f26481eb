"""The daily-log service: record, correct, delete/restore, history."""

from datetime import timedelta

import pytest

from diary.domain.errors import NotFound, ValidationFailed


class TestRecord:
    def test_first_checkin_of_the_day_is_daily_later_ones_extra(self, diary):
        first = diary.log.record(pain=5)
        second = diary.log.record(pain=7, flare=True)
        assert not first.extra and second.extra
        day = diary.log.day(diary.log.today())
        assert day.pain == 5.0 and (day.pain_now_mean, day.pain_now_max) == (7.0, 7)  # 24 h and "now" kept apart

    def test_a_day_cannot_hold_more_than_1440_minutes_of_one_intensity(self, diary):
        day = diary.log.today() - timedelta(days=1)
        for _ in range(2):
            diary.log.record(day=day, light_min=600)
        with pytest.raises(ValidationFailed, match="Light activity would add up to 1,500 minutes .* at most 240"):
            diary.log.record(day=day, light_min=300)
        assert diary.checkins.count() == 2
        third = diary.log.record(day=day, light_min=240, moderate_min=600)
        with pytest.raises(ValidationFailed, match="can hold at most 240\\."):
            diary.log.update(third.id, light_min=241)
        assert diary.log.update(third.id, light_min=200).light_min == 200

    def test_the_database_refuses_an_overfull_day_from_any_path(self, diary):
        from datetime import datetime

        from diary.domain.entries import CheckIn
        from diary.services.failures import StorageFailed

        day = diary.log.today()
        diary.log.record(day=day, vigorous_min=600)
        diary.log.record(day=day, vigorous_min=600)
        sneaky = CheckIn.create(day=day, recorded_at=datetime(2026, 3, 15, 21).astimezone(), vigorous_min=241)
        with pytest.raises(Exception) as caught:
            diary.checkins.add(sneaky, now=datetime(2026, 3, 15, 21).astimezone())
        assert "1440 minutes" in str(caught.value) or isinstance(caught.value, StorageFailed)
        assert diary.checkins.count() == 2

    def test_future_day_is_refused_and_nothing_stored(self, diary):
        with pytest.raises(ValidationFailed, match="is in the future"):
            diary.log.record(day=diary.log.today() + timedelta(days=1), pain=3)
        assert diary.checkins.count() == 0

    def test_backfilled_day_is_recorded_that_evening(self, diary):
        day = diary.log.today() - timedelta(days=4)
        c = diary.log.record(day=day.isoformat(), pain=3)
        assert c.day == day and c.recorded_at.date() == day and c.recorded_at.hour == 20

    def test_bad_input_stores_nothing(self, diary):
        with pytest.raises(ValidationFailed):
            diary.log.record(pain=3, regions=["knee"])
        assert diary.checkins.count() == 0


class TestCorrectAndDelete:
    def test_update_keeps_unmentioned_answers_and_clears_with_none(self, diary):
        c = diary.log.record(pain=5, stress=3, regions=["neck"], note="x")
        updated = diary.log.update(c.id, stress=None, regions=["neck", "chest"])
        again = diary.checkins.get(c.id)
        assert again == updated
        assert (again.pain, again.stress, again.note) == (5, None, "x")
        assert again.pain_regions == frozenset({"neck", "chest"})

    def test_update_to_a_future_day_is_refused(self, diary):
        c = diary.log.record(pain=5)
        with pytest.raises(ValidationFailed, match="future"):
            diary.log.update(c.id, day=diary.log.today() + timedelta(days=2))
        assert diary.checkins.get(c.id) == c

    def test_delete_and_restore_round_trip(self, diary):
        c = diary.log.record(pain=5, regions={"neck": 4})
        removed = diary.log.delete(c.id)
        assert removed == c and diary.checkins.count() == 0
        diary.log.restore(removed)
        assert diary.checkins.get(c.id) == c

    def test_missing_checkin_is_a_clear_error(self, diary):
        with pytest.raises(NotFound, match="no longer exists"):
            diary.log.delete("nope")
        with pytest.raises(NotFound):
            diary.log.update("nope", pain=3)


class TestHistory:
    def test_includes_gaps_newest_first(self, diary):
        today = diary.log.today()
        diary.log.record(day=today - timedelta(days=2), pain=4)
        days = diary.log.history()
        assert [d.day for d in days] == [today, today - timedelta(days=1), today - timedelta(days=2)]
        assert [d.logged for d in days] == [False, False, True]

    def test_info_counts(self, diary):
        diary.log.record(pain=4)
        diary.log.record(pain=5)
        diary.log.record(day=diary.log.today() - timedelta(days=1), pain=5)
        info = diary.info()
        assert info["days_logged"] == 2 and info["checkins"] == 3
