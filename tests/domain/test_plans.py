from datetime import date, timedelta

import pytest

from diary.domain.days import DayValues
from diary.domain.errors import ValidationFailed
from diary.domain.plans import Activity, week_adherence

MONDAY = date(2026, 3, 9)


def day(offset, **values):
    return DayValues(day=MONDAY + timedelta(days=offset), n_checkins=1, **values)


WALK = Activity.create(name="Walk", intensity="moderate", minutes=30, times_per_week=3)
STRENGTH = Activity.create(name="Strength exercises", intensity="strength", times_per_week=2)


class TestActivity:
    def test_dose_in_words(self):
        assert WALK.dose == "30 min, 3 times a week"
        assert STRENGTH.dose == "2 times a week"

    @pytest.mark.parametrize("fields,message", [
        ({"name": "", "intensity": "moderate", "minutes": 30, "times_per_week": 3}, "Name the activity"),
        ({"name": "Walk", "intensity": "moderate", "times_per_week": 3}, "minutes per session"),
        ({"name": "Walk", "intensity": "moderate", "minutes": 30, "times_per_week": 0}, "from 1 to 14"),
        ({"name": "Walk", "intensity": "fast", "minutes": 30, "times_per_week": 3}, "Intensity must be"),
    ])
    def test_bad_input(self, fields, message):
        with pytest.raises(ValidationFailed, match=message):
            Activity.create(**fields)


class TestAdherence:
    def test_sessions_count_same_or_harder_minutes(self):
        days = [day(0, moderate_min=30), day(2, moderate_min=10, vigorous_min=25), day(4, light_min=60),
                day(5, moderate_min=20)]
        w = week_adherence(WALK, days, week_of=MONDAY + timedelta(days=3))
        assert (w.done, w.expected, w.adherence, w.met) == (2, 3, 0.67, False)

    def test_flare_days_leave_the_denominator_and_never_count_against(self):
        days = [day(0, moderate_min=30), day(1, flare=True), day(2, flare=True), day(3, flare=True),
                day(4, moderate_min=45)]
        w = week_adherence(WALK, days, week_of=MONDAY)
        # 3 × 4/7 = 1.71 → 2 expected; 2 done
        assert (w.flare_days, w.expected, w.done, w.adherence, w.met) == (3, 2, 2, 1.0, True)

    def test_a_whole_flare_week_expects_nothing(self):
        days = [day(i, flare=True, moderate_min=60) for i in range(7)]
        w = week_adherence(WALK, days, week_of=MONDAY)
        assert (w.expected, w.done, w.adherence, w.met) == (0, 0, None, None)

    def test_strength_days(self):
        days = [day(0, strength=True), day(3, strength=True), day(4, strength=False)]
        assert week_adherence(STRENGTH, days, week_of=MONDAY).adherence == 1.0

    def test_other_weeks_are_ignored(self):
        days = [day(-1, moderate_min=30), day(7, moderate_min=30)]
        assert week_adherence(WALK, days, week_of=MONDAY).done == 0
