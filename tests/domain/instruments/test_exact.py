"""exact() remembers conversions and exact_sum adds over a common denominator: both must give the very
values of the plain Fraction arithmetic they replace."""

from fractions import Fraction
import random

from diary.domain.instruments.common import exact, exact_sum


def test_exact_sum_equals_adding_one_by_one():
    rng = random.Random(3)
    for _ in range(500):
        values = [exact(rng.choice([rng.randint(0, 10), rng.randint(0, 40) / 4, round(rng.uniform(0, 10), 2),
                                    rng.randint(0, 30) / 3]))
                  for _ in range(rng.randint(0, 7))]
        assert exact_sum(values) == sum(values, Fraction(0))
        assert exact_sum(values) / max(1, len(values)) == sum(values, Fraction(0)) / max(1, len(values))


def test_exact_is_the_meant_value_however_often_asked():
    for _ in range(2):
        assert exact(0.1) == Fraction(1, 10)
        assert exact(6.33) == Fraction(633, 100)
        assert exact(5) == exact(5.0) == Fraction(5)
        assert exact(Fraction(1, 3)) == Fraction(1, 3)


def test_weekly_means_of_whole_numbers_equal_the_exact_route():
    from diary.domain.instruments.common import two_decimals
    from diary.domain.instruments.weekly import weekly_nrs_mean

    rng = random.Random(7)
    for _ in range(2000):
        week = [rng.choice([None, rng.randint(0, 10), float(rng.randint(0, 10)), rng.randint(0, 20) / 2])
                for _ in range(7)]
        reported = [v for v in week if v is not None]
        expected = two_decimals(sum((exact(v) for v in reported), Fraction(0)) / len(reported)) \
            if len(reported) >= 4 else None
        assert weekly_nrs_mean(week).mean == expected


def test_weekly_hours_equal_the_exact_route():
    from diary.domain.instruments.common import two_decimals
    from diary.domain.instruments.weekly import _hours, _whole_mean

    for minutes in range(0, 7 * 3 * 1440 + 1):
        assert _hours(minutes) == two_decimals(Fraction(minutes, 60))
    for n in range(1, 8):
        for total in range(0, 10 * n + 1):
            assert _whole_mean(total, n) == two_decimals(Fraction(total, n))


def test_prorated_sums_of_whole_numbers_equal_the_exact_route():
    # prorated_sum adds whole-number answers as ints; the value must be the Fraction route's, prorated or not.
    from diary.domain.instruments.common import prorated_sum

    rng = random.Random(11)
    for _ in range(3000):
        answers = [rng.choice([None, rng.randint(0, 4), rng.randint(-3, 100), rng.randint(0, 8) / 2, True])
                   for _ in range(rng.randint(1, 20))]
        max_missing = rng.randint(0, 5)
        answered = [exact(v) for v in answers if v is not None]
        missing = len(answers) - len(answered)
        expected = (None, False) if missing > max_missing or not answered else (
            sum(answered, Fraction(0)) * len(answers) / len(answered), missing > 0)
        total, prorated = prorated_sum(answers, max_missing)
        assert (total, prorated) == expected and (total is None or type(total) is Fraction)
