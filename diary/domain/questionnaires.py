"""Administering questionnaires: responses (drafts and completed), schedules and what is due.

Raw answers are stored with the instrument version and the options used, next to the score, never
instead of it. A draft keeps its answers so the patient can leave and resume later.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import Enum
from collections.abc import Iterable
from typing import Any

from diary.domain.errors import ValidationFailed
from diary.domain.instruments import INSTRUMENTS, Score, get_instrument, score
from diary.domain.instruments.phq15 import SEVEN_DAY_VERSION

# The trials' rhythm (issue 3): PHQ-15 weekly; PHQ-9 and GAD-7 every two weeks; RAND-36 at the start
# and every 3 months. Adjustable per patient.
DEFAULT_SCHEDULE: dict[str, int] = {"phq15": 7, "phq9": 14, "gad7": 14, "rand36": 91}
SCHEDULE_MIN_DAYS, SCHEDULE_MAX_DAYS = 1, 365


def administered_version(instrument_id: str, options: dict[str, Any] | None) -> str:
    """The version a response was administered in, from its options: the weekly PHQ-15 asks about 7 days
    ("PHQ-15 (7-day recall, modified)"), not the native 4 weeks; otherwise the instrument's version."""
    options = options or {}
    if instrument_id == "phq15" and options.get("recall_days") == 7:
        return SEVEN_DAY_VERSION
    return get_instrument(instrument_id).version


def app_version(instrument_id: str, version: str) -> str:
    """A stored or exported response's version as the app administered it. Since PHQ-15 entered the app
    (commit 8d799bd) it has been asked weekly with a 7-day recall only, but responses were labelled with the
    native 4-week version until issue 15: an app response carrying that label is the 7-day form."""
    if instrument_id == "phq15" and version == INSTRUMENTS["phq15"].version:
        return SEVEN_DAY_VERSION
    return version


class Status(str, Enum):
    DRAFT = "draft"
    COMPLETE = "complete"


@dataclass(frozen=True)
class Response:
    """One administration of an instrument."""

    id: str
    instrument_id: str
    version: str
    started_at: datetime
    answers: tuple[Any, ...]  # in item order; None = not answered (yet)
    options: dict[str, Any]
    status: Status = Status.DRAFT
    completed_at: datetime | None = None
    result: Score | None = None

    @classmethod
    def start(cls, instrument_id: str, *, now: datetime, options: dict[str, Any] | None = None) -> "Response":
        inst = get_instrument(instrument_id)
        if not inst.n_items:
            raise ValidationFailed(f"{inst.name} is not answered item by item.")
        return cls(id=uuid.uuid4().hex, instrument_id=inst.id, version=administered_version(inst.id, options),
                   started_at=now, answers=(None,) * inst.n_items, options=dict(options or {}))

    def answer(self, item: int, value: Any) -> "Response":
        """Set item `item` (0-based) to `value` (None clears it), checked against the allowed answers."""
        inst = get_instrument(self.instrument_id)
        if self.status is Status.COMPLETE:
            raise ValidationFailed("This questionnaire is already completed; start a new one.")
        if not 0 <= item < len(self.answers):
            raise ValidationFailed(f"{inst.name} has no item {item + 1}.")
        if value is not None and inst.items and not inst.items[item].accepts(value):
            raise ValidationFailed(f"{inst.name} item {item + 1}: {value!r} is not allowed; answers are "
                                   f"{inst.items[item].describe()}.")
        answers = list(self.answers)
        answers[item] = value
        return replace(self, answers=tuple(answers))

    @property
    def n_answered(self) -> int:
        return sum(a is not None for a in self.answers)

    @property
    def next_unanswered(self) -> int:
        """Where to resume: the first unanswered item (or the last item when all are answered)."""
        return next((i for i, a in enumerate(self.answers) if a is None), len(self.answers) - 1)

    def complete(self, *, now: datetime) -> "Response":
        """Score the answers and mark the response complete.

        Raises:
            ValidationFailed: nothing was answered.
        """
        if not self.n_answered:
            raise ValidationFailed("Answer at least one question before finishing.")
        result = score(self.instrument_id, list(self.answers), **self.options)
        return replace(self, status=Status.COMPLETE, completed_at=now, result=result)


@dataclass(frozen=True)
class Due:
    instrument_id: str
    due_on: date
    last_completed: date | None

    @property
    def name(self) -> str:
        return INSTRUMENTS[self.instrument_id].name


def due_on(last_completed: date | None, every_days: int, *, first_day: date) -> date:
    """A never-answered instrument is due at once (the baseline); then every `every_days` days."""
    return first_day if last_completed is None else last_completed + timedelta(days=every_days)


def due_list(schedule: dict[str, int], last_completed: dict[str, date], *, today: date) -> list[Due]:
    """The scheduled instruments that are due today or overdue, soonest first."""
    due = [Due(i, due_on(last_completed.get(i), every, first_day=today), last_completed.get(i))
           for i, every in schedule.items()]
    return sorted((d for d in due if d.due_on <= today), key=lambda d: (d.due_on, d.instrument_id))


def check_schedule(instrument_id: str, every_days: int) -> None:
    get_instrument(instrument_id)
    if isinstance(every_days, bool) or not isinstance(every_days, int) or not SCHEDULE_MIN_DAYS <= every_days <= SCHEDULE_MAX_DAYS:
        raise ValidationFailed(f"Repeat every {SCHEDULE_MIN_DAYS} to {SCHEDULE_MAX_DAYS} days (got {every_days!r}).")


def completed(responses: Iterable[Response], instrument_id: str, *, start: date | None = None,
              end: date | None = None) -> list[tuple[date, Score]]:
    """Valid completed results of one instrument as (completion day, score), oldest first."""
    out = []
    for r in responses:
        if (r.instrument_id != instrument_id or r.status is not Status.COMPLETE or r.completed_at is None
                or r.result is None or not r.result.valid or r.result.total is None):
            continue
        day = r.completed_at.date()
        if (start is None or day >= start) and (end is None or day <= end):
            out.append((r.completed_at, day, r.result))
    return [(day, result) for _, day, result in sorted(out, key=lambda t: t[0])]
