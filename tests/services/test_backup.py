"""Encrypted backups: round trips, every refusal leaving the home untouched, restore safety, automatic backups."""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tarfile
import time
from datetime import timedelta, timezone
from pathlib import Path

import pytest

from diary.services import auto_backup, backup, restore
from diary.services.auto_backup import BackupSettings, back_up_now, backup_due, backup_passphrase
from diary.services.backup import MAGIC, VERSION_LINE, BackupError, create_backup, read_backup, verify_backup
from diary.services.bootstrap import open_diary
from diary.services.demo import fill_demo
from diary.services.restore import database_damaged, database_in_use, restore_backup
from diary.storage.database import DB_FILENAME
from diary.storage.migrations import LATEST_VERSION
from tests.backup_support import PASSPHRASE, use_fast_kdf
from tests.conftest import NOW

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(autouse=True)
def fast_kdf(request, monkeypatch):
    if "real_kdf" not in request.fixturenames:
        use_fast_kdf(monkeypatch)


@pytest.fixture
def real_kdf():
    """Asked for by the tests that keep the real argon2id (about 0.7 s a file)."""


@pytest.fixture
def filled(diary):
    fill_demo(diary, days=60, seed=3)
    diary.meta.set("theme", "dark")
    (diary.home / "exports").mkdir(mode=0o700)  # a visit PDF kept in the data folder (no save dialog)
    (diary.home / "exports" / "visit.pdf").write_bytes(b"%PDF- a visit summary")
    return diary


