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
    QUESTIONNAIRE_COLUMNS, TUPLE_COLUMNS, Deidentified, checkin_rows, daily_rows, goal_rows, patient_days,
    questionnaire_rows, rating_rows, trial_outcome_rows,
)
from diary.research.weekly import weekly_rows

Progress = Callable[[int], None]
_INSTRUMENT, _VERSION = QUESTIONNAIRE_COLUMNS.index("instrument"), QUESTIONNAIRE_COLUMNS.index("version")


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


@dataclass
class PatientParts:
    """One patient's share of the data set, built and not yet written: the text of each CSV file's rows
    (lines in the file's format, header excluded), how many rows each has, the instruments and versions
    its questionnaires used, and its FHIR bundle's text (None without --fhir). Texts are UTF-8 bytes, as
    written: a worker process (parallel.py) encodes them, the writer copies them to the files."""

    key: str
    study_id: str
    texts: dict[str, bytes]
    rows: dict[str, int]
    instruments: dict[str, set[str]]
    fhir: bytes | None


class _Collected:
    """A text stream that keeps what is written, for PatientBuilder's tables."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def take(self) -> str:
        text = "".join(self.parts)
        self.parts.clear()
        return text


class PatientBuilder:
    """Builds PatientParts one patient at a time with the data set's own tables (their memo of formatted
    cells lives as long as the builder: make one per export and process)."""

    def __init__(self, options: ResearchOptions, today: date):
        self.options, self.today = options, today
        self._files = codebook.files(options.include_notes)
        self._streams = {name: _Collected() for name in self._files}
        self._tables = {name: CsvTable(self._streams[name], [v.name for v in variables])
                        for name, variables in self._files.items()}
        for stream in self._streams.values():
            stream.take()  # the header: the writer's own tables write it once
        _check_tuple_columns(self._tables, options.include_notes)

    def build(self, record: PatientRecord) -> PatientParts:
        options = self.options
        who = deidentified(record.key, options)
        before = {name: table.rows for name, table in self._tables.items()}
        instruments: dict[str, set[str]] = {}
        _write_patient(record, who, self._tables, instruments, options)
        texts = {}
        for name, table in self._tables.items():
            table.flush()
            texts[name] = self._streams[name].take().encode("utf-8")
        fhir = None
        if options.fhir:
            fhir = json.dumps(patient_bundle(record, who, today=self.today), ensure_ascii=False,
                              separators=(",", ":")).encode("utf-8")
        return PatientParts(record.key, who.study_id, texts,
                            {name: table.rows - before[name] for name, table in self._tables.items()},
                            instruments, fhir)


def deidentified(key: str, options: ResearchOptions) -> Deidentified:
    """The patient with this record key as the data set shows them: study id, date shift, notes or not."""
    shift = timedelta(weeks=shift_weeks(options.salt, key)) if options.date_shift else timedelta(0)
    return Deidentified(study_id(options.salt, key), shift, options.include_notes)


class _Roster:
    """The patients written so far: no study id twice (a salt collision), no patient twice."""

    def __init__(self) -> None:
        self._key_of: dict[str, str] = {}
        self._keys: set[str] = set()

    def admit(self, parts: PatientParts) -> None:
        if self._key_of.get(parts.study_id, parts.key) != parts.key:
            raise DiaryError(Sentence("Two patients got the same study id; run the export again with a new salt file."))
        if parts.key in self._keys:
            raise DiaryError(Sentence("The same patient came twice in the records to export; each patient may appear once."))
        self._key_of[parts.study_id] = parts.key
        self._keys.add(parts.key)


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
        builder = PatientBuilder(options, today)
        folder = DataSetFolder(out, seal_to=options.seal_to)
        return write_data_set(folder, (builder.build(record) for record in records), options=options, today=today,
                              progress=progress)


def write_data_set(folder: DataSetFolder, patients: Iterable[PatientParts], *, options: ResearchOptions,
                   today: date, progress: Progress | None) -> ExportSummary:
    """Write the patients' parts in the order given, then the codebook and READMEs, into `folder`, and move
    it into place; on any error (the parts' own included) the folder is abandoned."""
    out = folder.out
    summary = ExportSummary(out=out)
    try:
        files = codebook.files(options.include_notes)
        streams = {name: folder.open_text(name) for name in files}
        tables = {name: CsvTable(streams[name], [v.name for v in variables]) for name, variables in files.items()}
        _check_tuple_columns(tables, options.include_notes)
        rows = dict.fromkeys(files, 0)
        roster = _Roster()
        instruments: dict[str, set[str]] = {}
        for parts in patients:
            roster.admit(parts)
            for name, text in parts.texts.items():
                if text:
                    streams[name].write_bytes(text)
                rows[name] += parts.rows[name]
            for instrument, versions in parts.instruments.items():
                instruments.setdefault(instrument, set()).update(versions)
            if parts.fhir is not None:
                folder.write_text(f"fhir/{parts.study_id}.json", parts.fhir)
            summary.patients += 1
            if progress:
                progress(summary.patients)
        summary.rows = rows
        for name in files:
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
    tables["questionnaires.csv"].write_values([row for row, _ in questionnaires])
    tables["questionnaire_items.csv"].write_values([item for _, items in questionnaires for item in items])
    for row, _ in questionnaires:
        instruments.setdefault(row[_INSTRUMENT], set()).add(row[_VERSION])
    tables["goals.csv"].write_many(goal_rows(record, who))
    tables["goal_ratings.csv"].write_values(rating_rows(record, who))
    tables["trial_outcomes.csv"].write_many(trial_outcome_rows(record, who, rule=options.trial_rule,
                                                               assessment=options.trial_assessment))
    tables["weekly.csv"].write_values(weekly_rows(record, who, days))
