"""SSD-12, Somatic Symptom Disorder – B Criteria Scale (Toussaint A et al. Psychosom Med 2016;78:5–12;
norms 2017; cut-off: Toussaint A et al. Psychol Med 2020).

Rules (shared/reference/instruments.md §2.4):
- [DEV] total = sum of 12 items 0–4 (0–48); subscales cognitive (1, 4, 7, 10), affective (2, 5, 8,
  11), behavioural (3, 6, 9, 12), each a sum 0–16.
- A total of 23 or more indicates probable SSD (Toussaint et al. 2020); other settings use other
  cut-offs (29 in a Korean sample), so the cut-off is an option. No bands.
- [PROJECT DEFAULT] total prorated with ≤2 items missing; each subscale with ≤1 of its 4 missing.
  Prorated subscales need not add up to the prorated total.
- The original has no fixed recall period; the one administered is recorded in the version.
"""

from __future__ import annotations

from typing import Any

from diary.domain.instruments.common import (
    build_score, check_answers, int_option, max_missing_option, prorated_sum, reaches, rule_id, subscale_sums,
)
from diary.domain.instruments.registry import INSTRUMENTS
from diary.domain.instruments.result import Score

INSTRUMENT = INSTRUMENTS["ssd12"]
DEFAULT_CUTOFF = 23


def score_ssd12(answers: Any, *, max_missing: int | None = None, max_missing_subscale: int | None = None,
                cutoff: int = DEFAULT_CUTOFF, recall_days: int | None = None) -> Score:
    """Score the SSD-12.

    Args:
        answers: 12 values 0–4 in item order, None for a missing answer.
        max_missing: missing items allowed for the total (default 2).
        max_missing_subscale: missing items allowed per subscale (default 1).
        cutoff: the rounded total from which `probable_ssd` is flagged (default 23).
        recall_days: the recall period administered (e.g. 7), recorded in the version.

    Raises:
        ValidationFailed: for a bad answer, item count or option.
    """
    values = check_answers(INSTRUMENT.name, INSTRUMENT.items, answers)
    limit = max_missing_option(INSTRUMENT, max_missing)
    sub_limit = max_missing_option(INSTRUMENT, max_missing_subscale, option="max_missing_subscale",
                                   n_items=4, default=1)
    int_option(INSTRUMENT, "cutoff", cutoff, 1, 48)
    if recall_days is not None:
        int_option(INSTRUMENT, "recall_days", recall_days, 1, 365)
    total, prorated = prorated_sum(values, limit)
    subscales, sub_prorated = subscale_sums(values, INSTRUMENT.subscales, sub_limit)
    return build_score(
        INSTRUMENT, values=values, total=total, prorated=prorated or sub_prorated, subscales=subscales,
        flags={"probable_ssd"} if reaches(total, cutoff) else (),
        scoring_rule_id=rule_id("ssd12.sum.v1", max_missing=limit, max_missing_subscale=sub_limit, cutoff=cutoff),
        version=f"SSD-12 ({recall_days}-day recall)" if recall_days else None,
    )
