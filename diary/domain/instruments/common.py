"""Shared scoring helpers: answer checks, exact arithmetic, proration, bands and building a Score.

Arithmetic is exact (fractions) until the very end, then rounded once, half up, by
diary.domain.numbers: 9 × 7/6 must be exactly 10.5 to round to 11, and float sums can land on
10.499999… instead. Rounding the exact value once also avoids double rounding (12.495 → 12.50 → 13).
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from math import lcm
from typing import Any, Iterable, Mapping, Sequence

from diary.domain.errors import Sentence, ValidationFailed
from diary.domain.instruments.definitions import AnswerSpec, Band, Instrument
from diary.domain.instruments.result import Score
from diary.domain.numbers import round_half_up, round_half_up_int


def exact(value: int | float | Fraction) -> Fraction:
    """The exact value the user meant: str() first, so 0.1 is one tenth, not the nearest binary float."""
    return value if isinstance(value, Fraction) else _exact(value)


@lru_cache(maxsize=4096)
def _exact(value: int | float) -> Fraction:
    # Remembered: a caseload's weekly means convert the same few daily values (4, 4.5, 6.33…) millions
    # of times, and parsing str() into a Fraction cost more than the rest of the weekly figures. Equal
    # keys (5 and 5.0) have the same exact value, so sharing an entry cannot change a result.
    return Fraction(value if isinstance(value, int) else str(value))


def exact_sum(values: Iterable[Fraction]) -> Fraction:
    """The exact sum of fractions, over their least common denominator: the same value as adding them
    one by one (sum(values, Fraction(0))), without reducing after every addition."""
    fractions = list(values)
    if not fractions:
        return Fraction(0)
    common = lcm(*(f.denominator for f in fractions))
    return Fraction(sum(f.numerator * (common // f.denominator) for f in fractions), common)


def two_decimals(value: Fraction | None) -> float | None:
    """A stored score: 2 decimals, half up; None stays None (missing is never zero)."""
    if value is None:
        return None
    # A whole Fraction (most sums) skips float(): Fraction's __float__ is numbers.Rational's generic one.
    whole = type(value) is Fraction and value.denominator == 1
    return round_half_up(float(value.numerator) if whole else float(value), 2)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def check_answers(name: str, specs: Sequence[AnswerSpec], answers: Any) -> list[Any]:
    """Validate an item list; None (the whole form missing) becomes a list of missing answers.

    Raises:
        ValidationFailed: naming the item number and the allowed answers, or the item count.
    """
    n = len(specs)
    if answers is None:
        return [None] * n
    if not isinstance(answers, (list, tuple)):
        raise ValidationFailed(Sentence("{name} answers must be a list of {n} values in item order; got {answers!r}.", name=name, n=n, answers=answers))
    if len(answers) != n:
        raise ValidationFailed(Sentence("{name} has {count}; got {count2}.", name=name, count=_count(n, 'item'), count2=_count(len(answers), 'answer')))
    for number, (spec, value) in enumerate(zip(specs, answers), start=1):
        if value is not None and not spec.accepts(value):
            raise ValidationFailed(Sentence("{name} item {number}: {value!r} is not allowed; answers are {describe} (or empty for missing).", name=name, number=number, value=value, describe=spec.describe()), field=f"item{number}")
    return list(answers)


def single_answer(inst: Instrument, answers: Any) -> list[Any]:
    """A one-item instrument: accept the bare value or a one-item list."""
    if answers is None or isinstance(answers, (list, tuple)):
        return check_answers(inst.name, inst.items, answers)
    return check_answers(inst.name, inst.items, [answers])


def score_single(inst: Instrument, answers: Any) -> Score:
    """A one-item measure: the score is the answer itself; no answer → invalid."""
    values = single_answer(inst, answers)
    total = None if values[0] is None else exact(values[0])
    return build_score(inst, values=values, total=total, prorated=False, scoring_rule_id=rule_id(f"{inst.id}.v1"))


def prorated_sum(values: Sequence[Any], max_missing: int) -> tuple[Fraction | None, bool]:
    """Sum × n_items / n_answered (person-mean imputation), or None with more than `max_missing` missing.

    Returns:
        (the exact sum or None, whether it was prorated).
    """
    answered = [v for v in values if v is not None]
    missing = len(values) - len(answered)
    if missing > max_missing or not answered:
        return None, False
    if all(type(v) is int for v in answered):  # whole-number answers (most forms): exact as they stand
        total = Fraction(sum(answered))
    else:
        total = exact_sum(exact(v) for v in answered)
    if not missing:  # nothing to prorate: × n / n is the same exact value
        return total, False
    return total * len(values) / len(answered), True


def subscale_sums(values: Sequence[Any], subscales: Mapping[str, tuple[int, ...]],
                  max_missing: int) -> tuple[dict[str, Fraction | None], bool]:
    """`prorated_sum` for each subscale (1-based item numbers); also whether any was prorated."""
    sums, prorated = {}, False
    for name, items in subscales.items():
        sums[name], was_prorated = prorated_sum([values[i - 1] for i in items], max_missing)
        prorated = prorated or was_prorated
    return sums, prorated


def band_of(bands: Sequence[Band], value: Fraction | None, *, integer_scored: bool = True) -> str | None:
    """The band a score falls in: from its half-up integer, or from its 2-decimal value."""
    if value is None or not bands:
        return None
    basis = round_half_up_int(float(value)) if integer_scored else two_decimals(value)
    found = None
    for band in bands:  # bands are in ascending order of `low`
        if basis >= band.low:
            found = band.name
    return found


def reaches(total: Fraction | None, cutoff: int) -> bool:
    """True when a valid total, rounded half up to an integer, is at or above a cut-off."""
    return total is not None and round_half_up_int(float(total)) >= cutoff


def int_option(inst: Instrument, option: str, value: Any, low: int, high: int) -> int:
    """A named option that takes a whole number in a range.

    Raises:
        ValidationFailed: naming the option and the range.
    """
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationFailed(Sentence("{name} option {option}: {value!r} is not allowed; choose a whole number from {low} to {high}.", name=inst.name, option=option, value=value, low=low, high=high), field=option)
    return value


def max_missing_option(inst: Instrument, value: Any, *, option: str = "max_missing", n_items: int | None = None,
                       default: int | None = None) -> int:
    """The `max_missing` option (or its default), checked to leave at least one item answered.

    Raises:
        ValidationFailed: for anything but a whole number from 0 to n_items − 1.
    """
    if value is None:
        return default if default is not None else inst.max_missing
    n = n_items if n_items is not None else inst.n_items
    return int_option(inst, option, value, 0, n - 1)


def choice_option(inst: Instrument, option: str, value: Any, allowed: Iterable[Any]) -> Any:
    """A named option that takes one of a few values.

    Raises:
        ValidationFailed: naming the option and the allowed values.
    """
    allowed = tuple(allowed)
    # Same type as well as equal: True == 1, but "1" for a yes/no option is a bug worth reporting.
    if not any(type(a) is type(value) and a == value for a in allowed):
        listed = ", ".join(repr(a) for a in allowed)
        raise ValidationFailed(Sentence("{name} option {option}: {value!r} is not allowed; choose {listed}.", name=inst.name, option=option, value=value, listed=listed),
                               field=option)
    return value


def rule_id(base: str, **params: Any) -> str:
    """A stable id of the scoring rule and the choices made, for exports (e.g. "phq9.sum.v1;max_missing=2")."""
    return ";".join([base, *(f"{key}={params[key]}" for key in sorted(params))])


def build_score(inst: Instrument, *, values: Sequence[Any], total: Fraction | None, prorated: bool,
                scoring_rule_id: str, subscales: Mapping[str, Fraction | None] | None = None,
                subscale_bands: Mapping[str, str | None] | None = None, flags: Iterable[str] = (),
                details: Mapping[str, Any] | None = None, version: str | None = None,
                bands: Sequence[Band] | None = None) -> Score:
    """Round once and assemble the Score; missing counts come from `values` (None = missing)."""
    stored_subscales = {name: two_decimals(value) for name, value in (subscales or {}).items()}
    valid = total is not None if inst.has_total else any(v is not None for v in stored_subscales.values())
    n_answered = sum(v is not None for v in values)
    return Score(
        instrument_id=inst.id, version=version or inst.version, scoring_rule_id=scoring_rule_id,
        valid=valid, total=two_decimals(total),
        total_rounded=None if total is None else round_half_up_int(float(total)),
        band=band_of(inst.bands if bands is None else bands, total, integer_scored=inst.integer_scored),
        subscales=stored_subscales, subscale_bands=dict(subscale_bands or {}), flags=frozenset(flags),
        n_answered=n_answered, n_missing=len(values) - n_answered, prorated=prorated and valid,
        details=dict(details or {}),
    )