def tree(folder: Path) -> dict[str, bytes]:
    """Every regular file under `folder` with its bytes (the database read through SQLite's dump)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.endswith(("-wal", "-shm")):
            out[path.relative_to(folder).as_posix()] = path.read_bytes()
    return out


def dump(home: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{home / DB_FILENAME}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def made(filled, tmp_path, name="b.diarybackup", passphrase=PASSPHRASE) -> Path:
    out = tmp_path / name
    create_backup(filled.home, out, passphrase, now=NOW)
    return out


class TestRoundTrip:
    def test_restore_into_a_new_place_gives_back_every_row_file_and_setting(self, filled, tmp_path):
        before = filled.record()
        out = made(filled, tmp_path)
        target = tmp_path / "elsewhere" / "home"
        assert restore_backup(out, PASSPHRASE, target, now=NOW) is None
        restored = open_diary(target, clock=filled.clock)
        try:
            assert restored.record() == before
            assert restored.meta.get("theme") == "dark"
            assert restored.info()["schema_version"] == LATEST_VERSION
        finally:
            restored.close()
        assert (target / "exports" / "visit.pdf").read_bytes() == b"%PDF- a visit summary"
        assert stat.S_IMODE(target.stat().st_mode) == 0o700
        assert stat.S_IMODE((target / DB_FILENAME).stat().st_mode) == 0o600
        assert stat.S_IMODE((target / "exports" / "visit.pdf").stat().st_mode) == 0o600
        assert not list(target.glob(".restore-complete")) and not list(target.parent.glob(".*restoring*"))

    def test_restore_in_place_keeps_the_replaced_home_aside_untouched(self, filled, tmp_path):
        out = made(filled, tmp_path)
        checkin = filled.log.record(day="2026-03-01", pain=9, note="after the backup")
        filled.close()
        before = tree(filled.home)
        aside = restore_backup(out, PASSPHRASE, filled.home, now=NOW)
        assert aside == filled.home.parent / "home.replaced-20260315-193000"
        assert tree(aside) == before
        again = open_diary(filled.home, clock=filled.clock)
        try:
            assert checkin.id not in {c.id for c in again.checkins.all()}
        finally:
            again.close()

    def test_the_manifest_describes_the_backup(self, filled, tmp_path):
        manifest = verify_backup(made(filled, tmp_path), PASSPHRASE)
        assert manifest.created_at == NOW
        assert (manifest.checkins, manifest.days_logged) == (filled.checkins.count(), filled.checkins.days_logged())
        assert manifest.schema_version == LATEST_VERSION
        on_disk = {p.relative_to(filled.home).as_posix() for p in filled.home.rglob("*") if p.is_file()}
        assert {f.name for f in manifest.files} == {n for n in on_disk if not n.endswith(("-wal", "-shm"))}
        assert {DB_FILENAME, "exports/visit.pdf"} <= {f.name for f in manifest.files}

    def test_the_file_is_owner_only_and_starts_with_the_documented_header(self, filled, tmp_path):
        out = made(filled, tmp_path)
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        data = out.read_bytes()
        assert data.startswith(MAGIC + VERSION_LINE + b"argon2id opslimit=3 memlimit=268435456 salt=")
        assert b"Walked" not in data and b"SQLite format" not in data  # nothing readable inside

    def test_real_argon2id_round_trip_and_a_passphrase_typed_differently(self, filled, tmp_path, real_kdf):
        out = made(filled, tmp_path)
        assert verify_backup(out, "Amber-Canoe  fern.glide HARBOR ivory ").checkins == filled.checkins.count()
        with pytest.raises(BackupError, match="passphrase is wrong"):
            verify_backup(out, "amber canoe fern glide harbor ivorx")

    def test_a_snapshot_holds_committed_wal_content_and_no_uncommitted_write(self, diary, tmp_path):
        diary.log.record(day="2026-03-10", pain=3)
        assert (diary.home / f"{DB_FILENAME}-wal").stat().st_size > 0  # committed, not yet checkpointed
        other = sqlite3.connect(diary.home / DB_FILENAME, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("DELETE FROM checkin")  # in flight while the backup is taken
        try:
            manifest = verify_backup(made(diary, tmp_path), PASSPHRASE)
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert manifest.checkins == 1

    def test_a_backup_taken_while_another_process_saves_is_consistent(self, diary, tmp_path):
        writer = subprocess.Popen([sys.executable, "-c", (
            "import sys; from diary.services.bootstrap import open_diary; from pathlib import Path\n"
            "d = open_diary(Path(sys.argv[1]))\n"
            "for i in range(400): d.log.record(day='2026-01-%02d' % (1 + i % 28), pain=i % 11)\n"), str(diary.home)])
        try:
            counts = []
            while writer.poll() is None:
                out = made(diary, tmp_path, f"b{len(counts)}.diarybackup")
                counts.append(verify_backup(out, PASSPHRASE).checkins)
        finally:
            writer.wait(60)
        assert writer.returncode == 0 and len(set(counts)) >= 2
        assert counts == sorted(counts)  # each backup is one moment; never a torn mix

    def test_a_backup_excludes_transient_files_and_the_backups_folder(self, filled, tmp_path):
        for name in ("backups/old.diarybackup", "rescue-1/diary.sqlite3", ".write-test", "x.tmp", "bad name.txt"):
            (filled.home / name).parent.mkdir(exist_ok=True)
            (filled.home / name).write_bytes(b"x")
        names = {f.name for f in verify_backup(made(filled, tmp_path), PASSPHRASE).files}
        assert {DB_FILENAME, "exports/visit.pdf"} <= names
        assert not names & {"backups/old.diarybackup", "rescue-1/diary.sqlite3", ".write-test", "x.tmp", "bad name.txt"}

    def test_refuses_to_overwrite_a_file_that_is_not_a_backup(self, filled, tmp_path):
        precious = tmp_path / "thesis.docx"
        precious.write_bytes(b"my thesis")
        with pytest.raises(BackupError, match="exists and is not a diary backup"):
            create_backup(filled.home, precious, PASSPHRASE, now=NOW)
        assert precious.read_bytes() == b"my thesis"

    def test_no_diary_no_backup(self, tmp_path):
        with pytest.raises(BackupError, match="There is no diary in"):
            create_backup(tmp_path, tmp_path / "b.diarybackup", PASSPHRASE, now=NOW)


class TestRefusals:
    """Each refusal is one sentence, and the home is byte-identical afterwards."""

    @pytest.fixture
    def backup_file(self, filled, tmp_path):
        return made(filled, tmp_path)

    def refused(self, filled, path: Path, passphrase: str, match: str) -> None:
        before = tree(filled.home)
        with pytest.raises(BackupError, match=match) as caught:
            restore_backup(path, passphrase, filled.home, now=NOW)
        assert "nothing was changed" in str(caught.value).lower()
        assert "\n" not in str(caught.value) and "Traceback" not in str(caught.value)
        assert tree(filled.home) == before
        assert not list(filled.home.parent.glob("*replaced*")) and not list(filled.home.parent.glob(".*restoring*"))

    def test_wrong_passphrase(self, filled, backup_file):
        self.refused(filled, backup_file, "amber canoe fern glide harbor ivorx", "passphrase is wrong")

    def test_empty_passphrase(self, filled, backup_file):
        self.refused(filled, backup_file, "  ", "passphrase is empty")

    @pytest.mark.parametrize("keep", [0, 5, 13, 27, 60, 100, 130, -1, -17])
    def test_truncated(self, filled, backup_file, keep, tmp_path):
        data = backup_file.read_bytes()
        cut = tmp_path / "cut.diarybackup"
        cut.write_bytes(data[:keep])
        self.refused(filled, cut, PASSPHRASE, "damaged|not a diary backup|passphrase is wrong")

    @pytest.mark.parametrize("where", [0, 15, 40, 95, 120, 200, -20, -1])
    def test_one_flipped_bit(self, filled, backup_file, where, tmp_path):
        data = bytearray(backup_file.read_bytes())
        data[where] ^= 0x01
        bad = tmp_path / "flipped.diarybackup"
        bad.write_bytes(bytes(data))
        self.refused(filled, bad, PASSPHRASE, "damaged|not a diary backup|passphrase is wrong|unusual")

    def test_one_appended_byte(self, filled, backup_file, tmp_path):
        bad = tmp_path / "longer.diarybackup"
        bad.write_bytes(backup_file.read_bytes() + b"\0")
        self.refused(filled, bad, PASSPHRASE, "passphrase is wrong or the file is damaged")

    def test_kdf_limits_edited_upward_are_refused_before_any_key_is_derived(self, filled, backup_file, tmp_path,
                                                                          monkeypatch):
        monkeypatch.setattr(backup, "derive_key", lambda *a: pytest.fail("a key was derived"))
        bad = tmp_path / "bomb.diarybackup"
        bad.write_bytes(backup_file.read_bytes().replace(b"memlimit=268435456", b"memlimit=968435456"))
        self.refused(filled, bad, PASSPHRASE, "unusual protection settings")

    @pytest.mark.parametrize("content", [b"", b"%PDF-1.7\n...", b"PK\x03\x04zip", b"SQLite format 3\0" + b"\0" * 90])
    def test_not_a_backup(self, filled, tmp_path, content):
        bad = tmp_path / "other.file"
        bad.write_bytes(content)
        self.refused(filled, bad, PASSPHRASE, "not a diary backup")

    def test_a_backup_format_from_a_newer_app(self, filled, backup_file, tmp_path):
        bad = tmp_path / "v2.diarybackup"
        bad.write_bytes(backup_file.read_bytes().replace(b"v1 passphrase", b"v2 passphrase", 1))
        self.refused(filled, bad, PASSPHRASE, "made by a newer version of the app")

    def test_data_from_a_newer_app(self, filled, tmp_path):
        with sqlite3.connect(filled.home / DB_FILENAME) as connection:
            connection.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
        newer = made(filled, tmp_path)
        with sqlite3.connect(filled.home / DB_FILENAME) as connection:
            connection.execute(f"PRAGMA user_version = {LATEST_VERSION}")
        self.refused(filled, newer, PASSPHRASE, f"newer version of the app \\(data version {LATEST_VERSION + 1}")

    def test_missing_file(self, filled, tmp_path):
        self.refused(filled, tmp_path / "nowhere.diarybackup", PASSPHRASE, "Cannot read")


def sealed(members: list[tuple[str, bytes, bytes]], passphrase: str = PASSPHRASE) -> bytes:
    """A well-encrypted file around a hand-made tar: (name, type, data) members."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, kind, data in members:
            info = tarfile.TarInfo(name)
            info.type, info.size = kind, len(data)
            if kind == tarfile.SYMTYPE:
                info.linkname, info.size = "/etc/passwd", 0
            tar.addfile(info, io.BytesIO(data) if kind == tarfile.REGTYPE else None)
    return backup._seal(gzip.compress(buffer.getvalue()), passphrase)


