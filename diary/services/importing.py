"""A clinician's import: every check of security.md in order, failing closed before anything is stored.

Steps 1–11 are diary.exchange.open_export (size, magic and version, KDF limits, the box, strict JSON,
envelope version, a pinned signer, the signature under the stored key, canonical bytes, the schema, the
importer named in `recipients`). Then the domain validates every item again (wire.record_from_payload).
Step 12 runs inside one write transaction: the patient's last seq and payload hash are read again under
the write lock, and `seq_decision` says what happens:

- new / replace (a higher seq): the patient's snapshot is replaced for the export's period, their
  bookkeeping updated and the log row added, all in ONE transaction ("imported" / "updated");
- already_imported (same seq, same payload hash): nothing changes — importing a file twice is a no-op;
- stale (a lower seq): nothing changes; a newer export is already here;
- conflict (same seq, other content): nothing changes; the user is told to ask for a new export.

Every attempt appends exactly one import-log row (no content: see storage/import_log.py). A refusal is
reported with its category and the sentence of diary.exchange.errors.SENTENCES.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from diary.domain.names import printable_name
from diary.exchange.envelope import MAGIC, MAX_FILE_BYTES, PASSPHRASE_LINE, open_export
from diary.exchange.errors import SENTENCES, ImportRefused, Refusal
from diary.exchange.keys import stored_signer_key
from diary.exchange.opened import WARNING_SENTENCES, OpenedExport, seq_decision
from diary.i18n import _
from diary.platform import collector_paused
from diary.services.identity import Role, require_role
from diary.services.keystore import KeyStore
from diary.services.wire import PASSPHRASE_RECIPIENT, record_from_payload
from diary.storage.database import plain_write
from diary.storage.import_log import ImportLogEntry, ImportLogRepository
from diary.storage.pairing_repository import PairedPatient, PatientRepository
from diary.storage.snapshot_repository import SnapshotRepository
from diary.services.failures import storage_boundary

Outcome = Literal["imported", "updated", "already_imported", "stale", "conflict", "refused"]
ACCEPTED: frozenset[str] = frozenset({"imported", "updated", "already_imported"})
UNREADABLE = "unreadable"


@dataclass(frozen=True)
class ImportResult:
    """What became of one file: the outcome, a category for refusals, and one sentence for the user.

    `ok` is True when the file's data is in the caseload (imported now or before).
    """

    name: str
    outcome: Outcome
    sentence: str
    category: str | None = None  # a Refusal value, "stale", "conflict" or "unreadable"
    label: str | None = None  # the patient, when the file was signed by a pinned key
    seq: int | None = None
    export_id: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    warnings: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)
    where: str | None = None  # for invalid content: the place, from schema names only ("checkins[3].pain")

    @property
    def ok(self) -> bool:
        return self.outcome in ACCEPTED


def describe_period(start: date | None, end: date | None) -> str:
    if start is None:
        return _("everything up to {end}").format(end=end.isoformat()) if end else _("everything")
    return (_("{start} to {end}").format(start=start.isoformat(), end=end.isoformat()) if end
            else _("from {start}").format(start=start.isoformat()))


class _PinnedSigners(Mapping):
    """The pinned patient keys, looked up one fingerprint at a time (open_export only calls .get).

    Keeps the patients it found (`found`), so the importer need not read the signer's row again before
    the write transaction, which reads it once more under the write lock."""

    def __init__(self, patients: PatientRepository):
        self._patients = patients
        self.found: dict[str, PairedPatient] = {}

    def __getitem__(self, fp: str) -> bytes:
        patient = self._patients.by_fingerprint(fp)
        if patient is None:
            raise KeyError(fp)
        self.found[fp] = patient
        return bytes(stored_signer_key(patient.signing_key))

    def __iter__(self) -> Iterator[str]:
        return iter(self._patients.pinned_signers())

    def __len__(self) -> int:
        return len(self._patients.pinned_signers())


class _Unpinned(Exception):
    """The signer's row is gone under the write lock: the transaction stores nothing."""


