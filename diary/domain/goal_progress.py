"""What goal ratings add up to: latest category, trend, FHIR achievementStatus, T-score, trial outcome.

Pure functions over Goal and Rating values; `today` and review dates are passed in, never read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from diary.domain.goals import _ORDER, Category, Goal, GoalType, Rater, Rating


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


def gas_pairs(goals: list[Goal], ratings: list[Rating], *, at: date | None = None,
              rater: Rater | None = None) -> list[list[float | int] | None]:
    """[level, weight] per goal from each goal's latest rating on or before `at`; None for unrated goals."""
    pairs: list[list[float | int] | None] = []
    for goal in goals:
        rating = latest(goal, ratings, until=at, rater=rater)
        pairs.append([rating.gas_level, goal.weight] if rating else None)
    return pairs


def t_score(goals: list[Goal], ratings: list[Rating], *, at: date | None = None,
            rater: Rater | None = None) -> float | None:
    """The Kiresuk–Sherman T-score of the goals' latest ratings (ρ = 0.3); None when no goal is rated.

    One implementation only: this is `score("gas", ...)`, the questionnaire API's GAS scorer.
    """
    from diary.domain.instruments import score

    result = score("gas", gas_pairs(goals, ratings, at=at, rater=rater))
    return result.total if result.valid else None


@dataclass(frozen=True)
class TrialOutcome:
    """The CWP trial's figure for one patient at their latest review."""

    review_date: date | None
    main_fully_attained: bool | None  # None: no rated main goal
    intermediate_fully_share: float | None  # share of rated intermediate goals fully attained
    intermediate_rated: int


def trial_outcome(goals: list[Goal], ratings: list[Rating], *, rater: Rater | None = None) -> TrialOutcome:
    """Main goal fully attained, and the share of intermediate goals fully attained, at the latest review
    (the latest date any goal was rated; each goal counts with its latest rating up to then)."""
    relevant = [r for r in ratings if rater is None or r.rater is rater]
    if not relevant:
        return TrialOutcome(None, None, None, 0)
    review = max(r.rated_on for r in relevant)
    main_goals = [g for g in goals if g.type is GoalType.MAIN]
    main_latest = [latest(g, relevant, until=review) for g in main_goals]
    main_rated = [r for r in main_latest if r is not None]
    inter = [latest(g, relevant, until=review) for g in goals if g.type is GoalType.INTERMEDIATE]
    inter_rated = [r for r in inter if r is not None]
    return TrialOutcome(
        review_date=review,
        main_fully_attained=(main_rated[-1].category is Category.FULLY) if main_rated else None,
        intermediate_fully_share=(sum(r.category is Category.FULLY for r in inter_rated) / len(inter_rated)
                                  if inter_rated else None),
        intermediate_rated=len(inter_rated),
    )
