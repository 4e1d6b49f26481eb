"""Wire models for questionnaire responses, goals with their ratings, and the activity plan.

Strict on types and sizes, permissive on meaning: the instrument, goal and plan rules live in the
domain (diary.domain.instruments, goals, plans), which the importing service applies again when it
stores what was imported. Field names follow those domain models; caps are at least theirs.
GAS level descriptions travel as a list of {level, description}, because JSON keys are strings.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from diary.exchange.fields import (
    GasLevel,
    Identifier,
    IsoDate,
    IsoDateTime,
    Version,
    WireModel,
    text,
)

MAX_ANSWERS = 50
MAX_RATINGS = 500
MAX_ACTIVITIES = 50

# Raw item answers are small codes (0–10 NRS, 0–8 WSAS, FIQ day counts, …); ±1000 leaves room.
SmallInt = Annotated[int, Field(ge=-1000, le=1000)]
# A few items are read off a scale (a VAS in mm, a 0–10 slider with decimals): small numbers.
SmallNumber = Annotated[float, Field(ge=-1000, le=1000)]
Score = Annotated[float, Field(ge=-1_000_000, le=1_000_000)]


class QuestionnaireWire(WireModel):
    """One completed instrument: raw answers (None = item left blank) and the scores the app computed."""

    instrument_id: Identifier
    version: Version
    answered_at: IsoDateTime
    answers: list[SmallInt | SmallNumber | None] = Field(max_length=MAX_ANSWERS)
    total: Score | None = None
    band: text(40, single_line=True, min_chars=1) | None = None
    flags: list[Identifier] = Field(default_factory=list, max_length=20)
    subscales: dict[Identifier, Score | None] = Field(default_factory=dict, max_length=16)


class GasLevelWire(WireModel):
    """The agreed description of one Goal Attainment Scaling level (−2 … +2)."""

    level: GasLevel
    description: text(200, min_chars=1)


class RatingWire(WireModel):
    """One rating of a goal; every rating is kept. At least a GAS level or a 3-level category."""

    id: Identifier | None = None
    rated_on: IsoDate
    rater: Literal["patient", "physiotherapist"]
    level: GasLevel | None = None
    category: Literal["fully", "partially", "not"] | None = None
    comment: text(1000) | None = None
    recorded_at: IsoDateTime | None = None

    @model_validator(mode="after")
    def _says_something(self) -> "RatingWire":
        if self.level is None and self.category is None:
            raise ValueError("a rating needs a level or a category")
        return self


class GoalWire(WireModel):
    """A main or intermediate goal with its GAS levels and every rating."""

    id: Identifier
    type: Literal["main", "intermediate"]
    title: text(200, single_line=True, min_chars=1)
    measure: text(500) | None = None
    baseline: text(500) | None = None
    target: text(500) | None = None
    start_date: IsoDate | None = None
    target_date: IsoDate | None = None
    main_goal_id: Identifier | None = None
    levels: list[GasLevelWire] = Field(default_factory=list, max_length=5)
    baseline_level: GasLevel | None = None
    weight: Annotated[float, Field(gt=0, le=100)] = 1.0
    ratings: list[RatingWire] = Field(default_factory=list, max_length=MAX_RATINGS)

    @model_validator(mode="after")
    def _consistent(self) -> "GoalWire":
        if (self.type == "intermediate") != (self.main_goal_id is not None):
            raise ValueError("an intermediate goal names its main goal; a main goal names none")
        if len({level.level for level in self.levels}) != len(self.levels):
            raise ValueError("each GAS level is described once")
        return self


class ActivityWire(WireModel):
    """One activity of the physiotherapist's plan, with its weekly dose."""

    id: Identifier
    name: text(100, single_line=True, min_chars=1)
    intensity: Literal["light", "moderate", "vigorous", "strength"] | None = None
    minutes: Annotated[int, Field(ge=0, le=600)] | None = None
    times_per_week: Annotated[int, Field(ge=0, le=28)] | None = None
    goal_id: Identifier | None = None
    note: text(500) | None = None


class PlanWire(WireModel):
    """The activity plan as last agreed."""

    agreed_on: IsoDate | None = None
    activities: list[ActivityWire] = Field(default_factory=list, max_length=MAX_ACTIVITIES)
