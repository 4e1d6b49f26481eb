"""The trial figure as a definition (issue 15 §1): worked examples, one per trap of the old figure.

Every example is small enough to check by hand; the comment above each says what the old rule gave.
"""

from datetime import date, datetime, timedelta

import pytest

from diary.domain.errors import ValidationFailed
from diary.domain.goals import Goal, Rater, Rating
from diary.domain.trial import (
    Assessment, IntermediateResult, MainResult, RaterRule, goal_standing, patient_outcome, share_text, trial_figure,
)

START = date(2026, 1, 5)
WEEK_12 = START + timedelta(weeks=12)


def main_goal(title="Walk to work again", start=START):
    return Goal.create(type="main", title=title, start_date=start)


def step(main, title="Walk 30 minutes"):
    return Goal.create(type="intermediate", title=title, start_date=main.start_date, main_goal_id=main.id)


def rate(goal, day, category, rater="patient"):
    return Rating.create(goal, rated_on=day, rater=rater, category=category,
                         recorded_at=datetime.combine(day, datetime.min.time()))


class TestRater:
    """Trap: each goal's latest rating by anyone, patient and physiotherapist mixed within one patient."""

    def setup_method(self):
        self.m = main_goal()
        self.a, self.b = step(self.m, "a"), step(self.m, "b")
        self.goals = [self.m, self.a, self.b]
        day = WEEK_12
        self.ratings = [
            rate(self.m, day, "fully"), rate(self.a, day, "fully"), rate(self.b, day, "fully"),  # the patient
            rate(self.m, day - timedelta(days=1), "partially", "physiotherapist"),  # the visit, a day earlier
            rate(self.a, day - timedelta(days=1), "fully", "physiotherapist"),
        ]

    def test_the_patients_ratings_alone(self):
        o = patient_outcome(self.goals, self.ratings, rule=RaterRule.PATIENT)
        assert (o.rater, o.main, o.intermediate) == (Rater.PATIENT, MainResult.FULLY, IntermediateResult.ALL_FULLY)

    def test_the_physiotherapists_ratings_alone_leave_an_unrated_step_unrated(self):
        # Old rule: latest by anyone → main "fully" (the patient's, a day later), steps all fully.
        o = patient_outcome(self.goals, self.ratings, rule=RaterRule.PHYSIOTHERAPIST)
        assert (o.rater, o.main, o.intermediate) == (Rater.PHYSIOTHERAPIST, MainResult.PARTIALLY,
                                                     IntermediateResult.INCOMPLETE)
        assert (o.n_intermediate_total, o.n_intermediate_rated, o.n_intermediate_fully) == (2, 1, 1)

    def test_physiotherapist_else_patient_chooses_one_rater_for_the_whole_patient(self):
        o = patient_outcome(self.goals, self.ratings, rule=RaterRule.PHYSIOTHERAPIST_ELSE_PATIENT)
        assert o.rater is Rater.PHYSIOTHERAPIST and o.intermediate is IntermediateResult.INCOMPLETE  # never a mix
        without_physio = [r for r in self.ratings if r.rater is Rater.PATIENT]
        o = patient_outcome(self.goals, without_physio, rule=RaterRule.PHYSIOTHERAPIST_ELSE_PATIENT)
        assert o.rater is Rater.PATIENT and o.main is MainResult.FULLY


class TestAssessment:
    """Trap: "latest review" was the last day any goal was rated, with no time point."""

    def setup_method(self):
        self.m = main_goal()
        self.s = step(self.m)
        self.goals = [self.m, self.s]
        self.ratings = [rate(self.m, START + timedelta(weeks=6), "partially"),
                        rate(self.m, WEEK_12, "fully"), rate(self.s, WEEK_12 - timedelta(days=2), "fully"),
                        rate(self.m, START + timedelta(weeks=20), "not")]

    def test_by_default_each_patients_latest_rating_of_the_current_main_goal(self):
        o = patient_outcome(self.goals, self.ratings)
        assert o.assessed_on == START + timedelta(weeks=20) and o.main is MainResult.NOT
        assert o.intermediate is IntermediateResult.ALL_FULLY  # its latest rating on or before that day

    def test_fully_attained_at_week_12(self):
        o = patient_outcome(self.goals, self.ratings, assessment=Assessment.create(WEEK_12))
        assert (o.assessed_on, o.main, o.intermediate) == (WEEK_12, MainResult.FULLY, IntermediateResult.ALL_FULLY)

    def test_a_window_counts_ratings_either_side_and_nothing_older(self):
        day = WEEK_12 - timedelta(days=5)  # the visit was planned for this day, held 5 days later
        assert patient_outcome(self.goals, self.ratings, assessment=Assessment.create(day, 7)).main is MainResult.FULLY
        o = patient_outcome(self.goals, self.ratings, assessment=Assessment.create(day, 1))
        assert o.main is MainResult.NOT_RATED and o.intermediate is IntermediateResult.INCOMPLETE
        # without a window the week-6 rating carries forward to the date
        assert patient_outcome(self.goals, self.ratings, assessment=Assessment.create(day)).main is MainResult.PARTIALLY

    def test_a_window_needs_a_date_and_a_sane_length(self):
        with pytest.raises(ValidationFailed, match="needs a date"):
            Assessment.create(None, 7)
        with pytest.raises(ValidationFailed, match="0 to 365"):
            Assessment.create(WEEK_12, -1)


