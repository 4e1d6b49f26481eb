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
