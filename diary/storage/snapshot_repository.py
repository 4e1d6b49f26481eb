"""A clinician's copy of each patient's data (the snapshot of their exports) and the physio's own ratings.

Rows are keyed by patient_id. `replace` stores an accepted export inside the caller's transaction (the
import commits it together with the patient's bookkeeping and the import-log row): the export is the
truth for its period, so rows from `period_start` on are replaced, rows before it are kept, and goals
and the activity plan (always exported whole) are replaced whole. Reads map rows back to domain
objects; check-ins and ratings, the bulk of a research export, are built by row_builders (what pydantic's
`model_construct` makes, for less) from rows that were validated on the way in and are guarded by CHECK
constraints; validation stays on the import path (the payload builds every CheckIn with CheckIn.create).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from itertools import chain
from operator import itemgetter

from sqlalchemy.engine import Connection, Engine

from diary.domain.entries import CheckIn
from diary.domain.goals import LEVELS, Goal, Rater, Rating
from diary.domain.instruments import Score
from diary.domain.patient_record import PatientRecord
from diary.domain.plans import Activity
from diary.domain.questionnaires import Response, Status, app_version
from diary.storage.database import writer
from diary.storage.row_builders import (
    CHECKIN_COLUMNS, DAYS, checkin_tuples_from_rows, checkins_from_rows, json_column, rating_from_row, stored_fields,
)

_CHECKIN = ("patient_id", *CHECKIN_COLUMNS)
_QUESTIONNAIRE = ("patient_id", "id", "instrument_id", "version", "answered_at", "answers", "valid", "total",
                  "total_rounded", "band", "subscales", "subscale_bands", "flags", "n_answered", "n_missing",
                  "prorated", "scoring_rule_id", "details")
_LEVEL_COLUMNS = dict(zip(LEVELS, ("level_m2", "level_m1", "level_0", "level_p1", "level_p2")))
_GOAL = ("patient_id", "id", "type", "title", "measure", "baseline", "target", "start_date", "target_date",
         "main_goal_id", *_LEVEL_COLUMNS.values(), "baseline_level", "weight", "position")
_RATING = ("patient_id", "id", "goal_id", "rated_on", "rater", "level", "category", "comment", "recorded_at")
_ACTIVITY = ("patient_id", "id", "position", "name", "intensity", "minutes", "times_per_week", "goal_id")
_CLINICIAN_RATING = ("id", "patient_id", "goal_id", "rated_on", "level", "category", "comment", "recorded_at")


def _insert(table: str, columns: tuple[str, ...], verb: str = "INSERT") -> str:
    return f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


# A patient's check-ins with their body maps as one JSON object each ("{}": no map), in primary-key
# order (a scan of the patient's part of the table); sorted in Python, which costs less than SQLite's
# sorter here.
_SELECT_CHECKINS = (
    f"SELECT {', '.join('c.' + column for column in _CHECKIN[1:])}, (SELECT json_group_object(r.region, r.intensity) "
    "FROM patient_checkin_region r WHERE r.patient_id = c.patient_id AND r.checkin_id = c.id) "
    "FROM patient_checkin c WHERE c.patient_id = ?")
_CHECKIN_ORDER = itemgetter(1, 2, 0)  # day, recorded_at, id
_ID = itemgetter(1)
_INSERT_CHECKIN = _insert("patient_checkin", _CHECKIN)
_INSERT_REGION = _insert("patient_checkin_region", ("patient_id", "checkin_id", "region", "intensity"))
_INSERT_QUESTIONNAIRE = _insert("patient_questionnaire", _QUESTIONNAIRE, "INSERT OR REPLACE")
_UPSERT_GOAL = (_insert("patient_goal", _GOAL) + " ON CONFLICT (patient_id, id) DO UPDATE SET "
                + ", ".join(f"{c} = excluded.{c}" for c in _GOAL[2:]))
_INSERT_RATING = _insert("patient_goal_rating", _RATING, "INSERT OR REPLACE")
_INSERT_ACTIVITY = _insert("patient_plan_activity", _ACTIVITY)
_INSERT_CLINICIAN_RATING = _insert("clinician_goal_rating", _CLINICIAN_RATING)

# SQLite's smallest default limit of values bound to one statement (999 before SQLite 3.32, which the
# phone's or an older system's build may predate).
_MAX_BOUND_VALUES = 999


def _many_rows(sql: str, width: int) -> tuple[str, int]:
    """An INSERT of one row of `width` values as the same INSERT of as many rows as one statement may bind,
    and that number of rows. One statement of n rows stores exactly what n one-row statements store (the
    snapshot's tables are WITHOUT ROWID, so the order within a statement changes nothing, and any failure
    rolls the import's whole transaction back); SQLite's per-statement work and sqlite3's per-row
    executemany loop were a third of an import's inserts (bench_p6_import.py: ~1.5 ms for ~1,900 rows)."""
    head, one_row = sql.rsplit(" VALUES ", 1)
    per_statement = _MAX_BOUND_VALUES // width
    return f"{head} VALUES {', '.join([one_row] * per_statement)}", per_statement


_MANY_ROWS = {sql: _many_rows(sql, width) for sql, width in (
    (_INSERT_CHECKIN, len(_CHECKIN)), (_INSERT_REGION, 4), (_INSERT_QUESTIONNAIRE, len(_QUESTIONNAIRE)),
    (_INSERT_RATING, len(_RATING)))}


# json.dumps with these options builds a new encoder per call; an import writes ~350 JSON columns.
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode


def _dumps(value) -> str:
    """The JSON column's compact text. Most of a questionnaire's subscales, bands, flags and details are
    empty, and the encoder costs a few µs even for those: an empty dict or list is written directly."""
    if not value and type(value) in (dict, list):
        return "{}" if type(value) is dict else "[]"
    return _encode(value)


# Domain → rows

# A CheckIn's column values in one read of its field values: 17 attribute look-ups through the model's
# class cost a sixth of building the rows (~0.1 ms of an import's 340).
_CHECKIN_VALUES = itemgetter(*CHECKIN_COLUMNS)


def _checkin_row(pid: int, c: CheckIn) -> tuple:
    (id_, day, recorded_at, extra, pain, no_pain, fatigue, stress, sleep_quality, sleep_hours, light, moderate,
     vigorous, strength, worry, flare, note) = _CHECKIN_VALUES(c.__dict__)
    return (pid, id_, day.isoformat(), recorded_at.isoformat(), int(extra), pain, int(no_pain), fatigue, stress,
            sleep_quality, sleep_hours, light, moderate, vigorous, None if strength is None else int(strength), worry,
            int(flare), note)


def _checkin_and_region_rows(pid: int, checkins) -> tuple[list[tuple], list[tuple]]:
    """The check-in rows and their body-map rows, both in primary-key order, in one pass: check-ins sorted
    by id (ids are unique in a payload), then each one's regions by name, which is the order of sorting
    every (patient, check-in, region) row at once, without building and sorting those rows twice."""
    rows = sorted((_checkin_row(pid, c) for c in checkins), key=_ID)
    by_id = {c.id: c.regions for c in checkins}
    regions = [(pid, id_, region, intensity) for id_ in (row[1] for row in rows) if (body := by_id[id_])
               for region, intensity in sorted(body.items())]
    return rows, regions


def _questionnaire_row(pid: int, r: Response) -> tuple:
    s = r.result
    assert s is not None and r.completed_at is not None, "only completed responses are stored in a snapshot"
    return (pid, r.id, r.instrument_id, s.version or r.version, r.completed_at.isoformat(), _dumps(list(r.answers)),
            int(s.valid), s.total, s.total_rounded, s.band, _dumps(s.subscales), _dumps(s.subscale_bands),
            _dumps(sorted(s.flags)), s.n_answered, s.n_missing, int(s.prorated), s.scoring_rule_id,
            _dumps(s.details))


def _goal_row(pid: int, g: Goal, position: int) -> tuple:
    levels = [g.levels[level] if g.levels else None for level in LEVELS]
    return (pid, g.id, g.type.value, g.title, g.measure, g.baseline, g.target, g.start_date.isoformat(),
            g.target_date and g.target_date.isoformat(), g.main_goal_id, *levels, g.baseline_level, g.weight, position)


def _rating_row(pid: int, r: Rating) -> tuple:
    return (pid, r.id, r.goal_id, r.rated_on.isoformat(), r.rater.value, r.level, r.category.value, r.comment,
            r.recorded_at.isoformat())


def _activity_row(pid: int, a: Activity, position: int) -> tuple:
    return (pid, a.id, position, a.name, a.intensity.value, a.minutes, a.times_per_week, a.goal_id)


# Rows → domain

def _response(row) -> Response:
    (id_, instrument_id, version, answered_at, answers, valid, total, total_rounded, band, subscales,
     subscale_bands, flags, n_answered, n_missing, prorated, rule, details) = row
    at = datetime.fromisoformat(answered_at)
    version = app_version(instrument_id, version)  # exports before issue 15 labelled the weekly PHQ-15 "4-week"
    result = _new_score({
        "instrument_id": instrument_id, "version": version, "scoring_rule_id": rule, "valid": bool(valid),
        "total": total, "total_rounded": total_rounded, "band": band, "subscales": json_column(subscales),
        "subscale_bands": json_column(subscale_bands), "flags": frozenset(json_column(flags)),
        "n_answered": n_answered, "n_missing": n_missing, "prorated": bool(prorated), "details": json_column(details)})
    return _new_response({
        "id": id_, "instrument_id": instrument_id, "version": version, "started_at": at,
        "answers": tuple(json_column(answers)), "options": {}, "status": Status.COMPLETE, "completed_at": at,
        "result": result})


_new_score, _new_response = stored_fields(Score), stored_fields(Response)


def goal_from_row(row) -> Goal:
    (id_, type_, title, measure, baseline, target, start, target_date, main_goal_id, *rest) = row
    level_texts, (baseline_level, weight) = rest[:5], rest[5:7]
    levels = dict(zip(LEVELS, level_texts)) if level_texts[0] is not None else None
    return Goal(id=id_, type=type_, title=title, measure=measure, baseline=baseline, target=target,
                start_date=date.fromisoformat(start), target_date=date.fromisoformat(target_date) if target_date else None,
                main_goal_id=main_goal_id, levels=levels, baseline_level=baseline_level, weight=weight)


def _plain_runner(conn: Connection | sqlite3.Connection):
    """exec_driver_sql's behaviour (a list of rows: executemany) on the connection's own sqlite3 cursor, in
    the same transaction: SQLAlchemy's per-statement bookkeeping cost more than some of an import's
    statements themselves. SQLite's errors are raised as sqlite3's own (the services catch those).
    The snapshot's bulk inserts go in many rows a statement (_MANY_ROWS)."""
    plain = conn if isinstance(conn, sqlite3.Connection) else conn.connection.dbapi_connection
    cursor = plain.cursor()

    def run(sql: str, params) -> None:
        if not isinstance(params, list):
            cursor.execute(sql, params)
            return
        batched = _MANY_ROWS.get(sql)
        whole = 0
        if batched is not None:
            many_sql, per_statement = batched
            whole = len(params) - len(params) % per_statement
            for start in range(0, whole, per_statement):
                cursor.execute(many_sql, list(chain.from_iterable(params[start:start + per_statement])))
        cursor.executemany(sql, params[whole:] if whole else params)
    return run


class SnapshotRepository:
    def __init__(self, engine: Engine):
        self._engine, self._writer = engine, writer(engine)

    # Writing (inside the importer's transaction)
    @staticmethod
    def replace(conn: Connection | sqlite3.Connection, patient_id: int, record: PatientRecord, *,
                period_start: date | None) -> None:
        """Store `record` as the patient's data from `period_start` on (everything when None).

        Rows dated from `period_start` are deleted and replaced; earlier rows are kept. Goals are
        upserted and those no longer exported are deleted with their ratings; the plan is replaced.
        When the export leaves notes out, the notes kept from earlier exports are removed too, so the
        snapshot never mixes shared and withdrawn notes.
        """
        pid, run = patient_id, _plain_runner(conn)
        if period_start is None:
            for table in ("patient_checkin", "patient_questionnaire", "patient_goal_rating"):
                run(f"DELETE FROM {table} WHERE patient_id = ?", (pid,))
        else:
            since = period_start.isoformat()
            run("DELETE FROM patient_checkin WHERE patient_id = ? AND day >= ?", (pid, since))
            if record.checkins:  # a check-in moved to an earlier day keeps its id
                run("DELETE FROM patient_checkin WHERE patient_id = ? AND id = ?", [(pid, c.id) for c in record.checkins])
            run("DELETE FROM patient_questionnaire WHERE patient_id = ? AND substr(answered_at, 1, 10) >= ?",
                (pid, since))
            run("DELETE FROM patient_goal_rating WHERE patient_id = ? AND rated_on >= ?", (pid, since))
        if not record.notes_included:
            run("UPDATE patient_checkin SET note = NULL WHERE patient_id = ? AND note IS NOT NULL", (pid,))
        run("DELETE FROM patient_plan_activity WHERE patient_id = ?", (pid,))
        # Upsert before deleting, so an intermediate goal moved to a new main goal is not cascaded away.
        if record.goals:
            run(_UPSERT_GOAL, [_goal_row(pid, g, i) for i, g in enumerate(record.goals)])
        run("DELETE FROM patient_goal WHERE patient_id = ? AND id NOT IN (SELECT value FROM json_each(?))",
            (pid, json.dumps([g.id for g in record.goals])))
        if record.checkins:
            # In primary-key order: both tables are WITHOUT ROWID B-trees keyed by (patient, id[, region]),
            # and rows in key order are appended, where ids in random order split and rewrite pages all over
            # the patient's part of the tree (the region rows took half of an import's storing).
            rows, regions = _checkin_and_region_rows(pid, record.checkins)
            run(_INSERT_CHECKIN, rows)
            if regions:
                run(_INSERT_REGION, regions)
        # Questionnaires and ratings in key order too (their ids are unique in a record: the order of the
        # inserts changes no stored row, and the reads sort them by date).
        if record.questionnaires:
            run(_INSERT_QUESTIONNAIRE, sorted((_questionnaire_row(pid, r) for r in record.questionnaires), key=_ID))
        if record.ratings:
            run(_INSERT_RATING, sorted((_rating_row(pid, r) for r in record.ratings), key=_ID))
        if record.plan:
            run(_INSERT_ACTIVITY, [_activity_row(pid, a, i) for i, a in enumerate(record.plan)])

    # Reading
    def read(self, patient_id: int, conn: Connection | None = None, *, streaming: bool = False) -> dict:
        """The stored rows of one patient as domain objects: checkins, questionnaires, goals, ratings (the
        patient's export's and the clinician's own, oldest first), plan, clinician_rating_ids.

        Args:
            streaming: the check-ins as row_builders.StoredCheckIn (same fields and values, for a third of
                the cost), for a reader that only reads them (the research export).
        """
        if conn is None:
            with self._engine.connect() as own:
                return self.read(patient_id, own, streaming=streaming)
        # The plain sqlite3 cursor of this connection (same transaction): a research export reads every
        # row of every patient, and SQLAlchemy's per-row result objects would cost more than the reading.
        cursor = conn.connection.dbapi_connection.cursor()

        def run(sql: str, params: tuple) -> list[tuple]:
            return cursor.execute(sql, params).fetchall()

        pid, days = (patient_id,), DAYS
        build = checkin_tuples_from_rows if streaming else checkins_from_rows
        checkins = build(sorted(run(_SELECT_CHECKINS, pid), key=_CHECKIN_ORDER))
        questionnaires = [_response(row) for row in run(
            f"SELECT {', '.join(_QUESTIONNAIRE[1:])} FROM patient_questionnaire WHERE patient_id = ? "
            "ORDER BY answered_at, id", pid)]
        goals = [goal_from_row(row) for row in run(
            f"SELECT {', '.join(_GOAL[1:-1])} FROM patient_goal WHERE patient_id = ? ORDER BY position", pid)]
        ratings = [rating_from_row(*row, days=days) for row in run(
            f"SELECT {', '.join(_RATING[1:])} FROM patient_goal_rating WHERE patient_id = ?", pid)]
        own = [rating_from_row(id_, goal_id, rated_on, Rater.PHYSIOTHERAPIST.value, level, category, comment, at, days)
               for id_, goal_id, rated_on, level, category, comment, at in run(
                   "SELECT id, goal_id, rated_on, level, category, comment, recorded_at FROM clinician_goal_rating "
                   "WHERE patient_id = ?", pid)]
        # The physio's ratings of a goal the patient has since deleted stay stored, but out of the record.
        goal_ids = {g.id for g in goals}
        ratings = sorted(ratings + [r for r in own if r.goal_id in goal_ids], key=lambda r: (r.rated_on, r.recorded_at))
        plan = [Activity(id=id_, name=name, intensity=intensity, minutes=minutes, times_per_week=times, goal_id=goal_id)
                for id_, name, intensity, minutes, times, goal_id in run(
                    "SELECT id, name, intensity, minutes, times_per_week, goal_id FROM patient_plan_activity "
                    "WHERE patient_id = ? ORDER BY position", pid)]
        return {"checkins": checkins, "questionnaires": questionnaires, "goals": goals, "ratings": ratings,
                "plan": plan, "clinician_rating_ids": frozenset(r.id for r in own)}

    def goals(self, patient_id: int) -> list[Goal]:
        with self._engine.connect() as conn:
            return [goal_from_row(row) for row in conn.exec_driver_sql(
                f"SELECT {', '.join(_GOAL[1:-1])} FROM patient_goal WHERE patient_id = ? ORDER BY position",
                (patient_id,))]

    # The physiotherapist's own ratings (never touched by an import)
    def add_clinician_rating(self, patient_id: int, rating: Rating) -> None:
        with self._writer.begin() as conn:
            conn.exec_driver_sql(_INSERT_CLINICIAN_RATING, (
                rating.id, patient_id, rating.goal_id, rating.rated_on.isoformat(), rating.level,
                rating.category.value, rating.comment, rating.recorded_at.isoformat()))

    def clinician_ratings(self, patient_id: int) -> list[Rating]:
        with self._engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT id, goal_id, rated_on, level, category, comment, recorded_at FROM clinician_goal_rating "
                "WHERE patient_id = ? ORDER BY rated_on, recorded_at", (patient_id,)).fetchall()
        return [rating_from_row(i, g, on, Rater.PHYSIOTHERAPIST.value, lv, cat, com, at) for i, g, on, lv, cat, com, at in rows]

