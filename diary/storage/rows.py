"""SQLModel table rows, kept apart from the domain's objects and mapped explicitly.

The tables are created by migrations.py (with their CHECK constraints); these classes only map them.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from diary.domain.entries import CheckIn
from diary.domain.goals import LEVELS, Goal, Rating
from diary.domain.plans import Activity


class MetaRow(SQLModel, table=True):
    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str


class CheckInRow(SQLModel, table=True):
    __tablename__ = "checkin"
    id: str = Field(primary_key=True)
    day: str
    recorded_at: str
    extra: bool = False
    pain: int | None = None
    no_pain: bool = False
    fatigue: int | None = None
    stress: int | None = None
    sleep_quality: int | None = None
    sleep_hours: float | None = None
    light_min: int | None = None
    moderate_min: int | None = None
    vigorous_min: int | None = None
    strength: bool | None = None
    worry: int | None = None
    flare: bool = False
    note: str | None = None
    updated_at: str


class CheckInRegionRow(SQLModel, table=True):
    __tablename__ = "checkin_region"
    checkin_id: str = Field(primary_key=True, foreign_key="checkin.id")
    region: str = Field(primary_key=True)
    intensity: int | None = None


_PLAIN_FIELDS = (
    "id", "extra", "pain", "no_pain", "fatigue", "stress", "sleep_quality", "sleep_hours",
    "light_min", "moderate_min", "vigorous_min", "strength", "worry", "flare", "note",
)


def checkin_to_values(checkin: CheckIn, *, updated_at: datetime) -> tuple[dict, list[dict]]:
    """Column values of the check-in row and its region rows (for Core inserts: saving is a hot path)."""
    row = {name: getattr(checkin, name) for name in _PLAIN_FIELDS}
    row.update(day=checkin.day.isoformat(), recorded_at=checkin.recorded_at.isoformat(),
               updated_at=updated_at.isoformat())
    regions = [{"checkin_id": checkin.id, "region": region, "intensity": intensity}
               for region, intensity in (checkin.regions or {}).items()]
    return row, regions


def checkin_from_rows(row: CheckInRow, regions: list[CheckInRegionRow]) -> CheckIn:
    # Rows were validated on the way in and by CHECK constraints; construct without re-validating
    # the "has content" rule's error path, but through the model so types stay exact.
    return CheckIn(
        **{name: getattr(row, name) for name in _PLAIN_FIELDS},
        day=date.fromisoformat(row.day),
        recorded_at=datetime.fromisoformat(row.recorded_at),
        regions={r.region: r.intensity for r in regions} or None,
    )


# Goals, ratings and the activity plan (schema v2)

LEVEL_COLUMNS = dict(zip(LEVELS, ("level_m2", "level_m1", "level_0", "level_p1", "level_p2")))


class GoalRow(SQLModel, table=True):
    __tablename__ = "goal"
    id: str = Field(primary_key=True)
    type: str
    title: str
    measure: str | None = None
    baseline: str | None = None
    target: str | None = None
    start_date: str
    target_date: str | None = None
    main_goal_id: str | None = None
    level_m2: str | None = None
    level_m1: str | None = None
    level_0: str | None = None
    level_p1: str | None = None
    level_p2: str | None = None
    baseline_level: int = -1
    weight: float = 1.0
    created_at: str
    updated_at: str


class GoalRatingRow(SQLModel, table=True):
    __tablename__ = "goal_rating"
    id: str = Field(primary_key=True)
    goal_id: str
    rated_on: str
    rater: str
    level: int | None = None
    category: str
    comment: str | None = None
    recorded_at: str


class PlanActivityRow(SQLModel, table=True):
    __tablename__ = "plan_activity"
    id: str = Field(primary_key=True)
    name: str
    intensity: str
    minutes: int | None = None
    times_per_week: int
    goal_id: str | None = None
    created_at: str


def goal_to_values(goal: Goal, *, now: datetime) -> dict:
    values = goal.model_dump(exclude={"levels"}, mode="json")
    for level, column in LEVEL_COLUMNS.items():
        values[column] = goal.levels[level] if goal.levels else None
    values.update(created_at=now.isoformat(), updated_at=now.isoformat())
    return values


def goal_from_row(row: GoalRow) -> Goal:
    levels = {level: getattr(row, column) for level, column in LEVEL_COLUMNS.items()}
    return Goal(
        id=row.id, type=row.type, title=row.title, measure=row.measure, baseline=row.baseline, target=row.target,
        start_date=date.fromisoformat(row.start_date),
        target_date=date.fromisoformat(row.target_date) if row.target_date else None,
        main_goal_id=row.main_goal_id, levels=levels if levels[0] is not None else None,
        baseline_level=row.baseline_level, weight=row.weight,
    )


def rating_to_values(rating: Rating) -> dict:
    return rating.model_dump(mode="json")


def activity_to_values(activity: Activity, *, now: datetime) -> dict:
    return {**activity.model_dump(mode="json"), "created_at": now.isoformat()}


def activity_from_row(row: PlanActivityRow) -> Activity:
    return Activity(id=row.id, name=row.name, intensity=row.intensity, minutes=row.minutes,
                    times_per_week=row.times_per_week, goal_id=row.goal_id)
