"""Every worked example / test vector of shared/reference/instruments.md, as data.

Each vector: (test id, instrument id, answers, options, expected). Expected keys: total,
total_rounded, band, valid, prorated, subscales, subscale_bands, details, flags (must be raised),
no_flags (must not be raised). 2-decimal fields compare with abs_tol 0.011; the rest exactly.
"""

from __future__ import annotations

import math
from typing import Any

N = None

_PHQ9_TYPICAL = [2, 1, 3, 2, 1, 1, 2, 0, 0]
_SSD12_TYPICAL = [3, 2, 2, 3, 2, 1, 2, 3, 2, 1, 3, 2]
_HADS_TYPICAL = [2, 1, 2, 0, 1, 1, 2, 1, 1, 0, 2, 1, 1, 2]
_RAND_TYPICAL = [3, 3, 1, 2, 2, 1, 2, 2, 2, 3, 3, 3, 1, 1, 2, 1, 2, 1, 2, 3, 4, 3, 5, 3, 4, 3, 5, 4, 2, 4, 2, 3,
                 2, 3, 3, 4]
_RAND_BEST = [1, 1, *[3] * 10, *[2] * 7, 1, 1, 1, 1, 6, 6, 1, 1, 6, 6, 1, 6, 5, 5, 1, 5, 1]
_RAND_WORST = [5, 5, *[1] * 10, *[1] * 7, 5, 6, 5, 6, 1, 1, 6, 6, 1, 1, 6, 1, 1, 1, 5, 1, 5]
_RAND_SCALES = ("physical_functioning", "role_physical", "role_emotional", "energy_fatigue",
                "emotional_wellbeing", "social_functioning", "pain", "general_health")
_FIQ_PF = [1, 0, 1, 1, 2, 1, 2, 1, 3, 0, 2]
_FIQ_VAS = [6.5, 7, 8, 7.5, 6, 4, 3.5]
_FIQR_TYPICAL = [3, 5, 4, 6, 5, 2, 5, 6, 4, 5, 4, 7, 8, 6, 7, 5, 4, 3, 6, 5, 2]
_MFI_REVERSED = {2, 5, 9, 10, 13, 14, 16, 17, 18, 19}
_MFI_TYPICAL = [4, 2, 4, 3, 1, 4, 3, 4, 2, 2, 3, 5, 2, 2, 3, 1, 2, 3, 2, 5]
_MFI_NAMES = ("general_fatigue", "physical_fatigue", "reduced_activity", "reduced_motivation", "mental_fatigue")
_SCI_PATTERN = [2, 3, 2, 1, 2] * 7


def _rand(values: tuple) -> dict[str, Any]:
    return dict(zip(_RAND_SCALES, values))


def _mfi(*values) -> dict[str, Any]:
    return dict(zip(_MFI_NAMES, values))


def _without(values: list, *items: int) -> list:
    """A copy with the given 1-based items missing."""
    return [N if number in items else v for number, v in enumerate(values, start=1)]


def _wpi(*regions: int) -> list[bool]:
    return [number in regions for number in range(1, 20)]


INVALID = {"valid": False, "total": None, "total_rounded": None, "band": None}

