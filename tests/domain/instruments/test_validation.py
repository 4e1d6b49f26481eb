"""Bad input: one sentence naming the item and the allowed answers, raised as ValidationFailed."""

from __future__ import annotations

import math

import pytest

from diary.domain.errors import DiaryError, ValidationFailed
from diary.instruments import INSTRUMENTS, score, weekly_activity, weekly_pain_mean

N = None


def _fails(instrument_id, answers, **options) -> str:
    with pytest.raises(ValidationFailed) as caught:
        score(instrument_id, answers, **options)
    assert isinstance(caught.value, DiaryError)
    return str(caught.value)


def test_value_out_of_range_names_item_and_allowed_values():
    assert _fails("phq9", [0, 0, 4, 0, 0, 0, 0, 0, 0]) == \
        "PHQ-9 item 3: 4 is not allowed; answers are 0, 1, 2 or 3 (or empty for missing)."


def test_wrong_item_count():
    assert _fails("phq9", [0] * 8) == "PHQ-9 has 9 items; got 8 answers."
    assert _fails("pain_nrs", [4, 5]) == "Pain NRS 0–10 has 1 item; got 2 answers."


def test_unknown_instrument_lists_known_ids():
    message = _fails("phq8", [0] * 8)
    assert message.startswith("Unknown instrument 'phq8'; known instruments are ")
    assert all(instrument_id in message for instrument_id in INSTRUMENTS)


@pytest.mark.parametrize("bad", [True, False, 2.0, "2", [2]])
def test_only_whole_numbers_where_items_take_codes(bad):
    assert _fails("phq9", [bad, *[0] * 8]).startswith(f"PHQ-9 item 1: {bad!r} is not allowed;")


def test_answers_must_be_a_list():
    assert "must be a list of 9 values" in _fails("phq9", "000000000")
    assert "must be a list of 9 values" in _fails("phq9", {1: 0})


@pytest.mark.parametrize(("instrument_id", "answers", "expected"), [
    ("rand36", [1] * 12 + [3] + [1] * 23, "RAND-36 item 13: 3 is not allowed; answers are 1 or 2"),
    ("mfi20", [0] + [1] * 19, "MFI-20 item 1: 0 is not allowed; answers are 1, 2, 3, 4 or 5"),
    ("fiq", [0] * 11 + [8, 0] + [0] * 7, "FIQ item 12: 8 is not allowed; answers are whole numbers from 0 to 7"),
    ("fiq", [0] * 11 + [7, 0] + [10.5] + [0] * 6, "FIQ item 14: 10.5 is not allowed; answers are numbers from 0 to 10"),
    ("pain_nrs", 11, "Pain NRS 0–10 item 1: 11 is not allowed; answers are 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 or 10"),
    ("pain_nrs", 4.5, "Pain NRS 0–10 item 1: 4.5 is not allowed"),
    ("vas_0_100", 101, "Pain VAS 0–100 mm item 1: 101 is not allowed; answers are numbers from 0 to 100"),
    ("vas_0_100", math.nan, "Pain VAS 0–100 mm item 1: nan is not allowed"),
    ("wsas", [9, 0, 0, 0, 0], "WSAS item 1: 9 is not allowed; answers are 0, 1, 2, 3, 4, 5, 6, 7 or 8"),
    ("wpi19", [True] * 18, "Pain locations (wpi19) has 19 regions; got 18 answers."),
    ("wpi19", [N] + [False] * 18, "Pain locations (wpi19) region 1 (jaw_left): None is not allowed"),
    ("wpi19", [2] + [False] * 18, "region 1 (jaw_left): 2 is not allowed; answers are true or false"),
    ("gas", [[3, 1]], "GAS goal 1: level 3 is not allowed; levels are -2, -1, 0, 1 or 2"),
    ("gas", [[1, 0]], "GAS goal 1: weight 0 is not allowed; weights are numbers above 0"),
    ("gas", [[1, True]], "GAS goal 1: weight True is not allowed"),
    ("gas", [[1.5, 1]], "GAS goal 1: level 1.5 is not allowed"),
    ("gas", [[1, 1, 1]], "GAS goal 1: [1, 1, 1] is not allowed; give [level, weight]"),
    ("gas", 2, "GAS answers must be a list"),
    ("ltpai", [N, "C", N, N], "LTPAI light: 'C' is not allowed; answers are 'A' (0.5–1.5 h), 'B' (2–4 h)"),
    ("ltpai", [N, N, 3, N], "LTPAI moderate: 3 is not allowed"),
    ("ltpai", ["yes", N, N, N], "LTPAI sedentary: 'yes' is not allowed"),
    ("ltpai", [True, N, N], "LTPAI answers must be a list of 4"),
])
def test_instrument_specific_messages(instrument_id, answers, expected):
    assert expected in _fails(instrument_id, answers)


