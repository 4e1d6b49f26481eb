"""Which patient records a report or research export reads, in either kind of home.

A patient's own home holds one record (`Diary.record()`, key "self"). A clinician's home holds one per
paired patient and yields them one at a time with `diary.patient_records(labels)` (labels None: all),
so a whole caseload never has to be in memory at once.
"""

from __future__ import annotations

from collections.abc import Iterator

from diary.domain.errors import DiaryError
from diary.domain.patient_record import PatientRecord
from diary.i18n import _


def is_clinician_home(diary) -> bool:
    """True for a clinician's home (a caseload of other people's records; diary.services.identity)."""
    return getattr(diary, "role", None) == "clinician"


def records_for(diary, labels: list[str] | None = None, *, include_notes: bool = True,
                streaming: bool = False) -> Iterator[PatientRecord]:
    """The records to export: the chosen patients (all when `labels` is None) in a clinician's home,
    the patient's own record in a patient's home. `streaming`: a clinician's patients with their
    check-ins as read-only stored rows (CaseloadService.patient_records), for the research export.

    Raises:
        DiaryError: patients were named in a patient's own home; NotFound (a DiaryError) for an unknown
            label, before anything is read.
    """
    if is_clinician_home(diary):
        return diary.patient_records(labels, streaming=streaming)  # checks every label before the first record is read
    if labels:
        raise DiaryError(_("This is a patient's own diary, which holds one person's data; --patients is only for a clinician's home. Leave it out to export this diary."))
    return iter([diary.record(include_notes=include_notes)])


def record_for_report(diary, label: str | None, *, include_notes: bool = True) -> PatientRecord:
    """The one record a summary is about. `include_notes` applies to a patient's own home; in a
    clinician's home the patient decided when exporting (PatientRecord.notes_included).

    Raises:
        DiaryError: a clinician's home without --patient, an unknown label, or --patient in a patient's home.
    """
    if is_clinician_home(diary):
        if not label:
            raise DiaryError(_("This is a clinician's home: name the patient with --patient LABEL."))
        return diary.patient_record(label)  # NotFound (a DiaryError) names an unknown label
    if label:
        raise DiaryError(_("This is a patient's own diary; leave out --patient to make the summary of this diary."))
    return diary.record(include_notes=include_notes)
