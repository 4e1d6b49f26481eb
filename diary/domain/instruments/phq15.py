"""PHQ-15 somatic symptom severity (Kroenke K, Spitzer RL, Williams JBW. Psychosom Med 2002;64:258–266).

Rules (shared/reference/instruments.md §2.1):
- [DEV] sum of the 15 items (0–30); bands 0–4 minimal, 5–9 low, 10–14 medium, 15–30 high.
- [DEV] for men item 4 (menstrual problems) does not apply; Kroenke and CamCOPS score it 0 (max 28).
  Treating it as missing and prorating is the documented alternative (`item4_rule="missing"`).
- [PROJECT DEFAULT] prorate with ≤3 items missing ([PUB] the DC/TMD manual allows 5).
- [DEV, Kroenke et al. 2010] 3 or more items at 2 suggests somatoform disorder.
Items are in the standalone English order; the German PHQ-D order differs, so map by item key.
"""

from __future__ import annotations

from typing import Any

from diary.domain.instruments.common import (
    build_score, check_answers, choice_option, max_missing_option, prorated_sum, rule_id,
)
from diary.domain.instruments.registry import INSTRUMENTS
from diary.domain.instruments.result import Score

INSTRUMENT = INSTRUMENTS["phq15"]
ITEM4 = 3  # 0-based index of "menstrual problems"
A_LOT = 2
SEVEN_DAY_VERSION = "PHQ-15 (7-day recall, modified)"
# Kroenke's bands were validated on the native 4-week recall; shown with every 7-day band (issue 15 §4).
SEVEN_DAY_BAND_CAVEAT = "bands validated for the 4-week version"


def band_caveat(instrument_id: str, version: str | None) -> str | None:
    """The caveat to show beside a band, or None: PHQ-15 bands on the modified 7-day recall."""
    return SEVEN_DAY_BAND_CAVEAT if instrument_id == "phq15" and version == SEVEN_DAY_VERSION else None


def score_phq15(answers: Any, *, sex: str | None = None, exclude_item4: bool = False,
                item4_rule: str = "zero", recall_days: int | None = None,
                max_missing: int | None = None) -> Score:
    """Score the PHQ-15.

    Args:
        answers: 15 values 0–2 in item order, None for a missing answer.
        sex: "male" makes item 4 not applicable; "female" or None leave it in.
        exclude_item4: True makes item 4 not applicable whatever `sex` says.
        item4_rule: when item 4 does not apply, "zero" scores it 0 (its answer, if any, is ignored)
            and "missing" treats it as missing and prorates.
        recall_days: 7 for the weekly SOMEX1-style use; labels the version as a modified recall.
        max_missing: overrides the [PROJECT DEFAULT] of 3.

    Raises:
        ValidationFailed: for a bad answer, item count or option.
    """
    values = check_answers(INSTRUMENT.name, INSTRUMENT.items, answers)
    choice_option(INSTRUMENT, "sex", sex, ("male", "female", None))
    choice_option(INSTRUMENT, "exclude_item4", exclude_item4, (True, False))
    choice_option(INSTRUMENT, "item4_rule", item4_rule, ("zero", "missing"))
    choice_option(INSTRUMENT, "recall_days", recall_days, (7, 28, None))
    limit = max_missing_option(INSTRUMENT, max_missing)
    item4_applies = sex != "male" and not exclude_item4
    if not item4_applies:
        values[ITEM4] = 0 if item4_rule == "zero" else None
    total, prorated = prorated_sum(values, limit)
    n_a_lot = sum(v == A_LOT for v in values)
    params = {"max_missing": limit} | ({} if item4_applies else {"item4": item4_rule})
    return build_score(
        INSTRUMENT, values=values, total=total, prorated=prorated,
        scoring_rule_id=rule_id("phq15.sum.v1", **params),
        flags={"three_or_more_a_lot"} if n_a_lot >= 3 else (),
        details={"n_items_a_lot": n_a_lot, "item4_applies": item4_applies},
        version=SEVEN_DAY_VERSION if recall_days == 7 else None,
    )
