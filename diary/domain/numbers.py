"""Half-up rounding, as the published scoring rules require.

Python's round() rounds half to even (round(10.5) == 10), which changes clinical bands, so every
score and mean goes through these functions instead.
"""

from decimal import ROUND_HALF_UP, Decimal

# Below 2**53 every whole number is a float of its own, so a whole value rounds to itself exactly; above
# it str() may print fewer digits (1e+23) and the Decimal route is the rule. Most scores are whole
# (sums of whole answers): they skip the Decimal round trip (an import re-scores every questionnaire).
_WHOLE_AND_EXACT = 2**53


def _whole(value: float) -> bool:
    whole = type(value) is int or (type(value) is float and value.is_integer())
    return whole and -_WHOLE_AND_EXACT < value < _WHOLE_AND_EXACT


def round_half_up(value: float, places: int = 2) -> float:
    """Round to `places` decimals, halves away from zero (2.675 → 2.68, 10.5 → 11 at 0 places)."""
    if places >= 0 and _whole(value):
        return float(value)
    quantum = Decimal(1).scaleb(-places)
    # str() first: Decimal(2.675) is 2.67499999…, the user's 2.675 is what we mean to round.
    return float(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def round_half_up_int(value: float) -> int:
    """Round to a whole number, halves up (10.5 → 11)."""
    if _whole(value):
        return int(value)
    return int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def mean(values: list[float]) -> float | None:
    """The mean to 2 decimals, or None for no values (missing is not zero)."""
    if not values:
        return None
    value = sum(values) / len(values)
    # A whole number needs no rounding (and most days have one check-in): skip the Decimal round trip.
    return float(value) if float(value).is_integer() else round_half_up(value)


def one_decimal(value: float) -> str:
    """A value as printed to one decimal, half up ("5.25" → "5.3")."""
    return f"{round_half_up(value, 1):.1f}"


def score_text(value: float) -> str:
    """A score as printed: whole numbers bare, prorated ones to one decimal (half up)."""
    return f"{value:g}" if float(value).is_integer() else one_decimal(value)
