"""MFI-20, Multidimensional Fatigue Inventory (Smets EMA, Garssen B, Bonke B, De Haes JCJM.
J Psychosom Res 1995;39:315–325).

Rules (shared/reference/instruments.md §2.11):
- Answers are raw 1 ("yes, that is true") … 5 ("no, that is not true"). [DEV] items 2, 5, 9, 10, 13,
  14, 16, 17, 18 and 19 are reversed (6 − x), so higher always means more fatigue.
- [DEV] five subscales of 4 items (4–20): general fatigue 1, 5, 12, 16; physical fatigue 2, 8, 14,
  20; reduced activity 3, 6, 10, 17; reduced motivation 4, 9, 15, 18; mental fatigue 7, 11, 13, 19
  (as in CamCOPS mfi20.py; its documentation page rotates the last three labels by mistake).
- An optional total (20–100) is the sum of the five subscales. No official cut-offs.
- [PROJECT DEFAULT] a subscale is prorated with 1 of its 4 items missing, invalid with more; the total
  needs all five subscales.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from diary.domain.instruments.common import build_score, check_answers, max_missing_option, rule_id, subscale_sums
from diary.domain.instruments.registry import INSTRUMENTS
from diary.domain.instruments.result import Score

INSTRUMENT = INSTRUMENTS["mfi20"]


def keyed(values: list[Any]) -> list[Any]:
    """Item scores with the reversed items turned round (6 − x); missing stays missing."""
    reversed_items = set(INSTRUMENT.reversed_items)
    return [None if v is None else (6 - v if number in reversed_items else v)
            for number, v in enumerate(values, start=1)]


def score_mfi20(answers: Any, *, max_missing: int | None = None) -> Score:
    """Score the MFI-20 subscales and total.

    Args:
        answers: 20 raw values 1–5 in item order, None for a missing answer.
        max_missing: missing items allowed per subscale (default 1).

    Raises:
        ValidationFailed: for a bad answer, item count or option.
    """
    values = check_answers(INSTRUMENT.name, INSTRUMENT.items, answers)
    limit = max_missing_option(INSTRUMENT, max_missing, n_items=4)
    subscales, prorated = subscale_sums(keyed(values), INSTRUMENT.subscales, limit)
    complete = all(v is not None for v in subscales.values())
    total = sum(subscales.values(), Fraction(0)) if complete else None
    return build_score(INSTRUMENT, values=values, total=total, prorated=prorated, subscales=subscales,
                       scoring_rule_id=rule_id("mfi20.subscales.v1", max_missing=limit))
