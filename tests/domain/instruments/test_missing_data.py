"""Each instrument's missing-data edge: the most that may be missing is valid and prorated; one more
is invalid with no total (instruments.md §2, "Missing data")."""

from __future__ import annotations

import pytest

from diary.instruments import score

N = None

# id → (number of items, an answer every item accepts, the most items that may be missing)
COUNT_RULES = {
    "phq15": (15, 1, 3), "phq9": (9, 1, 2), "gad7": (7, 1, 2), "ssd12": (12, 2, 2), "whiteley7": (7, 1, 1),
    "wsas": (5, 3, 1), "sci93": (35, 2, 3),
}


def _missing_first(n_items: int, value: int, k: int) -> list:
    return [N] * k + [value] * (n_items - k)


@pytest.mark.parametrize("instrument_id", COUNT_RULES)
def test_most_missing_allowed_is_valid_and_prorated(instrument_id):
    n_items, value, most = COUNT_RULES[instrument_id]
    result = score(instrument_id, _missing_first(n_items, value, most))
    assert result.valid and result.prorated and result.n_missing == most
    # proration = sum × n_items / n_answered, here every answered item is `value`
    assert result.total == pytest.approx(value * n_items, abs=0.011)


@pytest.mark.parametrize("instrument_id", COUNT_RULES)
def test_one_more_missing_is_invalid(instrument_id):
    n_items, value, most = COUNT_RULES[instrument_id]
    result = score(instrument_id, _missing_first(n_items, value, most + 1))
    assert not result.valid and result.total is None and result.total_rounded is None and result.band is None
    assert not result.prorated and result.n_missing == most + 1 and result.n_answered == n_items - most - 1


@pytest.mark.parametrize("instrument_id", [*COUNT_RULES, "hads", "mfi20", "rand36", "fiq", "fiqr"])
def test_nothing_answered_is_invalid(instrument_id):
    n_items = {"hads": 14, "mfi20": 20, "rand36": 36, "fiq": 20, "fiqr": 21}.get(instrument_id) or \
        COUNT_RULES[instrument_id][0]
    for answers in (None, [N] * n_items):
        result = score(instrument_id, answers)
        assert not result.valid and result.total is None and result.n_answered == 0


def test_max_missing_option_changes_the_threshold():
    answers = [N, N, N, 1, 1, 1, 1, 1, 1]
    assert not score("phq9", answers).valid
    assert score("phq9", answers, max_missing=3).valid  # the DC/TMD manual's rule
    assert not score("phq15", [N] * 4 + [1] * 11).valid
    assert score("phq15", [N] * 5 + [1] * 10, max_missing=5).valid


class TestSubscaleRules:
    def test_ssd12_subscale_allows_one_missing_of_four(self):
        one = score("ssd12", [N, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2])
        two = score("ssd12", [N, 2, 2, N, 2, 2, 2, 2, 2, 2, 2, 2])
        assert one.subscales["cognitive"] == 8 and two.subscales["cognitive"] is None
        assert two.valid and two.total == 24  # the total allows 2 missing

    def test_hads_one_missing_per_subscale_then_invalid(self):
        one = score("hads", [N, *[1] * 13])
        two = score("hads", [N, 1, N, *[1] * 11])
        assert one.subscales["anxiety"] == 7 and one.prorated
        assert two.subscales["anxiety"] is None and two.subscale_bands["anxiety"] is None
        assert two.valid and two.subscales["depression"] == 7  # no total: valid while a subscale is

    def test_hads_both_subscales_invalid_is_invalid(self):
        result = score("hads", [N, N, N, N, *[1] * 10])
        assert not result.valid

    def test_mfi20_total_needs_every_subscale(self):
        one = score("mfi20", [N, *[3] * 19])
        two = score("mfi20", [N, 3, 3, 3, N, *[3] * 15])  # items 1 and 5: both general fatigue
        assert one.valid and one.subscales["general_fatigue"] == 12 and one.prorated
        assert not two.valid and two.total is None and two.subscales["general_fatigue"] is None
        assert two.subscales["physical_fatigue"] == 12

    def test_rand36_scale_needs_only_one_item(self):
        answers = [N] * 36
        answers[20] = 1  # item 21, pain: 1 → 100
        result = score("rand36", answers)
        assert result.valid and result.subscales["pain"] == 100 and result.subscales["general_health"] is None


class TestFiqAndFiqr:
    FULL = [1] * 11 + [3, 2] + [5] * 7

    def test_fiq_physical_function_needs_six_sub_items(self):
        six = score("fiq", [N] * 5 + self.FULL[5:])
        five = score("fiq", [N] * 6 + self.FULL[6:])
        assert six.subscales["physical_function"] == pytest.approx(3.33, abs=0.011)
        assert five.subscales["physical_function"] is None and five.valid  # 9 of 10 components left

    def test_fiq_total_needs_seven_components(self):
        seven = score("fiq", self.FULL[:13] + [N, N, N] + self.FULL[16:])
        six = score("fiq", self.FULL[:13] + [N, N, N, N] + self.FULL[17:])
        assert seven.valid and seven.prorated
        assert not six.valid and six.total is None

    def test_fiq_prorates_over_answered_components(self):
        # components: PF 3.33, feel good 4 × 1.43, work missed 2 × 1.43, 5 VAS at 5 → × 10/8
        result = score("fiq", self.FULL[:13] + [N, N] + self.FULL[15:])
        expected = (3.33 + 4 * 1.43 + 2 * 1.43 + 25) * 10 / 8
        assert result.total == pytest.approx(expected, abs=0.011)

    def test_fiqr_one_function_item_missing_is_valid_two_is_not(self):
        assert score("fiqr", [N] + [5] * 20).valid
        result = score("fiqr", [N, N] + [5] * 19)
        assert not result.valid and result.subscales["function"] is None

    def test_fiqr_overall_item_missing_is_invalid(self):
        answers = [5] * 21
        answers[9] = N
        assert not score("fiqr", answers).valid


def test_gas_needs_one_rated_goal():
    assert score("gas", [N, N, [1, 2]]).valid
    assert not score("gas", []).valid and not score("gas", None).valid


def test_wsas_item1_not_applicable_is_not_missing():
    result = score("wsas", [N, 4, 4, 4, 4], item1_not_applicable=True)
    assert result.valid and not result.prorated and result.total == 16 and result.n_missing == 0
    prorated = score("wsas", [N, 4, N, 4, 4], item1_not_applicable=True)
    assert prorated.total == 16 and prorated.prorated
    assert not score("wsas", [N, 4, N, N, 4], item1_not_applicable=True).valid
