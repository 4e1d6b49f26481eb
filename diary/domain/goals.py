"""Goals agreed between patient and physiotherapist, their ratings over time, and what follows from them.

Model (shared/reference/goals-fhir.md, instruments.md §2.12):
- one patient's goals: a **main** goal and **intermediate** goals (steps toward it, each naming its main
  goal), each with optional Goal Attainment Scaling levels −2…+2 described in words, a baseline level
  (−2, Kiresuk's convention, or −1, Turner-Stokes's) and an optional weight;
- **ratings** are kept forever: a correction is a new rating. A rating has a GAS level where the goal has
  levels, and always a 3-level category (fully / partially / not attained);
- derived: the latest category, a trend, the FHIR achievementStatus, the Kiresuk–Sherman T-score of the
  intermediate goals, and the trial's outcome (diary.domain.trial).

A patient's **current main goal** is the main goal set last (the latest start date; on a tie, the one
added last); an earlier main goal is history (superseded), and so are its intermediate goals.

**A category as a GAS level** (issue 15 §3), for ratings without a level: fully attained → 0 (the
expected level), partially → −1, not attained → the goal's own baseline level (−1 or −2: no change from
the start), unless the rater said it got worse than at the start, which is −2 and is stored as level −2
with the category "not". The T-score reads levels only through `Goal.level_of`.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from diary.domain.errors import Sentence, ValidationFailed, Word, pydantic_sentence, word
from diary.domain.marks import N_
from diary.domain.text import clean_text

LEVELS = (-2, -1, 0, 1, 2)
TITLE_MAX, TEXT_MAX, LEVEL_TEXT_MAX, COMMENT_MAX = 120, 500, 200, 1000


class GoalType(str, Enum):
    MAIN = "main"
    INTERMEDIATE = "intermediate"


class Rater(str, Enum):
    PATIENT = "patient"
    PHYSIOTHERAPIST = "physiotherapist"


class Category(str, Enum):
    FULLY = "fully"
    PARTIALLY = "partially"
    NOT = "not"


# When only the 3-level category is known: fully and partially; "not attained" is the goal's baseline
# level (Goal.level_of). With Kiresuk's baseline −2 this is instruments.md §2.12's PROJECT DEFAULT.
CATEGORY_LEVEL = {Category.FULLY: 0, Category.PARTIALLY: -1}
WORSE_LEVEL = -2  # "worse than at the start"
_ORDER = {Category.NOT: 0, Category.PARTIALLY: 1, Category.FULLY: 2}


def _text(value: Any, *, field: str, label: str, max_chars: int, required: bool = False,
          single_line: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValueError(Sentence("{label} is required.", label=word(label)))
        return None
    if not isinstance(value, str):
        raise ValueError(Sentence("{label} must be text.", label=word(label)))
    return clean_text(value.strip(), field=field, max_chars=max_chars, label=label, single_line=single_line)


def _failure(exc: ValidationError) -> ValidationFailed:
    error = exc.errors()[0]
    field = str(error["loc"][0]) if error.get("loc") else None
    message = pydantic_sentence(error) or error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = f"Unknown goal field {field!r}."
    elif error["type"] != "value_error":
        message = f"{field}: {message}." if field else message
    return ValidationFailed(message, field=field)


class Goal(BaseModel):
    """One goal. Build with `Goal.create(...)` to get ValidationFailed sentences."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    type: GoalType
    title: str
    measure: str | None = None  # what will be done or measured
    baseline: str | None = None  # where the patient starts, in words
    target: str | None = None  # how much, in words
    start_date: date
    target_date: date | None = None
    main_goal_id: str | None = None
    levels: dict[int, str] | None = None  # GAS level → its agreed description
    baseline_level: int = -1
    weight: float = 1.0

    @field_validator("title", mode="before")
    @classmethod
    def _title(cls, v: Any) -> Any:
        return _text(v, field="title", label=N_("The goal's title"), max_chars=TITLE_MAX, required=True, single_line=True)

    @field_validator("measure", "baseline", "target", mode="before")
    @classmethod
    def _texts(cls, v: Any, info) -> Any:
        label = {"measure": N_("What will be done"), "baseline": N_("The baseline"),
                 "target": N_("The target")}[info.field_name]
        return _text(v, field=info.field_name, label=label, max_chars=TEXT_MAX)

    @field_validator("levels", mode="before")
    @classmethod
    def _levels(cls, v: Any) -> Any:
        if v is None or v == {}:
            return None
        if not isinstance(v, dict):
            raise ValueError(Sentence("Level descriptions must map each level −2…+2 to a sentence."))
        cleaned = {}
        for key, text in v.items():
            try:
                level = int(key)
            except (TypeError, ValueError):
                raise ValueError(Sentence("GAS level {key!r} is not one of −2, −1, 0, +1, +2.", key=key)) from None
            if level not in LEVELS or isinstance(key, bool):
                raise ValueError(Sentence("GAS level {key!r} is not one of −2, −1, 0, +1, +2.", key=key))
            cleaned[level] = _text(text, field="levels", label=Sentence("The description of level {level:+d}", level=level),
                                   max_chars=LEVEL_TEXT_MAX, required=True)
        if set(cleaned) != set(LEVELS):
            missing = ", ".join(f"{lv:+d}" for lv in LEVELS if lv not in cleaned)
            raise ValueError(Sentence("Describe all five levels or none; missing: {missing}.", missing=missing))
        return dict(sorted(cleaned.items()))

    @field_validator("baseline_level", mode="before")
    @classmethod
    def _baseline_level(cls, v: Any) -> Any:
        if v not in (-1, -2) or isinstance(v, bool):
            raise ValueError(Sentence("The baseline level must be −1 or −2 (got {v!r}).", v=v))
        return v

    @field_validator("weight", mode="before")
    @classmethod
    def _weight(cls, v: Any) -> Any:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 < v <= 10:
            raise ValueError(Sentence("The weight must be a number above 0 and at most 10 (got {v!r}).", v=v))
        return float(v)

    @model_validator(mode="after")
    def _consistent(self) -> "Goal":
        if self.type is GoalType.INTERMEDIATE and not self.main_goal_id:
            raise ValueError(Sentence("An intermediate goal must name the main goal it leads to."))
        if self.type is GoalType.MAIN and self.main_goal_id:
            raise ValueError(Sentence("A main goal cannot belong to another main goal."))
        if self.target_date and self.target_date < self.start_date:
            raise ValueError(
                Sentence("The target date {target_date} is before the start {start_date}.", target_date=self.target_date.isoformat(), start_date=self.start_date.isoformat())
            )
        return self

    @property
    def has_levels(self) -> bool:
        return self.levels is not None

    def category_for(self, level: int) -> Category:
        """The 3-level category a GAS level means for this goal.

        With baseline −2 (Kiresuk): ≥ 0 fully, −1 partially, −2 not. With baseline −1 (Turner-Stokes), −1 is
        "no change", so both −1 and −2 are not attained.
        """
        if level >= 0:
            return Category.FULLY
        if level == -1 and self.baseline_level == -2:
            return Category.PARTIALLY
        return Category.NOT

    def level_of(self, rating: "Rating") -> int:
        """The GAS level a rating of this goal stands for: the rated level, else its category mapped by
        this goal's baseline (not attained = the baseline level; fully 0; partially −1)."""
        if rating.level is not None:
            return rating.level
        return self.baseline_level if rating.category is Category.NOT else CATEGORY_LEVEL[rating.category]

    @classmethod
    def create(cls, **fields: Any) -> "Goal":
        fields.setdefault("id", uuid.uuid4().hex)
        try:
            return cls(**fields)
        except ValidationError as exc:
            raise _failure(exc) from None

    def changed(self, **fields: Any) -> "Goal":
        return Goal.create(**{**self.model_dump(), **fields})


