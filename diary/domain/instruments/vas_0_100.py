"""Pain intensity on a 0–100 mm visual analogue scale (bands: Jensen MP, Chen C, Brugger AM.
J Pain 2003;4:407–414; summarised by Hawker GA et al. Arthritis Care Res 2011;63:S240–S252).

Rules (shared/reference/instruments.md §2.9):
- The score is the reading in mm (decimals allowed, kept to 2 decimals half up). Bands from the half-up
  rounded mm (context-dependent, not for clinical decisions): 0–4 none, 5–44 mild, 45–74 moderate,
  75–100 severe.
- No answer → invalid. This is likely the CWP trial's primary pain measure (the FIQ pain item).
"""

from __future__ import annotations

from typing import Any

from diary.domain.instruments.common import score_single
from diary.domain.instruments.registry import INSTRUMENTS
from diary.domain.instruments.result import Score

INSTRUMENT = INSTRUMENTS["vas_0_100"]


def score_vas_0_100(answers: Any) -> Score:
    """Score one VAS reading.

    Args:
        answers: a number 0–100 (mm), a one-item list of it, or None.

    Raises:
        ValidationFailed: for a value outside 0–100, a non-number or more than one answer.
    """
    return score_single(INSTRUMENT, answers)