class TestHostileContents:
    """Files that decrypt cleanly (someone knew the passphrase) but are not what the app writes."""

    @pytest.fixture
    def opened(self, filled, tmp_path):
        return read_backup(made(filled, tmp_path), PASSPHRASE)

    def members(self, opened) -> list[tuple[str, bytes, bytes]]:
        return [("manifest.json", tarfile.REGTYPE, opened.manifest.model_dump_json().encode()),
                *[(n, tarfile.REGTYPE, d) for n, d in opened.files.items()]]

    @pytest.mark.parametrize("change", ["path_traversal", "absolute", "symlink", "extra_member", "edited_db",
                                        "no_manifest", "duplicate"])
    def test_refused_as_damaged(self, opened, tmp_path, change):
        members = self.members(opened)
        if change == "path_traversal":
            members.append(("../../evil.txt", tarfile.REGTYPE, b"x"))
        elif change == "absolute":
            members.append(("/etc/evil", tarfile.REGTYPE, b"x"))
        elif change == "symlink":
            members.append(("keys/link", tarfile.SYMTYPE, b""))
        elif change == "extra_member":
            members.append(("exports/unlisted.pdf", tarfile.REGTYPE, b"x"))
        elif change == "edited_db":
            name, kind, data = members[1]
            assert name == DB_FILENAME
            members[1] = (name, kind, data[:5000] + bytes([data[5000] ^ 1]) + data[5001:])
        elif change == "no_manifest":
            members.pop(0)
        elif change == "duplicate":
            members.append(members[-1])
        bad = tmp_path / "hostile.diarybackup"
        bad.write_bytes(sealed(members))
        with pytest.raises(BackupError, match="damaged or cut short"):
            read_backup(bad, PASSPHRASE)

    def test_an_unreadable_database_inside_is_refused(self, opened, tmp_path):
        garbage = b"SQLite format 3\0" + os.urandom(4000)
        manifest = opened.manifest.model_copy(update={"files": (backup.ManifestFile(
            name=DB_FILENAME, size=len(garbage), sha256=hashlib.sha256(garbage).hexdigest()),)})
        bad = tmp_path / "garbage.diarybackup"
        bad.write_bytes(sealed([("manifest.json", tarfile.REGTYPE, manifest.model_dump_json().encode()),
                                (DB_FILENAME, tarfile.REGTYPE, garbage)]))
        with pytest.raises(BackupError, match="damaged or cut short"):
            read_backup(bad, PASSPHRASE)

    def test_a_compression_bomb_stops_at_the_cap(self, opened, tmp_path, monkeypatch):
        monkeypatch.setattr(backup, "MAX_UNPACKED_BYTES", 1 << 20)
        bad = tmp_path / "bomb.diarybackup"
        bad.write_bytes(backup._seal(gzip.compress(b"\0" * (8 << 20)), PASSPHRASE))
        with pytest.raises(BackupError, match="damaged or cut short"):
            read_backup(bad, PASSPHRASE)


