"""A patient's export log: every export's seq, period and recipients, and which ones were written.

The seq of an export is committed here (status "started") before its file is written, so a seq is
never used for two different exports, even if the app stops mid-write; a failed write is marked
"failed" and its seq stays used.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.engine import Engine

from diary.storage.database import writer


@dataclass(frozen=True)
class ExportLogEntry:
    seq: int
    export_id: str
    created_at: datetime
    period_start: date | None
    period_end: date | None
    mode: str  # "sealed" or "passphrase"
    notes_included: bool
    status: str  # "started", "written" or "failed"
    recipients: tuple[tuple[str, str], ...]  # (label, fingerprint)
    files: int | None = None
    total_bytes: int | None = None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class ExportLogRepository:
    def __init__(self, engine: Engine):
        self._engine, self._writer = engine, writer(engine)

    def start(self, *, seq_floor: int, export_id: str, created_at: datetime, period_start: date | None,
              period_end: date | None, mode: str, notes_included: bool,
              recipients: list[tuple[str, str]]) -> int:
        """Take the next seq (above every earlier one and at least `seq_floor`) and commit it. Returns it."""
        with self._writer.begin() as conn:
            last = conn.exec_driver_sql("SELECT max(seq) FROM export_log").scalar() or 0
            seq = max(last + 1, seq_floor)
            conn.exec_driver_sql(
                "INSERT INTO export_log (seq, export_id, created_at, period_start, period_end, mode, notes_included, "
                "status) VALUES (?, ?, ?, ?, ?, ?, ?, 'started')",
                (seq, export_id, created_at.isoformat(), period_start and period_start.isoformat(),
                 period_end and period_end.isoformat(), mode, int(notes_included)))
            conn.exec_driver_sql("INSERT INTO export_recipient (seq, fingerprint, label) VALUES (?, ?, ?)",
                                 [(seq, fp, label) for label, fp in recipients])
        return seq

    def finish(self, seq: int, *, written: bool, files: int = 0, total_bytes: int = 0) -> None:
        with self._writer.begin() as conn:
            conn.exec_driver_sql("UPDATE export_log SET status = ?, files = ?, total_bytes = ? WHERE seq = ?",
                                 ("written" if written else "failed", files, total_bytes, seq))

    def entries(self, *, written_only: bool = True, limit: int | None = None,
                seq: int | None = None) -> list[ExportLogEntry]:
        """Exports, newest first (only those whose files were written, unless told otherwise)."""
        where, params = [], []
        if written_only:
            where.append("status = 'written'")
        if seq is not None:
            where.append("seq = ?")
            params.append(seq)
        sql = ("SELECT seq, export_id, created_at, period_start, period_end, mode, notes_included, status, files, "
               "total_bytes FROM export_log" + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY seq DESC" + (f" LIMIT {int(limit)}" if limit else ""))
        with self._engine.connect() as conn:
            rows = conn.exec_driver_sql(sql, tuple(params)).fetchall()
            recipients: dict[int, list[tuple[str, str]]] = {}
            if rows:
                lowest = rows[-1][0]
                for number, label, fp in conn.exec_driver_sql(
                        "SELECT seq, label, fingerprint FROM export_recipient WHERE seq >= ? ORDER BY seq, label",
                        (lowest,)):
                    recipients.setdefault(number, []).append((label, fp))
        return [ExportLogEntry(number, export_id, datetime.fromisoformat(created), _day(start), _day(end), mode,
                               bool(notes), status, tuple(recipients.get(number, ())), files, total)
                for number, export_id, created, start, end, mode, notes, status, files, total in rows]

    def last_written_to(self, fingerprint: str) -> ExportLogEntry | None:
        """The latest export written for the recipient with this fingerprint."""
        with self._engine.connect() as conn:
            seq = conn.exec_driver_sql(
                "SELECT max(l.seq) FROM export_log l JOIN export_recipient r ON r.seq = l.seq "
                "WHERE l.status = 'written' AND r.fingerprint = ?", (fingerprint,)).scalar()
        if seq is None:
            return None
        return self.entries(seq=seq)[0]
