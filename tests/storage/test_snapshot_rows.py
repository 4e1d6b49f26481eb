"""The snapshot's rows as an import builds them (issue 17, P6): check-in and body-map rows in one pass,
empty JSON columns written without the encoder: the same rows as building and sorting them separately.
(That a whole import stores the same rows as before is checked outside the suite: benchmarks/README.md, P6.)"""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from diary.services.demo_caseload import demo_patient
from diary.storage.snapshot_repository import (
    _checkin_and_region_rows, _checkin_row, _dumps,
)

NOW = datetime(2026, 6, 1, 20, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module", params=[0, 3, 7])
def record(request):
    return demo_patient(request.param, days=120, seed=6, now=NOW)


def test_check_ins_and_body_maps_in_one_pass_are_the_sorted_rows(record):
    rows, regions = _checkin_and_region_rows(4, record.checkins)
    assert rows == sorted((_checkin_row(4, c) for c in record.checkins), key=lambda row: row[1])
    assert regions == sorted((4, c.id, region, intensity) for c in record.checkins
                             for region, intensity in (c.regions or {}).items())
    assert regions and any(c.regions is None for c in record.checkins)  # both kinds were there


def test_a_check_in_row_holds_each_field_by_name(record):
    """_checkin_row reads the fields' values in one go: the row named field by field, as before."""
    def by_name(c):
        flag = None if c.strength is None else int(c.strength)
        return (4, c.id, c.day.isoformat(), c.recorded_at.isoformat(), int(c.extra), c.pain, int(c.no_pain), c.fatigue,
                c.stress, c.sleep_quality, c.sleep_hours, c.light_min, c.moderate_min, c.vigorous_min, flag, c.worry,
                int(c.flare), c.note)

    edges = [c.model_copy(update=change) for c in record.checkins[:3] for change in (
        {"strength": True, "extra": True, "flare": True, "note": "ö"}, {"strength": False, "no_pain": True},
        {"strength": None, "sleep_hours": 7.5})]
    for c in [*record.checkins, *edges]:
        row = _checkin_row(4, c)
        assert row == by_name(c) and [type(v) for v in row] == [type(v) for v in by_name(c)]


@pytest.mark.parametrize("value", [{}, [], {"a": 1}, [1, None, 2.5], ["x"], {"z": None, "a": True}, {"é": "ö"}])
def test_json_columns_are_written_as_the_encoder_writes_them(value):
    assert _dumps(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _region_table(connection):
    connection.execute("CREATE TABLE patient_checkin_region (patient_id INTEGER NOT NULL, checkin_id TEXT NOT NULL, "
                       "region TEXT NOT NULL, intensity INTEGER CHECK (intensity IS NULL OR intensity BETWEEN 0 AND 10),"
                       " PRIMARY KEY (patient_id, checkin_id, region)) WITHOUT ROWID")


@pytest.mark.parametrize("extra", [-1, 0, 1, 7])
@pytest.mark.parametrize("statements", [0, 1, 2])
def test_many_rows_a_statement_store_what_one_row_statements_store(statements, extra):
    """The bulk inserts go in up to 999 values a statement, the rest one row each: around every boundary
    the table holds exactly the rows one-row statements would have stored."""
    import sqlite3

    from diary.storage.snapshot_repository import _INSERT_REGION, _MANY_ROWS, _plain_runner

    per_statement = _MANY_ROWS[_INSERT_REGION][1]
    assert per_statement * 4 <= 999 < (per_statement + 1) * 4
    count = max(0, statements * per_statement + extra)
    rows = [(7, f"c{i // 3:05d}", f"r{i % 3}", None if i % 5 == 0 else i % 11) for i in range(count)]
    batched, single = sqlite3.connect(":memory:"), sqlite3.connect(":memory:")
    for connection in (batched, single):
        _region_table(connection)
    _plain_runner(batched)(_INSERT_REGION, rows)
    single.executemany(_INSERT_REGION, rows)
    dump = "SELECT patient_id, checkin_id, region, intensity, typeof(intensity) FROM patient_checkin_region ORDER BY 1, 2, 3"
    assert batched.execute(dump).fetchall() == single.execute(dump).fetchall()
    assert len(batched.execute(dump).fetchall()) == count


@pytest.mark.parametrize("bad_at", [0, 248, 249, 299])
def test_a_bad_row_in_a_many_rows_statement_is_refused_as_in_a_one_row_statement(bad_at):
    import sqlite3

    from diary.storage.snapshot_repository import _INSERT_REGION, _plain_runner

    rows = [(7, f"c{i:05d}", "neck", 3) for i in range(300)]
    rows[bad_at] = (7, rows[bad_at][1], "neck", 11)  # outside the scale's CHECK
    connection = sqlite3.connect(":memory:")
    _region_table(connection)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
        _plain_runner(connection)(_INSERT_REGION, rows)
