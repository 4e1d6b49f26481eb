"""Goals, ratings and the activity plan: the use cases behind the Goals screens and `diary goal|plan`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from diary.domain.errors import ValidationFailed
from diary.domain.goal_progress import Trend, achievement_status, latest, trend
from diary.domain.goals import Goal, GoalType, Rater, Rating, validate_goal_set
from diary.domain.trial import (
    DEFAULT_RATER_RULE, Assessment, GoalStanding, PatientOutcome, RaterRule, goal_standing, patient_outcome,
)
from diary.domain.plans import Activity, WeekAdherence, week_adherence, week_start
from diary.services.log import LogService
from diary.storage.goal_repository import GoalRepository
from diary.services.failures import storage_boundary

REVIEW_EVERY_DAYS = 7  # the weekly self-rating


@dataclass(frozen=True)
class GoalSummary:
    goal: Goal
    latest: Rating | None
    trend: Trend | None
    status: str  # FHIR achievementStatus
    next_review: date
    ratings: tuple[Rating, ...]


@dataclass(frozen=True)
class GoalTree:
    """A main goal with its intermediate goals as steps toward it."""

    main: GoalSummary
    steps: tuple[GoalSummary, ...]


@storage_boundary
class GoalService:
    def __init__(self, *, goals: GoalRepository, log: LogService, clock: Callable[[], datetime]):
        self._repo, self._log, self._clock = goals, log, clock

    def today(self) -> date:
        return self._clock().date()

    # Goals
    def add_goal(self, **fields: Any) -> Goal:
        """Create a goal (start date today unless given).

        Raises:
            ValidationFailed: bad fields, a target date before the start, an intermediate goal without
                an existing main goal. Nothing is stored.
        """
        fields.setdefault("start_date", self.today())
        goal = Goal.create(**fields)
        validate_goal_set([*self._repo.goals(), goal])
        self._repo.add_goal(goal, now=self._clock())
        return goal

    def update_goal(self, goal_id: str, **fields: Any) -> Goal:
        goal = self._repo.goal(goal_id).changed(**fields)
        validate_goal_set([g if g.id != goal.id else goal for g in self._repo.goals()])
        self._repo.update_goal(goal, now=self._clock())
        return goal

    def delete_goal(self, goal_id: str) -> None:
        self._repo.delete_goal(goal_id)

    def all_goals(self) -> list[Goal]:
        return self._repo.goals()

    def all_ratings(self) -> list[Rating]:
        """Every rating of every goal, oldest first."""
        return self._repo.ratings()

    def goal(self, goal_id: str) -> Goal:
        return self._repo.goal(self.resolve(goal_id))

    def resolve(self, prefix: str) -> str:
        """A goal id from a unique prefix of it (the CLI shows the first 8 characters)."""
        matches = [g.id for g in self._repo.goals() if g.id.startswith(prefix)]
        if len(matches) != 1:
            raise ValidationFailed(f"No goal has the id {prefix!r}; run 'diary goal list' to see them."
                                   if not matches else f"The id {prefix!r} fits several goals; give more of it.")
        return matches[0]

    # Ratings
    def rate(self, goal_id: str, *, level: int | None = None, category: str | None = None, worse: bool = False,
             rater: str = Rater.PATIENT.value, comment: str | None = None, rated_on: date | None = None) -> Rating:
        """Record a rating (a correction is simply a later rating). `worse`: not attained and worse than
        at the start (goals rated by category; see diary.domain.goals)."""
        goal = self._repo.goal(goal_id)
        rated_on = rated_on or self.today()
        if rated_on > self.today():
            raise ValidationFailed(f"The rating date {rated_on.isoformat()} is in the future.")
        if rated_on < goal.start_date:
            raise ValidationFailed(f"The rating date {rated_on.isoformat()} is before the goal started "
                                   f"({goal.start_date.isoformat()}).")
        rating = Rating.create(goal, rated_on=rated_on, rater=rater, level=level, category=category, worse=worse,
                               comment=comment, recorded_at=self._clock())
        self._repo.add_rating(rating)
        return rating

    def overview(self) -> list[GoalTree]:
        """Every main goal with its steps, each with its latest rating, trend, status and next review."""
        goals, ratings = self._repo.goals(), self._repo.ratings()
        summaries = {g.id: self._summary(g, ratings) for g in goals}
        return [GoalTree(main=summaries[g.id],
                         steps=tuple(summaries[s.id] for s in goals if s.main_goal_id == g.id))
                for g in goals if g.type is GoalType.MAIN]

    def _summary(self, goal: Goal, ratings: list[Rating]) -> GoalSummary:
        mine = tuple(r for r in ratings if r.goal_id == goal.id)
        last = latest(goal, list(mine), rater=Rater.PATIENT)
        next_review = (last.rated_on if last else goal.start_date) + timedelta(days=REVIEW_EVERY_DAYS)
        return GoalSummary(goal=goal, latest=latest(goal, list(mine)), trend=trend(goal, list(mine)),
                           status=achievement_status(goal, list(mine), today=self.today()),
                           next_review=next_review, ratings=mine)

    def rating_due(self) -> bool:
        """Whether Today should prompt for the weekly rating: a goal's review date has come, and today
        is not marked as a flare or rest day (those never prompt)."""
        if self._log.day(self.today()).flare:
            return False
        return any(s.next_review <= self.today() for tree in self.overview() for s in (tree.main, *tree.steps))

    def standing(self, *, rule: str | RaterRule = DEFAULT_RATER_RULE, at: date | None = None) -> GoalStanding:
        """The current main goal's level and the intermediate goals' T-score, from the one rater `rule`
        picks (diary.domain.trial.goal_standing)."""
        return goal_standing(self._repo.goals(), self._repo.ratings(), rule=RaterRule(rule), at=at)

    def trial_outcome(self, *, rule: str | RaterRule = DEFAULT_RATER_RULE,
                      assessment: Assessment = Assessment()) -> PatientOutcome:
        """This patient's trial outcomes (diary.domain.trial.patient_outcome)."""
        return patient_outcome(self._repo.goals(), self._repo.ratings(), rule=RaterRule(rule), assessment=assessment)

    # The activity plan
    def add_activity(self, **fields: Any) -> Activity:
        if fields.get("goal_id"):
            fields["goal_id"] = self.resolve(fields["goal_id"])
        activity = Activity.create(**fields)
        self._repo.add_activity(activity, now=self._clock())
        return activity

    def remove_activity(self, activity_id: str) -> None:
        matches = [a.id for a in self._repo.activities() if a.id.startswith(activity_id)]
        if len(matches) != 1:
            raise ValidationFailed(f"No single activity has the id {activity_id!r}; run 'diary plan list'.")
        self._repo.remove_activity(matches[0])

    def activities(self) -> list[Activity]:
        return self._repo.activities()

    def plan_week(self, week_of: date | None = None) -> list[tuple[Activity, WeekAdherence]]:
        """This week's activities against their dose, filled from the log."""
        start = week_start(week_of or self.today())
        days = self._log.history(start=start, end=min(start + timedelta(days=6), self.today()))
        return [(a, week_adherence(a, days, week_of=start)) for a in self._repo.activities()]
