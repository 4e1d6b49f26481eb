"""HADS, Hospital Anxiety and Depression Scale (Zigmond AS, Snaith RP. Acta Psychiatr Scand 1983;67:361–370).

Rules (shared/reference/instruments.md §2.7):
- Answers are keyed scores 0–3, not printed option positions (the printed order alternates; convert
  positions before scoring). Anxiety = odd items, depression = even items; each a sum 0–21. There is
  no total, so the score is valid when at least one subscale is.
- [DEV] bands 0–7 normal, 8–10 borderline, 11–21 abnormal; the manual's graded version is 8–10 mild,
  11–14 moderate, 15–21 severe (`bands="graded"`). Bands come from the half-up rounded integer
  (anxiety 10.5 → 11 → abnormal; half-to-even would wrongly give 10, borderline).
- [PUB] Bell et al. (BMC Res Notes 2016) accept proration with half the items answered; the
  [PROJECT DEFAULT] is stricter: ≤1 missing per subscale, prorated × 7/6.
"""

from __future__ import annotations

from typing import Any

from diary.domain.instruments.common import (
    band_of, build_score, check_answers, choice_option, max_missing_option, rule_id, subscale_sums,
)
from diary.domain.instruments.definitions import Band
from diary.domain.instruments.registry import INSTRUMENTS
from diary.domain.instruments.result import Score

INSTRUMENT = INSTRUMENTS["hads"]
GRADED_BANDS = (Band(0, "normal"), Band(8, "mild"), Band(11, "moderate"), Band(15, "severe"))


def score_hads(answers: Any, *, bands: str = "standard", max_missing: int | None = None) -> Score:
    """Score the HADS anxiety and depression subscales.

    Args:
        answers: 14 keyed scores 0–3 in item order, None for a missing answer.
        bands: "standard" (normal/borderline/abnormal) or "graded" (normal/mild/moderate/severe).
        max_missing: missing items allowed per subscale (default 1).

    Raises:
        ValidationFailed: for a bad answer, item count or option.
    """
    values = check_answers(INSTRUMENT.name, INSTRUMENT.items, answers)
    choice_option(INSTRUMENT, "bands", bands, ("standard", "graded"))
    limit = max_missing_option(INSTRUMENT, max_missing, n_items=7)
    band_set = GRADED_BANDS if bands == "graded" else INSTRUMENT.bands
    subscales, prorated = subscale_sums(values, INSTRUMENT.subscales, limit)
    return build_score(
        INSTRUMENT, values=values, total=None, prorated=prorated, subscales=subscales,
        subscale_bands={name: band_of(band_set, value) for name, value in subscales.items()},
        scoring_rule_id=rule_id("hads.subscales.v1", max_missing=limit, bands=bands),
    )
