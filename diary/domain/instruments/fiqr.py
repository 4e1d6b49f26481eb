"""FIQR, Revised Fibromyalgia Impact Questionnaire (Bennett RM, Friend R, Jones KD, Ward R, Han BK,
Ross RL. Arthritis Res Ther 2009;11:R120; scoring from fiqr.info).

Rules (shared/reference/instruments.md §2.10):
- 21 items 0–10: function 1–9, overall impact 10–11, symptoms 12–21.
- [DEV] total = function sum ÷ 3 (0–30) + overall sum (0–20) + symptoms sum ÷ 2 (0–50) = 0–100.
- [DEV] with x of the 9 function items answered the function sum is weighted by 9/x; the form is
  invalid with 2 or more function items missing, or any overall or symptom item missing. Each domain
  is still reported when its own items allow it. No bands are adopted.
"""

from __future__ import annotations

from typing import Any

from diary.domain.instruments.common import build_score, check_answers, prorated_sum, rule_id
from diary.domain.instruments.registry import INSTRUMENTS
from diary.domain.instruments.result import Score

INSTRUMENT = INSTRUMENTS["fiqr"]
DIVISORS = {"function": 3, "overall_impact": 1, "symptoms": 2}
MAX_MISSING = {"function": 1, "overall_impact": 0, "symptoms": 0}  # [DEV], not configurable


def score_fiqr(answers: Any) -> Score:
    """Score the FIQR total and its three domains.

    Args:
        answers: 21 values 0–10 in item order, None for a missing answer.

    Raises:
        ValidationFailed: for a bad answer or item count.
    """
    values = check_answers(INSTRUMENT.name, INSTRUMENT.items, answers)
    domains, prorated = {}, False
    for name, items in INSTRUMENT.subscales.items():
        domain_sum, was_prorated = prorated_sum([values[i - 1] for i in items], MAX_MISSING[name])
        domains[name] = None if domain_sum is None else domain_sum / DIVISORS[name]
        prorated = prorated or was_prorated
    total = sum(domains.values()) if all(v is not None for v in domains.values()) else None
    return build_score(INSTRUMENT, values=values, total=total, prorated=prorated, subscales=domains,
                       scoring_rule_id=rule_id("fiqr.v1"))
