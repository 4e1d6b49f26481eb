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
    from diary.domain.instruments.weekly import _hours, whole_mean
    from diary.domain.numbers import mean

    for minutes in range(0, 7 * 3 * 1440 + 1):
        assert _hours(minutes) == two_decimals(Fraction(minutes, 60))
    for n in range(1, 8):
        for total in range(0, 19 * n + 1):  # NRS sums (0-10 a day) and body-map counts (0-19 regions a day)
            assert whole_mean(total, n) == two_decimals(Fraction(total, n))
            counts = [total // n + (i < total % n) for i in range(n)]  # n whole numbers adding up to total
            assert whole_mean(total, n) == mean(counts)  # the week's WPI mean, as numbers.mean gave it


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


def _outcome(rule, *args):
    """What a rule returns, or the message and field of what it raises."""
    from diary.domain.errors import ValidationFailed

    try:
        return rule(*args)
    except ValidationFailed as exc:
        return ("raised", str(exc), exc.field)


def test_the_weekly_mean_shortcut_gives_the_checked_rule_s_answer_and_error():
    # weekly_nrs_mean takes a week of whole numbers in range in a few C calls; anything else goes through
    # the checked rule. Both must agree, errors included, whatever the week holds.
    from diary.domain.instruments.weekly import _checked_nrs_mean, weekly_nrs_mean

    rng = random.Random(5)
    odd = [True, -1, 11, 10.5, 2.5, float("nan"), "3", 3.0]
    for _ in range(4000):
        week = [rng.choice([None, None, rng.randint(0, 10), rng.randint(0, 10), rng.choice(odd)])
                for _ in range(rng.choice([7, 7, 7, 6]))]
        expected = _outcome(_checked_nrs_mean, week, "Pain")
        assert _outcome(lambda w: weekly_nrs_mean(w, label="Pain"), week) == expected
        assert _outcome(lambda w: weekly_nrs_mean(tuple(w), label="Pain"), week) == expected


def test_weekly_activity_adds_what_its_rules_say_and_refuses_what_they_refuse():
    # One pass with a cheap check per usual day; checked against the rules written out plainly.
    import enum

    from diary.domain.instruments.weekly import MINUTES_PER_DAY, _check_day, weekly_activity

    class Minutes(enum.IntEnum):  # an int subclass: allowed by the rules, not by the cheap check
        HALF_HOUR = 30

    from diary.domain.instruments.common import two_decimals

    def plainly(week):
        for number, day in enumerate(week, start=1):
            if day is not None:
                _check_day(number, day)
        minutes = [d for d in week if d is not None and any(v is not None for v in d[:3])]
        strength = [d[3] for d in week if d is not None and d[3] is not None]
        days = sum(strength) if len(strength) >= 4 else None
        figures = {"days_reported": len(minutes), "strength_days_reported": len(strength), "strength_days": days,
                   "who_strength_met": None if days is None else days >= 2, "valid": len(minutes) >= 4}
        if len(minutes) >= 4:
            light, moderate, vigorous = (int(sum(d[i] or 0 for d in minutes)) for i in range(3))
            figures.update(light_min=light, moderate_min=moderate, vigorous_min=vigorous,
                           total_hours=two_decimals(Fraction(light + moderate + vigorous, 60)),
                           mvpa_hours=two_decimals(Fraction(moderate + vigorous, 60)),
                           moderate_equivalent_min=moderate + 2 * vigorous,
                           who_aerobic_met=moderate + 2 * vigorous >= 150)
        return figures

    rng = random.Random(9)
    minute = lambda: rng.choice([None, 0, rng.randint(0, 90), Minutes.HALF_HOUR, MINUTES_PER_DAY,  # noqa: E731
                                 rng.choice([MINUTES_PER_DAY + 1, -1, True, 2.0])])
    for _ in range(4000):
        week = [None if rng.random() < 0.3 else
                rng.choice([list, tuple])([minute(), minute(), minute(), rng.choice([None, True, False])])
                for _ in range(7)]
        if rng.random() < 0.1:
            week[rng.randrange(7)] = rng.choice([[1, 2, 3], "abcd", [1, 2, 3, "yes"]])
        expected = _outcome(plainly, week)
        result = _outcome(weekly_activity, week)
        if isinstance(expected, tuple):
            assert result == expected
        else:
            shown = {name: value for name, value in vars(result).items() if name in expected or value is not None}
            assert shown == expected
            assert {name: type(value) for name, value in shown.items()} == \
                {name: type(value) for name, value in expected.items()}  # ints stay ints, flags bools
