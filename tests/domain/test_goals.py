"""Goals, ratings and what they add up to (goals-fhir.md, instruments.md §2.12)."""

from datetime import date, datetime, timedelta

import pytest

from diary.domain.errors import ValidationFailed
from diary.domain.goal_progress import (
    Trend, achievement_status, intermediate_t_score, latest, main_goal_level, trend,
)
from diary.domain.goals import (
    Category, Goal, GoalType, Rater, Rating, current_main_goal, lifecycle_status, steps_of, validate_goal_set,
)

START = date(2026, 1, 5)
LEVELS = {-2: "No walks", -1: "Walks 10 min twice a week", 0: "Walks 30 min 3 times a week",
          1: "Walks 40 min 3 times a week", 2: "Walks 40 min 4 times a week"}


def main_goal(**kw):
    return Goal.create(type="main", title="Walk to work again", start_date=START, **kw)


def step(main, **kw):
    return Goal.create(type="intermediate", title="Walk 30 minutes", start_date=START, main_goal_id=main.id, **kw)


def rate(goal, days, *, level=None, category=None, rater="patient", worse=False):
    return Rating.create(goal, rated_on=START + timedelta(days=days), rater=rater, level=level, category=category,
                         worse=worse, recorded_at=datetime(2026, 1, 5, 12) + timedelta(days=days))


class TestGoal:
    def test_main_and_intermediate(self):
        m = main_goal(levels=LEVELS, baseline_level=-2, target_date=START + timedelta(days=90))
        s = step(m)
        assert m.type is GoalType.MAIN and m.levels[0] == "Walks 30 min 3 times a week"
        assert s.main_goal_id == m.id
        validate_goal_set([m, s])

    def test_intermediate_needs_a_main_goal(self):
        with pytest.raises(ValidationFailed, match="must name the main goal"):
            Goal.create(type="intermediate", title="x", start_date=START)
        orphan = Goal.create(type="intermediate", title="x", start_date=START, main_goal_id="gone")
        with pytest.raises(ValidationFailed, match="existing main goal"):
            validate_goal_set([orphan])

    def test_target_date_before_start(self):
        with pytest.raises(ValidationFailed, match="is before the start"):
            main_goal(target_date=START - timedelta(days=1))

    def test_levels_all_or_none(self):
        with pytest.raises(ValidationFailed, match="missing: \\+1, \\+2"):
            main_goal(levels={-2: "a", -1: "b", 0: "c"})
        with pytest.raises(ValidationFailed, match="not one of"):
            main_goal(levels={**LEVELS, 3: "d"})

    def test_title_required_and_clean(self):
        with pytest.raises(ValidationFailed, match="title is required"):
            main_goal(title="  ") if False else Goal.create(type="main", title=" ", start_date=START)
        with pytest.raises(ValidationFailed, match="hidden text-direction"):
            Goal.create(type="main", title="abc\u202e", start_date=START)

    def test_baseline_level_and_weight(self):
        with pytest.raises(ValidationFailed, match="baseline level must be −1 or −2"):
            main_goal(baseline_level=0)
        with pytest.raises(ValidationFailed, match="weight"):
            main_goal(weight=0)


class TestRating:
    def test_category_follows_from_level_per_baseline(self):
        kiresuk = main_goal(levels=LEVELS, baseline_level=-2)
        turner = main_goal(levels=LEVELS, baseline_level=-1)
        assert rate(kiresuk, 1, level=-1).category is Category.PARTIALLY
        assert rate(turner, 1, level=-1).category is Category.NOT
        assert rate(kiresuk, 1, level=0).category is Category.FULLY
        assert rate(kiresuk, 1, level=2).category is Category.FULLY
        assert rate(kiresuk, 1, level=-2).category is Category.NOT

    def test_level_outside_range_is_refused(self):
        goal = main_goal(levels=LEVELS)
        with pytest.raises(ValidationFailed, match="must be −2, −1, 0, \\+1 or \\+2"):
            rate(goal, 1, level=3)

    def test_goal_with_levels_needs_a_level(self):
        with pytest.raises(ValidationFailed, match="choose one of"):
            rate(main_goal(levels=LEVELS), 1, category="fully")

    def test_goal_without_levels_takes_a_category(self):
        goal = main_goal()
        r = rate(goal, 1, category="partially")
        assert r.category is Category.PARTIALLY and goal.level_of(r) == -1

    def test_category_and_level_must_agree(self):
        with pytest.raises(ValidationFailed, match="means fully attained"):
            rate(main_goal(levels=LEVELS), 1, level=1, category="not")


