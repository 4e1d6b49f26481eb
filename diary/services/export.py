"""A patient's export: sign the record once, seal one file per recipient, write each file whole.

Order of work, so that nothing half-done can happen:
1. resolve the recipients (paired labels, fingerprints or key texts) and the period;
2. read the record and the signing key (a locked or damaged key stops here, before a seq is used);
3. commit the next seq to the export log ("started") — a seq is never used twice, even if the app
   stops now (the seq only grows; it is also at least the minutes since 2024, so a diary restored from
   an old backup still numbers its next export above the ones it sent before the restore);
4. build the canonical payload, sign it, seal it per recipient (and under a passphrase if asked);
5. write every file atomically; any failure removes the files of this export, marks it "failed" and
   raises one sentence (a full device says so). Only then is the export "written".

The period defaults to "since the last export to these recipients" (from that day on, so the day of the
last export is sent again whole); `since=None` sends everything. The clinician's app treats an export
as the truth for its period and keeps what it already has from before.
"""

from __future__ import annotations

import re
import sqlite3
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Literal

from sqlalchemy.exc import OperationalError

from diary.domain.errors import ValidationFailed
from diary.domain.patient_record import PatientRecord
from diary.exchange.envelope import seal_signed, seal_signed_with_passphrase, sign_payload
from diary.exchange.keys import decode_recipient_key, fingerprint
from diary.exchange.passphrase import generate_passphrase
from diary.exchange.strength import passphrase_weakness
from diary.platform import collector_paused
from diary.platform.durable import FileNotWritten, describe_write_failure, write_atomically
from diary.storage.database import describe_failure
from diary.services.identity import Role, require_role
from diary.services.keystore import KeyStore
from diary.services.pairing import key_text_from
from diary.services.wire import PASSPHRASE_RECIPIENT, payload_bytes, payload_values
from diary.storage.export_log import ExportLogEntry, ExportLogRepository
from diary.storage.pairing_repository import Recipient, RecipientRepository
from diary.storage.repositories import MetaRepository
from diary.services.failures import storage_boundary

SINCE_LAST_EXPORT: Literal["last"] = "last"
PATIENT_LABEL_KEY = "patient_label"
DEFAULT_PATIENT_LABEL = "Patient"
PASSPHRASE_LABEL = "passphrase"
FILE_SUFFIX = ".diary"
_SEQ_EPOCH = datetime(2024, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class ExportFile:
    path: Path | None  # None for an export made in memory (a browser download)
    name: str
    size: int
    recipient: str  # the recipient's label, or "passphrase"
    fingerprint: str


@dataclass(frozen=True)
class ExportSummary:
    """What the Share screen shows after an export (and `diary export` prints)."""

    seq: int
    export_id: str
    created_at: datetime
    files: tuple[ExportFile, ...]
    period_start: date | None  # None: everything
    period_end: date
    notes_included: bool
    counts: dict[str, int]
    passphrase: str | None = None  # the passphrase of a passphrase file: show once, send separately
    data: dict[str, bytes] = field(default_factory=dict, repr=False)  # name → bytes, for in-memory exports

    @property
    def recipients(self) -> tuple[str, ...]:
        return tuple(f.recipient for f in self.files)

    @property
    def size(self) -> int:
        return sum(f.size for f in self.files)


@dataclass(frozen=True)
class LastExport:
    """For the Today screen: when the patient last exported, what and to whom."""

    at: datetime
    period_start: date | None
    period_end: date | None
    recipients: tuple[str, ...]
    seq: int


def _not_started(exc: BaseException) -> str:
    reason = describe_failure(exc).split(", so ")[0].split(". ")[0]
    return (f"The export was not made: {reason[0].lower()}{reason[1:]}. Nothing was written and your diary "
            "is unchanged; try again when that is fixed.")


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:40]


