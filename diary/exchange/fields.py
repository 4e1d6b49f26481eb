"""Field types shared by the wire models: strict, bounded, and read from JSON text only.

Every wire model is strict (no "7" for 7, no true for 1), forbids unknown fields and is frozen.
Dates and times arrive as JSON strings, so they get their own before-validators with an exact format;
a date or datetime object passed from Python (when the app builds a payload) is accepted as is.

One rule for optional fields: an optional field without a value is left out of the JSON, never
written as null (so `"note": null` is refused, as a list would be). Null appears only inside lists
(an unanswered questionnaire item) and as a dict value (a pain region without an intensity).
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime
from typing import Annotated, Any

from annotated_types import MaxLen
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_serializer, model_validator
from pydantic_core import PydanticCustomError

from diary.domain.errors import ValidationFailed
from diary.domain.marks import N_
from diary.domain.text import clean_text

# Years outside this window are mistakes or attacks, and near year 1 or 9999 datetime arithmetic
# (UTC conversion, adding hours) raises OverflowError instead of a validation error.
_YEARS = range(1900, 9000)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})")


class WireModel(BaseModel):
    """Base of every wire model: strict, closed, frozen; optional fields left out rather than null."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _precheck(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        nulls = [key for key, value in data.items() if value is None]
        if nulls:
            raise PydanticCustomError("null_field", "leave an unanswered item out instead of writing null",
                                      {"field": nulls[0]})
        # pydantic checks a list's max_length only after validating every item; 5,001 check-ins
        # would each run the domain rules first. Count before anything else.
        for name, limit in _max_lengths(cls).items():
            value = data.get(name)
            if isinstance(value, (list, dict)) and len(value) > limit:
                raise PydanticCustomError("too_long", "too many items", {"field": name})
        return data

    @model_serializer(mode="wrap")
    def _omit_empty(self, handler: Any) -> dict[str, Any]:
        return {key: value for key, value in handler(self).items() if value is not None}


@functools.cache
def _max_lengths(model: type[BaseModel]) -> dict[str, int]:
    limits = {}
    for name, info in model.model_fields.items():
        for constraint in info.metadata:
            if isinstance(constraint, MaxLen):
                limits[name] = constraint.max_length
    return limits


def _iso_date(value: Any) -> Any:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise ValueError("a date is written YYYY-MM-DD")
    parsed = date.fromisoformat(value)  # ValueError for 2026-02-30
    if parsed.year not in _YEARS:
        raise ValueError("the year is out of range")
    return parsed


def _iso_datetime(value: Any) -> Any:
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str) and _DATETIME.fullmatch(value):
        parsed = datetime.fromisoformat(value)
    else:
        raise ValueError("a time is written YYYY-MM-DDTHH:MM:SS with a UTC offset")
    if parsed.utcoffset() is None:
        raise ValueError("a time needs its UTC offset")
    if parsed.year not in _YEARS:
        raise ValueError("the year is out of range")
    return parsed


def _clean(max_chars: int, *, single_line: bool) -> Any:
    def check(value: Any) -> Any:
        if not isinstance(value, str):
            raise ValueError("must be text")
        if len(value) > max_chars * 4:  # before clean_text, which looks at every character
            raise ValueError("text too long")
        if single_line and ("\n" in value or "\r" in value or "\t" in value):
            raise ValueError("must be one line")
        try:
            return clean_text(value, field="text", max_chars=max_chars, label=N_("The text"), single_line=single_line)
        except ValidationFailed as exc:  # pydantic only turns ValueError into a validation error
            raise ValueError(str(exc)) from None

    return BeforeValidator(check)


def _unique(values: list) -> list:
    if len(set(values)) != len(values):
        raise ValueError("values must not repeat")
    return values


def text(max_chars: int, *, single_line: bool = False, min_chars: int = 0) -> Any:
    """An annotated text type: plain text per diary.domain.text, at most `max_chars` after cleaning.

    The raw string is also capped (4× `max_chars`) before cleaning, so an oversized value is refused
    by a length check rather than scanned character by character.
    """
    return Annotated[str, Field(min_length=min_chars), _clean(max_chars, single_line=single_line)]


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
IsoDateTime = Annotated[datetime, BeforeValidator(_iso_datetime)]
Identifier = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
Fingerprint = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Uuid4 = Annotated[str, Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
# An instrument version as the app names it, e.g. "PHQ-15 (7-day recall, modified)".
Version = text(80, single_line=True, min_chars=1)
GasLevel = Annotated[int, Field(ge=-2, le=2)]
UniqueIds = AfterValidator(_unique)
