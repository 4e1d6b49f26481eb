"""PHQ-9 depression severity (Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001;16:606–613).

Rules (shared/reference/instruments.md §2.2):
- [DEV] sum of items 1–9 (0–27); item 10 (difficulty) is not scored. Bands 0–4 minimal, 5–9 mild,
  10–14 moderate, 15–19 moderately severe, 20–27 severe; ≥10 is the usual screening cut-off.
- [PROJECT DEFAULT] prorate with ≤2 items missing ([PUB] the DC/TMD manual allows 3).
- Safety: any non-zero item 9 raises `item9_positive`, also when the total is invalid, because the
  clinic's risk pathway must not depend on the rest of the form being complete.

Swedish: the app ships the English form only and never a wording of its own (issue 18's rule). The official
Swedish PHQ-9 (translation by Mats Adler, Affektiva mottagningen, Karolinska Universitetssjukhuset
Huddinge; © Pfizer AB, document dated 2005-12-28) is published with the PHQ translations at
phqscreeners.com and in SKR's Nationell formulärsamling (1177 formulärhantering). Its notice allows use in
patient work and research, electronic forms included, and forbids reprinting for sale: no explicit grant to
redistribute it inside free software, and no copy of it from a source we may reproduce.
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

OFFICIAL_SWEDISH = ("PHQ-9, Swedish translation by Mats Adler (Karolinska Universitetssjukhuset Huddinge), "
                    "© Pfizer AB 2005; phqscreeners.com; SKR Nationell formulärsamling")

INSTRUMENT = INSTRUMENTS["phq9"]
SCREEN_CUTOFF = 10


def score_phq9(answers: Any, *, max_missing: int | None = None) -> Score:
    """Score the PHQ-9.

    Args:
        answers: 9 values 0–3 in item order, None for a missing answer.
        max_missing: overrides the [PROJECT DEFAULT] of 2.

    Raises:
        ValidationFailed: for a bad answer, item count or option.
    """
    values = check_answers(INSTRUMENT.name, INSTRUMENT.items, answers)
    limit = max_missing_option(INSTRUMENT, max_missing)
    total, prorated = prorated_sum(values, limit)
    flags = set()
    if values[8]:  # None and 0 are both "no alert"
        flags.add("item9_positive")
    if reaches(total, SCREEN_CUTOFF):
        flags.add("screen_positive")
    return build_score(INSTRUMENT, values=values, total=total, prorated=prorated, flags=flags,
                       scoring_rule_id=rule_id("phq9.sum.v1", max_missing=limit))
