"""SCI-93, Stress and Crisis Inventory (Nyström; validated in FM/CWP by Ericsson A, Nyström B,
Mannerkorpi K. Nord J Psychiatry 2015;69:28–34).

Rules (shared/reference/instruments.md §2.13):
- Structure to verify: 35 items scored 0 (not at all) to 4 (very much), summed to 0–140, one factor.
  instruments.md took this from memory of the group's papers; confirm against the form before use.
- No bands are published (FM/CWP women: mean 76.4, SD 24.9; healthy women 24.9, SD 21.3).
- [PROJECT DEFAULT] prorate × 35/n with ≤3 items missing (about 10%).
"""

from __future__ import annotations

from typing import Any

from diary.domain.instruments.common import build_score, check_answers, max_missing_option, prorated_sum, rule_id
from diary.domain.instruments.registry import INSTRUMENTS
from diary.domain.instruments.result import Score

INSTRUMENT = INSTRUMENTS["sci93"]


def score_sci93(answers: Any, *, max_missing: int | None = None) -> Score:
    """Score the SCI-93.

    Args:
        answers: 35 values 0–4 in item order, None for a missing answer.
        max_missing: overrides the [PROJECT DEFAULT] of 3.

    Raises:
        ValidationFailed: for a bad answer, item count or option.
    """
    values = check_answers(INSTRUMENT.name, INSTRUMENT.items, answers)
    limit = max_missing_option(INSTRUMENT, max_missing)
    total, prorated = prorated_sum(values, limit)
    return build_score(INSTRUMENT, values=values, total=total, prorated=prorated,
                       scoring_rule_id=rule_id("sci93.sum.v1", max_missing=limit))
