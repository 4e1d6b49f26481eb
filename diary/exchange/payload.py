"""ExportPayloadV1: what a patient's export carries, as a strict, versioned wire schema.

The payload travels as canonical JSON (`canonical_json`) inside a signed envelope (envelope.py).
Check-ins are validated by the domain's own `CheckIn.create`, so an import obeys exactly the rules
the app enforces when the patient types. `parse_payload` is the importer's steps 9–10: canonical
bytes, a known schema version, then validation; each failure is an ImportRefused category.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Annotated, Literal

from pydantic import Field, PrivateAttr, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from diary.domain.entries import CheckIn
from diary.domain.errors import ValidationFailed
from diary.domain.regions import REGIONS
from diary.domain.text import NOTE_MAX_CHARS
from diary.exchange.bounded_json import model_shape, parse_bounded
from diary.exchange.canonical import canonical_json, parse_json_strict
from diary.exchange.clinical import GoalWire, PlanWire, QuestionnaireWire
from diary.exchange.errors import ImportRefused, Refusal
from diary.exchange.fields import Fingerprint, Identifier, IsoDate, IsoDateTime, UniqueIds, Uuid4, WireModel, text

__all__ = ["CheckInWire", "ExportPayloadV1", "canonical_json", "parse_json_strict", "parse_payload", "payload_bytes"]

SCHEMA_VERSION = 1
MAX_CHECKINS = 5000
MAX_QUESTIONNAIRES = 2000
MAX_GOALS = 50
MAX_RECIPIENTS = 8
MAX_SEQ = 2**31 - 1
# UTC+14 is the furthest ahead any place on Earth is: no check-in can be dated after that day.
_EARTH_AHEAD = timedelta(hours=14)

_RegionName = Annotated[str, Field(max_length=32)]
# A payload names its version as a top-level member; in canonical JSON that text can stand nowhere else in a
# genuine payload (a quote inside a string is escaped), so a later version is recognised without reading it.
_DECLARED_VERSION = re.compile(rb'[{,]"schema_version":(-?[0-9]{1,12})[,}]')


def latest_possible_day(created_at: datetime) -> date:
    """The latest calendar day anywhere on Earth at `created_at` (used to refuse check-ins from the future)."""
    return (created_at.astimezone(timezone.utc) + _EARTH_AHEAD).date()


class CheckInWire(WireModel):
    """A check-in on the wire: the fields of diary.domain.entries.CheckIn, checked by CheckIn.create."""

    id: Identifier
    day: IsoDate
    recorded_at: IsoDateTime
    extra: bool = False
    pain: int | None = None
    regions: dict[_RegionName, int | None] | None = Field(default=None, max_length=len(REGIONS))
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
    # A cheap cap before the domain's character-by-character note rules run.
    note: Annotated[str, Field(max_length=NOTE_MAX_CHARS * 4)] | None = None

    _checkin: CheckIn | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _domain_rules(self) -> "CheckInWire":
        fields = {name: getattr(self, name) for name in type(self).model_fields}
        try:
            self._checkin = CheckIn.create(**fields)
        except ValidationFailed as exc:
            # The field travels in the context so ImportRefused.where can name it.
            raise PydanticCustomError("domain_rule", "{message}", {"message": str(exc), "field": exc.field}) from None
        return self

    def to_checkin(self) -> CheckIn:
        """The domain check-in (note normalised to NFC, regions in WPI order), already validated."""
        # From pydantic's store of private attributes: `self._checkin` detours through BaseModel.__getattr__
        # (~4.5 µs a read: 1.5 ms of an import's 340 check-ins).
        checkin = self.__pydantic_private__["_checkin"]
        assert checkin is not None
        return checkin

    @classmethod
    def from_checkin(cls, checkin: CheckIn) -> "CheckInWire":
        """The wire form of a stored check-in (unanswered items left out)."""
        return cls(**{key: value for key, value in checkin.model_dump().items() if value is not None})


class ExportPayloadV1(WireModel):
    """Everything one export carries. Field names and limits are the v1 wire format (docs/export-format.md)."""

    schema_version: Literal[1]
    export_id: Uuid4
    seq: Annotated[int, Field(ge=1, le=MAX_SEQ)]
    created_at: IsoDateTime  # informational: ordering is by seq, never by time
    recipients: Annotated[list[Fingerprint], Field(min_length=1, max_length=MAX_RECIPIENTS), UniqueIds]
    patient_label: text(80, single_line=True, min_chars=1)
    period_start: IsoDate | None = None
    period_end: IsoDate | None = None
    # False: the patient chose to leave their notes out (every check-in's note is absent on purpose).
    notes_included: bool = True
    checkins: list[CheckInWire] = Field(default_factory=list, max_length=MAX_CHECKINS)
    questionnaires: list[QuestionnaireWire] = Field(default_factory=list, max_length=MAX_QUESTIONNAIRES)
    goals: list[GoalWire] = Field(default_factory=list, max_length=MAX_GOALS)
    plan: PlanWire | None = None

    @model_validator(mode="after")
    def _consistent(self) -> "ExportPayloadV1":
        if self.period_start and self.period_end and self.period_start > self.period_end:
            raise ValueError("the period ends before it starts")
        if not self.notes_included and any(c.note is not None for c in self.checkins):
            raise ValueError("notes are marked as left out, yet a check-in has one")
        latest_day = latest_possible_day(self.created_at)
        if any(c.day > latest_day for c in self.checkins):
            raise ValueError("a check-in is dated after the export was made")
        if len({c.id for c in self.checkins}) != len(self.checkins):
            raise ValueError("two check-ins have the same id")
        kinds = {goal.id: goal.type for goal in self.goals}
        if len(kinds) != len(self.goals):
            raise ValueError("two goals have the same id")
        if any(g.main_goal_id is not None and kinds.get(g.main_goal_id) != "main" for g in self.goals):
            raise ValueError("an intermediate goal names a main goal that is not in the export")
        return self


def payload_bytes(payload: ExportPayloadV1) -> bytes:
    """The canonical JSON bytes of a payload: what is signed and what `parse_payload` reads back."""
    return canonical_json(payload.model_dump(mode="json"))


_FIELD_NAMES = frozenset(
    name for model in WireModel.__subclasses__() for name in model.model_fields
) | frozenset(ExportPayloadV1.model_fields)


def _where(exc: ValidationError) -> str:
    """The first error's place from schema names and positions only (never a key taken from the file)."""
    error = exc.errors()[0]
    parts = []
    for item in (*error.get("loc", ()), (error.get("ctx") or {}).get("field")):
        if item is None:
            continue
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif item in _FIELD_NAMES:
            parts.append(f".{item}" if parts else item)
        else:
            parts.append(".?" if parts else "?")
    return "".join(parts) or "payload"


