"""Properties that hold for any answers (hypothesis): ranges, the proration rule, monotonicity."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import assume, given
from hypothesis import strategies as st

from diary.domain.numbers import round_half_up, round_half_up_int
from diary.instruments import INSTRUMENTS, score, weekly_activity, weekly_pain_mean

# Plain sums without reversed items: id → allowed item values
SUMS = {"phq15": range(3), "phq9": range(4), "gad7": range(4), "ssd12": range(5), "whiteley7": range(2),
        "wsas": range(9), "sci93": range(5)}


@st.composite
def sum_answers(draw, instrument_id=None, missing=True):
    instrument_id = instrument_id or draw(st.sampled_from(sorted(SUMS)))
    n = INSTRUMENTS[instrument_id].n_items
    item = st.sampled_from(list(SUMS[instrument_id]))
    if missing:
        item = st.one_of(st.none(), item) if draw(st.booleans()) else item
    return instrument_id, draw(st.lists(item, min_size=n, max_size=n))


@given(sum_answers())
def test_sum_totals_stay_in_range_and_follow_the_proration_rule(case):
    instrument_id, answers = case
    inst = INSTRUMENTS[instrument_id]
    result = score(instrument_id, answers)
    answered = [v for v in answers if v is not None]
    n_missing = len(answers) - len(answered)
    assert result.valid == (n_missing <= inst.max_missing)
    assert (result.n_answered, result.n_missing) == (len(answered), n_missing)
    if result.valid:
        exact = Fraction(sum(answered) * len(answers), len(answered))
        assert result.total == round_half_up(float(exact))
        assert result.total_rounded == round_half_up_int(float(exact))
        assert inst.score_range[0] <= result.total <= inst.score_range[1]
        assert result.prorated == (n_missing > 0)
    else:
        assert result.total is None and result.band is None


@given(sum_answers(missing=True), st.data())
def test_raising_one_answer_never_lowers_a_sum(case, data):
    instrument_id, answers = case
    top = max(SUMS[instrument_id])
    raisable = [i for i, v in enumerate(answers) if v is not None and v < top]
    assume(raisable)
    i = data.draw(st.sampled_from(raisable))
    higher = list(answers)
    higher[i] = data.draw(st.integers(answers[i] + 1, top))
    before, after = score(instrument_id, answers), score(instrument_id, higher)
    assert before.valid == after.valid
    if before.valid:
        assert after.total >= before.total and after.total_rounded >= before.total_rounded


@given(sum_answers(missing=False))
def test_band_comes_from_the_rounded_total(case):
    instrument_id, answers = case
    inst = INSTRUMENTS[instrument_id]
    result = score(instrument_id, answers)
    if inst.bands:
        expected = [b.name for b in inst.bands if result.total_rounded >= b.low][-1]
        assert result.band == expected


@given(st.lists(st.one_of(st.none(), st.integers(0, 3)), min_size=14, max_size=14))
def test_hads_subscales_in_range(answers):
    result = score("hads", answers)
    for value in result.subscales.values():
        assert value is None or 0 <= value <= 21


@given(st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=20, max_size=20))
def test_mfi20_ranges(answers):
    result = score("mfi20", answers)
    assert all(v is None or 4 <= v <= 20 for v in result.subscales.values())
    assert result.total is None or 20 <= result.total <= 100


@given(st.lists(st.integers(1, 5), min_size=20, max_size=20), st.integers(0, 19))
def test_mfi20_reversed_items_run_the_other_way(answers, i):
    """A higher raw answer (less agreement) means more fatigue, except on the reversed items, whose
    statements indicate fatigue when agreed with."""
    assume(answers[i] < 5)
    higher = [*answers[:i], answers[i] + 1, *answers[i + 1:]]
    before, after = score("mfi20", answers).total, score("mfi20", higher).total
    assert (after < before) if (i + 1) in INSTRUMENTS["mfi20"].reversed_items else (after > before)


@given(st.data())
def test_rand36_scales_in_range(data):
    answers = [data.draw(st.one_of(st.none(), st.sampled_from(spec.values))) for spec in INSTRUMENTS["rand36"].items]
    result = score("rand36", answers)
    assert all(v is None or 0 <= v <= 100 for v in result.subscales.values())


@given(st.lists(st.integers(0, 10), min_size=21, max_size=21), st.one_of(st.none(), st.integers(0, 8)),
       st.integers(0, 20))
def test_fiqr_in_range_and_monotonic(answers, missing_function_item, i):
    if missing_function_item is not None:  # [DEV] one missing function item is prorated × 9/8
        answers[missing_function_item] = None
    result = score("fiqr", answers)
    assert result.valid and 0 <= result.total <= 100
    assume(answers[i] is not None and answers[i] < 10)
    higher = [*answers[:i], answers[i] + 1, *answers[i + 1:]]
    assert score("fiqr", higher).total >= result.total


@given(st.lists(st.one_of(st.none(), st.integers(0, 3)), min_size=11, max_size=11),
       st.one_of(st.none(), st.integers(0, 7)), st.one_of(st.none(), st.integers(0, 7)),
       st.lists(st.one_of(st.none(), st.floats(0, 10)), min_size=7, max_size=7))
def test_fiq_in_range(pf, good, missed, vas):
    result = score("fiq", [*pf, good, missed, *vas])
    assert result.total is None or 0 <= result.total <= 100.01


@given(st.lists(st.booleans(), min_size=19, max_size=19))
def test_wpi19_count_and_patterns(regions):
    result = score("wpi19", regions)
    assert result.total == sum(regions)
    if "generalized_pain_2016" in result.flags:
        assert result.total >= 4
    if "acr1990_pattern" in result.flags:
        assert result.total >= 3


@given(st.lists(st.tuples(st.sampled_from([-2, -1, 0, 1, 2]), st.integers(1, 10)), min_size=1, max_size=8),
       st.data())
def test_gas_t_score_rises_with_any_level(goals, data):
    result = score("gas", [list(g) for g in goals])
    assert 50 - 10 * 2 * len(goals) <= result.total <= 50 + 10 * 2 * len(goals)
    i = data.draw(st.integers(0, len(goals) - 1))
    assume(goals[i][0] < 2)
    higher = [list(g) for g in goals]
    higher[i][0] += 1
    assert score("gas", higher).total > result.total


@given(st.lists(st.one_of(st.none(), st.integers(0, 10)), min_size=7, max_size=7))
def test_weekly_pain_mean(values):
    reported = [v for v in values if v is not None]
    result = weekly_pain_mean(values)
    assert result.days_reported == len(reported) and result.valid == (len(reported) >= 4)
    if result.valid:
        assert min(reported) <= result.mean <= max(reported)
        assert result.mean == round_half_up(float(Fraction(sum(reported), len(reported))))


_DAY = st.one_of(st.none(), st.tuples(*[st.one_of(st.none(), st.integers(0, 300))] * 3,
                                      st.one_of(st.none(), st.booleans())).map(list))


@given(st.lists(_DAY, min_size=7, max_size=7))
def test_weekly_activity_who_flags(days):
    result = weekly_activity(days)
    reported = [d for d in days if d is not None and any(v is not None for v in d[:3])]  # minutes, per field
    answered = [d[3] for d in days if d is not None and d[3] is not None]  # strength, per field
    assert result.days_reported == len(reported) and result.valid == (len(reported) >= 4)
    assert result.strength_days_reported == len(answered)
    if result.valid:
        moderate = sum(d[1] or 0 for d in reported)
        vigorous = sum(d[2] or 0 for d in reported)
        assert result.moderate_equivalent_min == moderate + 2 * vigorous
        assert result.who_aerobic_met == (moderate + 2 * vigorous >= 150)
    else:
        assert result.who_aerobic_met is None and result.moderate_min is None
    assert result.who_strength_met == ((sum(answered) >= 2) if len(answered) >= 4 else None)