class TestRestoreSafety:
    def test_an_older_backup_restores_then_migrates_with_every_row(self, tmp_path, clock):
        old_home = tmp_path / "old"
        old_home.mkdir()
        shutil.copy(DATA / "schema_v1.sqlite3", old_home / DB_FILENAME)
        out = tmp_path / "v1.diarybackup"
        assert create_backup(old_home, out, PASSPHRASE, now=NOW).manifest.schema_version == 1
        restore_backup(out, PASSPHRASE, tmp_path / "home", now=NOW)
        restored = open_diary(tmp_path / "home", clock=clock)
        try:
            assert restored.info()["schema_version"] == LATEST_VERSION
            expected = __import__("json").loads((DATA / "schema_v1.json").read_text())["checkins"]
            assert sorted(c.id for c in restored.checkins.all()) == sorted(c["id"] for c in expected)
        finally:
            restored.close()

    def test_refused_while_another_process_has_the_diary_open(self, filled, tmp_path):
        out = made(filled, tmp_path)
        holder = subprocess.Popen([sys.executable, "-c", (
            "import sys, sqlite3, time; c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA journal_mode=WAL');"
            "c.execute('SELECT 1 FROM checkin').fetchall(); print('ready', flush=True); time.sleep(60)"),
            str(filled.home / DB_FILENAME)], stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout.readline().strip() == "ready"
            assert database_in_use(filled.home)
            before = tree(filled.home)
            with pytest.raises(BackupError, match="open in the app. Close the app"):
                restore_backup(out, PASSPHRASE, filled.home, now=NOW)
            assert tree(filled.home) == before
        finally:
            holder.kill()
            holder.wait()
        assert not database_in_use(filled.home)

    def test_a_full_disk_while_staging_leaves_the_home_untouched(self, filled, tmp_path, monkeypatch):
        out = made(filled, tmp_path)
        before = tree(filled.home)
        def full(fd):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", full)
        with pytest.raises(BackupError, match="is full, so the restore was stopped"):
            restore_backup(out, PASSPHRASE, filled.home, now=NOW)
        assert tree(filled.home) == before
        assert sorted(p.name for p in filled.home.parent.iterdir()) == ["b.diarybackup", "home"]

    def test_a_crash_between_the_two_renames_is_finished_at_the_next_start(self, filled, tmp_path, clock):
        """The state a SIGKILL between the renames leaves: no home, a complete staged folder, the old home aside."""
        out = made(filled, tmp_path)
        (filled.home / "backups").mkdir()
        (filled.home / "backups" / "auto.diarybackup").write_bytes(b"kept")
        expected = filled.record()
        filled.close()
        staged = tmp_path / "staged"
        restore_backup(out, PASSPHRASE, staged, now=NOW)
        (staged / ".restore-complete").write_bytes(b"")
        os.rename(filled.home, tmp_path / "home.replaced-20260315-193000")
        os.rename(staged, tmp_path / ".home.restoring-20260315-193000")
        again = open_diary(filled.home, clock=clock)
        try:
            assert again.record() == expected
        finally:
            again.close()
        assert (filled.home / "backups" / "auto.diarybackup").read_bytes() == b"kept"
        assert not (filled.home / ".restore-complete").exists()

    def test_the_automatic_backups_folder_stays_with_the_home(self, filled, tmp_path):
        out = made(filled, tmp_path)
        (filled.home / "backups").mkdir()
        (filled.home / "backups" / "auto.diarybackup").write_bytes(b"kept")
        aside = restore_backup(out, PASSPHRASE, filled.home, now=NOW)
        assert (filled.home / "backups" / "auto.diarybackup").read_bytes() == b"kept"
        assert not (aside / "backups").exists()

    def test_restore_into_the_running_app_reconnects_its_engine(self, filled, tmp_path):
        out = made(filled, tmp_path)
        filled.log.record(day="2026-03-02", pain=9, note="later")
        count = filled.checkins.count()
        restore.restore_open_diary(filled, read_backup(out, PASSPHRASE))
        assert filled.checkins.count() == count - 1
        filled.log.record(day="2026-03-03", pain=2)  # saves go to the restored file
        assert filled.checkins.count() == count


class TestDamagedDatabase:
    def test_damage_is_detected_read_only_and_the_file_can_be_set_aside_intact(self, diary, tmp_path):
        diary.log.record(pain=4)
        diary.close()
        path = diary.home / DB_FILENAME
        assert not database_damaged(diary.home)
        data = bytearray(path.read_bytes())
        data[100:4096] = os.urandom(3996)
        path.write_bytes(bytes(data))
        assert database_damaged(diary.home)
        assert path.read_bytes() == bytes(data)
        rescue = restore.rescue_corrupt_database(diary.home, now=NOW)
        assert (rescue / DB_FILENAME).read_bytes() == bytes(data)
        assert not path.exists()

    def test_garbage_and_missing_files(self, tmp_path):
        assert not database_damaged(tmp_path)
        (tmp_path / DB_FILENAME).write_bytes(b"this is not a database at all" * 200)
        assert database_damaged(tmp_path)


class TestAutomaticBackups:
    def test_due_once_per_local_day(self):
        assert backup_due(None, NOW)
        assert not backup_due(NOW - timedelta(hours=19), NOW)  # 00:30 today
        assert backup_due(NOW - timedelta(hours=20), NOW)  # 23:30 yesterday
        assert not backup_due(NOW + timedelta(minutes=30), NOW)
        assert backup_due(NOW + timedelta(days=2), NOW)  # the clock went back

    def test_a_daily_backup_keeps_the_newest_n(self, filled):
        auto_backup.save_settings(filled.home, BackupSettings(keep=3))
        made_paths = []
        for day in range(5):
            info = auto_backup.auto_backup_if_due(filled.home, now=NOW + timedelta(days=day))
            assert info is not None
            assert auto_backup.auto_backup_if_due(filled.home, now=NOW + timedelta(days=day, hours=1)) is None
            made_paths.append(info.path)
        folder = filled.home / "backups"
        assert [p for _, p in auto_backup.list_backups(folder)] == made_paths[-3:]
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        status = auto_backup.status(filled.home)
        newest = (NOW + timedelta(days=4)).astimezone(timezone.utc)
        assert (status.count, status.last_backup, status.last_error) == (3, newest, None)
        assert verify_backup(made_paths[-1], backup_passphrase(filled.home)).checkins == filled.checkins.count()

    def test_off_means_off(self, filled):
        auto_backup.save_settings(filled.home, BackupSettings(enabled=False))
        assert auto_backup.auto_backup_if_due(filled.home, now=NOW) is None
        assert not (filled.home / "backups").exists()

    def test_a_chosen_folder(self, filled, tmp_path):
        folder = tmp_path / "usb"
        folder.mkdir()
        auto_backup.save_settings(filled.home, BackupSettings(folder=str(folder)))
        assert auto_backup.auto_backup_if_due(filled.home, now=NOW).path.parent == folder

    def test_a_folder_that_does_not_exist_is_refused_and_settings_kept(self, filled, tmp_path):
        with pytest.raises(BackupError, match="does not exist; type the full path"):
            auto_backup.save_settings(filled.home, BackupSettings(folder=str(tmp_path / "nope")))
        assert auto_backup.load_settings(filled.home) == BackupSettings()

    def test_a_failed_backup_keeps_the_older_ones_and_says_why(self, filled, monkeypatch):
        first = auto_backup.auto_backup_if_due(filled.home, now=NOW).path
        kept = first.read_bytes()

        def full(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", full)
        with pytest.raises(BackupError, match="is full, so the backup was not written"):
            auto_backup.auto_backup_if_due(filled.home, now=NOW + timedelta(days=1))
        assert first.read_bytes() == kept
        assert sorted(p.name for p in first.parent.iterdir()) == [first.name]  # no partial file left
        assert "is full" in auto_backup.status(filled.home).last_error

    def test_stale_temporary_files_are_swept(self, filled):
        folder = filled.home / "backups"
        folder.mkdir()
        stale = folder / ".diary-backup-20260101T000000Z.diarybackup.1234abcd.tmp"
        stale.write_bytes(b"partial")
        os.utime(stale, (time.time() - 7200,) * 2)
        back_up_now(filled.home, now=NOW)
        assert not stale.exists()

    def test_the_passphrase_is_made_once_owner_only(self, diary):
        words = backup_passphrase(diary.home)
        assert len(words.split()) >= 6 and backup_passphrase(diary.home) == words
        assert stat.S_IMODE((diary.home / "backup-key").stat().st_mode) == 0o600
        assert not list(diary.home.glob(".backup-key*"))

    def test_the_background_thread_backs_up_once(self, filled):
        runner = auto_backup.start_auto_backups(filled.home, lambda: NOW, every=0.05, delay=0)
        try:
            assert auto_backup.start_auto_backups(filled.home, lambda: NOW) is None  # once per home
            deadline = time.monotonic() + 10
            while not auto_backup.list_backups(filled.home / "backups") and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(0.2)
            assert runner.thread.is_alive() and len(auto_backup.list_backups(filled.home / "backups")) == 1
        finally:
            runner.stop()
        assert not runner.thread.is_alive()


class TestCommandLine:
    """`diary backup` and `diary restore`, through diary.cli.main as a user runs them."""

    def run(self, capsys, *argv) -> tuple[int, str, str]:
        from diary.cli import main

        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    @pytest.fixture
    def home(self, filled):
        filled.close()
        return filled.home

    @pytest.fixture
    def words(self, tmp_path) -> Path:
        path = tmp_path / "words.txt"
        path.write_text(PASSPHRASE + "\n")
        return path

    @pytest.fixture
    def no_terminal(self, monkeypatch):
        monkeypatch.setattr(sys, "stdin", io.StringIO(""))

    @pytest.mark.parametrize("command", ["backup", "restore"])
    def test_help(self, capsys, command):
        from diary.cli import main

        with pytest.raises(SystemExit) as exit_:
            main([command, "--help"])
        assert exit_.value.code == 0 and "--passphrase-file" in capsys.readouterr().out

    def test_backup_prints_a_new_passphrase_once_and_it_opens_the_file(self, capsys, home, tmp_path):
        code, out, _ = self.run(capsys, "--home", str(home), "backup", "--out", str(tmp_path / "b.diarybackup"))
        assert code == 0 and "days logged" in out
        words = out.strip().splitlines()[-1].strip()
        assert len(words.split()) == 6
        assert verify_backup(tmp_path / "b.diarybackup", words).checkins > 0

    def test_backup_then_restore_with_yes_keeps_the_old_home(self, capsys, home, words, tmp_path, no_terminal):
        out_file = tmp_path / "b.diarybackup"
        assert self.run(capsys, "--home", str(home), "backup", "--out", str(out_file),
                        "--passphrase-file", str(words))[0] == 0
        code, out, _ = self.run(capsys, "--home", str(home), "restore", str(out_file), "--passphrase-file",
                                str(words), "--yes")
        assert code == 0 and out.startswith("Restored the backup from ") and "days logged" in out
        [aside] = tmp_path.glob("home.replaced-*")
        assert f"kept in {aside}" in out

    def test_restore_without_a_terminal_and_without_yes_changes_nothing(self, capsys, home, words, tmp_path,
                                                                       no_terminal):
        out_file = made_from(home, tmp_path)
        before = tree(home)
        code, _, err = self.run(capsys, "--home", str(home), "restore", str(out_file), "--passphrase-file", str(words))
        assert code == 2 and err.startswith("diary: Restoring would replace the diary") and err.count("\n") == 1
        assert tree(home) == before

    def test_a_declined_confirmation_changes_nothing(self, capsys, home, words, tmp_path, monkeypatch):
        out_file = made_from(home, tmp_path)
        before = tree(home)
        monkeypatch.setattr(sys, "stdin", type("Tty", (io.StringIO,), {"isatty": lambda self: True})("n\n"))
        code, out, _ = self.run(capsys, "--home", str(home), "restore", str(out_file), "--passphrase-file", str(words))
        assert code == 1 and out.strip().endswith("Nothing was changed.")
        assert tree(home) == before

    def test_a_wrong_passphrase_is_one_sentence_and_exit_2(self, capsys, home, tmp_path, no_terminal):
        out_file = made_from(home, tmp_path)
        wrong = tmp_path / "wrong.txt"
        wrong.write_text("not the right words at all\n")
        code, _, err = self.run(capsys, "--home", str(home), "restore", str(out_file), "--passphrase-file",
                                str(wrong), "--yes")
        assert code == 2 and err.startswith("diary: The passphrase is wrong") and err.count("\n") == 1

    def test_restore_needs_a_passphrase_without_a_terminal(self, capsys, home, tmp_path, no_terminal):
        code, _, err = self.run(capsys, "--home", str(home), "restore", str(made_from(home, tmp_path)), "--yes")
        assert code == 2 and "--passphrase-file F" in err

    def test_an_automatic_backup_opens_with_the_homes_key_file(self, capsys, home, tmp_path, no_terminal):
        info = back_up_now(home, now=NOW)
        target = tmp_path / "new-device"
        code, out, _ = self.run(capsys, "--home", str(target), "restore", str(info.path), "--passphrase-file",
                                str(home / "backup-key"))
        assert code == 0 and "kept in" not in out
        assert (target / DB_FILENAME).exists()

    def test_a_passphrase_file_with_two_lines_is_refused(self, capsys, home, tmp_path):
        bad = tmp_path / "two.txt"
        bad.write_text("one two\nthree four\n")
        code, _, err = self.run(capsys, "--home", str(home), "backup", "--out", str(tmp_path / "b"),
                                "--passphrase-file", str(bad))
        assert code == 2 and "on one line" in err and not (tmp_path / "b").exists()


def made_from(home: Path, tmp_path: Path) -> Path:
    out = tmp_path / "cli.diarybackup"
    create_backup(home, out, PASSPHRASE, now=NOW)
    return out
