"""A check-in: one moment's answers in the daily log.

Every item is optional, but a check-in must say something. Missing is never zero: an item the user
did not answer is None, and a body map that was not filled in is None, unlike an explicit "no pain"
(an empty set of regions with `no_pain=True`).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from diary.domain.errors import Sentence, ValidationFailed, Word, pydantic_sentence
from diary.domain.marks import N_
from diary.domain.items import ACTIVITY, ACTIVITY_MAX_MIN, SCALES, SLEEP_HOURS_MAX
from diary.domain.regions import REGION_SET, region_order
from diary.domain.text import NOTE_MAX_CHARS, clean_text

EARLIEST_DAY = date(1990, 1, 1)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def pain_regions_of(regions: dict[str, int | None] | None, no_pain: bool) -> frozenset[str] | None:
    """CheckIn.pain_regions from a check-in's body map and "no pain" answer (also for readers that hold
    check-ins as stored rows, diary.storage.row_builders.StoredCheckIn)."""
    if regions is not None:
        return frozenset(regions)
    return frozenset() if no_pain else None


class CheckIn(BaseModel):
    """One check-in. Build it with `CheckIn.create(...)` to get ValidationFailed on bad input."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    day: date
    recorded_at: datetime
    extra: bool = False  # a second or later check-in of the day: pain means "right now"
    pain: int | None = None
    regions: dict[str, int | None] | None = None  # region → intensity 0–10 or None; None = map not filled
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

    @field_validator(*SCALES, mode="before")
    @classmethod
    def _scale(cls, value: Any, info) -> Any:
        if value is None:
            return None
        if not _is_int(value) or not 0 <= value <= 10:
            raise ValueError(Sentence("{item} must be a whole number from 0 to 10 (got {value!r}).", item=Word(SCALES[info.field_name]),
                                      value=value))
        return value

    @field_validator(*ACTIVITY, mode="before")
    @classmethod
    def _minutes(cls, value: Any, info) -> Any:
        if value is None:
            return None
        if not _is_int(value) or not 0 <= value <= ACTIVITY_MAX_MIN:
            raise ValueError(
                Sentence("{item} must be whole minutes from 0 to {most} (got {value!r}).", item=Word(ACTIVITY[info.field_name]),
                         most=ACTIVITY_MAX_MIN, value=value)
            )
        return value

    @field_validator("sleep_hours", mode="before")
    @classmethod
    def _sleep_hours(cls, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= SLEEP_HOURS_MAX:
            raise ValueError(Sentence("Hours slept must be a number from 0 to {most:g} (got {value!r}).", most=SLEEP_HOURS_MAX,
                                      value=value))
        if (value * 4) != int(value * 4):
            raise ValueError(Sentence("Hours slept must be in quarter hours, like 7 or 7.5 (got {value!r}).", value=value))
        return float(value)

    @field_validator("regions", mode="before")
    @classmethod
    def _regions(cls, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, (list, tuple, set, frozenset)):
            value = {region: None for region in value}
        if not isinstance(value, dict):
            raise ValueError(Sentence("Pain locations must be a list of body regions."))
        for region, intensity in value.items():
            if region not in REGION_SET:
                raise ValueError(Sentence("Unknown body region {region!r}; allowed: {names}.", region=region, names=', '.join(sorted(REGION_SET))))
            if intensity is not None and (not _is_int(intensity) or not 0 <= intensity <= 10):
                raise ValueError(Sentence("Pain in {region} must be a whole number from 0 to 10 (got {intensity!r}).", region=region, intensity=intensity))
        return dict(sorted(value.items(), key=lambda item: region_order(item[0])))

    @field_validator("note", mode="before")
    @classmethod
    def _note(cls, value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValueError(Sentence("The note must be text."))
        text = clean_text(value, field="note", max_chars=NOTE_MAX_CHARS, label=N_("The note"))
        return text if text.strip() else None

    @field_validator("day", mode="before")
    @classmethod
    def _day(cls, value: Any) -> Any:
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                raise ValueError(Sentence("The date {value!r} is not a real date; write it as YYYY-MM-DD.", value=value)) from None
        if isinstance(value, date) and value < EARLIEST_DAY:
            raise ValueError(Sentence("The date {value} is too long ago; the earliest is {earliest}.", value=value.isoformat(),
                                      earliest=EARLIEST_DAY))
        return value

    @model_validator(mode="after")
    def _consistent(self) -> "CheckIn":
        if self.no_pain and self.regions:
            raise ValueError(Sentence('Choose either "no pain" or pain locations, not both.'))
        if not self.has_content():
            raise ValueError(Sentence("Nothing to save yet: answer at least one question, mark a flare day or write a note."))
        return self

    def has_content(self) -> bool:
        """True if the check-in says anything at all."""
        answered = [getattr(self, name) for name in (*SCALES, *ACTIVITY, "sleep_hours", "strength", "note")]
        return any(v is not None for v in answered) or self.regions is not None or self.no_pain or self.flare

    @property
    def pain_regions(self) -> frozenset[str] | None:
        """Regions that hurt; an empty set for an explicit "no pain"; None when the map was not filled."""
        return pain_regions_of(self.regions, self.no_pain)

    @classmethod
    def create(cls, **fields: Any) -> "CheckIn":
        """Validate and build a check-in, giving a new id when none is passed.

        Raises:
            ValidationFailed: with one sentence naming the first problem and the allowed values.
        """
        fields.setdefault("id", uuid.uuid4().hex)
        if fields.get("regions") == {} or fields.get("regions") == []:
            fields["regions"] = None
            fields["no_pain"] = True if fields.get("no_pain") is None else fields["no_pain"]
        try:
            return cls(**fields)
        except ValidationError as exc:
            raise _as_failure(exc) from None

    def changed(self, **fields: Any) -> "CheckIn":
        """A validated copy with some fields replaced (same id)."""
        return CheckIn.create(**{**self.model_dump(), **fields})


def _as_failure(exc: ValidationError) -> ValidationFailed:
    error = exc.errors()[0]
    field = str(error["loc"][0]) if error.get("loc") else None
    message = pydantic_sentence(error) or error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = f"Unknown item {field!r}."
    elif error["type"] not in ("value_error",):
        message = f"{field}: {message}." if field else message
    return ValidationFailed(message, field=field)
