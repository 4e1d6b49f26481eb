"""Outcome instruments: definitions as data (the registry), scoring as code (one module each).

Public API: `score(instrument_id, answers, **options) -> Score`, the `INSTRUMENTS` registry and
`get_instrument`, and the weekly diary aggregates `weekly_pain_mean` / `weekly_activity`.
Rules and test vectors: shared/reference/instruments.md.
"""

from diary.domain.instruments.api import SCORERS, score
from diary.domain.instruments.definitions import Band, Choice, Instrument, Licence, Range
from diary.domain.instruments.phq15 import SEVEN_DAY_BAND_CAVEAT, band_caveat
from diary.domain.instruments.registry import INSTRUMENTS, get_instrument
from diary.domain.instruments.result import Score
from diary.domain.instruments.weekly import (
    WeeklyActivity, WeeklyMean, weekly_activity, weekly_nrs_mean, weekly_pain_mean,
)

__all__ = [
    "INSTRUMENTS", "SCORERS", "SEVEN_DAY_BAND_CAVEAT", "Band", "Choice", "Instrument", "Licence", "Range", "Score",
    "WeeklyActivity", "WeeklyMean", "band_caveat", "get_instrument", "score", "weekly_activity", "weekly_nrs_mean",
    "weekly_pain_mean",
]