class TestProgress:
    def test_latest_and_trend(self):
        g = main_goal(levels=LEVELS, baseline_level=-2)
        rs = [rate(g, 7, level=-2), rate(g, 14, level=-1)]
        assert latest(g, rs).level == -1
        assert trend(g, rs) is Trend.IMPROVING
        assert trend(g, rs + [rate(g, 21, level=-1)]) is Trend.NO_CHANGE
        assert trend(g, rs + [rate(g, 21, level=-2)]) is Trend.WORSENING
        assert trend(g, rs[:1]) is None

    def test_a_correction_is_a_new_rating_and_wins(self):
        g = main_goal()
        first = rate(g, 7, category="not")
        correction = Rating.create(g, rated_on=first.rated_on, rater="patient", category="partially",
                                   recorded_at=first.recorded_at + timedelta(hours=1))
        assert latest(g, [correction, first]) == correction

    def test_trend_by_category_without_levels(self):
        g = main_goal()
        assert trend(g, [rate(g, 1, category="not"), rate(g, 8, category="fully")]) is Trend.IMPROVING

    @pytest.mark.parametrize("levels,today_offset,expected", [
        ([], 10, "in-progress"),
        ([-2], 10, "in-progress"),
        ([-2, -1], 20, "improving"),
        ([-1, -2], 20, "worsening"),
        ([-1, -1], 20, "no-change"),
        ([-2, -2], 20, "no-progress"),
        ([-1, 0], 20, "achieved"),
        ([0, 1], 20, "sustaining"),
        ([-2, -1], 200, "not-achieved"),
    ])
    def test_fhir_achievement_status(self, levels, today_offset, expected):
        g = main_goal(levels=LEVELS, baseline_level=-2, target_date=START + timedelta(days=90))
        rs = [rate(g, 7 * (i + 1), level=lv) for i, lv in enumerate(levels)]
        assert achievement_status(g, rs, today=START + timedelta(days=today_offset)) == expected



class TestCategoryAsGasLevel:
    """Issue 15 §3: "not attained" is the goal's own baseline level unless "worse" is said."""

    @pytest.mark.parametrize("baseline,category,level", [
        (-1, "fully", 0), (-1, "partially", -1), (-1, "not", -1),
        (-2, "fully", 0), (-2, "partially", -1), (-2, "not", -2),
    ])
    def test_a_category_maps_by_the_goals_baseline(self, baseline, category, level):
        goal = main_goal(baseline_level=baseline)
        assert goal.level_of(rate(goal, 1, category=category)) == level

    def test_worse_than_at_the_start_is_minus_2_whatever_the_baseline(self):
        goal = main_goal(baseline_level=-1)
        worse = rate(goal, 1, category="not", worse=True)
        assert (worse.level, worse.category, worse.rated_worse, goal.level_of(worse)) == (-2, Category.NOT, True, -2)
        assert rate(goal, 1, worse=True).category is Category.NOT  # the category follows

    def test_worse_goes_with_not_attained_and_goals_without_levels(self):
        with pytest.raises(ValidationFailed, match="goes with not attained"):
            rate(main_goal(), 1, category="partially", worse=True)
        with pytest.raises(ValidationFailed, match="choose level −2"):
            rate(main_goal(levels=LEVELS), 1, worse=True)

    def test_the_default_baseline_minus_1_no_longer_reads_not_attained_as_worse(self):
        """Before issue 15: not → −2 always, so one goal "not attained" scored T = 30 instead of 40."""
        m = main_goal()
        s = step(m)  # baseline −1 (the default)
        assert intermediate_t_score([m, s], [rate(s, 7, category="not")], rater=Rater.PATIENT) == 40.0


class TestCurrentMainGoal:
    def test_the_latest_started_main_goal_is_current_and_a_tie_goes_to_the_one_added_last(self):
        old = main_goal()
        new = Goal.create(type="main", title="Cycle again", start_date=START + timedelta(days=60))
        also = Goal.create(type="main", title="Same day", start_date=START + timedelta(days=60))
        assert current_main_goal([old, new]) == new
        assert current_main_goal([new, old]) == new
        assert current_main_goal([old, new, also]) == also
        assert current_main_goal([old, new], on=START + timedelta(days=30)) == old
        assert current_main_goal([]) is None

    def test_lifecycle_status_follows_the_goal(self):
        old = main_goal()
        old_step = step(old)
        new = Goal.create(type="main", title="Cycle again", start_date=START + timedelta(days=60))
        new_step = step(new)
        goals = [old, old_step, new, new_step]
        assert lifecycle_status(new, goals, None) == "active"
        assert lifecycle_status(new_step, goals, Category.FULLY) == "active"
        assert lifecycle_status(old, goals, Category.FULLY) == "completed"
        assert lifecycle_status(old_step, goals, Category.PARTIALLY) == "cancelled"
        assert steps_of(new, goals) == [new_step]


class TestTScoreAndMainLevelApart:
    """Issue 15 §3: the T-score's ρ = 0.3 assumes separate goals, so the main goal is reported on its own."""

    def test_the_t_score_is_of_the_intermediate_goals_only_and_of_one_rater(self):
        m = main_goal(levels=LEVELS, baseline_level=-2)
        a, b = step(m, levels=LEVELS, baseline_level=-2), step(m, levels=LEVELS, baseline_level=-2)
        rs = [rate(m, 7, level=-2), rate(a, 7, level=2), rate(b, 7, level=2),
              rate(a, 8, level=-2, rater="physiotherapist")]
        # instruments.md §2.12: two goals at +2 → 50 + 10·4/√(0.7·2 + 0.3·4) = 74.81
        assert intermediate_t_score([m, a, b], rs, rater=Rater.PATIENT) == 74.81
        assert intermediate_t_score([m, a, b], rs, rater=Rater.PHYSIOTHERAPIST) == 30.0  # one goal at −2
        assert main_goal_level([m, a, b], rs, rater=Rater.PATIENT) == -2
        assert main_goal_level([m, a, b], rs, rater=Rater.PHYSIOTHERAPIST) is None

    def test_no_intermediate_goal_rated_is_no_t_score(self):
        m = main_goal()
        assert intermediate_t_score([m, step(m)], [rate(m, 7, category="fully")], rater=Rater.PATIENT) is None
