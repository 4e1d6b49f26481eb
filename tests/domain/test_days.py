from datetime import date, datetime, timedelta

from diary.domain.days import day_values, days_between
from diary.domain.entries import CheckIn
from diary.domain.numbers import mean, round_half_up, round_half_up_int

DAY = date(2026, 3, 15)


def at(hour, **fields):
    return CheckIn.create(day=DAY, recorded_at=datetime(2026, 3, 15, hour), **fields)


class TestDayValues:
    def test_no_checkins_is_an_unlogged_day(self):
        v = day_values(DAY, [])
        assert not v.logged and v.pain is None and v.regions is None and v.wpi_count is None

    def test_means_max_union_sums_and_first_sleep(self):
        evening = at(20, pain=4, fatigue=5, stress=3, regions=["neck"], light_min=30, moderate_min=20,
                     sleep_quality=6, sleep_hours=7.0, strength=False, note="evening")
        flare = at(14, pain=7, regions=["lower_back", "neck"], moderate_min=10, flare=True, note="afternoon")
        morning = at(8, pain=5, stress=4, sleep_quality=3, sleep_hours=5.5, strength=True)
        v = day_values(DAY, [evening, flare, morning])
        assert v.n_checkins == 3
        assert v.pain == 5.33 and v.pain_max == 7
        assert v.fatigue == 5.0 and v.stress == 3.5
        assert v.regions == frozenset({"neck", "lower_back"}) and v.wpi_count == 2
        assert v.light_min == 30 and v.moderate_min == 30 and v.vigorous_min is None
        assert (v.sleep_quality, v.sleep_hours) == (3, 5.5)  # from the first check-in of the day
        assert v.strength is True and v.flare is True
        assert v.notes == ("afternoon", "evening")

    def test_missing_stays_missing_not_zero(self):
        v = day_values(DAY, [at(20, stress=2)])
        assert v.pain is None and v.light_min is None and v.strength is None and v.regions is None

    def test_explicit_no_pain_gives_wpi_zero(self):
        assert day_values(DAY, [at(20, no_pain=True)]).wpi_count == 0

    def test_sleep_comes_from_first_checkin_that_reports_it(self):
        v = day_values(DAY, [at(9, pain=3), at(20, sleep_hours=8.0)])
        assert v.sleep_hours == 8.0

    def test_mean_rounds_half_up(self):
        v = day_values(DAY, [at(9, pain=1), at(10, pain=2), at(11, pain=2), at(12, pain=2), at(13, pain=2),
                             at(14, pain=2), at(15, pain=2), at(16, pain=2)])
        assert v.pain == 1.88  # 1.875 → 1.88


class TestDaysBetween:
    def test_every_day_newest_first_with_gaps(self):
        c = at(20, pain=3)
        days = days_between(DAY - timedelta(days=2), DAY, [c])
        assert [d.day for d in days] == [DAY, DAY - timedelta(days=1), DAY - timedelta(days=2)]
        assert [d.logged for d in days] == [True, False, False]


class TestRounding:
    def test_half_up_not_bankers(self):
        assert round_half_up_int(10.5) == 11 and round_half_up_int(2.5) == 3
        assert round_half_up(13.125) == 13.13 and round_half_up(2.675) == 2.68

    def test_mean_of_nothing_is_missing(self):
        assert mean([]) is None
