"""Faults other than a kill: a full disk during a save, a backup and an export; the database locked by
another process; two tabs saving at once; a damaged diary file at start.

Every case ends the same way: one plain sentence for the user, nothing half-written, earlier data intact.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

import diary.storage.database as database
from diary.domain.errors import DiaryError
from diary.services.auto_backup import back_up_now
from diary.services.backup import BackupError, create_backup
from diary.services.bootstrap import open_diary
from diary.storage.database import DB_FILENAME, DatabaseUnusable
from diary.ui.screens.today import save_form
from diary.ui.state.checkin_form import CheckInForm, form_for
from tests.backup_support import PASSPHRASE
from tests.conftest import NOW

ROOT = Path(__file__).resolve().parents[2]
FULL = "The device is full, so nothing was saved. Free some space and save again; your earlier entries are safe."
BUSY = "The diary is busy in another window. Wait a moment and save again; nothing was lost."


def integrity(home: Path) -> str:
    connection = sqlite3.connect(f"file:{home / DB_FILENAME}?mode=ro", uri=True)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def new_form(diary, **scales) -> CheckInForm:
    return CheckInForm(day=diary.log.today(), scales=scales, note="x" * 1500)


@pytest.fixture(scope="module")
def really_full(tmp_path_factory) -> dict:
    """A 1 MiB tmpfs in a private mount namespace (`unshare -rm`): saves until full, then a backup and an
    export into it. Skipped where unprivileged mounts are not allowed."""
    if shutil.which("unshare") is None or subprocess.run(
            ["unshare", "-rm", "true"], capture_output=True).returncode != 0:
        pytest.skip("unshare -rm (a private mount namespace) is not allowed here")
    mount = tmp_path_factory.mktemp("small")
    script = textwrap.dedent(f"""
        import json, os, sqlite3
        from pathlib import Path
        from tests.backup_support import use_fast_kdf
        from diary.services.bootstrap import open_diary
        from diary.services.backup import create_backup
        from diary.domain.errors import DiaryError
        from diary.ui.screens.today import save_form
        from diary.ui.state.checkin_form import CheckInForm
        import diary.services.backup as backup_module
        from tests.backup_support import fast_derive_key
        backup_module.derive_key = fast_derive_key
        home = Path({str(mount)!r}) / "home"
        diary = open_diary(home)
        saved, error = [], None
        while error is None:
            checkin, error = save_form(diary.log, CheckInForm(day=diary.log.today(), scales={{"pain": 5}},
                                                              note="x" * 1900))
            if checkin:
                saved.append(checkin.id)
        out = {{"saved": saved, "save_error": error}}
        for name, action in (("backup", lambda: create_backup(home, home.parent / "b.diarybackup", "amber canoe fern kite lamp oak",
                                                               now=diary.clock())),
                             ("export", lambda: diary.exports.export(out=home.parent / "e.diary", passphrase=True))):
            try:
                action()
                out[name] = None
            except DiaryError as exc:
                out[name] = str(exc)
            except Exception as exc:  # not a sentence: the test reports it
                out[name] = "RAW " + type(exc).__name__
        diary.close()
        again = open_diary(home)
        out["stored"] = [c.id for c in again.checkins.all()]
        again.close()
        con = sqlite3.connect(home / "diary.sqlite3")
        out["integrity"] = con.execute("PRAGMA integrity_check").fetchone()[0]
        out["left"] = sorted(p.name for p in home.parent.iterdir())
        print(json.dumps(out))
    """)
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c", f'mount -t tmpfs -o size=1m tmpfs "{mount}" && exec "$0" -c "$1"',
         sys.executable, script], cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


class TestFullDisk:
    def test_a_save_on_a_full_database_is_one_sentence_and_nothing_half_written(self, tmp_path, clock, monkeypatch):
        """SQLite's own "database or disk is full" (SQLITE_FULL), reached with PRAGMA max_page_count."""
        home = tmp_path / "home"
        first = open_diary(home, clock=clock)
        before = first.log.record(pain=2, note="before the disk filled")
        pages = first.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()
        first.close()
        monkeypatch.setattr(database, "PRAGMAS", (*database.PRAGMAS, f"PRAGMA max_page_count={pages + 3}"))
        diary = open_diary(home, clock=clock)
        saved, errors = [], []
        while not errors:
            checkin, error = save_form(diary.log, new_form(diary, pain=5))
            saved += [checkin.id] if checkin else []
            errors += [error] if error else []
        assert errors == [FULL] and saved
        assert {c.id for c in diary.checkins.all()} == {before.id, *saved}  # the failed save left no row
        diary.close()
        monkeypatch.setattr(database, "PRAGMAS", database.PRAGMAS[:-1])
        again = open_diary(home, clock=clock)
        try:
            assert {c.id for c in again.checkins.all()} == {before.id, *saved}
            assert again.log.record(pain=3).pain == 3  # space freed: saving works again
        finally:
            again.close()
        assert integrity(home) == "ok"

    def test_a_backup_on_a_full_disk_leaves_no_partial_file(self, diary, tmp_path, monkeypatch):
        diary.log.record(pain=4)
        earlier = back_up_now(diary.home, now=NOW)
        kept = earlier.path.read_bytes()

        def full(fd):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", full)
        with pytest.raises(BackupError, match=r"is full, so the backup was not written\. Free some space"):
            create_backup(diary.home, tmp_path / "b.diarybackup", PASSPHRASE, now=NOW)
        assert list(tmp_path.glob("*b.diarybackup*")) == []
        assert earlier.path.read_bytes() == kept

    def test_an_export_on_a_full_disk_leaves_no_partial_file(self, diary, tmp_path, monkeypatch):
        diary.log.record(pain=4)
        exports = diary.exports

        def full(fd):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", full)
        with pytest.raises(DiaryError, match="full") as caught:
            exports.export(out=tmp_path / "export.diary", passphrase=True)
        assert "\n" not in str(caught.value) and "Errno" not in str(caught.value)
        assert list(tmp_path.iterdir()) == [diary.home]  # no partial export, no temporary file

    def test_a_really_full_file_system_save_and_backup(self, really_full):
        out = really_full
        assert out["save_error"] == FULL and len(out["saved"]) > 10
        assert set(out["stored"]) == set(out["saved"])  # every reported save is there; the failed one left no row
        assert out["integrity"] == "ok"
        assert out["backup"].startswith("The device holding ")
        assert "is full, so the backup was not written" in out["backup"]
        assert out["left"] == ["home"]  # no partial backup or export file, no temporary file

    def test_a_really_full_file_system_export(self, really_full):
        assert not really_full["export"].startswith("RAW ") and "full" in really_full["export"]


