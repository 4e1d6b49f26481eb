"""The numbers behind the charts: periods, rolling means, weeks, shares, the plan's dose."""

from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from diary.domain.days import DayValues
from diary.domain.plans import Activity
from diary.reports.series import (
    ROLLING_DAYS, ROLLING_MIN_DAYS, flare_runs, period_bounds, plan_dose, region_shares, rolling_mean, span_words,
    weekly_minutes,
)

TODAY = date(2026, 3, 15)  # a Sunday


def day(offset, **values):
    return DayValues(day=TODAY - timedelta(days=offset), n_checkins=1, **values)


class TestPeriodBounds:
    @pytest.mark.parametrize("period, start", [("4w", date(2026, 2, 16)), ("3m", date(2025, 12, 16)),
                                               ("1y", date(2025, 3, 16))])
    def test_periods_end_today(self, period, start):
        assert period_bounds(period, TODAY, None) == (start, TODAY)

    def test_all_starts_at_the_first_day(self):
        assert period_bounds("all", TODAY, date(2024, 1, 2)) == (date(2024, 1, 2), TODAY)
        assert period_bounds("all", TODAY, None) == (TODAY, TODAY)

    def test_month_ends_are_clamped(self):
        assert period_bounds("3m", date(2026, 5, 31), None)[0] == date(2026, 3, 1)

    def test_unknown_period(self):
        with pytest.raises(ValueError, match="4w, 3m, 1y or all"):
            period_bounds("5d", TODAY, None)

    def test_span_words(self):
        assert span_words(*period_bounds("4w", TODAY, None)) == "4 weeks"
        assert span_words(*period_bounds("3m", TODAY, None)) == "3 months"
        assert span_words(*period_bounds("1y", TODAY, None)) == "12 months"


class TestRollingMean:
    def test_needs_four_of_seven_days(self):
        values = {TODAY - timedelta(days=i): 4.0 for i in (0, 1, 2)}
        assert rolling_mean(values, TODAY, TODAY) == [(TODAY, None)]
        values[TODAY - timedelta(days=6)] = 8.0
        assert rolling_mean(values, TODAY, TODAY) == [(TODAY, 5.0)]

    def test_the_window_is_trailing(self):
        values = {TODAY - timedelta(days=i): float(i) for i in range(10)}
        (_, mean), = rolling_mean(values, TODAY, TODAY)
        assert mean == sum(range(7)) / 7


def rolling_mean_by_the_rule(values, start, end):
    """The rule as first written: for each day, the values of it and the six days before, newest first."""
    out = []
    for i in range((end - start).days + 1):
        day_ = start + timedelta(days=i)
        window = [values[d] for d in (day_ - timedelta(days=k) for k in range(ROLLING_DAYS)) if d in values]
        out.append((day_, sum(window) / len(window) if len(window) >= ROLLING_MIN_DAYS else None))
    return out


@given(st.dictionaries(st.integers(0, 60), st.one_of(st.integers(0, 10).map(float),
                                                      st.floats(0, 10, allow_nan=False).map(lambda v: round(v, 3)))),
       st.integers(0, 60), st.integers(-3, 60))
def test_the_rolling_mean_is_the_rule_float_for_float(offsets, start_back, length):
    # rolling_mean slides over one list of the period's values; each mean must be the rule's to the last bit
    # (the same values summed in the same order), so the charts and the PDF draw the same line as before.
    values = {TODAY - timedelta(days=k): v for k, v in offsets.items()}
    start = TODAY - timedelta(days=start_back)
    end = start + timedelta(days=length)
    assert rolling_mean(values, start, end) == rolling_mean_by_the_rule(values, start, end)


def test_flare_runs_join_consecutive_days():
    days = [day(0, flare=True), day(1, flare=True), day(3, flare=True), day(2)]
    assert flare_runs(days, TODAY - timedelta(days=10), TODAY) == [
        (TODAY - timedelta(days=3), 1), (TODAY - timedelta(days=1), 2)]


class TestWeeklyMinutes:
    def test_iso_weeks_and_missing_is_not_zero(self):
        days = [day(0, light_min=10, moderate_min=20), day(6, vigorous_min=5), day(7, light_min=30), day(8)]
        weeks = weekly_minutes(days, TODAY - timedelta(days=13), TODAY)
        assert [w.week_start for w in weeks] == [date(2026, 3, 2), date(2026, 3, 9)]
        assert (weeks[1].light, weeks[1].moderate, weeks[1].vigorous, weeks[1].days_reported) == (10, 20, 5, 2)
        assert (weeks[0].light, weeks[0].days_reported) == (30, 1)  # day 8 reported nothing: not a 0-minute day


class TestPlanDose:
    def test_minutes_at_the_lowest_planned_intensity_or_harder_count(self):
        plan = [Activity.create(name="Walk", intensity="moderate", minutes=30, times_per_week=3),
                Activity.create(name="Run", intensity="vigorous", minutes=20, times_per_week=1),
                Activity.create(name="Strength", intensity="strength", times_per_week=2)]
        dose = plan_dose(plan)
        assert dose.minutes == 110 and dose.parts == ("moderate", "vigorous")
        assert dose.words == "110 minutes of moderate or harder activity"
        (week,) = weekly_minutes([day(0, light_min=200, moderate_min=60, vigorous_min=40)], TODAY, TODAY)
        assert dose.counted(week) == 100

    def test_no_aerobic_activity_no_dose(self):
        assert plan_dose([Activity.create(name="Strength", intensity="strength", times_per_week=2)]) is None


def test_region_shares_count_only_days_with_a_map():
    days = [day(0, regions=frozenset({"neck"})), day(1, regions=frozenset()), day(2), day(3, regions=frozenset({"neck", "chest"}))]
    shares, n = region_shares(days, TODAY - timedelta(days=5), TODAY)
    assert n == 3
    assert shares["neck"] == pytest.approx(2 / 3) and shares["chest"] == pytest.approx(1 / 3)
    assert shares["abdomen"] == 0
