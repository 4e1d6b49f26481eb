"""Goals, ratings and what they add up to (goals-fhir.md, instruments.md §2.12)."""

from datetime import date, datetime, timedelta

import pytest

from diary.domain.errors import ValidationFailed
from diary.domain.goal_progress import Trend, achievement_status, latest, trend, trial_outcome
from diary.domain.goals import Category, Goal, GoalType, Rating, validate_goal_set

START = date(2026, 1, 5)
LEVELS = {-2: "No walks", -1: "Walks 10 min twice a week", 0: "Walks 30 min 3 times a week",
          1: "Walks 40 min 3 times a week", 2: "Walks 40 min 4 times a week"}


def main_goal(**kw):
    return Goal.create(type="main", title="Walk to work again", start_date=START, **kw)


def step(main, **kw):
    return Goal.create(type="intermediate", title="Walk 30 minutes", start_date=START, main_goal_id=main.id, **kw)


def rate(goal, days, *, level=None, category=None, rater="patient"):
    return Rating.create(goal, rated_on=START + timedelta(days=days), rater=rater, level=level, category=category,
                         recorded_at=datetime(2026, 1, 5, 12) + timedelta(days=days))


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
        r = rate(main_goal(), 1, category="partially")
        assert r.category is Category.PARTIALLY and r.gas_level == -1

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

    def test_trial_outcome_at_latest_review(self):
        m = main_goal()
        a, b, c = step(m), step(m), step(m)
        rs = [rate(m, 30, category="partially"), rate(m, 90, category="fully"),
              rate(a, 90, category="fully"), rate(b, 90, category="partially"), rate(c, 30, category="fully")]
        outcome = trial_outcome([m, a, b, c], rs)
        assert outcome.review_date == START + timedelta(days=90)
        assert outcome.main_fully_attained is True
        assert outcome.intermediate_fully_share == pytest.approx(2 / 3)

    def test_trial_outcome_with_no_ratings(self):
        assert trial_outcome([main_goal()], []).main_fully_attained is None