class TestLocked:
    def hold_lock(self, home: Path, seconds: float) -> subprocess.Popen:
        """Another process that takes the write lock (BEGIN IMMEDIATE) and keeps it for `seconds`."""
        holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
            import sqlite3, sys, time
            c = sqlite3.connect({str(home / DB_FILENAME)!r}, isolation_level=None)
            c.execute("BEGIN IMMEDIATE")
            print("locked", flush=True)
            time.sleep({seconds})
            c.execute("COMMIT")
        """)], stdout=subprocess.PIPE, text=True)
        assert holder.stdout.readline().strip() == "locked"
        return holder

    def test_a_short_lock_is_waited_out_and_the_save_goes_through(self, diary):
        holder = self.hold_lock(diary.home, 1.0)
        try:
            started = time.monotonic()
            checkin, error = save_form(diary.log, new_form(diary, pain=6))
            waited = time.monotonic() - started
        finally:
            holder.wait(10)
        assert error is None and waited > 0.5
        assert diary.checkins.get(checkin.id).pain == 6

    def test_a_long_lock_is_one_sentence_and_a_retry_saves(self, tmp_path, clock, monkeypatch):
        monkeypatch.setattr(database, "PRAGMAS", (*database.PRAGMAS, "PRAGMA busy_timeout=300"))
        diary = open_diary(tmp_path / "home", clock=clock)
        try:
            diary.log.record(pain=1)
            holder = self.hold_lock(diary.home, 2.0)
            try:
                checkin, error = save_form(diary.log, new_form(diary, pain=6))
                assert (checkin, error) == (None, BUSY)
                assert diary.checkins.count() == 1
            finally:
                holder.wait(10)
            checkin, error = save_form(diary.log, new_form(diary, pain=6))  # the user taps Save again
            assert error is None and diary.checkins.count() == 2
        finally:
            diary.close()

    def test_two_tabs_saving_at_the_same_moment_lose_nothing(self, diary):
        """Two browser tabs share one open diary; each save is its own BEGIN IMMEDIATE transaction."""
        results: list = []
        barrier = threading.Barrier(2)

        def tab(pain: int) -> None:
            barrier.wait()
            for _ in range(40):
                results.append(save_form(diary.log, new_form(diary, pain=pain)))

        threads = [threading.Thread(target=tab, args=(p,)) for p in (3, 7)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert [error for _, error in results if error] == []
        stored = diary.log.checkins_on(diary.log.today())
        assert len(stored) == 80 and sum(not c.extra for c in stored) == 1  # exactly one "first" check-in

    def test_the_app_and_the_command_line_saving_at_once_lose_nothing(self, diary):
        command = [sys.executable, "-c", textwrap.dedent(f"""
            from pathlib import Path
            from diary.services.bootstrap import open_diary
            d = open_diary(Path({str(diary.home)!r}))
            for i in range(60):
                d.log.record(day="2026-03-01", pain=i % 11)
        """)]
        other = subprocess.Popen(command, cwd=ROOT)
        mine = [save_form(diary.log, new_form(diary, pain=4)) for _ in range(60)]
        assert other.wait(60) == 0
        assert [error for _, error in mine if error] == []
        assert diary.checkins.count() == 120

    def test_two_tabs_correcting_different_answers_of_one_check_in_keep_both(self, diary):
        checkin = diary.log.record(pain=3, fatigue=5)
        tab_a, tab_b = form_for(checkin), form_for(checkin)  # both tabs show the same saved check-in
        assert save_form(diary.log, tab_a.with_scale("pain", 8))[1] is None
        assert save_form(diary.log, tab_b.with_scale("stress", 2))[1] is None
        stored = diary.checkins.get(checkin.id)
        assert (stored.pain, stored.fatigue, stored.stress) == (8, 5, 2)


class TestDamagedAtStart:
    def test_the_app_refuses_to_open_it_and_never_changes_it(self, diary):
        diary.log.record(pain=5)
        diary.close()
        path = diary.home / DB_FILENAME
        data = bytearray(path.read_bytes())
        data[0:16] = b"not a database!!"
        path.write_bytes(bytes(data))
        for _ in range(2):
            with pytest.raises(DatabaseUnusable, match="damaged"):
                open_diary(diary.home)
        assert path.read_bytes() == bytes(data)
