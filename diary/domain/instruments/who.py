"""WHO 2020 physical-activity targets for adults, shared by LTPAI and the weekly diary aggregates.

At least 150 minutes a week of moderate-intensity aerobic activity, where one vigorous minute counts
as two moderate minutes, and muscle-strengthening activity on at least 2 days a week.
"""

from __future__ import annotations

from fractions import Fraction

AEROBIC_MIN_PER_WEEK = 150
STRENGTH_DAYS_PER_WEEK = 2


def moderate_equivalent_min(moderate_min: int | Fraction, vigorous_min: int | Fraction) -> int | Fraction:
    """Moderate-equivalent minutes: moderate + 2 × vigorous."""
    return moderate_min + 2 * vigorous_min


def meets_aerobic(moderate_min: int | Fraction, vigorous_min: int | Fraction) -> bool:
    """True when the week reaches 150 moderate-equivalent minutes."""
    return moderate_equivalent_min(moderate_min, vigorous_min) >= AEROBIC_MIN_PER_WEEK


def meets_strength(strength_days: int) -> bool:
    """True when muscle-strengthening was done on at least 2 days of the week."""
    return strength_days >= STRENGTH_DAYS_PER_WEEK