def parse_payload(data: bytes) -> ExportPayloadV1:
    """Read payload bytes taken from a verified envelope (import steps 9 and 10).

    Raises:
        ImportRefused: MALFORMED (not strict JSON), NOT_CANONICAL (bytes differ from their canonical
            form), UNSUPPORTED_VERSION (schema_version other than 1) or INVALID_CONTENT (any rule of
            the schema or of the domain; `where` names the field). Unknown members and lists longer
            than the schema allows are refused while reading, before they are built (bounded_json).
    """
    if (declared := _DECLARED_VERSION.search(data)) and declared[1] != b"1":
        raise ImportRefused(Refusal.UNSUPPORTED_VERSION)  # before the v1 schema judges a later version's members
    value = parse_bounded(data, model_shape(ExportPayloadV1))  # what the schema refuses is never built
    if canonical_json(value) != bytes(data):
        raise ImportRefused(Refusal.NOT_CANONICAL)
    version = value.get("schema_version") if isinstance(value, dict) else None
    if type(version) is not int or version != SCHEMA_VERSION:
        raise ImportRefused(Refusal.UNSUPPORTED_VERSION)
    try:
        return ExportPayloadV1.model_validate(value)
    except ValidationError as exc:
        raise ImportRefused(Refusal.INVALID_CONTENT, where=_where(exc)) from None
