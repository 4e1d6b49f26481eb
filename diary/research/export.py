"""Write a research data set from patient records, one patient at a time.

    summary = export_research(records, out_dir, options=ResearchOptions(salt=salt), today=today)

`records` is any iterable of PatientRecord (a generator keeps memory flat: each patient's rows are
written and dropped before the next record is read). The folder appears whole when everything was
written, or not at all (sinks.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from diary.domain.errors import DiaryError, Sentence
from diary.domain.patient_record import PatientRecord
from diary.domain.trial import DEFAULT_RATER_RULE, Assessment, RaterRule
from diary.platform import collector_paused
from diary.research import codebook
from diary.research.cells import CsvTable
from diary.research.fhir import patient_bundle
from diary.research.pseudonyms import shift_weeks, study_id
from diary.research.readme import READMES, readme_text
from diary.research.sinks import DataSetFolder, describe_os_error
from diary.research.tables import (
    TUPLE_COLUMNS, Deidentified, checkin_rows, daily_rows, goal_rows, patient_days, questionnaire_rows, rating_rows,
    trial_outcome_rows,
)
from diary.research.weekly import weekly_rows

Progress = Callable[[int], None]


@dataclass(frozen=True)
class ResearchOptions:
    """How to de-identify and what to write.

    salt: the clinic's secret for study ids (and date shifts); load_or_create_salt() reads or makes it.
    date_shift: shift each patient's dates by their own 1–52 whole weeks back.
    include_notes: write check-in notes and rating comments (free text); off by default.
    fhir: also write one FHIR R4 Bundle per patient under fhir/.
    seal_to: the research team's X25519 public key (a diary.exchange.keys.BoxPublicKey, or anything whose
        bytes are the 32-byte key); every file is then sealed to it.
    trial_rule, trial_assessment: the trial figure's definition for trial_outcomes.csv (diary.domain.trial).
    """

    salt: bytes
    date_shift: bool = False
    include_notes: bool = False
    fhir: bool = True
    seal_to: object | None = None
    trial_rule: RaterRule = DEFAULT_RATER_RULE
    trial_assessment: Assessment = Assessment()


@dataclass
class ExportSummary:
    out: Path
    patients: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)


def _who(record: PatientRecord, options: ResearchOptions, seen: dict[str, str]) -> Deidentified:
    sid = study_id(options.salt, record.key)
    if seen.get(sid, record.key) != record.key:
        raise DiaryError(Sentence("Two patients got the same study id; run the export again with a new salt file."))
    if record.key in seen.values():
        raise DiaryError(Sentence("The same patient came twice in the records to export; each patient may appear once."))
    seen[sid] = record.key
    shift = timedelta(weeks=shift_weeks(options.salt, record.key)) if options.date_shift else timedelta(0)
    return Deidentified(sid, shift, options.include_notes)


def export_research(records: Iterable[PatientRecord], out: Path, *, options: ResearchOptions, today: date,
                    progress: Progress | None = None) -> ExportSummary:
    """Write the data set to the new folder `out`.

    Args:
        records: one PatientRecord per patient (any iterable; read once, one at a time).
        out: a folder that does not exist yet (or is empty); its parent must exist.
        options: de-identification and output choices.
        today: the day of the export (goal achievement status is judged against it; never shifted out).
        progress: called with the number of patients written so far, after each patient.

    Raises:
        DiaryError: `out` is not usable, the disk is full (nothing is left behind), or the records
            repeat a patient.
    """
    with collector_paused():
        return _export(records, out, options=options, today=today, progress=progress)


def _export(records: Iterable[PatientRecord], out: Path, *, options: ResearchOptions, today: date,
            progress: Progress | None) -> ExportSummary:
    folder = DataSetFolder(out, seal_to=options.seal_to)
    summary = ExportSummary(out=out)
    try:
        files = codebook.files(options.include_notes)
        streams = {name: folder.open_text(name) for name in files}
        tables = {name: CsvTable(streams[name], [v.name for v in variables]) for name, variables in files.items()}
        _check_tuple_columns(tables, options.include_notes)
        seen: dict[str, str] = {}
        instruments: dict[str, set[str]] = {}
        for record in records:
            who = _who(record, options, seen)
            _write_patient(record, who, tables, instruments, options)
            if options.fhir:
                bundle = patient_bundle(record, who, today=today)
                folder.write_text(f"fhir/{who.study_id}.json", json.dumps(bundle, ensure_ascii=False, separators=(",", ":")))
            summary.patients += 1
            if progress:
                progress(summary.patients)
        summary.rows = {name: table.rows for name, table in tables.items()}
        for name in files:
            tables[name].flush()
            folder.close(streams[name])
        book = folder.open_text("codebook.csv")
        table = CsvTable(book, codebook.CODEBOOK_COLUMNS)
        table.write_many(codebook.codebook_rows(options.include_notes, instruments))
        table.flush()
        folder.close(book)
        for language, name in READMES.items():
            folder.write_text(name, readme_text(summary, options, today=today, language=language))
        summary.files = sorted(folder.files)
        folder.finish()
    except OSError as exc:
        folder.abandon()
        raise describe_os_error(exc, out) from None
    except BaseException:
        folder.abandon()
        raise
    return summary


def _check_tuple_columns(tables: dict[str, CsvTable], include_notes: bool) -> None:
    """The files written from tuples must have the codebook's columns in the same order."""
    for name, (columns, note) in TUPLE_COLUMNS.items():
        expected = [*columns, note] if include_notes and note else list(columns)
        if tables[name].columns != expected:
            raise AssertionError(f"{name}: the codebook's columns differ from tables.py's; update both together.")


def _write_patient(record: PatientRecord, who: Deidentified, tables: dict[str, CsvTable],
                   instruments: dict[str, set[str]], options: ResearchOptions) -> None:
    days = patient_days(record.checkins)
    tables["daily.csv"].write_values(daily_rows(record, who, days))
    tables["checkins.csv"].write_values(checkin_rows(record, who))
    questionnaires = list(questionnaire_rows(record, who))
    tables["questionnaires.csv"].write_many(row for row, _ in questionnaires)
    tables["questionnaire_items.csv"].write_values([item for _, items in questionnaires for item in items])
    for row, _ in questionnaires:
        instruments.setdefault(row["instrument"], set()).add(row["version"])
    tables["goals.csv"].write_many(goal_rows(record, who))
    tables["goal_ratings.csv"].write_many(rating_rows(record, who))
    tables["trial_outcomes.csv"].write_many(trial_outcome_rows(record, who, rule=options.trial_rule,
                                                               assessment=options.trial_assessment))
    tables["weekly.csv"].write_many(weekly_rows(record, who, days))
