"""Paired keys: a patient's recipients (physiotherapist, research team) and a clinician's pinned patients."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.engine import Connection, Engine

from diary.storage.database import plain_read, writer


@dataclass(frozen=True)
class Recipient:
    """Someone a patient exports to: a label the patient chose and their box key."""

    label: str
    public_key: str  # "DIARY-BOX1:…"
    fingerprint: str
    paired_at: datetime


@dataclass(frozen=True)
class PairedPatient:
    """A patient pinned in a clinician's home, with what is known of their latest imported export.

    `record_key` is the fingerprint of the key the patient was first paired with; it stays the same
    after a re-pair, so research ids derived from it do too. `last_seq` is None until an export is
    imported with the current key (a re-pair starts the count again: seq grows per key).
    """

    id: int
    label: str
    record_key: str
    signing_key: str  # "DIARY-SIG1:…"
    fingerprint: str
    paired_at: datetime
    last_seq: int | None = None
    last_payload_sha256: str | None = None
    last_export_id: str | None = None
    exported_at: datetime | None = None
    period_start: date | None = None
    period_end: date | None = None
    notes_included: bool | None = None
    imported_at: datetime | None = None


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


_PATIENT_COLUMNS = ("id", "label", "record_key", "signing_key", "fingerprint", "paired_at", "last_seq",
                    "last_payload_sha256", "last_export_id", "exported_at", "period_start", "period_end",
                    "notes_included", "imported_at")
_SELECT_PATIENT = f"SELECT {', '.join(_PATIENT_COLUMNS)} FROM patient"


def patient_from_row(row) -> PairedPatient:
    v = dict(zip(_PATIENT_COLUMNS, row))
    return PairedPatient(
        id=v["id"], label=v["label"], record_key=v["record_key"], signing_key=v["signing_key"],
        fingerprint=v["fingerprint"], paired_at=_dt(v["paired_at"]), last_seq=v["last_seq"],
        last_payload_sha256=v["last_payload_sha256"], last_export_id=v["last_export_id"],
        exported_at=_dt(v["exported_at"]), period_start=_day(v["period_start"]), period_end=_day(v["period_end"]),
        notes_included=None if v["notes_included"] is None else bool(v["notes_included"]),
        imported_at=_dt(v["imported_at"]),
    )


class RecipientRepository:
    """A patient's paired recipients."""

    def __init__(self, engine: Engine):
        self._engine, self._writer = engine, writer(engine)

    def all(self) -> list[Recipient]:
        with self._engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT label, public_key, fingerprint, paired_at FROM recipient ORDER BY id")
            return [Recipient(label, key, fp, datetime.fromisoformat(at)) for label, key, fp, at in rows]

    def add(self, recipient: Recipient) -> None:
        with self._writer.begin() as conn:
            conn.exec_driver_sql("INSERT INTO recipient (label, public_key, fingerprint, paired_at) VALUES (?, ?, ?, ?)",
                                 (recipient.label, recipient.public_key, recipient.fingerprint,
                                  recipient.paired_at.isoformat()))

    def replace_key(self, label: str, recipient: Recipient) -> None:
        """A deliberate re-pair: the recipient under `label` gets a new key."""
        with self._writer.begin() as conn:
            conn.exec_driver_sql("UPDATE recipient SET public_key = ?, fingerprint = ?, paired_at = ? WHERE label = ?",
                                 (recipient.public_key, recipient.fingerprint, recipient.paired_at.isoformat(), label))

    def remove(self, label: str) -> bool:
        with self._writer.begin() as conn:
            return bool(conn.exec_driver_sql("DELETE FROM recipient WHERE label = ?", (label,)).rowcount)


class PatientRepository:
    """A clinician's pinned patients and their import bookkeeping."""

    def __init__(self, engine: Engine):
        self._engine, self._writer = engine, writer(engine)

    def all(self) -> list[PairedPatient]:
        with self._engine.connect() as conn:
            return [patient_from_row(r) for r in conn.exec_driver_sql(f"{_SELECT_PATIENT} ORDER BY label")]

    def by_label(self, label: str) -> PairedPatient | None:
        with self._engine.connect() as conn:
            row = conn.exec_driver_sql(f"{_SELECT_PATIENT} WHERE label = ?", (label,)).fetchone()
        return patient_from_row(row) if row else None

    def by_fingerprint(self, fingerprint: str, conn: Connection | sqlite3.Connection | None = None) -> PairedPatient | None:
        """The patient pinned with this key, or None (in the caller's transaction when `conn` is given:
        a SQLAlchemy Connection, or the plain sqlite3 one of an import's `plain_write`)."""
        if conn is None:  # on a pooled connection through plain sqlite3: read once or twice per import
            with plain_read(self._engine) as own:
                return self.by_fingerprint(fingerprint, own)
        execute = conn.execute if isinstance(conn, sqlite3.Connection) else conn.exec_driver_sql
        row = execute(f"{_SELECT_PATIENT} WHERE fingerprint = ?", (fingerprint,)).fetchone()
        return patient_from_row(row) if row else None

    def pinned_signers(self) -> dict[str, str]:
        """{fingerprint: "DIARY-SIG1:…"} of every pinned patient, for the importer's signature check."""
        with self._engine.connect() as conn:
            return dict(conn.exec_driver_sql("SELECT fingerprint, signing_key FROM patient").fetchall())

    def add(self, *, label: str, signing_key: str, fingerprint: str, paired_at: datetime,
            conn: Connection | None = None) -> PairedPatient:
        """Pin a new patient (in the caller's transaction when `conn` is given)."""
        if conn is None:
            with self._writer.begin() as own:
                return self.add(label=label, signing_key=signing_key, fingerprint=fingerprint, paired_at=paired_at,
                                conn=own)
        conn.exec_driver_sql(
            "INSERT INTO patient (label, record_key, signing_key, fingerprint, paired_at) VALUES (?, ?, ?, ?, ?)",
            (label, fingerprint, signing_key, fingerprint, paired_at.isoformat()))
        row = conn.exec_driver_sql(f"{_SELECT_PATIENT} WHERE label = ?", (label,)).fetchone()
        return patient_from_row(row)

    def replace_key(self, label: str, *, signing_key: str, fingerprint: str, paired_at: datetime) -> None:
        """A deliberate re-pair: a new key for the patient; the seq count starts again with it."""
        with self._writer.begin() as conn:
            conn.exec_driver_sql(
                "UPDATE patient SET signing_key = ?, fingerprint = ?, paired_at = ?, last_seq = NULL, "
                "last_payload_sha256 = NULL WHERE label = ?", (signing_key, fingerprint, paired_at.isoformat(), label))

    def rename(self, label: str, new_label: str) -> None:
        with self._writer.begin() as conn:
            conn.exec_driver_sql("UPDATE patient SET label = ? WHERE label = ?", (new_label, label))
