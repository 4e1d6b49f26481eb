"""Whiteley-7 (WI-7; Fink P et al. J Psychosom Res 1999;46:261–273), from the Whiteley Index
(Pilowsky I. Br J Psychiatry 1967).

Rules (shared/reference/instruments.md §2.5):
- Sum of 7 items: yes/no (0–7), or the 5-point 0–4 variant (0–28). Store the version explicitly.
- Often rescaled to 0–100 as sum × 100 / maximum (`details["score_0_100"]`), from the unrounded sum.
- [PROJECT DEFAULT] prorate with ≤1 item missing. No bands are adopted.
Neither trial is known to have used it; it is here as an alternative preoccupation measure.
"""

from __future__ import annotations

from typing import Any

from diary.domain.instruments.common import (
    build_score, check_answers, choice_option, max_missing_option, prorated_sum, rule_id, two_decimals,
)
from diary.domain.instruments.definitions import Choice, same
from diary.domain.instruments.registry import INSTRUMENTS
from diary.domain.instruments.result import Score

INSTRUMENT = INSTRUMENTS["whiteley7"]
FORMATS = {  # response format → (item answers, maximum total, version label)
    "yes_no": (INSTRUMENT.items, 7, "WI-7 (yes/no)"),
    "five_point": (same(7, Choice((0, 1, 2, 3, 4))), 28, "WI-7 (5-point, 0–4)"),
}


def score_whiteley7(answers: Any, *, response_format: str = "yes_no", max_missing: int | None = None) -> Score:
    """Score the Whiteley-7.

    Args:
        answers: 7 values in item order (0/1, or 0–4 for the five-point format), None for missing.
        response_format: "yes_no" (default) or "five_point".
        max_missing: overrides the [PROJECT DEFAULT] of 1.

    Raises:
        ValidationFailed: for a bad answer, item count or option.
    """
    choice_option(INSTRUMENT, "response_format", response_format, tuple(FORMATS))
    specs, maximum, version = FORMATS[response_format]
    values = check_answers(INSTRUMENT.name, specs, answers)
    limit = max_missing_option(INSTRUMENT, max_missing)
    total, prorated = prorated_sum(values, limit)
    return build_score(
        INSTRUMENT, values=values, total=total, prorated=prorated, version=version,
        details={"score_0_100": None if total is None else two_decimals(total * 100 / maximum)},
        scoring_rule_id=rule_id("whiteley7.sum.v1", format=response_format, max_missing=limit),
    )