def seq_floor(now: datetime) -> int:
    """Whole minutes since 2024-01-01 UTC: the least seq an export made `now` may carry."""
    return max(1, int((now - _SEQ_EPOCH).total_seconds() // 60))


@storage_boundary
class ExportService:
    """Exports of a patient's home. Build through bootstrap (Diary.exports)."""

    def __init__(self, *, home: Path, role: Role, keys: KeyStore, recipients: RecipientRepository,
                 log: ExportLogRepository, meta: MetaRepository, record: Callable[..., PatientRecord],
                 clock: Callable[[], datetime]):
        self._home, self._role, self._keys = home, role, keys
        self._recipients, self._log, self._meta = recipients, log, meta
        self._record, self._clock = record, clock

    # What the Share screen needs before exporting
    def recipients(self) -> list[Recipient]:
        return self._recipients.all()

    def resolve(self, to: Sequence[str]) -> list[Recipient]:
        """Paired recipients named by label, fingerprint (or its first 8+ characters) or key text.

        Raises:
            ValidationFailed: a name matches no paired recipient (pair first), or several.
        """
        paired = self._recipients.all()
        chosen: list[Recipient] = []
        for name in to:
            name = name.strip()
            key_text = key_text_from(name) if name.upper().startswith("DIARY-") or Path(name).is_file() else None
            if key_text and key_text.startswith("DIARY-"):
                fp = fingerprint(decode_recipient_key(key_text))
                matches = [r for r in paired if r.fingerprint == fp]
            else:
                matches = [r for r in paired if r.label == name] or (
                    [r for r in paired if r.fingerprint.startswith(name.lower())] if len(name) >= 8 else [])
            if not matches:
                raise ValidationFailed(f"No paired recipient matches \"{name}\". Pair with their key first (diary "
                                       "pair KEY, or Pair in Settings), comparing the safety number in person.",
                                       field="to")
            if len(matches) > 1:
                raise ValidationFailed(f"\"{name}\" matches several recipients; use the label.", field="to")
            if matches[0] not in chosen:
                chosen.append(matches[0])
        return chosen

    def default_since(self, to: Sequence[str] = ()) -> date | None:
        """The default period start: the day of the last export written to all of these recipients
        (None — everything — when any of them has had none, or for a passphrase-only export)."""
        chosen = self.resolve(to)
        if not chosen:
            return None
        days = []
        for recipient in chosen:
            last = self._log.last_written_to(recipient.fingerprint)
            if last is None:
                return None
            days.append(last.created_at.date())
        return min(days)

    def patient_label(self) -> str:
        return self._meta.get(PATIENT_LABEL_KEY) or DEFAULT_PATIENT_LABEL

    def last_export(self) -> LastExport | None:
        """The latest export whose files were written, for "Last exported …" on Today."""
        entries = self._log.entries(limit=1)
        if not entries:
            return None
        e = entries[0]
        return LastExport(at=e.created_at, period_start=e.period_start, period_end=e.period_end,
                          recipients=tuple(label for label, _ in e.recipients), seq=e.seq)

    def history(self, *, limit: int = 50) -> list[ExportLogEntry]:
        return self._log.entries(written_only=False, limit=limit)

    @staticmethod
    def suggested_file_name(today: date) -> str:
        return f"diary-export-{today.isoformat()}{FILE_SUFFIX}"

    # Exporting
    def export(self, *, to: Sequence[str] = (), out: Path | None = None, since: date | None | str = SINCE_LAST_EXPORT,
               include_notes: bool = True, passphrase: str | bool | None = None,
               patient_label: str | None = None) -> ExportSummary:
        """Make an export: one file per recipient, plus a passphrase file if asked for.

        Args:
            to: recipients by label, fingerprint or key text (each must be paired).
            out: the file to write (with several files, each gets the recipient's label added before the
                suffix: "export-physiotherapist.diary"). None makes the files in memory only
                (`ExportSummary.data`, for a browser download).
            since: the first day to include; None for everything; default: since the last export to
                these recipients.
            include_notes: False leaves every note out (the file says so).
            passphrase: True for a passphrase file with a new generated passphrase (returned in the
                summary, to send by another channel than the file), a string to use that passphrase,
                None/False for no passphrase file.
            patient_label: how the patient is named in the file (remembered for next time).

        Raises:
            ValidationFailed: no recipient and no passphrase, an unknown recipient, a bad date or label,
                a short passphrase, a period too large for one file.
            KeyLocked / KeyUnusable: the signing key cannot be used.
            FileNotWritten: the file could not be written (full device, no permission); no partial file.
            ExportTooLarge: a file would exceed 16 MiB.
        """
        require_role(self._home, self._role, Role.PATIENT, action="Exporting")
        chosen = self.resolve(to)
        words = self._passphrase(passphrase)
        if not chosen and words is None:
            raise ValidationFailed("Choose who the export is for (a paired physiotherapist), or make a passphrase "
                                   "file.", field="to")
        now = self._clock()
        today = now.date()
        if since == SINCE_LAST_EXPORT:
            since = self.default_since([r.label for r in chosen]) if chosen else None
            since = min(since, today) if since else None  # a clock set back since the last export
        if since is not None and since > today:
            raise ValidationFailed(f"The period cannot start in the future ({since.isoformat()}).", field="since")
        if patient_label is not None:
            from diary.services.pairing import clean_label

            self._meta.set(PATIENT_LABEL_KEY, clean_label(patient_label, what="yourself"))
        if out is not None and not out.parent.is_dir():  # before a seq is used
            raise describe_write_failure(FileNotFoundError(2, "missing"), out, what="the export")
        with collector_paused():  # thousands of short-lived objects: see diary.platform.collector
            record = self._record(since=since, include_notes=include_notes)
        signing_key = self._keys.private_key()
        targets = [(r.label, r.fingerprint, decode_recipient_key(r.public_key)) for r in chosen]
        names = self._file_names(out, [label for label, _, _ in targets] + ([PASSPHRASE_LABEL] if words else []))
        fingerprints = [fp for _, fp, _ in targets] + ([PASSPHRASE_RECIPIENT] if words else [])
        log_recipients = [(label, fp) for label, fp, _ in targets] + ([(PASSPHRASE_LABEL, PASSPHRASE_RECIPIENT)]
                                                                      if words else [])
        export_id = str(uuid.uuid4())
        with collector_paused():
            values = payload_values(record, seq=1, created_at=now, recipients=fingerprints,
                                    patient_label=self.patient_label(), period_end=today, export_id=export_id)
        try:
            seq = self._log.start(seq_floor=seq_floor(now), export_id=export_id, created_at=now,
                                  period_start=since, period_end=today, mode="passphrase" if words and not chosen
                                  else "sealed", notes_included=include_notes, recipients=log_recipients)
        except (OperationalError, sqlite3.OperationalError) as exc:  # full device or a long lock: no seq, no file
            raise FileNotWritten(_not_started(exc)) from None
        try:
            values["seq"] = seq
            with collector_paused():
                signed = sign_payload(payload_bytes(values), signing_key)
            blobs = [seal_signed(signed, key) for _, _, key in targets]
            if words:
                blobs.append(seal_signed_with_passphrase(signed, words))
            files = self._write(out, names, blobs, log_recipients)
        except BaseException:
            self._log.finish(seq, written=False)
            raise
        self._log.finish(seq, written=True, files=len(files), total_bytes=sum(f.size for f in files))
        counts = {"checkins": len(values["checkins"]), "questionnaires": len(values["questionnaires"]),
                  "goals": len(values["goals"]), "ratings": sum(len(g["ratings"]) for g in values["goals"])}
        return ExportSummary(seq=seq, export_id=export_id, created_at=now, files=tuple(files), period_start=since,
                             period_end=today, notes_included=include_notes, counts=counts,
                             passphrase=words if passphrase is True else None,
                             data={} if out is not None else dict(zip(names, blobs)))

    @staticmethod
    def _passphrase(passphrase: str | bool | None) -> str | None:
        if passphrase is None or passphrase is False:
            return None
        if passphrase is True:
            return generate_passphrase()
        if weakness := passphrase_weakness(passphrase):
            raise ValidationFailed(weakness, field="passphrase")
        return passphrase

    def _file_names(self, out: Path | None, labels: list[str]) -> list[str]:
        base = out.name if out is not None else self.suggested_file_name(self._clock().date())
        if len(labels) == 1:
            return [base]
        stem, suffix = (base[: -len(Path(base).suffix)], Path(base).suffix) if Path(base).suffix else (base, FILE_SUFFIX)
        names: list[str] = []
        for i, label in enumerate(labels):
            slug = _slug(label) or f"recipient-{i + 1}"
            name = f"{stem}-{slug}{suffix}"
            while name in names:
                name = f"{stem}-{slug}-{i + 1}{suffix}"
            names.append(name)
        return names

    @staticmethod
    def _write(out: Path | None, names: list[str], blobs: list[bytes],
               recipients: list[tuple[str, str]]) -> list[ExportFile]:
        files = [ExportFile(None if out is None else out.with_name(name), name, len(blob), label, fp)
                 for name, blob, (label, fp) in zip(names, blobs, recipients)]
        if out is None:
            return files
        done: list[Path] = []
        for file, blob in zip(files, blobs):
            assert file.path is not None
            try:
                write_atomically(file.path, blob)
            except OSError as exc:
                for path in done:  # all or nothing: one export is one set of files
                    path.unlink(missing_ok=True)
                raise describe_write_failure(exc, file.path, what="the export") from None
            done.append(file.path)
        return files

