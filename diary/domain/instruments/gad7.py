"""GAD-7 anxiety severity (Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med 2006;166:1092–1097).

Rules (shared/reference/instruments.md §2.3):
- [DEV] sum of items 1–7 (0–21); item 8 (difficulty) is not scored. Bands 0–4 minimal, 5–9 mild,
  10–14 moderate, 15–21 severe; ≥10 is the usual screening cut-off.
- [PUB] the DC/TMD manual, and the [PROJECT DEFAULT]: prorate with ≤2 items missing.
"""

from __future__ import annotations

from typing import Any

from diary.domain.instruments.common import (
    build_score, check_answers, max_missing_option, prorated_sum, reaches, rule_id,
)
from diary.domain.instruments.registry import INSTRUMENTS
from diary.domain.instruments.result import Score

INSTRUMENT = INSTRUMENTS["gad7"]
SCREEN_CUTOFF = 10


def score_gad7(answers: Any, *, max_missing: int | None = None) -> Score:
    """Score the GAD-7.

    Args:
        answers: 7 values 0–3 in item order, None for a missing answer.
        max_missing: overrides the default of 2.

    Raises:
        ValidationFailed: for a bad answer, item count or option.
    """
    values = check_answers(INSTRUMENT.name, INSTRUMENT.items, answers)
    limit = max_missing_option(INSTRUMENT, max_missing)
    total, prorated = prorated_sum(values, limit)
    return build_score(INSTRUMENT, values=values, total=total, prorated=prorated,
                       flags={"screen_positive"} if reaches(total, SCREEN_CUTOFF) else (),
                       scoring_rule_id=rule_id("gad7.sum.v1", max_missing=limit))
