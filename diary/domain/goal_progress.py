"""What goal ratings add up to: latest category, trend, FHIR achievementStatus, the intermediate goals'
T-score and the main goal's level. (The trial's figure is diary.domain.trial.)

Pure functions over Goal and Rating values; `today` and review dates are passed in, never read.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

from diary.domain.goals import _ORDER, Category, Goal, Rater, Rating, current_main_goal, steps_of


class Trend(str, Enum):
    IMPROVING = "improving"
    WORSENING = "worsening"
    NO_CHANGE = "no_change"


def ratings_of(goal: Goal, ratings: list[Rating], *, rater: Rater | None = None,
               until: date | None = None) -> list[Rating]:
    """A goal's ratings in the order they were made (date, then time recorded)."""
    mine = [r for r in ratings if r.goal_id == goal.id and (rater is None or r.rater is rater)
            and (until is None or r.rated_on <= until)]
    return sorted(mine, key=lambda r: (r.rated_on, r.recorded_at))


def latest(goal: Goal, ratings: list[Rating], **filters) -> Rating | None:
    history = ratings_of(goal, ratings, **filters)
    return history[-1] if history else None


def _rank(rating: Rating) -> int:
    # GAS levels where known; else the category's order. Both say "higher is better".
    return rating.level if rating.level is not None else _ORDER[rating.category] - 2


def trend(goal: Goal, ratings: list[Rating], **filters) -> Trend | None:
    """The latest rating against the one before it; None with fewer than two ratings."""
    history = ratings_of(goal, ratings, **filters)
    if len(history) < 2:
        return None
    before, now = _rank(history[-2]), _rank(history[-1])
    return Trend.IMPROVING if now > before else Trend.WORSENING if now < before else Trend.NO_CHANGE


def achievement_status(goal: Goal, ratings: list[Rating], *, today: date) -> str:
    """FHIR R4 Goal.achievementStatus (goal-achievement value set), from the ratings so far."""
    history = ratings_of(goal, ratings)
    if not history:
        return "in-progress"
    now = history[-1]
    if now.category is Category.FULLY:
        return "sustaining" if len(history) > 1 and history[-2].category is Category.FULLY else "achieved"
    if goal.target_date and today > goal.target_date:
        return "not-achieved"
    direction = trend(goal, ratings)
    if direction is Trend.IMPROVING:
        return "improving"
    if direction is Trend.WORSENING:
        return "worsening"
    if direction is Trend.NO_CHANGE:
        return "no-progress" if now.category is Category.NOT else "no-change"
    return "in-progress"


def gas_pairs(goals: list[Goal], ratings: list[Rating], *, rater: Rater, at: date | None = None
              ) -> list[list[float | int] | None]:
    """[level, weight] per goal from each goal's latest rating by `rater` on or before `at`; None for
    an unrated goal. Levels by Goal.level_of (a category is mapped by the goal's baseline)."""
    pairs: list[list[float | int] | None] = []
    for goal in goals:
        rating = latest(goal, ratings, until=at, rater=rater)
        pairs.append([goal.level_of(rating), goal.weight] if rating else None)
    return pairs


def intermediate_t_score(goals: list[Goal], ratings: list[Rating], *, rater: Rater,
                         at: date | None = None) -> float | None:
    """The Kiresuk–Sherman T-score (ρ = 0.3) of the current main goal's intermediate goals, from one
    rater's latest ratings on or before `at`; None when none of them is rated.

    The main goal is left out on purpose: the formula's ρ assumes separate goals, and intermediate goals
    are steps toward the main goal, not separate from it; its level is reported beside the T-score
    (`main_goal_level`). "Current" is as of `at`. One implementation only: `score("gas", ...)`.
    """
    from diary.domain.instruments import score

    steps = steps_of(current_main_goal(goals, on=at), goals)
    if not steps:
        return None
    result = score("gas", gas_pairs(steps, ratings, rater=rater, at=at))
    return result.total if result.valid else None


def main_goal_level(goals: list[Goal], ratings: list[Rating], *, rater: Rater,
                    at: date | None = None) -> int | None:
    """The GAS level of the current main goal's latest rating by `rater` on or before `at` (None: not
    rated), reported beside the intermediate goals' T-score."""
    main = current_main_goal(goals, on=at)
    rating = latest(main, ratings, until=at, rater=rater) if main else None
    return main.level_of(rating) if rating else None
