"""WSAS, Work and Social Adjustment Scale (Mundt JC, Marks IM, Shear MK, Greist JH.
Br J Psychiatry 2002;180:461–464).

Rules (shared/reference/instruments.md §2.6):
- [DEV] sum of 5 items 0–8 (0–40). Bands [DEV, Mundt 2002]: below 10 subclinical; 10–20 significant
  functional impairment; above 20 moderately severe or worse (from the half-up rounded integer).
- [DEV] when the person is retired or not working for reasons unrelated to the problem, item 1 (work)
  is not applicable and the score is out of 32 (CamCOPS). Not applicable is not missing: it is an
  option, and item 1 must then be empty so the two cannot be confused.
- [PROJECT DEFAULT] prorate with ≤1 missing item (× 5/4, or × 4/3 over the applicable items).
"""

from __future__ import annotations

from typing import Any

from diary.domain.errors import Sentence, ValidationFailed
from diary.domain.instruments.common import (
    build_score, check_answers, choice_option, max_missing_option, prorated_sum, rule_id,
)
from diary.domain.instruments.registry import INSTRUMENTS
from diary.domain.instruments.result import Score

INSTRUMENT = INSTRUMENTS["wsas"]


def score_wsas(answers: Any, *, item1_not_applicable: bool = False, max_missing: int | None = None) -> Score:
    """Score the WSAS.

    Args:
        answers: 5 values 0–8 in item order, None for a missing answer.
        item1_not_applicable: True when the work item does not apply; scores items 2–5 (0–32).
        max_missing: overrides the [PROJECT DEFAULT] of 1.

    Raises:
        ValidationFailed: for a bad answer, item count or option, or an answer to a not-applicable item 1.
    """
    values = check_answers(INSTRUMENT.name, INSTRUMENT.items, answers)
    choice_option(INSTRUMENT, "item1_not_applicable", item1_not_applicable, (True, False))
    limit = max_missing_option(INSTRUMENT, max_missing)
    if item1_not_applicable:
        if values[0] is not None:
            raise ValidationFailed(Sentence("WSAS item 1: {value!r} was given, but item 1 (work) is marked not "
                                            "applicable; leave it empty or drop item1_not_applicable.",
                                            value=values[0]), field="item1")
        values = values[1:]
    total, prorated = prorated_sum(values, limit)
    return build_score(
        INSTRUMENT, values=values, total=total, prorated=prorated,
        version="WSAS (item 1 not applicable, 0–32)" if item1_not_applicable else None,
        scoring_rule_id=rule_id("wsas.sum.v1", max_missing=limit, item1="not_applicable" if item1_not_applicable
                                else "scored"),
    )