@storage_boundary
class ImportService:
    """Imports into a clinician's home. Build through bootstrap (Diary.imports)."""

    def __init__(self, *, home: Path, role: Role, engine, keys: KeyStore, patients: PatientRepository,
                 snapshots: SnapshotRepository, log: ImportLogRepository, clock: Callable[[], datetime]):
        self._home, self._role, self._engine, self._keys = home, role, engine, keys
        self._patients, self._snapshots, self._log, self._clock = patients, snapshots, log, clock

    def import_files(self, paths: Sequence[Path | str], *, passphrase: str | None = None,
                     progress: Callable[[int, int, ImportResult], None] | None = None) -> list[ImportResult]:
        """Import many files in the order given; `progress(done, total, result)` after each one."""
        results = []
        for done, path in enumerate(paths, start=1):
            result = self.import_file(Path(path), passphrase=passphrase)
            results.append(result)
            if progress is not None:
                progress(done, len(paths), result)
        return results

    def import_file(self, path: Path, *, passphrase: str | None = None) -> ImportResult:
        """Import one export file: its size is checked before anything is read."""
        require_role(self._home, self._role, Role.CLINICIAN, action="Importing exports")
        name = printable_name(path.name)  # shown on screens and terminals: a crafted name must not act there
        try:
            size = os.stat(path).st_size
            if size > MAX_FILE_BYTES:  # 1. never read an oversized file
                return self._refused(name, ImportRefused(Refusal.TOO_LARGE), sha=None, size=size)
            data = _read_capped(path, size)
        except OSError as exc:
            self._log.append(ImportLogEntry(at=self._clock(), file_sha256=None, file_size=None, outcome="refused",
                                            category=UNREADABLE))
            return ImportResult(name, "refused", f"The file {name} cannot be read ({exc.strerror or 'error'}); "
                                "nothing was imported. Check that it exists and that you may read it.",
                                category=UNREADABLE)
        return self.import_bytes(data, name=name, passphrase=passphrase)

    def import_bytes(self, data: bytes, *, name: str = "", passphrase: str | None = None) -> ImportResult:
        """Import an export file's bytes (from a file picker or an upload).

        Raises:
            KeyLocked / KeyUnusable: this home's key is needed and cannot be used (nothing is logged:
                the file was not looked at).
        """
        require_role(self._home, self._role, Role.CLINICIAN, action="Importing exports")
        # An import makes tens of thousands of short-lived objects (the parsed JSON, the validated payload,
        # the domain's record, the rows), all freed by reference counting when it ends; the collector's
        # passes over them cost about a millisecond of a 365-day file's ~37 (benchmarks/README.md, P6),
        # as they did the exports' (diary.platform.collector). Paused per file: import_files collects
        # between files.
        with collector_paused():
            return self._import_bytes(bytes(data), printable_name(name), passphrase)

    def _import_bytes(self, data: bytes, name: str, passphrase: str | None) -> ImportResult:
        with_passphrase = data.startswith(MAGIC + PASSPHRASE_LINE)
        own = PASSPHRASE_RECIPIENT if with_passphrase else self._keys.fingerprint()
        private = None if with_passphrase else self._keys.private_key()
        signers = _PinnedSigners(self._patients)
        try:
            opened = open_export(data, now=self._clock(), pinned_signers=signers,
                                 own_fingerprint=own, recipient_private_key=private, passphrase=passphrase)
        except ImportRefused as exc:
            return self._refused(name, exc, sha=_sha256(data), size=len(data))
        try:
            # The patient whose pinned key verified the signature (read again under the write lock in _store).
            patient = signers.found.get(opened.signer_fingerprint)
            if patient is None:
                raise ImportRefused(Refusal.UNKNOWN_SENDER)
            record = record_from_payload(opened.payload, key=patient.record_key, label=patient.label)
        except ImportRefused as exc:  # the domain's last word on a verified file: attribute it
            exc.signer_fingerprint, exc.export_id, exc.seq = opened.signer_fingerprint, opened.export_id, opened.seq
            return self._refused(name, exc, sha=opened.file_sha256, size=len(data))
        try:
            return self._store(name, opened, record)
        except _Unpinned:
            exc = ImportRefused(Refusal.UNKNOWN_SENDER)
            exc.signer_fingerprint, exc.export_id, exc.seq = opened.signer_fingerprint, opened.export_id, opened.seq
            return self._refused(name, exc, sha=opened.file_sha256, size=len(data))

    def _refused(self, name: str, exc: ImportRefused, *, sha: str | None, size: int) -> ImportResult:
        patient = None
        if exc.signer_fingerprint and exc.category is not Refusal.BAD_SIGNATURE:
            patient = self._patients.by_fingerprint(exc.signer_fingerprint)
        self._log.append(ImportLogEntry(
            at=self._clock(), file_sha256=sha, file_size=size, outcome="refused", category=exc.category.value,
            export_id=exc.export_id, seq=exc.seq, signer_fingerprint=exc.signer_fingerprint,
            patient_id=patient.id if patient else None))
        return ImportResult(name, "refused", _(SENTENCES[exc.category]), category=exc.category.value,
                            label=patient.label if patient else None, seq=exc.seq, export_id=exc.export_id,
                            where=exc.where)

    def _store(self, name: str, opened: OpenedExport, record) -> ImportResult:
        payload = opened.payload
        now = self._clock()
        # Plain sqlite3 (BEGIN IMMEDIATE … COMMIT, ROLLBACK on any error, commit listeners told): SQLAlchemy's
        # Connection, begin and commit cost more than the few statements besides the rows (bench_p6_import.py).
        with plain_write(self._engine) as conn:
            patient = self._patients.by_fingerprint(opened.signer_fingerprint, conn)
            if patient is None:  # unpinned (or re-paired) since its key verified the file: nothing is stored
                raise _Unpinned()
            decision = seq_decision(opened.seq, opened.payload_sha256, patient.last_seq, patient.last_payload_sha256)
            outcome: Outcome = {"new": "imported", "replace": "updated"}.get(decision, decision)
            if outcome in ("imported", "updated"):
                self._snapshots.replace(conn, patient.id, record, period_start=payload.period_start)
                conn.execute(
                    "UPDATE patient SET last_seq = ?, last_payload_sha256 = ?, last_export_id = ?, exported_at = ?, "
                    "period_start = ?, period_end = ?, notes_included = ?, imported_at = ? WHERE id = ?",
                    (opened.seq, opened.payload_sha256, opened.export_id, payload.created_at.isoformat(),
                     _iso(self._held_since(patient, payload.period_start)), _iso(payload.period_end),
                     int(payload.notes_included), now.isoformat(), patient.id))
            self._log.append(ImportLogEntry(
                at=now, file_sha256=opened.file_sha256, file_size=opened.file_size, outcome=outcome,
                category=outcome if outcome in ("stale", "conflict") else None, export_id=opened.export_id,
                seq=opened.seq, signer_fingerprint=opened.signer_fingerprint, patient_id=patient.id,
                counts=opened.counts, warnings=tuple(w.value for w in opened.warnings)), conn)
        return ImportResult(
            name, outcome, self._sentence(outcome, patient, opened),
            category=outcome if outcome in ("stale", "conflict") else None, label=patient.label, seq=opened.seq,
            export_id=opened.export_id, period_start=payload.period_start, period_end=payload.period_end,
            warnings=tuple(_(WARNING_SENTENCES[w]) for w in opened.warnings), counts=opened.counts)

    @staticmethod
    def _held_since(patient: PairedPatient, incoming: date | None) -> date | None:
        """The first day the snapshot covers after this import: what was held before and what came."""
        if incoming is None or patient.exported_at is None:
            return incoming
        return None if patient.period_start is None else min(patient.period_start, incoming)

    @staticmethod
    def _sentence(outcome: Outcome, patient: PairedPatient, opened: OpenedExport) -> str:
        label, seq = patient.label, opened.seq
        period = describe_period(opened.payload.period_start, opened.payload.period_end)
        return {
            "imported": _("Imported {label}'s export no. {seq} ({period})."),
            "updated": _("Updated {label} with a newer export, no. {seq} ({period})."),
            "already_imported": _("This export of {label} (no. {seq}) was imported before; nothing changed."),
            "stale": _("This is an older export of {label} (no. {seq}); a newer one (no. {last}) is already "
                       "imported, so nothing changed."),
            "conflict": _("This export of {label} has the same number ({seq}) as one already imported but different "
                          "content, so nothing was changed. Ask the patient to make a new export and send that."),
        }[outcome].format(label=label, seq=seq, period=period, last=patient.last_seq)

    def log(self, *, limit: int = 100) -> list[ImportLogEntry]:
        """The latest import attempts, newest first (no content)."""
        return self._log.entries(limit=limit)


def _read_capped(path: Path, size: int) -> bytes:
    """The file's first MAX_FILE_BYTES + 1 bytes at most (what `read(MAX_FILE_BYTES + 1)` returns), read as
    the `size` stat gave plus one byte, then on only if the file grew meanwhile: a read of 16 MiB + 1 sets
    aside a buffer that large for every file, which cost ~0.25 ms more than reading a 200 kB export."""
    with open(path, "rb") as handle:
        data = handle.read(size + 1)
        if len(data) > size:
            data += handle.read(MAX_FILE_BYTES + 1 - len(data))
    return data


def _sha256(data: bytes) -> str | None:
    """The refused file's hash for the import log (an accepted file's comes with it, from open_export)."""
    return hashlib.sha256(data).hexdigest() if len(data) <= MAX_FILE_BYTES else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
