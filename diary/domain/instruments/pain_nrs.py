"""Pain intensity on an 11-point numeric rating scale, 0–10 (IMMPACT recommendation; bands as
summarised by Hawker GA et al. Arthritis Care Res 2011;63:S240–S252).

Rules (shared/reference/instruments.md §2.9):
- The score is the answer. Bands (context-dependent, not for clinical decisions): 0 none, 1–3 mild,
  4–6 moderate, 7–10 severe (Serlin et al. 1995 used 1–4 / 5–6 / 7–10 in cancer pain).
- No answer → invalid. Wording is the project's own (instruments.md §4 D1; 24-hour diary recall).
A 0–100 figure, if an export needs one, is NRS × 10 flagged "derived, not equivalent to VAS"; that
belongs to the export, not here.
"""

from __future__ import annotations

from typing import Any

from diary.domain.instruments.common import score_single
from diary.domain.instruments.registry import INSTRUMENTS
from diary.domain.instruments.result import Score

INSTRUMENT = INSTRUMENTS["pain_nrs"]


def score_pain_nrs(answers: Any) -> Score:
    """Score one pain NRS answer.

    Args:
        answers: a whole number 0–10, a one-item list of it, or None.

    Raises:
        ValidationFailed: for a value outside 0–10, a non-integer or more than one answer.
    """
    return score_single(INSTRUMENT, answers)
