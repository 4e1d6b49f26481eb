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
        flare = at(14, pain=7, regions=["lower_back", "neck"], moderate_min=10, flare=True, note="afternoon",
                   extra=True)
        morning = at(8, pain=5, stress=4, sleep_quality=3, sleep_hours=5.5, strength=True)
        v = day_values(DAY, [evening, flare, morning])
        assert v.n_checkins == 3
        assert v.pain == 4.5  # the two first (24-hour) answers; in real life a day has one
        assert (v.pain_now_mean, v.pain_now_max, v.pain_now_n) == (7.0, 7, 1)
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
        v = day_values(DAY, [at(9, fatigue=1), at(10, fatigue=2), at(11, fatigue=2), at(12, fatigue=2),
                             at(13, fatigue=2), at(14, fatigue=2), at(15, fatigue=2), at(16, fatigue=2)])
        assert v.fatigue == 1.88  # 1.875 → 1.88


class TestTheDaysPain:
    """Issue 15 §2: the first check-in asks about the last 24 hours, extra ones about "right now"."""

    def test_the_issues_example_4_at_24_hours_and_9_now_is_a_day_of_4_not_6_5(self):
        v = day_values(DAY, [at(9, pain=4), at(15, pain=9, extra=True)])
        assert v.pain == 4.0
        assert (v.pain_now_mean, v.pain_now_max, v.pain_now_n) == (9.0, 9, 1)

    def test_momentary_ratings_are_their_own_series(self):
        v = day_values(DAY, [at(8, pain=3), at(12, pain=6, extra=True), at(15, pain=9, extra=True),
                             at(18, pain=8, extra=True)])
        assert v.pain == 3.0
        assert (v.pain_now_mean, v.pain_now_max, v.pain_now_n) == (7.67, 9, 3)  # 23 / 3 = 7.666… → 7.67

    def test_a_day_with_only_momentary_ratings_has_no_days_pain(self):
        v = day_values(DAY, [at(8, fatigue=4), at(15, pain=9, extra=True)])
        assert v.pain is None and v.pain_now_max == 9

    def test_a_skipped_24_hour_pain_is_missing_not_filled_from_now(self):
        v = day_values(DAY, [at(8, stress=2), at(15, pain=5, extra=True), at(16, stress=3, extra=True)])
        assert v.pain is None and (v.pain_now_mean, v.pain_now_n) == (5.0, 1)

    def test_no_momentary_ratings(self):
        v = day_values(DAY, [at(8, pain=2)])
        assert (v.pain_now_mean, v.pain_now_max, v.pain_now_n) == (None, None, 0)


class TestDayMinutesCap:
    def test_a_day_holds_at_most_1440_minutes_of_one_intensity(self):
        from diary.domain.days import check_day_minutes
        from diary.domain.errors import ValidationFailed
        import pytest

        check_day_minutes(at(20, light_min=600), {"light_min": 840})  # exactly a day
        with pytest.raises(ValidationFailed, match=r"1,445 minutes .* at most 495\."):
            check_day_minutes(at(20, light_min=500), {"light_min": 945})
        check_day_minutes(at(20, moderate_min=600), {"light_min": 1440})  # another intensity

    def test_a_correction_that_adds_nothing_passes_on_a_day_over_the_cap(self):
        from diary.domain.days import check_day_minutes
        from diary.domain.errors import ValidationFailed
        import pytest

        before = at(20, light_min=500)
        check_day_minutes(before.changed(light_min=400), {"light_min": 1500}, previous=before)
        check_day_minutes(before.changed(note="x"), {"light_min": 1500}, previous=before)
        with pytest.raises(ValidationFailed):
            check_day_minutes(before.changed(light_min=501), {"light_min": 1500}, previous=before)


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


class TestOneCheckinFastPath:
    """day_values takes a shortcut for a day with one check-in (most days); it must give exactly what the
    general rules give, field by field and type by type."""

    @staticmethod
    def _shape(v):
        return [(name, type(value), value) for name, value in vars(v).items()]

    def test_every_demo_checkin_alone_matches_the_general_rules(self):
        from datetime import timezone

        from diary.domain.days import _combined
        from diary.services.demo import demo_checkins

        checkins = demo_checkins(days=400, seed=9, end=DAY, tz=timezone(timedelta(hours=1)))
        for c in checkins:
            assert self._shape(day_values(c.day, [c])) == self._shape(_combined(c.day, [c]))

    def test_the_edges_match_the_general_rules(self):
        from diary.domain.days import _combined

        cases = [at(9, no_pain=True, strength=True, sleep_hours=7.25), at(9, pain=6, extra=True, regions=["neck"]),
                 at(9, extra=True, fatigue=3, note="now"), at(9, flare=True), at(9, strength=False, light_min=0),
                 at(9, sleep_quality=4, worry=0, vigorous_min=15, regions={"jaw_left": 3, "abdomen": None})]
        for c in cases:
            assert self._shape(day_values(DAY, [c])) == self._shape(_combined(DAY, [c]))
