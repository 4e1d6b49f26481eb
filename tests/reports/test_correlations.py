"""Spearman associations: the statistic, its interval, the 14-day rule and association wording."""

import math
from datetime import date, timedelta

import pytest

from diary.domain.days import DayValues
from diary.reports.correlations import (
    MIN_PAIRS, PAIRS_TESTED, associations, clear_count, confidence_interval, effective_n, lag1_autocorrelation,
    paired, ranks, sentence, spearman, strength,
)

D0 = date(2026, 1, 1)


def rho_no_ties(xs, ys):
    n = len(xs)
    rx, ry = ranks(xs), ranks(ys)
    return 1 - 6 * sum((a - b) ** 2 for a, b in zip(rx, ry)) / (n * (n * n - 1))


class TestSpearman:
    def test_matches_the_classic_formula_without_ties(self):
        xs, ys = [3, 1, 4, 15, 9, 2, 6, 5], [2, 7, 1, 8, 28, 18, 4, 5]
        assert spearman(xs, ys) == pytest.approx(rho_no_ties(xs, ys))

    def test_ties_get_average_ranks(self):
        assert ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4]
        assert spearman([1, 2, 2, 3], [1, 2, 3, 4]) == pytest.approx(0.9486832980505138)

    def test_monotone_is_one_and_constant_is_none(self):
        assert spearman([1, 2, 3], [10, 100, 1000]) == pytest.approx(1)
        assert spearman([1, 2, 3], [5, 5, 5]) is None
        assert spearman([1], [1]) is None

    def test_interval_bonett_wright(self):
        low, high = confidence_interval(0.5, 30)
        se = math.sqrt((1 + 0.125) / 27)
        assert low == pytest.approx(math.tanh(math.atanh(0.5) - 1.959963984540054 * se))
        assert high == pytest.approx(math.tanh(math.atanh(0.5) + 1.959963984540054 * se))
        assert low < 0.5 < high

    @pytest.mark.parametrize("rho, size", [(0.05, "negligible"), (-0.2, "small"), (0.35, "moderate"), (-0.8, "strong")])
    def test_strength(self, rho, size):
        assert strength(rho) == size


def diary_days(n, *, gap_every=None):
    days = []
    for i in range(n):
        if gap_every and i % gap_every == gap_every - 1:
            continue
        activity = (i * 7) % 11 * 10
        days.append(DayValues(day=D0 + timedelta(days=i), n_checkins=1, stress=float(i % 5), pain=float(10 - activity / 11),
                              fatigue=float((i * 3) % 7), light_min=activity, moderate_min=0, vigorous_min=0,
                              sleep_quality=(i * 5) % 9))
    return days


class TestPairing:
    def test_next_day_pairs_need_consecutive_days(self):
        days = diary_days(10, gap_every=3)
        xs, ys = paired(days, "activity", "pain", 1)
        assert len(xs) == 3  # only days whose next calendar day exists (not across a gap)

    def test_fewer_than_14_pairs_say_nothing(self):
        assert associations(diary_days(MIN_PAIRS - 1)) == []
        found = associations(diary_days(MIN_PAIRS))
        assert {(a.x, a.y, a.lag) for a in found} >= {("activity", "pain", 0)}
        assert all(a.n >= MIN_PAIRS for a in found)

    def test_activity_and_pain_are_worded_as_association(self):
        found = {(a.x, a.y, a.lag): a for a in associations(diary_days(41))}
        a = found[("activity", "pain", 0)]
        assert a.rho == pytest.approx(-1)
        assert a.sentence == "On days with more activity, your pain was on average much lower (n = 41)."
        assert "caus" not in " ".join(x.sentence for x in found.values())


class TestSentences:
    def test_next_day(self):
        assert sentence("activity", "pain", 1, -0.2, 41, (-0.45, -0.01)) == \
            "On days after more activity, your pain was on average a little lower (n = 41)."

    def test_interval_including_zero_may_be_chance(self):
        assert sentence("stress", "fatigue", 0, 0.25, 20, (-0.2, 0.6)).endswith("higher, but this may be chance (n = 20).")

    def test_negligible(self):
        assert sentence("sleep_quality", "pain", 0, 0.02, 30, (-0.3, 0.4)) == \
            "There was no clear link between how well you slept and your pain the next day (n = 30)."


class TestEffectiveSampleSize:
    """Issue 15 §5: daily series are autocorrelated, so the interval uses n_eff = n(1 − r1x·r1y)/(1 + r1x·r1y)."""

    def test_the_formula_by_hand(self):
        assert effective_n(100, 0.5, 0.5) == pytest.approx(60)  # 100 · 0.75 / 1.25
        assert effective_n(100, 0.9, 0.9) == pytest.approx(100 * 0.19 / 1.81)  # ≈ 10.5
        assert effective_n(100, None, 0.9) == 100  # unknown autocorrelation: as if independent
        assert effective_n(100, -0.5, 0.5) == 100  # never more than n

    def test_lag1_autocorrelation_uses_consecutive_days_only(self):
        smooth = {D0 + timedelta(days=i): float(i) for i in range(10)}
        assert lag1_autocorrelation(smooth) == pytest.approx(1)
        alternating = {D0 + timedelta(days=i): float(i % 2) for i in range(10)}
        assert lag1_autocorrelation(alternating) == pytest.approx(-1)
        every_other = {D0 + timedelta(days=2 * i): float(i) for i in range(10)}
        assert lag1_autocorrelation(every_other) is None  # no two consecutive days

    def test_a_tiny_effective_sample_is_no_interval_at_all(self):
        assert confidence_interval(0.6, 3) == (-1.0, 1.0)
        assert confidence_interval(0.6, 2.4) == (-1.0, 1.0)

    def test_two_unrelated_slow_series_are_not_a_clear_link(self):
        """Two smooth series that have nothing to do with each other: over 120 days their ranks line up by
        accident (rho = 0.66), and the plain interval (n = 120: 0.53 to 0.76) calls it a clear link. Each
        series is strongly autocorrelated (r1 above 0.99), so about no independent day is there: n_eff ≈ 0.05,
        and the interval is the whole range."""
        days = [DayValues(day=D0 + timedelta(days=i), n_checkins=1, stress=5 + 4 * math.sin(i / 25),
                          pain=5 + 4 * math.cos(i / 31), fatigue=5.0) for i in range(120)]
        found = {(a.x, a.y, a.lag): a for a in associations(days)}
        a = found[("stress", "pain", 0)]
        assert abs(a.rho) > 0.5
        naive = confidence_interval(a.rho, a.n)
        assert not naive[0] <= 0 <= naive[1]  # what the old interval said
        assert a.n_eff < 5 and a.ci_low <= 0 <= a.ci_high and not a.clear
        assert clear_count(list(found.values())) == (0, len(found))

    def test_a_real_same_day_link_survives_in_white_noise(self):
        import random

        rng = random.Random(7)
        days = []
        for i in range(90):
            stress = rng.uniform(0, 10)
            days.append(DayValues(day=D0 + timedelta(days=i), n_checkins=1, stress=stress,
                                  pain=min(10.0, max(0.0, 0.7 * stress + rng.gauss(0, 1.5))), fatigue=rng.uniform(0, 10)))
        a = {(x.x, x.y, x.lag): x for x in associations(days)}[("stress", "pain", 0)]
        assert a.clear and a.n_eff > 80  # little autocorrelation: n_eff close to n

    def test_twelve_pairs_are_tested(self):
        assert PAIRS_TESTED == 12
        found = associations(diary_days(41))
        assert len(found) <= PAIRS_TESTED and clear_count(found)[1] == len(found)