VECTORS: list[tuple[str, str, Any, dict, dict]] = [
    # §2.1 PHQ-15
    ("phq15-all-0", "phq15", [0] * 15, {}, {"total": 0, "total_rounded": 0, "band": "minimal", "valid": True}),
    ("phq15-all-2", "phq15", [2] * 15, {}, {"total": 30, "band": "high", "flags": {"three_or_more_a_lot"},
                                            "details": {"n_items_a_lot": 15}}),
    ("phq15-typical", "phq15", [1, 2, 2, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1, 2, 2], {},
     {"total": 14, "band": "medium", "details": {"n_items_a_lot": 4}, "flags": {"three_or_more_a_lot"}}),
    ("phq15-item4-missing", "phq15", [1, 2, 2, N, 1, 0, 1, 0, 1, 0, 0, 1, 1, 2, 1], {},
     {"total": 13.93, "total_rounded": 14, "band": "medium", "prorated": True}),
    ("phq15-item4-male-zero", "phq15", [1, 2, 2, N, 1, 0, 1, 0, 1, 0, 0, 1, 1, 2, 1], {"sex": "male"},
     {"total": 13, "total_rounded": 13, "band": "medium", "prorated": False}),
    ("phq15-7-missing", "phq15", [N] * 7 + [1] * 8, {}, INVALID),
    # §2.2 PHQ-9
    ("phq9-all-0", "phq9", [0] * 9, {}, {"total": 0, "band": "minimal", "no_flags": {"item9_positive"}}),
    ("phq9-all-3", "phq9", [3] * 9, {}, {"total": 27, "band": "severe", "flags": {"item9_positive"}}),
    ("phq9-typical", "phq9", _PHQ9_TYPICAL, {}, {"total": 12, "band": "moderate", "no_flags": {"item9_positive"}}),
    ("phq9-item5-missing", "phq9", _without(_PHQ9_TYPICAL, 5), {},
     {"total": 12.38, "total_rounded": 12, "band": "moderate", "prorated": True}),
    ("phq9-5-missing-item9-positive", "phq9", [N, N, N, N, N, 1, 2, 0, 1], {},
     {**INVALID, "flags": {"item9_positive"}}),
    # §2.3 GAD-7 (the prorated vector gives only "answered sum 10"; these answers realise it)
    ("gad7-all-0", "gad7", [0] * 7, {}, {"total": 0, "band": "minimal"}),
    ("gad7-all-3", "gad7", [3] * 7, {}, {"total": 21, "band": "severe"}),
    ("gad7-typical", "gad7", [1, 2, 1, 1, 0, 2, 1], {}, {"total": 8, "band": "mild"}),
    ("gad7-item3-missing", "gad7", [2, 2, N, 2, 1, 2, 1], {},
     {"total": 11.67, "total_rounded": 12, "band": "moderate", "prorated": True}),
    ("gad7-4-missing", "gad7", [N, N, N, N, 1, 2, 1], {}, INVALID),
    # §2.4 SSD-12
    ("ssd12-all-0", "ssd12", [0] * 12, {},
     {"total": 0, "subscales": {"cognitive": 0, "affective": 0, "behavioural": 0}, "no_flags": {"probable_ssd"}}),
    ("ssd12-all-4", "ssd12", [4] * 12, {},
     {"total": 48, "subscales": {"cognitive": 16, "affective": 16, "behavioural": 16}, "flags": {"probable_ssd"}}),
    ("ssd12-typical", "ssd12", _SSD12_TYPICAL, {},
     {"total": 26, "subscales": {"cognitive": 9, "affective": 10, "behavioural": 7}, "flags": {"probable_ssd"}}),
    ("ssd12-item7-missing", "ssd12", _without(_SSD12_TYPICAL, 7), {},
     {"total": 26.18, "total_rounded": 26, "subscales": {"cognitive": 9.33, "affective": 10, "behavioural": 7},
      "flags": {"probable_ssd"}, "prorated": True}),
    ("ssd12-6-missing", "ssd12", [N] * 6 + [2] * 6, {}, INVALID),
    # §2.5 Whiteley-7 (yes/no)
    ("whiteley7-all-0", "whiteley7", [0] * 7, {}, {"total": 0, "details": {"score_0_100": 0}}),
    ("whiteley7-all-1", "whiteley7", [1] * 7, {}, {"total": 7, "details": {"score_0_100": 100}}),
    ("whiteley7-typical", "whiteley7", [1, 1, 0, 1, 1, 0, 0], {}, {"total": 4, "details": {"score_0_100": 57.14}}),
    ("whiteley7-item3-missing", "whiteley7", [1, 1, N, 1, 1, 0, 0], {},
     {"total": 4.67, "total_rounded": 5, "details": {"score_0_100": 66.67}, "prorated": True}),
    ("whiteley7-2-missing", "whiteley7", [1, N, N, 1, 1, 0, 0], {}, INVALID),
    # §2.6 WSAS
    ("wsas-all-0", "wsas", [0] * 5, {}, {"total": 0, "band": "subclinical"}),
    ("wsas-all-8", "wsas", [8] * 5, {}, {"total": 40, "band": "moderately_severe_or_worse"}),
    ("wsas-upper-edge", "wsas", [4, 3, 5, 2, 6], {}, {"total": 20, "band": "significant_impairment"}),
    ("wsas-item2-missing", "wsas", [5, N, 6, 7, 3], {},
     {"total": 26.25, "total_rounded": 26, "band": "moderately_severe_or_worse", "prorated": True}),
    ("wsas-3-missing", "wsas", [5, N, N, N, 3], {}, INVALID),
    # §2.7 HADS (keyed scores)
    ("hads-all-0", "hads", [0] * 14, {}, {"valid": True, "subscales": {"anxiety": 0, "depression": 0},
                                          "subscale_bands": {"anxiety": "normal", "depression": "normal"}}),
    ("hads-all-3", "hads", [3] * 14, {}, {"subscales": {"anxiety": 21, "depression": 21},
                                          "subscale_bands": {"anxiety": "abnormal", "depression": "abnormal"}}),
    ("hads-typical", "hads", _HADS_TYPICAL, {}, {"subscales": {"anxiety": 11, "depression": 6},
                                                 "subscale_bands": {"anxiety": "abnormal", "depression": "normal"}}),
    ("hads-item3-missing-half-up-tie", "hads", _without(_HADS_TYPICAL, 3), {},
     {"subscales": {"anxiety": 10.5, "depression": 6},
      "subscale_bands": {"anxiety": "abnormal", "depression": "normal"}, "prorated": True}),
    ("hads-depression-invalid", "hads", _without(_HADS_TYPICAL, 2, 4, 6, 8), {},
     {"valid": True, "subscales": {"anxiety": 11, "depression": None},
      "subscale_bands": {"anxiety": "abnormal", "depression": None}}),
    # §2.8 RAND-36
    ("rand36-best", "rand36", _RAND_BEST, {}, {"valid": True, "subscales": _rand((100,) * 8)}),
    ("rand36-worst", "rand36", _RAND_WORST, {}, {"valid": True, "subscales": _rand((0,) * 8)}),
    ("rand36-typical", "rand36", _RAND_TYPICAL, {},
     {"valid": True, "subscales": _rand((55, 25, 66.67, 20, 52, 50, 45, 40))}),
    ("rand36-items-3-20-32-missing", "rand36", _without(_RAND_TYPICAL, 3, 20, 32), {},
     {"valid": True, "subscales": _rand((61.11, 25, 66.67, 20, 52, None, 45, 40))}),
    ("rand36-only-item2", "rand36", [N, 3, *[N] * 34], {}, {"valid": False, "subscales": _rand((None,) * 8)}),
    # §2.9 pain intensity and locations
    ("pain_nrs-0", "pain_nrs", 0, {}, {"total": 0, "band": "none"}),
    ("pain_nrs-10", "pain_nrs", 10, {}, {"total": 10, "band": "severe"}),
    ("pain_nrs-4", "pain_nrs", [4], {}, {"total": 4, "band": "moderate"}),
    ("pain_nrs-3-boundary", "pain_nrs", 3, {}, {"total": 3, "band": "mild"}),
    ("pain_nrs-missing", "pain_nrs", N, {}, INVALID),
    ("vas-0", "vas_0_100", 0, {}, {"total": 0, "band": "none"}),
    ("vas-100", "vas_0_100", 100, {}, {"total": 100, "band": "severe"}),
    ("vas-44", "vas_0_100", 44, {}, {"total": 44, "band": "mild"}),
    ("vas-45", "vas_0_100", [45], {}, {"total": 45, "band": "moderate"}),
    ("vas-missing", "vas_0_100", N, {}, INVALID),
    ("wpi19-all-0", "wpi19", [0] * 19, {}, {"total": 0, "valid": True,
                                            "no_flags": {"generalized_pain_2016", "acr1990_pattern"}}),
    ("wpi19-all-1", "wpi19", [1] * 19, {}, {"total": 19, "flags": {"generalized_pain_2016", "acr1990_pattern"}}),
    ("wpi19-shoulders-hips-neck-lowback", "wpi19", _wpi(3, 4, 9, 10, 15, 17), {},
     {"total": 6, "flags": {"generalized_pain_2016", "acr1990_pattern"}}),
    ("wpi19-jaws-axial-chest-abdomen", "wpi19", _wpi(1, 2, 15, 16, 18, 19), {},
     {"total": 6, "no_flags": {"generalized_pain_2016", "acr1990_pattern"}}),
    ("wpi19-map-not-completed", "wpi19", N, {}, INVALID),
    # §2.10 FIQ
    ("fiq-best", "fiq", [0] * 11 + [7, 0] + [0] * 7, {}, {"total": 0, "band": "mild"}),
    ("fiq-worst", "fiq", [3] * 11 + [0, 7] + [10] * 7, {}, {"total": 100.01, "band": "severe"}),
    ("fiq-typical", "fiq", [*_FIQ_PF, 2, 1, *_FIQ_VAS], {},
     {"total": 55.32, "band": "moderate", "subscales": {"physical_function": 4.24, "feel_good": 7.15,
                                                        "work_missed": 1.43, "pain": 7}}),
    ("fiq-items-3-4-blank", "fiq", [*_FIQ_PF, 2, N, N, *_FIQ_VAS[1:]], {},
     {"total": 59.24, "band": "severe", "prorated": True}),
    ("fiq-only-2-components", "fiq", [N] * 11 + [3, N, N, 5] + [N] * 5, {}, INVALID),
    # §2.10 FIQR
    ("fiqr-all-0", "fiqr", [0] * 21, {}, {"total": 0}),
    ("fiqr-all-10", "fiqr", [10] * 21, {}, {"total": 100}),
    ("fiqr-typical", "fiqr", _FIQR_TYPICAL, {},
     {"total": 48.83, "subscales": {"function": 13.33, "overall_impact": 9, "symptoms": 26.5}}),
    ("fiqr-function-item2-missing-half-up-tie", "fiqr", _without(_FIQR_TYPICAL, 2), {},
     {"total": 48.63, "subscales": {"function": 13.13}, "prorated": True}),
    ("fiqr-symptom-item-missing", "fiqr", _without(_FIQR_TYPICAL, 15), {}, INVALID),
    # §2.11 MFI-20
    ("mfi20-all-1", "mfi20", [1] * 20, {}, {"total": 60, "subscales": _mfi(*[12] * 5)}),
    ("mfi20-max-fatigue", "mfi20", [1 if i in _MFI_REVERSED else 5 for i in range(1, 21)], {},
     {"total": 100, "subscales": _mfi(*[20] * 5)}),
    ("mfi20-min-fatigue", "mfi20", [5 if i in _MFI_REVERSED else 1 for i in range(1, 21)], {},
     {"total": 20, "subscales": _mfi(*[4] * 5)}),
    ("mfi20-typical", "mfi20", _MFI_TYPICAL, {}, {"total": 79, "subscales": _mfi(19, 17, 16, 13, 14)}),
    ("mfi20-items-5-16-missing", "mfi20", _without(_MFI_TYPICAL, 5, 16), {},
     {**INVALID, "subscales": _mfi(None, 17, 16, 13, 14)}),
    ("mfi20-item5-missing", "mfi20", _without(_MFI_TYPICAL, 5), {},
     {"total": 78.67, "subscales": _mfi(18.67, 17, 16, 13, 14), "prorated": True}),
    # §2.12 GAS
    ("gas-one-goal-at-0", "gas", [[0, 1]], {}, {"total": 50}),
    ("gas-three-at-plus-2", "gas", [[2, 1]] * 3, {}, {"total": 77.39}),
    ("gas-three-at-minus-2", "gas", [[-2, 1]] * 3, {}, {"total": 22.61}),
    ("gas-weighted-gasr", "gas", [[-2, 3], [0, 5], [-1, 1], [2, 4], [0, 2], [1, 6]], {}, {"total": 55}),
    ("gas-one-unrated", "gas", [[1, 1], N, [0, 1]], {}, {"total": 56.20}),
    ("gas-no-rated-goals", "gas", [N, [N, 1]], {}, INVALID),
    # §2.13 SCI-93. The doc's "items 1 and 11" leave 66, not its 65 (see test_sci93_items_1_and_11);
    # items 1 and 2 leave the 65 its calculation uses.
    ("sci93-all-0", "sci93", [0] * 35, {}, {"total": 0}),
    ("sci93-all-4", "sci93", [4] * 35, {}, {"total": 140}),
    ("sci93-pattern", "sci93", _SCI_PATTERN, {}, {"total": 70}),
    ("sci93-2-missing-sum-65", "sci93", _without(_SCI_PATTERN, 1, 2), {},
     {"total": 68.94, "total_rounded": 69, "prorated": True}),
    ("sci93-5-missing", "sci93", _without(_SCI_PATTERN, 1, 2, 3, 4, 5), {}, INVALID),
    # §2.14 LTPAI
    ("ltpai-sedentary-only", "ltpai", [True, N, N, N], {}, {"total": 0, "valid": True}),
    ("ltpai-stated-hours", "ltpai", [N, 10, 8, 6], {}, {"total": 24, "subscales": {"mvpa": 14}}),
    ("ltpai-intervals", "ltpai", [N, "B", "A", N], {}, {"total": 4, "subscales": {"mvpa": 1}}),
    ("ltpai-mixed", "ltpai", [N, 5.5, "B", "A"], {}, {"total": 9.5, "subscales": {"mvpa": 4}}),
    ("ltpai-nothing-ticked", "ltpai", [N, N, N, N], {}, INVALID),
]


def close(actual: Any, expected: Any) -> bool:
    """2-decimal comparison (abs_tol 0.011); None must match None."""
    if expected is None or actual is None:
        return actual is expected
    return math.isclose(actual, expected, abs_tol=0.011)
