"""Questionnaire responses, schedules and clinic-supplied wording."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy.engine import Engine

from diary.domain.errors import NotFound
from diary.domain.instruments import Score
from diary.domain.questionnaires import Response, Status, app_version
from diary.storage.database import writer
from diary.storage.row_builders import json_column

_COLUMNS = ("id", "instrument_id", "version", "options", "answers", "status", "started_at", "completed_at", "valid",
            "total", "total_rounded", "band", "subscales", "subscale_bands", "flags", "n_answered", "n_missing",
            "prorated", "scoring_rule_id", "details")
_UPSERT = (f"INSERT OR REPLACE INTO questionnaire_response ({', '.join(_COLUMNS)}) "
           f"VALUES ({', '.join(':' + c for c in _COLUMNS)})")
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM questionnaire_response"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _to_values(r: Response) -> dict:
    s = r.result
    return {
        "id": r.id, "instrument_id": r.instrument_id, "version": r.version, "options": _dumps(r.options),
        "answers": _dumps(list(r.answers)), "status": r.status.value, "started_at": r.started_at.isoformat(),
        "completed_at": r.completed_at.isoformat() if r.completed_at else None,
        "valid": None if s is None else int(s.valid), "total": s and s.total, "total_rounded": s and s.total_rounded,
        "band": s and s.band, "subscales": s and _dumps(s.subscales), "subscale_bands": s and _dumps(s.subscale_bands),
        "flags": s and _dumps(sorted(s.flags)), "n_answered": s and s.n_answered, "n_missing": s and s.n_missing,
        "prorated": None if s is None else int(s.prorated), "scoring_rule_id": s and s.scoring_rule_id,
        "details": s and _dumps(s.details),
    }


def _from_row(row) -> Response:
    # json_column: most of these columns are "{}" or "[]", answered without a parse (an export reads hundreds).
    v = dict(zip(_COLUMNS, row))
    v["version"] = app_version(v["instrument_id"], v["version"])  # rows before issue 15 say "4-week"
    result = None
    if v["status"] == Status.COMPLETE.value:
        result = Score(
            instrument_id=v["instrument_id"], version=v["version"], scoring_rule_id=v["scoring_rule_id"] or "",
            valid=bool(v["valid"]), total=v["total"], total_rounded=v["total_rounded"], band=v["band"],
            subscales=json_column(v["subscales"] or "{}"), subscale_bands=json_column(v["subscale_bands"] or "{}"),
            flags=frozenset(json_column(v["flags"] or "[]")), n_answered=v["n_answered"] or 0,
            n_missing=v["n_missing"] or 0, prorated=bool(v["prorated"]), details=json_column(v["details"] or "{}"),
        )
    return Response(
        id=v["id"], instrument_id=v["instrument_id"], version=v["version"],
        started_at=datetime.fromisoformat(v["started_at"]), answers=tuple(json_column(v["answers"])),
        options=json_column(v["options"]), status=Status(v["status"]),
        completed_at=datetime.fromisoformat(v["completed_at"]) if v["completed_at"] else None, result=result,
    )


class QuestionnaireRepository:
    def __init__(self, engine: Engine):
        self._engine = engine
        self._writer = writer(engine)

    def save(self, response: Response) -> None:
        with self._writer.begin() as conn:
            conn.exec_driver_sql(_UPSERT, _to_values(response))

    def get(self, response_id: str) -> Response:
        with self._engine.connect() as conn:
            row = conn.exec_driver_sql(f"{_SELECT} WHERE id = ?", (response_id,)).fetchone()
        if row is None:
            raise NotFound("That questionnaire no longer exists.")
        return _from_row(row)

    def delete(self, response_id: str) -> None:
        with self._writer.begin() as conn:
            conn.exec_driver_sql("DELETE FROM questionnaire_response WHERE id = ?", (response_id,))

    def responses(self, instrument_id: str | None = None, *, status: Status | None = None) -> list[Response]:
        """Responses oldest first (completed ones by completion, drafts by start)."""
        where, params = [], []
        if instrument_id:
            where.append("instrument_id = ?")
            params.append(instrument_id)
        if status:
            where.append("status = ?")
            params.append(status.value)
        sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + \
            " ORDER BY coalesce(completed_at, started_at), started_at"
        with self._engine.connect() as conn:
            return [_from_row(row) for row in conn.exec_driver_sql(sql, tuple(params))]

    def last_completed(self) -> dict[str, date]:
        sql = ("SELECT instrument_id, max(completed_at) FROM questionnaire_response "
               "WHERE status = 'complete' GROUP BY instrument_id")
        with self._engine.connect() as conn:
            return {i: datetime.fromisoformat(at).date() for i, at in conn.exec_driver_sql(sql)}

    # Schedules
    def schedule(self) -> dict[str, tuple[int, bool]]:
        with self._engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT instrument_id, every_days, enabled FROM questionnaire_schedule")
            return {i: (days, bool(enabled)) for i, days, enabled in rows}

    def set_schedule(self, instrument_id: str, every_days: int, enabled: bool) -> None:
        with self._writer.begin() as conn:
            conn.exec_driver_sql("INSERT OR REPLACE INTO questionnaire_schedule VALUES (?, ?, ?)",
                                 (instrument_id, every_days, int(enabled)))

    # Clinic-supplied wording
    def add_wording(self, instrument_id: str, language: str, version: str, body: dict, *, now: datetime) -> None:
        with self._writer.begin() as conn:
            conn.exec_driver_sql("INSERT OR REPLACE INTO instrument_wording VALUES (?, ?, ?, ?, ?)",
                                 (instrument_id, language, version, _dumps(body), now.isoformat()))

    def wordings(self) -> list[dict]:
        with self._engine.connect() as conn:
            return [json.loads(body) for (body,) in conn.exec_driver_sql("SELECT body FROM instrument_wording")]