class Rating(BaseModel):
    """One rating of one goal. Build with `Rating.create(goal, ...)`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    goal_id: str
    rated_on: date
    rater: Rater
    level: int | None = None
    category: Category
    comment: str | None = None
    recorded_at: datetime

    @classmethod
    def create(cls, goal: Goal, *, rated_on: date, rater: str | Rater, recorded_at: datetime,
               level: int | None = None, category: str | Category | None = None, worse: bool = False,
               comment: str | None = None, id: str | None = None) -> "Rating":
        """Validate a rating against its goal: a level where the goal has levels (the category follows
        from it), else a category.

        Args:
            worse: for a goal rated by category, "not attained, and worse than at the start": stored as
                level −2 with the category "not" (without it, "not attained" means the baseline level).

        Raises:
            ValidationFailed: a level outside −2…+2, a missing level or category, an unknown rater, or
                "worse" with a level or another category.
        """
        fields = rating_fields(goal, rated_on=rated_on, rater=rater, recorded_at=recorded_at, level=level,
                               category=category, worse=worse, comment=comment, id=id)
        try:
            return cls(**fields)
        except ValueError as exc:
            raise _unknown_rater_or_category(exc) from None

    @property
    def rated_worse(self) -> bool:
        """Level −2 with "not attained": worse than at the start (for a goal rated by category)."""
        return self.level == WORSE_LEVEL and self.category is Category.NOT


def rating_fields(goal: Goal, *, rated_on: date, rater: str | Rater, recorded_at: datetime, level: int | None = None,
                  category: str | Category | None = None, worse: bool = False, comment: str | None = None,
                  id: str | None = None) -> dict[str, Any]:
    """Every rule of `Rating.create` but the types of its fields: the rating's field values, in field
    order (rater and category as enums, the comment cleaned). `Rating.create` then has pydantic check
    their types; the importer, whose wire schema has already checked those very types (a date, a
    datetime, an identifier), builds the Rating from them directly (diary.services.wire).

    Raises:
        ValidationFailed: as `Rating.create`, with the same sentences.
    """
    if worse:
        if goal.has_levels or level is not None:
            raise ValidationFailed(Sentence('This goal has levels: choose level −2 for "worse than at the start".'),
                                   field="worse")
        if category is not None and Category(category) is not Category.NOT:
            raise ValidationFailed(Sentence('"Worse than at the start" goes with not attained.'), field="worse")
        level, category = WORSE_LEVEL, Category.NOT
    if level is not None:
        if isinstance(level, bool) or not isinstance(level, int) or level not in LEVELS:
            raise ValidationFailed(Sentence("A GAS level must be −2, −1, 0, +1 or +2 (got {level!r}).", level=level), field="level")
        derived = goal.category_for(level)
        if category is not None and Category(category) is not derived:
            raise ValidationFailed(Sentence("Level {level:+d} means {derived} attained for this goal, not {asked}.", level=level,
                                            derived=derived.value, asked=Category(category).value), field="category")
        category = derived
    elif goal.has_levels:
        raise ValidationFailed(Sentence("This goal has levels: choose one of −2…+2."), field="level")
    if category is None:
        raise ValidationFailed(Sentence("Choose fully, partially or not attained."), field="category")
    try:
        return {"id": id or uuid.uuid4().hex, "goal_id": goal.id, "rated_on": rated_on, "rater": Rater(rater),
                "level": level, "category": Category(category),
                "comment": _text(comment, field="comment", label=N_("The comment"), max_chars=COMMENT_MAX),
                "recorded_at": recorded_at}
    except ValueError as exc:
        raise _unknown_rater_or_category(exc) from None


def _unknown_rater_or_category(exc: ValueError) -> ValidationFailed:
    return ValidationFailed(Sentence("Unknown rater or category: {exc}. Raters are patient or physiotherapist; categories are fully, partially or not.", exc=exc))


def validate_goal_set(goals: list[Goal]) -> None:
    """Cross-goal rules: every intermediate goal names an existing main goal; one main goal at most
    per patient is the trial's design, but earlier main goals may be kept as history.

    Raises:
        ValidationFailed: an intermediate goal points at a goal that is missing or not a main goal.
    """
    by_id = {g.id: g for g in goals}
    for goal in goals:
        if goal.type is GoalType.INTERMEDIATE:
            main = by_id.get(goal.main_goal_id or "")
            if main is None or main.type is not GoalType.MAIN:
                raise ValidationFailed(Sentence('The intermediate goal "{title}" must lead to an existing main goal.',
                                                title=goal.title))


def current_main_goal(goals: list[Goal], *, on: date | None = None) -> Goal | None:
    """The patient's current main goal (on `on`, when given): of the main goals started by then, the
    one with the latest start date, and on a tie the one later in `goals` (added later)."""
    mains = [(g.start_date, i, g) for i, g in enumerate(goals)
             if g.type is GoalType.MAIN and (on is None or g.start_date <= on)]
    return max(mains, key=lambda t: (t[0], t[1]))[2] if mains else None


def steps_of(main: Goal | None, goals: list[Goal]) -> list[Goal]:
    """The intermediate goals that lead to `main`, in the order given."""
    return [] if main is None else [g for g in goals if g.main_goal_id == main.id]


def lifecycle_status(goal: Goal, goals: list[Goal], latest_category: Category | None) -> str:
    """FHIR R4 Goal.lifecycleStatus: "active" for the current main goal and its intermediate goals; a
    goal of a superseded main goal is "completed" when its latest rating was fully attained, else
    "cancelled" (the patient moved on to another main goal)."""
    current = current_main_goal(goals)
    if current is not None and (goal.id == current.id or goal.main_goal_id == current.id):
        return "active"
    return "completed" if latest_category is Category.FULLY else "cancelled"
