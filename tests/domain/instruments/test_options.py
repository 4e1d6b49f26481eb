"""The documented choices each instrument exposes as options (instruments.md §2)."""

from __future__ import annotations

import pytest

from diary.instruments import score

N = None
PHQ15_ITEM4_MISSING = [1, 2, 2, N, 1, 0, 1, 0, 1, 0, 0, 1, 1, 2, 1]


class TestPhq15Item4:
    def test_male_scores_item4_as_zero_and_ignores_its_answer(self):
        answered = PHQ15_ITEM4_MISSING[:3] + [2] + PHQ15_ITEM4_MISSING[4:]
        result = score("phq15", answered, sex="male")
        assert result.total == 13 and not result.prorated and result.details["item4_applies"] is False
        assert "item4=zero" in result.scoring_rule_id

    def test_exclude_item4_is_the_same_as_male(self):
        assert score("phq15", PHQ15_ITEM4_MISSING, exclude_item4=True) == \
            score("phq15", PHQ15_ITEM4_MISSING, sex="male")

    def test_missing_rule_prorates_over_fourteen_items(self):
        result = score("phq15", PHQ15_ITEM4_MISSING, sex="male", item4_rule="missing")
        assert result.total == pytest.approx(13 * 15 / 14, abs=0.011) and result.prorated

    def test_female_keeps_item4(self):
        assert score("phq15", [0, 0, 0, 2, *[0] * 11], sex="female").total == 2

    def test_modified_recall_is_labelled(self):
        assert score("phq15", [0] * 15, recall_days=7).version == "PHQ-15 (7-day recall, modified)"
        assert "4-week" in score("phq15", [0] * 15).version


def test_wsas_item1_not_applicable_scores_out_of_32():
    result = score("wsas", [N, 8, 8, 8, 8], item1_not_applicable=True)
    assert result.total == 32 and result.band == "moderately_severe_or_worse" and "0–32" in result.version


def test_hads_graded_bands():
    result = score("hads", [3, 1, 3, 1, 3, 1, 2, 1, 1, 1, 1, 1, 2, 1], bands="graded")
    assert result.subscales == {"anxiety": 15, "depression": 7}
    assert result.subscale_bands == {"anxiety": "severe", "depression": "normal"}
    assert score("hads", [1] * 14, bands="graded").subscale_bands["anxiety"] == "normal"
    assert score("hads", [2, 0] * 7, bands="graded").subscale_bands["anxiety"] == "moderate"


def test_ssd12_cutoff_and_recall():
    answers = [2] * 12 + []
    assert "probable_ssd" in score("ssd12", answers).flags  # 24 ≥ 23
    assert "probable_ssd" not in score("ssd12", answers, cutoff=29).flags
    assert score("ssd12", answers, recall_days=7).version == "SSD-12 (7-day recall)"


def test_whiteley7_five_point():
    result = score("whiteley7", [4, 4, 4, 4, 4, 4, 0], response_format="five_point")
    assert result.total == 24 and result.details["score_0_100"] == pytest.approx(85.71, abs=0.011)
    assert "5-point" in result.version


def test_fiq_1991_version():
    answers = [3] * 10 + [0, 5] + [10] * 7  # 19 answers; work missed 0–5 × 2
    result = score("fiq", answers, version="1991")
    assert result.total == pytest.approx(9.99 + 10.01 + 10 + 70, abs=0.011)
    assert result.version == "FIQ 1991" and "version=1991" in result.scoring_rule_id


def test_fiq_thresholds_are_options():
    answers = [N] * 11 + [7, 0] + [0] * 4 + [N] * 3  # 6 components
    assert not score("fiq", answers).valid
    assert score("fiq", answers, min_components=6).valid


def test_ltpai_interval_hours_are_options():
    result = score("ltpai", [N, "A", "B", N], a_hours=0.5, b_hours=2)
    assert result.total == 2.5 and "a_hours=0.5" in result.scoring_rule_id


def test_gas_rho_option():
    # with ρ = 0, T = 50 + 10Σwx/√Σw²: two goals at +1 → 50 + 20/√2
    assert score("gas", [[1, 1], [1, 1]], rho=0).total == pytest.approx(64.14, abs=0.011)
