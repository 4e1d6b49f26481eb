"""The database file: pragmas, permissions, CHECK constraints, migrations and damaged files."""

import json
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from diary.services.bootstrap import open_diary
from diary.storage.database import DB_FILENAME, DatabaseUnusable, open_engine
from diary.storage.migrations import LATEST_VERSION

DATA = Path(__file__).resolve().parents[1] / "data"


def raw(home: Path) -> sqlite3.Connection:
    return sqlite3.connect(home / DB_FILENAME)


class TestPragmasAndPermissions:
    def test_wal_full_sync_foreign_keys(self, diary):
        with diary.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1

    def test_home_and_database_are_owner_only(self, diary):
        assert stat.S_IMODE(diary.home.stat().st_mode) == 0o700
        for path in diary.home.iterdir():
            assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path

    def test_database_is_at_latest_schema(self, diary):
        assert diary.info()["schema_version"] == LATEST_VERSION


class TestCheckConstraints:
    """The database refuses what the domain refuses, whatever path tries to write it."""

    @pytest.mark.parametrize("column,value", [
        ("pain", 11), ("pain", -1), ("pain", 7.5), ("pain", "seven"), ("stress", 11),
        ("moderate_min", 10**6), ("sleep_hours", 25), ("day", "2026-13-45x"),
    ])
    def test_out_of_range_values_are_refused(self, diary, column, value):
        diary.log.record(pain=3)
        with raw(diary.home) as conn, pytest.raises(sqlite3.IntegrityError):
            conn.execute(f"UPDATE checkin SET {column} = ?", (value,))

    def test_unknown_region_and_orphan_regions_are_refused(self, diary):
        c = diary.log.record(pain=3)
        with raw(diary.home) as conn:
            conn.execute("PRAGMA foreign_keys=ON")
            with pytest.raises(sqlite3.IntegrityError):
                conn.execute("INSERT INTO checkin_region VALUES (?, 'knee', NULL)", (c.id,))
            with pytest.raises(sqlite3.IntegrityError):
                conn.execute("INSERT INTO checkin_region VALUES ('nope', 'neck', NULL)")

    def test_note_length_is_capped(self, diary):
        diary.log.record(pain=3)
        with raw(diary.home) as conn, pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE checkin SET note = ?", ("x" * 2001,))


def _relabel_weekly_phq15(expected: dict) -> None:
    """Issue 15: the app has always asked PHQ-15 with a 7-day recall, but stored (and exported) it under the
    native 4-week version until then; reads now say what was asked. Every other value is read as stored."""
    from diary.domain.questionnaires import app_version

    def relabel(node):
        if isinstance(node, dict):
            if node.get("instrument_id") == "phq15" and isinstance(node.get("version"), str):
                node["version"] = app_version("phq15", node["version"])
            for value in node.values():
                relabel(value)
        elif isinstance(node, list):
            for value in node:
                relabel(value)

    relabel(expected)


class TestMigrations:
    @pytest.mark.parametrize("version", range(1, LATEST_VERSION + 1))
    def test_every_released_schema_upgrades_with_every_row_intact(self, tmp_path, version):
        home = tmp_path / "home"
        home.mkdir()
        shutil.copyfile(DATA / f"schema_v{version}.sqlite3", home / DB_FILENAME)
        expected = json.loads((DATA / f"schema_v{version}.json").read_text())
        diary = open_diary(home)
        assert diary.info()["schema_version"] == LATEST_VERSION
        got = [json.loads(c.model_dump_json()) for c in diary.checkins.all()]
        assert got == expected["checkins"]
        for key, value in expected["meta"].items():
            assert diary.meta.get(key) == value
        stored = {
            "goals": [json.loads(g.model_dump_json()) for g in diary.goals._repo.goals()],
            "ratings": [json.loads(r.model_dump_json()) for r in diary.goals._repo.ratings()],
            "activities": [json.loads(a.model_dump_json()) for a in diary.goals.activities()],
        }
        if version >= 3:
            from tests.data.make_schema_fixture import _response_json

            stored["questionnaires"] = [_response_json(r) for r in diary.questionnaires._repo.responses()]
            stored["schedule"] = {k: list(v) for k, v in diary.questionnaires._repo.schedule().items()}
        if version >= 4:
            from tests.data.make_schema_fixture import exchange_rows

            stored |= exchange_rows(diary)
        _relabel_weekly_phq15(expected)
        for table, rows in stored.items():
            assert rows == expected.get(table, []), table
        with raw(home) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []

    def test_the_phone_apps_first_release_opens_on_the_desktop_with_every_row_intact(self):
        """tests/data/phone_release_1.sqlite3: the file as the phone app's first release wrote it in IndexedDB
        (tests/data/make_phone_fixture.py); tests/e2e/pwa/test_released_data.py opens it on the phone."""
        from tests.data.make_phone_fixture import rows_of

        rows = rows_of(DATA / "phone_release_1.sqlite3")
        assert rows.pop("user_version") == LATEST_VERSION
        rows.pop("schema")
        assert rows == json.loads((DATA / "phone_release_1.json").read_text())

    def test_a_database_from_a_newer_app_is_refused_untouched(self, tmp_path):
        home = tmp_path / "home"
        home.mkdir()
        with sqlite3.connect(home / DB_FILENAME) as conn:
            conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
        before = (home / DB_FILENAME).read_bytes()
        with pytest.raises(DatabaseUnusable, match="newer version of the app"):
            open_engine(home)
        assert (home / DB_FILENAME).read_bytes() == before

    def test_a_damaged_file_is_reported_and_kept_as_it_is(self, tmp_path):
        home = tmp_path / "home"
        home.mkdir()
        (home / DB_FILENAME).write_bytes(b"this is not a database" * 200)
        before = (home / DB_FILENAME).read_bytes()
        with pytest.raises(DatabaseUnusable, match="damaged"):
            open_engine(home)
        assert (home / DB_FILENAME).read_bytes() == before