class TestIntermediateGoals:
    """Trap: unrated intermediate goals were dropped, so 1 of 3 rated "fully" counted as all fully attained."""

    def test_one_of_three_rated_is_incomplete_not_all_fully(self):
        m = main_goal()
        a, b, c = step(m, "a"), step(m, "b"), step(m, "c")
        o = patient_outcome([m, a, b, c], [rate(m, WEEK_12, "partially"), rate(a, WEEK_12, "fully")])
        assert o.intermediate is IntermediateResult.INCOMPLETE and o.all_intermediate_fully is None
        assert (o.n_intermediate_total, o.n_intermediate_rated, o.n_intermediate_fully) == (3, 1, 1)
        assert o.share_intermediate_fully == pytest.approx(1 / 3)  # unrated counts as not attained

    @pytest.mark.parametrize("categories,result", [
        (("fully", "fully"), IntermediateResult.ALL_FULLY),
        (("fully", "partially"), IntermediateResult.SOME_FULLY),
        (("not", "partially"), IntermediateResult.NONE_FULLY),
    ])
    def test_three_levels_once_every_step_is_rated(self, categories, result):
        m = main_goal()
        a, b = step(m, "a"), step(m, "b")
        o = patient_outcome([m, a, b], [rate(a, WEEK_12, categories[0]), rate(b, WEEK_12, categories[1])])
        assert o.intermediate is result and o.main is MainResult.NOT_RATED
        assert o.all_intermediate_fully is (result is IntermediateResult.ALL_FULLY)

    def test_a_main_goal_without_steps(self):
        m = main_goal()
        o = patient_outcome([m], [rate(m, WEEK_12, "fully")])
        assert o.intermediate is IntermediateResult.NONE_SET and o.share_intermediate_fully is None


class TestCurrentMainGoal:
    """Trap: the main goal was the last main goal that had a rating, not the current one."""

    def test_a_superseded_main_goal_is_history(self):
        old = main_goal("Walk to work again")
        old_step = step(old)
        new = main_goal("Cycle to work", start=START + timedelta(weeks=10))
        ratings = [rate(old, START + timedelta(weeks=9), "fully"), rate(old_step, START + timedelta(weeks=9), "fully")]
        o = patient_outcome([old, old_step, new], ratings)
        # Old rule: main goal fully attained (the old goal's rating).
        assert o.main is MainResult.NOT_RATED and o.intermediate is IntermediateResult.NONE_SET
        assert o.assessed_on is None

    def test_at_a_date_the_main_goal_current_then_counts(self):
        old = main_goal()
        new = main_goal("Cycle to work", start=START + timedelta(weeks=10))
        ratings = [rate(old, START + timedelta(weeks=9), "fully")]
        o = patient_outcome([old, new], ratings, assessment=Assessment.create(START + timedelta(weeks=9)))
        assert o.main is MainResult.FULLY


class TestFigure:
    """Both denominators, side by side, "k of n (p%)" with p rounded half up."""

    def test_the_worked_example(self):
        def patient(main_category, step_categories):
            m = main_goal()
            steps = [step(m, str(i)) for i in range(len(step_categories))]
            ratings = ([rate(m, WEEK_12, main_category)] if main_category else []) + [
                rate(s, WEEK_12, c) for s, c in zip(steps, step_categories) if c]
            return patient_outcome([m, *steps], ratings)

        outcomes = [
            patient("fully", ["fully", "fully"]),     # 1: main fully, steps all fully
            patient("fully", ["fully", None]),        # 2: main fully, steps incomplete
            patient("partially", ["fully", "not"]),   # 3: main partially, some fully
            patient(None, ["fully"]),                 # 4: main unrated, steps all fully
            patient("not", []),                       # 5: main not, no steps
            patient(None, [None]),                    # 6: nothing rated
            patient_outcome([], []),                  # 7: no main goal: not in either denominator
            patient("partially", ["fully", "fully"]),  # 8: main partially, steps all fully
        ]
        figure = trial_figure(outcomes)
        assert figure.patients == 8
        # main fully: patients 1, 2 = 2; ITT over the 7 with a main goal; complete cases: 1, 2, 3, 5, 8
        assert (figure.main_itt.text, figure.main_complete.text) == ("2 of 7 (29%)", "2 of 5 (40%)")
        # all steps fully: 1, 4, 8 = 3; complete cases (every step rated, at least one): 1, 3, 4, 8
        assert (figure.intermediate_itt.text, figure.intermediate_complete.text) == ("3 of 7 (43%)", "3 of 4 (75%)")
        assert figure.raters_used == {"patient": 6}  # patient 6 rated nothing, 7 has no main goal

    def test_percentages_round_half_up_not_to_even(self):
        assert share_text(1, 8) == "1 of 8 (13%)"  # 12.5: Python's round() gives 12
        assert share_text(5, 8) == "5 of 8 (63%)"  # 62.5
        assert share_text(0, 0) == "0 of 0 (–)"


def test_goal_standing_reports_the_main_level_and_the_steps_t_score_from_one_rater():
    m = main_goal()
    s = step(m)
    ratings = [rate(m, WEEK_12, "partially"), rate(s, WEEK_12, "fully"),
               rate(m, WEEK_12, "fully", "physiotherapist")]
    standing = goal_standing([m, s], ratings)
    assert standing.rater is Rater.PHYSIOTHERAPIST and standing.main_level == 0 and standing.t_score is None
    standing = goal_standing([m, s], ratings, rule=RaterRule.PATIENT)
    assert (standing.main_level, standing.t_score) == (-1, 50.0)
