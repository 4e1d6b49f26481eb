"""Released migrations never change: each builds exactly the schema of the database file its release made
(tests/data/schema_vN.sqlite3), reads no domain constant, and the latest schema still takes every value
the domain allows (when the domain moves on, that fails here: add a migration, never edit one)."""

from __future__ import annotations

import ast
import inspect
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from diary.domain.entries import ACTIVITY_MAX_MIN
from diary.domain.regions import REGIONS
from diary.domain.text import NOTE_MAX_CHARS
from diary.storage import migrations
from diary.storage.migrations import LATEST_VERSION, MIGRATIONS

DATA = Path(__file__).resolve().parent.parent / "data"


def schema(connection: sqlite3.Connection) -> list[tuple]:
    return sorted(connection.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))


@pytest.mark.parametrize("version", range(1, LATEST_VERSION + 1))
def test_each_migration_builds_the_schema_its_release_shipped(version):
    released = sqlite3.connect(DATA / f"schema_v{version}.sqlite3")
    today = sqlite3.connect(":memory:")
    for statements in MIGRATIONS[:version]:
        for statement in statements:
            today.execute(statement)
    assert schema(today) == schema(released)


def test_migrations_read_no_domain_constant():
    tree = ast.parse(inspect.getsource(migrations))
    imported = [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    imported += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    assert not [name for name in imported if name and name.startswith("diary")], imported


def test_the_latest_schema_takes_every_value_the_domain_allows(diary):
    assert set(REGIONS) <= set(migrations.REGIONS_V1), "a new region needs a new migration"
    assert NOTE_MAX_CHARS <= migrations.NOTE_MAX_CHARS_V1 and ACTIVITY_MAX_MIN <= migrations.ACTIVITY_MAX_MIN_V1
    saved = diary.log.record(regions=list(REGIONS), note="n" * NOTE_MAX_CHARS, light_min=ACTIVITY_MAX_MIN,
                             recorded_at=datetime(2026, 3, 15, 9).astimezone())
    assert diary.checkins.get(saved.id) == saved


def _region_candidates() -> list:
    """Every released name, and names a bad write could bring: other case, spaces, a prefix, empty, a number."""
    known = list(migrations.REGIONS_V1)
    variants = [name.upper() for name in known] + [f" {name}" for name in known] + [f"{name} " for name in known]
    return known + variants + ["knee", "", "neck_left", "jaw", 7, 1, 0, b"neck", "neck\x00"]


def _takes(connection: sqlite3.Connection, table: str, region) -> bool:
    values = {"checkin_region": ("c1", region, None), "patient_checkin_region": (1, "c1", region, None)}[table]
    try:
        connection.execute("SAVEPOINT probe")
        connection.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(values))})", values)
        return True
    except sqlite3.IntegrityError:
        return False
    finally:
        connection.execute("ROLLBACK TO probe")
        connection.execute("RELEASE probe")


def _schema_at(version: int) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", isolation_level=None)
    connection.execute("PRAGMA foreign_keys=ON")
    for statements in MIGRATIONS[:version]:
        for statement in statements:
            connection.execute(statement)
    connection.execute("INSERT INTO checkin (id, day, recorded_at, updated_at) VALUES ('c1', '2026-03-15', 'x', 'x')")
    connection.execute("INSERT INTO patient (id, label, record_key, signing_key, fingerprint, paired_at) VALUES "
                       "(1, 'p', ?, 'DIARY-SIG1:x', ?, 'x')", ("a" * 64, "b" * 64))
    connection.execute("INSERT INTO patient_checkin (patient_id, id, day, recorded_at) "
                       "VALUES (1, 'c1', '2026-03-15', 'x')")
    return connection


@pytest.mark.parametrize("table", ["checkin_region", "patient_checkin_region"])
def test_v6s_region_rule_takes_exactly_what_the_released_rule_took(table):
    """V6 rewrote `region IN (...)` as a CASE for speed (issue 17, P6): the same names in, the same out."""
    released, rewritten = _schema_at(5), _schema_at(6)
    for region in _region_candidates():
        assert _takes(rewritten, table, region) == _takes(released, table, region), region
    assert [r for r in _region_candidates() if _takes(rewritten, table, r)] == list(migrations.REGIONS_V1)


def test_v6_keeps_every_region_row_and_leaves_version_5_untouched_when_it_fails(tmp_path, monkeypatch):
    """The rebuild runs inside the migration's one transaction: a failure at its last step leaves the
    version-5 file exactly as it was (schema, rows, user_version); the real run keeps every row."""
    from diary.storage import database

    path = tmp_path / "v5.sqlite3"
    path.write_bytes((DATA / "schema_v5.sqlite3").read_bytes())

    def dump(connection):
        return (connection.execute("PRAGMA user_version").fetchone()[0], schema(connection),
                [sorted(connection.execute(f"SELECT * FROM {t}"))
                 for t in ("checkin_region", "patient_checkin_region")])

    with sqlite3.connect(path) as before:
        kept = dump(before)
    assert kept[0] == 5 and all(kept[2])
    monkeypatch.setattr(database, "MIGRATIONS", [*MIGRATIONS[:5], [*MIGRATIONS[5], "SELECT no_such_column FROM meta"]])
    connection = sqlite3.connect(path, isolation_level=None)
    database.apply_pragmas(connection)
    with pytest.raises(sqlite3.OperationalError):
        database.migrate(connection)
    assert dump(connection) == kept
    monkeypatch.setattr(database, "MIGRATIONS", MIGRATIONS)
    assert database.migrate(connection) == LATEST_VERSION == 6
    migrated = dump(connection)
    assert migrated[2] == kept[2]
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    connection.close()
