"""One test per worked example in shared/reference/instruments.md (§2 instruments, §4 weekly diary)."""

from __future__ import annotations

import pytest

from diary.instruments import score, weekly_activity, weekly_pain_mean
from tests.domain.instruments.vectors import VECTORS, close

N = None


@pytest.mark.parametrize(("instrument_id", "answers", "options", "expected"),
                         [pytest.param(*v[1:], id=v[0]) for v in VECTORS])
def test_worked_example(instrument_id, answers, options, expected):
    result = score(instrument_id, answers, **options)
    assert result.instrument_id == instrument_id
    if "total" in expected:
        assert close(result.total, expected["total"]), result.total
    if "total_rounded" in expected:
        assert result.total_rounded == expected["total_rounded"]
    elif expected.get("total") is not None:
        assert result.total_rounded is not None
    for key in ("band", "valid", "prorated"):
        if key in expected:
            assert getattr(result, key) == expected[key], key
    if "valid" not in expected:
        assert result.valid
    for name, value in expected.get("subscales", {}).items():
        assert close(result.subscales[name], value), (name, result.subscales[name])
    for name, value in expected.get("subscale_bands", {}).items():
        assert result.subscale_bands[name] == value, name
    for name, value in expected.get("details", {}).items():
        assert close(result.details[name], value), (name, result.details[name])
    assert expected.get("flags", set()) <= result.flags
    assert not expected.get("no_flags", set()) & result.flags


def test_sci93_items_1_and_11_as_written():
    """instruments.md §2.13 says items 1 and 11 missing gives 65 × 35/33; in the 7 × (2, 3, 2, 1, 2)
    pattern both items are 2, so the answered sum is 66 and the prorated total is exactly 70."""
    answers = [N if i in (0, 10) else [2, 3, 2, 1, 2][i % 5] for i in range(35)]
    result = score("sci93", answers)
    assert result.total == 70.0 and result.prorated and result.n_missing == 2


class TestWeeklyPainMean:
    @pytest.mark.parametrize(("values", "mean", "days"), [
        pytest.param([4, 5, 6, N, 5, 4, N], 4.8, 5, id="five-days"),
        pytest.param([0] * 7, 0, 7, id="all-0"),
        pytest.param([10] * 7, 10, 7, id="all-10"),
    ])
    def test_valid_weeks(self, values, mean, days):
        result = weekly_pain_mean(values)
        assert result.valid and close(result.mean, mean) and result.days_reported == days

    def test_three_days_is_invalid(self):
        result = weekly_pain_mean([4, N, 5, N, N, 6, N])
        assert not result.valid and result.mean is None and result.days_reported == 3


class TestWeeklyActivity:
    def test_five_days_below_who_aerobic_with_two_strength_days(self):
        week = [[40, 15, 5, True], [30, 15, 5, False], N, [35, 15, 5, True], [30, 15, 5, False], N,
                [35, 15, 5, False]]
        result = weekly_activity(week)
        assert result.valid and result.days_reported == 5
        assert (result.light_min, result.moderate_min, result.vigorous_min) == (170, 75, 25)
        assert close(result.total_hours, 4.5) and close(result.mvpa_hours, 1.67)
        assert result.moderate_equivalent_min == 125 and result.who_aerobic_met is False
        assert result.strength_days == 2 and result.who_strength_met is True

    def test_all_zero(self):
        result = weekly_activity([[0, 0, 0, False]] * 7)
        assert result.valid and result.total_hours == 0 and result.mvpa_hours == 0
        assert not result.who_aerobic_met and not result.who_strength_met

    def test_daily_hour_meets_both(self):
        result = weekly_activity([[60, 30, 0, True]] * 7)
        assert result.moderate_equivalent_min == 210 and result.moderate_min == 210
        assert result.who_aerobic_met and result.who_strength_met and result.days_reported == 7

    def test_nothing_reported_is_invalid(self):
        result = weekly_activity([N] * 7)
        assert not result.valid and result.days_reported == 0 and result.total_hours is None

    def test_four_days_of_only_strength_no_is_not_a_valid_week_of_0_minutes(self):
        """Issue 15 §4: a day counts per field, not because any field was filled."""
        result = weekly_activity([[N, N, N, False]] * 4 + [N] * 3)
        assert not result.valid and result.days_reported == 0 and result.moderate_min is None
        assert result.who_aerobic_met is None
        assert result.strength_days_reported == 4 and result.strength_days == 0 and result.who_strength_met is False

    def test_minutes_and_strength_are_reported_on_their_own_days(self):
        week = [[30, N, N, N], [N, 20, N, N], [10, N, 5, N], [0, N, N, True], N, [N, N, N, True], N]
        result = weekly_activity(week)
        assert result.valid and result.days_reported == 4 and result.moderate_equivalent_min == 30
        assert result.strength_days_reported == 2 and result.who_strength_met is None  # 2 answers: too few
