"""Goals, their ratings and the activity plan: rows in, domain objects out."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from diary.domain.errors import NotFound
from diary.domain.goals import Goal, Rating
from diary.domain.plans import Activity
from diary.storage.database import writer
from diary.storage.row_builders import DAYS, rating_from_row
from diary.storage.rows import (
    GoalRatingRow, GoalRow, PlanActivityRow, activity_from_row, activity_to_values, goal_from_row, goal_to_values,
    rating_to_values,
)

GOAL, RATING, ACTIVITY = GoalRow.__table__, GoalRatingRow.__table__, PlanActivityRow.__table__
_SELECT_RATINGS = ("SELECT id, goal_id, rated_on, rater, level, category, comment, recorded_at FROM goal_rating "
                   "ORDER BY rated_on, recorded_at")
_GOAL_GONE = "That goal no longer exists; it may have been deleted in another window."


class GoalRepository:
    def __init__(self, engine: Engine):
        self._engine = engine
        self._writer = writer(engine)

    # Goals
    def add_goal(self, goal: Goal, *, now: datetime) -> None:
        with self._writer.begin() as conn:
            conn.execute(insert(GOAL), goal_to_values(goal, now=now))

    def update_goal(self, goal: Goal, *, now: datetime) -> None:
        values = goal_to_values(goal, now=now)
        values.pop("created_at")
        with self._writer.begin() as conn:
            if not conn.execute(GOAL.update().where(GOAL.c.id == goal.id).values(values)).rowcount:
                raise NotFound(_GOAL_GONE)

    def delete_goal(self, goal_id: str) -> None:
        """Delete a goal with its ratings (and its intermediate goals, if it is a main goal)."""
        with self._writer.begin() as conn:
            if not conn.execute(delete(GOAL).where(GOAL.c.id == goal_id)).rowcount:
                raise NotFound(_GOAL_GONE)

    def goals(self) -> list[Goal]:
        with Session(self._engine) as session:
            rows = session.exec(select(GoalRow).order_by(GoalRow.start_date, GoalRow.created_at)).scalars().all()
        return [goal_from_row(row) for row in rows]

    def goal(self, goal_id: str) -> Goal:
        with Session(self._engine) as session:
            row = session.get(GoalRow, goal_id)
        if row is None:
            raise NotFound(_GOAL_GONE)
        return goal_from_row(row)

    # Ratings: appended, never changed
    def add_rating(self, rating: Rating) -> None:
        with self._writer.begin() as conn:
            conn.execute(insert(RATING), rating_to_values(rating))

    def ratings(self) -> list[Rating]:
        # Plain rows and row_builders: five years hold a thousand ratings, read by every export.
        with self._engine.connect() as conn:
            rows = conn.connection.dbapi_connection.cursor().execute(_SELECT_RATINGS)
            return [rating_from_row(*row, days=DAYS) for row in rows]

    # The activity plan
    def add_activity(self, activity: Activity, *, now: datetime) -> None:
        with self._writer.begin() as conn:
            conn.execute(insert(ACTIVITY), activity_to_values(activity, now=now))

    def remove_activity(self, activity_id: str) -> None:
        with self._writer.begin() as conn:
            if not conn.execute(delete(ACTIVITY).where(ACTIVITY.c.id == activity_id)).rowcount:
                raise NotFound("That activity is no longer in the plan.")

    def activities(self) -> list[Activity]:
        with Session(self._engine) as session:
            rows = session.exec(select(PlanActivityRow).order_by(col(PlanActivityRow.created_at))).scalars().all()
        return [activity_from_row(row) for row in rows]
