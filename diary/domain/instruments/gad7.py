"""GAD-7 anxiety severity (Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med 2006;166:1092–1097).

Rules (shared/reference/instruments.md §2.3):
- [DEV] sum of items 1–7 (0–21); item 8 (difficulty) is not scored. Bands 0–4 minimal, 5–9 mild,
  10–14 moderate, 15–21 severe; ≥10 is the usual screening cut-off.
- [PUB] the DC/TMD manual, and the [PROJECT DEFAULT]: prorate with ≤2 items missing.

Swedish: the app ships the English form only and never a wording of its own (issue 18's rule). The official
Swedish GAD-7 is published at phqscreeners.com and described in SKR's Nationell formulärsamling
("Generalized Anxiety Disorder-7 (GAD-7)", published 2024-09-25), whose copyright line repeats that no
permission is required to reproduce, translate, display or distribute it. The licence would allow shipping
it; the text itself was not taken from a source we may copy, so the clinic loads it.
A clinic loads the official Swedish text with a wording file ("language": "sv"; diary/domain/wording_files.py);
until then a Swedish app shows the English form with a one-line note in Swedish.
"""

from __future__ import annotations

from typing import Any

from diary.domain.instruments.common import (
    build_score, check_answers, max_missing_option, prorated_sum, reaches, rule_id,
)
from diary.domain.instruments.registry import INSTRUMENTS
from diary.domain.instruments.result import Score

OFFICIAL_SWEDISH = "GAD-7, Swedish version; phqscreeners.com; SKR Nationell formulärsamling (2024-09-25)"

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
