"""One patient's whole record as domain values: what reports, research exports and the caseload read.

A patient's own home builds one from its database; a clinician's home builds one per imported patient
(from the stored snapshot of that patient's latest export, plus the physiotherapist's own goal ratings).
Readers never need to know which: the same chart, PDF or research row comes out of either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from diary.domain.days import DayValues, days_between
from diary.domain.entries import CheckIn
from diary.domain.goals import Goal, Rating
from diary.domain.plans import Activity
from diary.domain.questionnaires import Response


@dataclass(frozen=True)
class PatientRecord:
    """Everything known about one patient, in domain objects; tuples so a record can be shared safely.

    `key` is stable for the patient across exports (the fingerprint of their signing key; "self" in a
    patient's own home) and is what pseudonymous study ids are derived from, never shown. `label` is the
    name the physiotherapist chose (None in a patient's own home). `ratings` holds every goal rating,
    the patient's and the physiotherapist's (told apart by `Rating.rater`). `notes_included` says
    whether the patient shared their free-text notes (when False, every `CheckIn.note` is None).
    """

    key: str
    label: str | None
    checkins: tuple[CheckIn, ...] = ()
    questionnaires: tuple[Response, ...] = ()  # completed responses only, oldest first
    goals: tuple[Goal, ...] = ()
    ratings: tuple[Rating, ...] = ()
    plan: tuple[Activity, ...] = ()
    notes_included: bool = True
    exported_at: datetime | None = None  # when the snapshot was made (None: live data in the patient's home)
    period_start: date | None = None
    period_end: date | None = None
    extra: dict[str, str] = field(default_factory=dict)  # room for display-only facts (e.g. app version)


def record_days(record: PatientRecord, start: date, end: date) -> list[DayValues]:
    """The record's day values from `start` to `end` inclusive, gaps included, newest first."""
    inside = [c for c in record.checkins if start <= c.day <= end]
    return days_between(start, end, inside)
