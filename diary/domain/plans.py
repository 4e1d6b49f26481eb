"""The physiotherapist's activity plan and its weekly adherence, from the daily log.

An activity has a weekly dose ("walk 30 min, 3 times a week"; "strength exercises, 2 times a week").
A day counts as a session of an aerobic activity when that day's logged minutes at the activity's
intensity (or harder) reach the session length; a strength activity counts days with strengthening.
Flare/rest days are left out: they are neither sessions nor part of the denominator, so a bad week never
counts against the patient, and a week's expected sessions shrink in proportion (half up).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from diary.domain.days import DayValues
from diary.domain.errors import Sentence, ValidationFailed, pydantic_sentence
from diary.domain.marks import N_
from diary.domain.numbers import round_half_up, round_half_up_int
from diary.domain.text import clean_text


class Intensity(str, Enum):
    LIGHT = "light"
    MODERATE = "moderate"
    VIGOROUS = "vigorous"
    STRENGTH = "strength"


# Minutes that count toward an aerobic activity of each intensity: the same or harder.
_COUNTED = {
    Intensity.LIGHT: ("light_min", "moderate_min", "vigorous_min"),
    Intensity.MODERATE: ("moderate_min", "vigorous_min"),
    Intensity.VIGOROUS: ("vigorous_min",),
}


class Activity(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    intensity: Intensity
    minutes: int | None = None  # per session; None for strength
    times_per_week: int
    goal_id: str | None = None

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, v: Any) -> Any:
        if not isinstance(v, str) or not v.strip():
            raise ValueError(Sentence('Name the activity, e.g. "Walk".'))
        return clean_text(v.strip(), field="name", max_chars=80, label=N_("The activity's name"), single_line=True)

    @field_validator("minutes", mode="before")
    @classmethod
    def _minutes(cls, v: Any) -> Any:
        if v is not None and (isinstance(v, bool) or not isinstance(v, int) or not 5 <= v <= 300):
            raise ValueError(Sentence("Minutes per session must be a whole number from 5 to 300 (got {v!r}).", v=v))
        return v

    @field_validator("times_per_week", mode="before")
    @classmethod
    def _times(cls, v: Any) -> Any:
        if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 14:
            raise ValueError(Sentence("Times a week must be a whole number from 1 to 14 (got {v!r}).", v=v))
        return v

    @classmethod
    def create(cls, **fields: Any) -> "Activity":
        fields.setdefault("id", uuid.uuid4().hex)
        if fields.get("intensity") not in (None, *Intensity, *(i.value for i in Intensity)):
            raise ValidationFailed(Sentence("Intensity must be light, moderate, vigorous or strength (got {fields!r}).", fields=fields['intensity']))
        intensity = Intensity(fields.get("intensity", "moderate"))
        if intensity is not Intensity.STRENGTH and fields.get("minutes") is None:
            raise ValidationFailed(Sentence("Give the minutes per session for an aerobic activity."), field="minutes")
        try:
            return cls(**fields)
        except ValidationError as exc:
            error = exc.errors()[0]
            raise ValidationFailed(pydantic_sentence(error) or error["msg"].removeprefix("Value error, ")) from None

    @property
    def dose(self) -> str:
        """The dose in words: "30 min, 3 times a week"."""
        times = "once a week" if self.times_per_week == 1 else f"{self.times_per_week} times a week"
        return f"{self.minutes} min, {times}" if self.minutes else times

    def is_session(self, day: DayValues) -> bool:
        """Whether the logged day counts as one session of this activity."""
        if self.intensity is Intensity.STRENGTH:
            return bool(day.strength)
        minutes = sum(getattr(day, name) or 0 for name in _COUNTED[self.intensity])
        return minutes >= (self.minutes or 0) and minutes > 0


@dataclass(frozen=True)
class WeekAdherence:
    activity_id: str
    week_start: date  # a Monday
    done: int  # sessions on non-flare days
    expected: int  # the dose, scaled to the week's non-flare days
    flare_days: int
    adherence: float | None  # done / expected, capped at 1; None when nothing was expected

    @property
    def met(self) -> bool | None:
        return None if self.adherence is None else self.adherence >= 1


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_adherence(activity: Activity, days: list[DayValues], *, week_of: date) -> WeekAdherence:
    """Adherence to one activity in the Monday-to-Sunday week containing `week_of`.

    `days` may hold any days; those outside the week are ignored, days not logged count as no session.
    """
    start = week_start(week_of)
    in_week = {d.day: d for d in days if start <= d.day < start + timedelta(days=7)}
    flare_days = sum(1 for d in in_week.values() if d.flare)
    done = sum(1 for d in in_week.values() if not d.flare and activity.is_session(d))
    expected = round_half_up_int(activity.times_per_week * (7 - flare_days) / 7)
    adherence = round_half_up(min(1.0, done / expected), 2) if expected else None
    return WeekAdherence(activity.id, start, done, expected, flare_days, adherence)