@pytest.mark.parametrize(("instrument_id", "options", "expected"), [
    ("phq9", {"sex": "male"}, "PHQ-9 has no option 'sex'; its options are: max_missing."),
    ("rand36", {"max_missing": 1}, "RAND-36 has no option 'max_missing'; its options are: none."),
    ("phq9", {"max_missing": 9}, "PHQ-9 option max_missing: 9 is not allowed; choose a whole number from 0 to 8."),
    ("phq9", {"max_missing": True}, "PHQ-9 option max_missing: True is not allowed"),
    ("phq15", {"sex": "m"}, "PHQ-15 option sex: 'm' is not allowed; choose 'male', 'female', None."),
    ("phq15", {"exclude_item4": 1}, "PHQ-15 option exclude_item4: 1 is not allowed"),
    ("wsas", {"item1_not_applicable": "yes"}, "WSAS option item1_not_applicable: 'yes' is not allowed"),
    ("hads", {"bands": "clinical"}, "HADS option bands: 'clinical' is not allowed"),
    ("ssd12", {"max_missing_subscale": 4}, "SSD-12 option max_missing_subscale: 4 is not allowed"),
    ("fiq", {"version": 1997}, "FIQ option version: 1997 is not allowed; choose '1997', '1991'."),
    ("ltpai", {"a_hours": 2}, "LTPAI option a_hours: 2 is not allowed"),
    ("gas", {"rho": 1}, "option rho: 1 is not allowed"),
])
def test_bad_options(instrument_id, options, expected):
    answers = {"rand36": [1] * 36, "phq15": [0] * 15, "wsas": [0] * 5, "hads": [0] * 14, "ssd12": [0] * 12,
               "fiq": [0] * 20, "ltpai": [True, N, N, N], "gas": [[0, 1]]}.get(instrument_id, [0] * 9)
    assert expected in _fails(instrument_id, answers, **options)


def test_fiq_1991_names_its_version():
    assert "FIQ (1991) item 12: 6 is not allowed; answers are whole numbers from 0 to 5" in \
        _fails("fiq", [0] * 10 + [7, 6] + [0] * 7, version="1991")


def test_wsas_not_applicable_item1_must_be_empty():
    assert "item 1 (work) is marked not applicable" in _fails("wsas", [3, 0, 0, 0, 0], item1_not_applicable=True)


class TestWeeklyValidation:
    def test_week_must_have_seven_days(self):
        with pytest.raises(ValidationFailed, match="7 days"):
            weekly_pain_mean([1] * 6)
        with pytest.raises(ValidationFailed, match="7 days"):
            weekly_activity(None)

    @pytest.mark.parametrize("bad", [11, -1, True, "5"])
    def test_pain_values(self, bad):
        expected = r"Pain on day 2: .* is not allowed; values are numbers from 0 to 10"
        with pytest.raises(ValidationFailed, match=expected):
            weekly_pain_mean([1, bad, 1, 1, 1, 1, 1])

    @pytest.mark.parametrize(("day", "match"), [
        ([-1, 0, 0, False], "light minutes -1 is not allowed"),
        ([0, 1.5, 0, False], "moderate minutes 1.5 is not allowed"),
        ([0, 0, True, False], "vigorous minutes True is not allowed"),
        ([0, 0, 0, "yes"], "strength 'yes' is not allowed"),
        ([0, 0, 0], r"give \[light min, moderate min, vigorous min, strength yes/no\]"),
    ])
    def test_activity_days(self, day, match):
        with pytest.raises(ValidationFailed, match=match):
            weekly_activity([N, N, day, N, N, N, N])
