"""The research export of a home: the one way `diary research-export` and the caseload's card make a
de-identified data set (diary.research does the writing; this picks the records, the salt and the key).

The salt for study ids is HOME/research-salt.txt unless another file is named; it is made on first use,
owner-only, and never leaves the clinic. The caseload's card writes to a new folder under HOME/research/
(the browser has no folder dialog, and the server is this machine).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from diary.domain.errors import DiaryError
from diary.i18n import _
from diary.services.records import is_clinician_home
from diary.storage.database import read_only_after_fork

if TYPE_CHECKING:
    from diary.domain.patient_record import PatientRecord

if TYPE_CHECKING:  # the exchange and research packages load when an export is made, not with the CLI
    from diary.exchange.keys import BoxPublicKey
    from diary.research import ExportSummary

SALT_NAME = "research-salt.txt"
RESEARCH_FOLDER = "research"


def read_team_key(text: str) -> BoxPublicKey:
    """The research team's key, given as text (DIARY-BOX1:…) or as a file holding it.

    Raises:
        DiaryError: an unreadable file, or not a usable box key.
    """
    from diary.exchange import KeyFormatError, decode_recipient_key

    candidate = Path(text).expanduser()
    if not text.startswith("DIARY-") and candidate.is_file():
        try:
            text = candidate.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            raise DiaryError(_("Cannot read the key file {candidate}; give the key as text or a readable file.").format(candidate=candidate)) from None
    try:
        return decode_recipient_key(text.strip())
    except KeyFormatError as exc:
        raise DiaryError(_("--seal-to: {exc}").format(exc=exc)) from None


def new_data_set_folder(diary) -> Path:
    """A new folder name under HOME/research/ for a data set made now (the folder itself is not made)."""
    parent = Path(diary.home) / RESEARCH_FOLDER
    parent.mkdir(mode=0o700, exist_ok=True)
    return parent / f"research-{diary.clock().strftime('%Y%m%d-%H%M%S')}"


def export_data_set(diary, out: Path, *, labels: list[str] | None = None, date_shift: bool = False,
                    include_notes: bool = False, fhir: bool = True, seal_to: BoxPublicKey | None = None,
                    salt_file: Path | None = None, progress: Callable[[int], None] | None = None,
                    on_new_salt: Callable[[Path], None] | None = None, trial_rule: str | None = None,
                    trial_assessment=None, workers: int | None = None) -> ExportSummary:
    """Write the de-identified data set of the chosen patients (all when `labels` is None) to the new
    folder `out`; in a patient's home, of the diary itself.

    Args:
        on_new_salt: called with the salt file's path when it was made now (before the export runs).
        workers: processes building the patients' rows in a clinician's home (None: automatic, see
            `worker_count`; 1: in this process); the files are the same whatever the number.
        trial_rule, trial_assessment: the trial definition for trial_outcomes.csv (diary.domain.trial;
            default: physiotherapist else patient, each patient's latest rating of the current main goal).

    Raises:
        DiaryError: unknown patients, patients named in a patient's home, an existing `out`, a full
            device (one sentence; the folder appears whole or not at all).
    """
    from diary.research import ResearchOptions, export_research, load_or_create_salt
    from diary.services.records import records_for

    salt_path = salt_file or Path(diary.home) / SALT_NAME
    salt, created = load_or_create_salt(salt_path)
    if created and on_new_salt is not None:
        on_new_salt(salt_path)
    from diary.domain.trial import DEFAULT_RATER_RULE, Assessment, RaterRule

    options = ResearchOptions(salt=salt, date_shift=date_shift, include_notes=include_notes, fhir=fhir,
                              seal_to=seal_to, trial_rule=RaterRule(trial_rule or DEFAULT_RATER_RULE),
                              trial_assessment=trial_assessment or Assessment())
    today = diary.clock().date()
    if is_clinician_home(diary):
        source = CaseloadSlices(diary, labels)  # checks the labels before anything is written
        count = worker_count(workers, len(source))
        if count > 1:
            from diary.research.parallel import export_research_parallel

            return export_research_parallel(source, out, options=options, today=today, workers=count,
                                            progress=progress)
    # Check-ins as stored rows: the export only reads them (tests/research/test_streaming.py: same bytes).
    records = records_for(diary, labels, include_notes=include_notes, streaming=True)
    return export_research(records, out, options=options, today=today, progress=progress)


DEFAULT_WORKERS = 2
MIN_PATIENTS_A_WORKER = 10  # fewer, and starting the processes costs more than it saves


def worker_count(requested: int | None, patients: int) -> int:
    """How many processes build the rows: `requested` (or DEFAULT_WORKERS when None), at most one a CPU
    core; 1 where processes cannot be forked, and (when automatic) for a small caseload.

    The automatic choice forks only from a process running one thread: a fork copies every lock as it was,
    and a lock another thread held at that moment (logging's, the allocator's, a database pool's) stays
    held in the child for ever, a worker that never answers. So `diary research-export` uses workers; the
    app's caseload card, whose export runs beside the server's threads, writes in its own process. A number
    asked for is taken as asked.

    Raises:
        DiaryError: `requested` below 1.
    """
    if requested is not None and requested < 1:
        raise DiaryError(_("--workers takes a whole number of 1 or more."))
    from diary.research.parallel import can_fork

    if not can_fork() or (requested is None and threading.active_count() > 1):
        return 1
    wanted = requested or min(DEFAULT_WORKERS, patients // MIN_PATIENTS_A_WORKER)
    return max(1, min(wanted, os.cpu_count() or 1, patients))


class CaseloadSlices:
    """A clinician's chosen patients for diary.research.parallel: read by slices in forked workers, each
    with its own read-only connections to the database (check-ins as stored rows, as `records_for`)."""

    def __init__(self, diary, labels: list[str] | None):
        self._diary = diary
        self._patients = diary.caseload.patients_named(labels)

    def __len__(self) -> int:
        return len(self._patients)

    def records(self, start: int, stop: int) -> Iterator[PatientRecord]:
        caseload = self._diary.caseload
        for patient in self._patients[start:stop]:
            yield caseload.record_of(patient, streaming=True)

    def in_worker(self) -> None:
        read_only_after_fork(self._diary.engine)


class ResearchExportService:
    """`export_data_set` for one open diary (Diary.research), as the caseload's card uses it."""

    def __init__(self, diary):
        self._diary = diary

    def new_folder(self) -> Path:
        return new_data_set_folder(self._diary)

    @property
    def salt_path(self) -> Path:
        return Path(self._diary.home) / SALT_NAME

    def export(self, out: Path, **options) -> ExportSummary:
        """See export_data_set for the options."""
        return export_data_set(self._diary, out, **options)
