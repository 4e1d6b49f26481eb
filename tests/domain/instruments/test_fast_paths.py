"""The scoring's fast paths (issue 17, P6: an import scores every questionnaire again) give exactly what the
general rule gives: whole values skip the Decimal round trip, a form with nothing missing skips × n / n,
a plain int answer is checked first. Each is compared with the general rule it shortens, and every
instrument is scored both ways on random forms (all answered, some missing, wrong answers)."""

from __future__ import annotations

import enum
import random
import sys
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diary.domain import numbers
from diary.domain.errors import ValidationFailed
from diary.domain.instruments import common
from diary.domain.instruments.definitions import Choice, Range
from diary.instruments import INSTRUMENTS, score


def general_round_half_up(value: float, places: int = 2) -> float:
    return float(Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def general_round_half_up_int(value: float) -> int:
    return int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def general_two_decimals(value):
    return None if value is None else general_round_half_up(float(value), 2)


def general_prorated_sum(values, max_missing):
    answered = [v for v in values if v is not None]
    missing = len(values) - len(answered)
    if missing > max_missing or not answered:
        return None, False
    return common.exact_sum(common.exact(v) for v in answered) * len(values) / len(answered), missing > 0


def general_accepts(self, value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value in self.values


NEAR_THE_EDGE = [2**53 - 1, 2**53, 2**53 + 1, -(2**53) + 1, -(2**53), 10**16, 10**23, 0, -1, 1]
numbers_to_round = st.one_of(
    st.integers(-(10**20), 10**20), st.sampled_from(NEAR_THE_EDGE), st.sampled_from([float(n) for n in NEAR_THE_EDGE]),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e20, max_value=1e20),
    st.integers(-10**6, 10**6).map(lambda n: n / 2), st.integers(-10**6, 10**6).map(lambda n: n / 1000),
    st.just(-0.0))


@given(numbers_to_round, st.integers(0, 4))
def test_rounding_whole_values_quickly_gives_the_decimal_routes_result(value, places):
    fast, general = numbers.round_half_up(value, places), general_round_half_up(value, places)
    assert fast == general and str(fast) == str(general)  # -0.0 stays -0.0
    assert numbers.round_half_up_int(value) == general_round_half_up_int(value)


@given(st.fractions(max_denominator=400).filter(lambda f: abs(f) < 10**9) | st.none())
def test_two_decimals_of_a_whole_fraction_is_the_general_rules(value):
    assert common.two_decimals(value) == general_two_decimals(value)


@given(st.lists(st.one_of(st.none(), st.integers(0, 10), st.sampled_from([0.5, 2.25, 7.1])), min_size=1, max_size=30),
       st.integers(0, 5))
def test_a_sum_with_nothing_missing_is_the_prorated_rules(values, max_missing):
    assert common.prorated_sum(values, max_missing) == general_prorated_sum(values, max_missing)


class Coded(enum.IntEnum):
    TWO = 2


@pytest.mark.parametrize("value", [0, 2, 3, -1, True, False, Coded.TWO, 2.0, "2", None, 10**30])
def test_a_choice_takes_what_the_general_check_takes(value):
    choice = Choice((0, 1, 2))
    assert choice.accepts(value) == general_accepts(choice, value)


def _random_answer(spec, rng: random.Random):
    if isinstance(spec, Choice):
        return rng.choice(spec.values)
    if spec.whole:
        return rng.randint(int(spec.low), int(spec.high))
    return rng.choice([spec.low, spec.high, round(rng.uniform(spec.low, spec.high), rng.randint(0, 2))])


# The three instruments without a fixed item list, each in its own answer format (their docstrings).
def _level(rng: random.Random):
    return rng.choice([None, "A", "B", "a", rng.randint(5, 40), rng.choice([4.5, 6.25, 10.1])])


SHAPED = {
    "wpi19": lambda rng: [rng.choice([True, False, 0, 1]) for _ in range(19)],
    "ltpai": lambda rng: [rng.choice([True, None]), _level(rng), _level(rng), _level(rng)],
    "gas": lambda rng: [[rng.randint(-2, 2), rng.choice([1, 2, 3, 0.5, 1.5])] for _ in range(rng.randint(1, 6))],
}


def _all_answered(inst, rng: random.Random) -> list:
    return SHAPED[inst.id](rng) if inst.id in SHAPED else [_random_answer(spec, rng) for spec in inst.items]


def _random_form(inst, rng: random.Random) -> list:
    answers = _all_answered(inst, rng)
    kind = rng.random()
    if kind < 0.3:  # some missing
        for i in rng.sample(range(len(answers)), rng.randint(1, len(answers))):
            answers[i] = None
    elif kind < 0.35:  # one answer the instrument does not allow
        answers[rng.randrange(len(answers))] = rng.choice([99, -1, True, "1", 1.5])
    return answers


def _outcome(instrument_id: str, answers: list):
    try:
        return score(instrument_id, answers)
    except ValidationFailed as exc:
        return ("refused", str(exc), exc.field)


@pytest.fixture
def general_rules(monkeypatch):
    """Swap every fast path for its general rule, wherever a module of the domain bound it."""
    swaps = {numbers.round_half_up: general_round_half_up, numbers.round_half_up_int: general_round_half_up_int,
             common.two_decimals: general_two_decimals, common.prorated_sum: general_prorated_sum}

    by_identity = {id(fast): general for fast, general in swaps.items()}  # a module may hold unhashable values

    def use_general():
        for module in [m for name, m in sys.modules.items() if name.startswith("diary.")]:
            for name, value in list(vars(module).items()):
                if id(value) in by_identity:
                    monkeypatch.setattr(module, name, by_identity[id(value)])
        monkeypatch.setattr(Choice, "accepts", general_accepts)
    return use_general


@pytest.mark.parametrize("instrument_id", sorted(INSTRUMENTS))
def test_every_instrument_scores_the_same_by_the_fast_paths_and_the_general_rules(instrument_id, general_rules):
    inst, rng = INSTRUMENTS[instrument_id], random.Random(instrument_id)
    forms = [_random_form(inst, rng) for _ in range(400)]
    forms.append(_all_answered(inst, rng))  # at least one form all answered
    fast = [_outcome(instrument_id, answers) for answers in forms]
    general_rules()
    assert [_outcome(instrument_id, answers) for answers in forms] == fast
    assert any(not isinstance(o, tuple) and o.valid for o in fast), "some forms were scored, not refused"
