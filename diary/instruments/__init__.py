"""Re-export of diary.domain.instruments, so callers can write `from diary.instruments import score`."""

from diary.domain.instruments import (  # noqa: F401
    INSTRUMENTS, SCORERS, Band, Choice, Instrument, Licence, Range, Score, WeeklyActivity, WeeklyMean,
    get_instrument, score, weekly_activity, weekly_nrs_mean, weekly_pain_mean,
)
