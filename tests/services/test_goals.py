"""Goal service: goals, ratings, review prompts and the plan, over a real database."""

from datetime import timedelta

import pytest

from diary.domain.errors import ValidationFailed

LEVELS = {-2: "none", -1: "a little", 0: "as planned", 1: "more", 2: "much more"}


@pytest.fixture
def goals(diary):
    return diary.goals


def test_main_goal_with_two_steps_rated_twice(goals, clock):
    main = goals.add_goal(type="main", title="Walk to work", levels=LEVELS, baseline_level=-2)
    a = goals.add_goal(type="intermediate", title="Walk 10 min", main_goal_id=main.id, levels=LEVELS, baseline_level=-2)
    b = goals.add_goal(type="intermediate", title="Stretch", main_goal_id=main.id)
    for level_main, level_a, cat_b in ((-2, -1, "not"), (-1, 0, "partially")):
        goals.rate(main.id, level=level_main)
        goals.rate(a.id, level=level_a)
        goals.rate(b.id, category=cat_b)
        clock.now += timedelta(days=7)
    [tree] = goals.overview()
    assert tree.main.goal == main and [s.goal for s in tree.steps] == [a, b]
    assert tree.main.latest.level == -1 and tree.main.trend.value == "improving"
    assert [s.status for s in tree.steps] == ["achieved", "improving"]
    # Issue 15 §3: the main goal's level apart (−1), the T-score of the two steps only: x = (0, −1),
    # equal weights → 50 + 10·(−1)/√(0.7·2 + 0.3·4) = 43.80 (was 40.87 with the main goal in it)
    standing = goals.standing()
    assert standing.rater.value == "patient" and standing.main_level == -1
    assert standing.t_score == pytest.approx(43.80, abs=0.011)
    assert goals.trial_outcome().intermediate.value == "some_fully"


def test_intermediate_goal_without_main_is_refused_and_nothing_stored(goals):
    with pytest.raises(ValidationFailed, match="must name the main goal"):
        goals.add_goal(type="intermediate", title="Stretch")
    with pytest.raises(ValidationFailed, match="existing main goal"):
        goals.add_goal(type="intermediate", title="Stretch", main_goal_id="nope")
    assert goals.overview() == []


def test_future_rating_refused(goals):
    g = goals.add_goal(type="main", title="Walk")
    with pytest.raises(ValidationFailed, match="in the future"):
        goals.rate(g.id, category="fully", rated_on=goals.today() + timedelta(days=1))


def test_weekly_prompt_and_flare_days_never_prompt(goals, diary, clock):
    g = goals.add_goal(type="main", title="Walk")
    assert not goals.rating_due()
    clock.now += timedelta(days=7)
    assert goals.rating_due()
    diary.log.record(flare=True)
    assert not goals.rating_due()
    clock.now += timedelta(days=1)
    goals.rate(g.id, category="partially")
    assert not goals.rating_due()


def test_plan_week_from_the_log(goals, diary, clock):
    walk = goals.add_activity(name="Walk", intensity="moderate", minutes=30, times_per_week=3)
    monday = goals.today() - timedelta(days=goals.today().weekday())
    diary.log.record(day=monday, moderate_min=35)
    [(activity, week)] = goals.plan_week()
    assert activity == walk and week.done == (1 if monday <= goals.today() else 0)


def test_resolve_by_prefix(goals):
    g = goals.add_goal(type="main", title="Walk")
    assert goals.resolve(g.id[:8]) == g.id
    with pytest.raises(ValidationFailed, match="No goal has the id"):
        goals.resolve("zzzz")
