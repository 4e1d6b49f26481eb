"""The clinician's import log: one row per import attempt, accepted or not. Never any content.

A row holds the time, the file's SHA-256 and size, the outcome and (for a refusal, a stale or a
conflicting export) its category, and, once known, the export id, seq, signer fingerprint, the
patient's id and counts of what the export held. Never names, notes, passphrases, keys or file names.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.engine import Connection, Engine

from diary.storage.database import writer

_COLUMNS = ("at", "file_sha256", "file_size", "outcome", "category", "export_id", "seq", "signer_fingerprint",
            "patient_id", "counts", "warnings")
_INSERT = f"INSERT INTO import_log ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"


@dataclass(frozen=True)
class ImportLogEntry:
    at: datetime
    file_sha256: str | None  # None when the file was not read (over the size cap, or unreadable)
    file_size: int | None
    outcome: str  # imported, updated, already_imported, stale, conflict, refused
    category: str | None = None
    export_id: str | None = None
    seq: int | None = None
    signer_fingerprint: str | None = None
    patient_id: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    id: int | None = None


def _values(entry: ImportLogEntry) -> tuple:
    return (entry.at.isoformat(), entry.file_sha256, entry.file_size, entry.outcome, entry.category, entry.export_id,
            entry.seq, entry.signer_fingerprint, entry.patient_id,
            json.dumps(entry.counts, sort_keys=True) if entry.counts else None,
            json.dumps(list(entry.warnings)) if entry.warnings else None)


class ImportLogRepository:
    def __init__(self, engine: Engine):
        self._engine, self._writer = engine, writer(engine)

    def append(self, entry: ImportLogEntry, conn: Connection | sqlite3.Connection | None = None) -> None:
        """Add one row (in the caller's transaction when `conn` is given)."""
        if conn is None:
            with self._writer.begin() as own:
                own.exec_driver_sql(_INSERT, _values(entry))
        elif isinstance(conn, sqlite3.Connection):  # an import's plain_write transaction
            conn.execute(_INSERT, _values(entry))
        else:
            conn.exec_driver_sql(_INSERT, _values(entry))

    def entries(self, *, limit: int = 100) -> list[ImportLogEntry]:
        """The latest attempts, newest first."""
        with self._engine.connect() as conn:
            rows = conn.exec_driver_sql(
                f"SELECT id, {', '.join(_COLUMNS)} FROM import_log ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [ImportLogEntry(at=datetime.fromisoformat(at), file_sha256=sha, file_size=size, outcome=outcome,
                               category=category, export_id=export_id, seq=seq, signer_fingerprint=signer,
                               patient_id=pid, counts=json.loads(counts) if counts else {},
                               warnings=tuple(json.loads(warnings)) if warnings else (), id=id_)
                for id_, at, sha, size, outcome, category, export_id, seq, signer, pid, counts, warnings in rows]

    def count(self) -> int:
        with self._engine.connect() as conn:
            return conn.exec_driver_sql("SELECT count(*) FROM import_log").scalar()
