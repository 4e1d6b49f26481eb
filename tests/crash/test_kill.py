"""SIGKILL at random points during a save, a migration, a backup and a restore.

After every kill: the diary opens the way the app opens it, passes PRAGMA integrity_check and
foreign_key_check, and holds every save the child had reported as done (a line in its log). The
default runs (CI) total 220 kills, about 45 s of CPU on two cores; `-m slow` runs ten times as many.
Figures land in test-artifacts/crash-tally.json for the README.

What a SIGKILL does not model: a power cut (the kernel keeps what was written; synchronous=FULL and
the fsyncs in the backup code are what cover that) and a failing disk.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from diary.services.auto_backup import backup_passphrase, list_backups
from diary.services.backup import create_backup, verify_backup
from diary.services.bootstrap import open_diary
from diary.services.demo import fill_demo
from diary.storage.database import DB_FILENAME
from diary.storage.migrations import LATEST_VERSION
from tests.backup_support import PASSPHRASE
from tests.conftest import NOW
from tests.crash.conftest import check_database

DATA = Path(__file__).resolve().parents[1] / "data"
SEED = 20260315


def runs(ci: int) -> list:
    return [pytest.param(ci, id=f"{ci}-runs"), pytest.param(ci * 10, id=f"{ci * 10}-runs", marks=pytest.mark.slow)]


class Expected:
    """What the children reported as saved: check-in id → the pains it may hold now."""

    def __init__(self):
        self.pains: dict[str, set[int]] = {}
        self.reported = 0

    def read(self, lines: list[list[str]]) -> None:
        for word, *rest in lines:
            if word == "add":
                self.pains[rest[0]] = {int(rest[1])}
                self.reported += 1
            elif word == "begin":  # in flight when killed: either value may be stored
                self.pains[rest[0]] = self.pains[rest[0]] | {int(rest[1])}
            elif word == "update":
                self.pains[rest[0]] = {int(rest[1])}
                self.reported += 1

    def lost(self, stored: dict[str, int | None]) -> list[str]:
        """Reported saves missing or holding another value; then the record follows what is stored."""
        missing = [i for i, pains in self.pains.items() if stored.get(i, -1) not in pains]
        for checkin_id in self.pains:
            if checkin_id in stored:
                self.pains[checkin_id] = {stored[checkin_id]}
        return missing


@pytest.mark.parametrize("count", runs(80))
def test_kill_during_saves(fork_server, tally, tmp_path, count):
    rng = random.Random(SEED)
    home, log = tmp_path / "home", tmp_path / "log"
    expected, killed, lost = Expected(), 0, []
    for _ in range(count):
        run = fork_server.run("save", log, kill_after=rng.uniform(0, 0.08), wait_for="ready",
                              home=str(home), seed=rng.randrange(1 << 30))
        assert not run.errors(), run.errors()
        killed += run.killed_at is not None
        expected.read(run.lines)
        lost += expected.lost(check_database(home))
    tally.add("save", runs=count, killed=killed, saves_reported=expected.reported, saves_lost=len(lost))
    assert lost == []
    assert killed == count and expected.reported > count  # every run was killed mid-work, after real saves


@pytest.fixture(scope="module")
def old_diary(tmp_path_factory) -> tuple[Path, list[tuple]]:
    """A schema-1 diary (the released fixture) and its check-in rows."""
    folder = tmp_path_factory.mktemp("v1")
    shutil.copy(DATA / "schema_v1.sqlite3", folder / DB_FILENAME)
    return folder / DB_FILENAME, _rows(folder)


def _rows(home: Path) -> list[tuple]:
    connection = sqlite3.connect(f"file:{home / DB_FILENAME}?mode=ro", uri=True)
    try:
        return (connection.execute("SELECT * FROM checkin ORDER BY id").fetchall()
                + connection.execute("SELECT * FROM checkin_region ORDER BY checkin_id, region").fetchall())
    finally:
        connection.close()


@pytest.mark.parametrize("count", runs(40))
def test_kill_during_a_migration(fork_server, tally, tmp_path, old_diary, count):
    rng = random.Random(SEED + 1)
    template, rows = old_diary
    home, log = tmp_path / "home", tmp_path / "log"
    window = min(_duration(fork_server.run("migrate", log, kill_after=None, wait_for="ready",
                                           home=str(_fresh_copy(template, home)))) for _ in range(3))
    killed = inside = 0
    for _ in range(count):
        _fresh_copy(template, home)
        run = fork_server.run("migrate", log, kill_after=rng.uniform(0, window), wait_for="ready",
                              home=str(home))
        assert not run.errors(), run.errors()
        killed += run.killed_at is not None
        inside += run.killed_at is not None and run.lines[-1][0] == "ready"  # killed inside open_diary
        check_database(home)
        assert _rows(home) == rows
        with sqlite3.connect(home / DB_FILENAME) as connection:
            assert connection.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    tally.add("migration", runs=count, killed=killed, killed_while_migrating=inside, rows_lost=0)
    assert inside >= count // 3  # kills landed while the old diary was being opened and migrated


def _duration(run) -> float:
    """Seconds the child took for its one step (the number after "migrated" or "restored")."""
    assert run.finished, run.errors()
    return float(run.lines[-1][1])


def _fresh_copy(template: Path, home: Path) -> Path:
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(mode=0o700)
    shutil.copy(template, home / DB_FILENAME)
    return home


@pytest.mark.parametrize("count", runs(40))
def test_kill_during_backups(fork_server, tally, tmp_path, count):
    rng = random.Random(SEED + 2)
    home, log = tmp_path / "home", tmp_path / "log"
    seeded = open_diary(home)
    fill_demo(seeded, days=90, seed=5)
    seeded.close()
    expected, killed, lost, reported_backups, verified = Expected(), 0, [], 0, 0
    for hour in range(count):
        run = fork_server.run("backup", log, kill_after=rng.uniform(0, 0.2), wait_for="ready",
                              home=str(home), seed=rng.randrange(1 << 30), hour=hour)
        assert not run.errors(), run.errors()
        killed += run.killed_at is not None
        expected.read(run.lines)
        lost += expected.lost(check_database(home))
        backups = [Path(words[1]) for words in run.lines if words[0] == "backup"]
        reported_backups += len(backups)
        present = [path for _, path in list_backups(home / "backups")]
        if backups:
            assert backups[-1] in present  # the newest reported backup is never rotated away
        for path in present:  # no torn file ever carries a backup's name
            verify_backup(path, backup_passphrase(home))
            verified += 1
    tally.add("backup", runs=count, killed=killed, saves_reported=expected.reported, saves_lost=len(lost),
              backups_reported=reported_backups, backup_files_verified=verified)
    assert lost == []
    assert killed == count and reported_backups > count


@pytest.mark.parametrize("count", runs(30))
def test_kill_during_restores(fork_server, tally, tmp_path, count):
    rng = random.Random(SEED + 3)
    home, log = tmp_path / "home", tmp_path / "log"
    contents, files = [], []
    for seed in (1, 2):
        source = open_diary(tmp_path / f"source{seed}")
        fill_demo(source, days=60, seed=seed)
        contents.append({c.id: c.pain for c in source.checkins.all()})
        source.close()
        files.append(tmp_path / f"backup{seed}.diarybackup")
        create_backup(source.home, files[-1], PASSPHRASE, now=NOW)
    shutil.copytree(tmp_path / "source1", home)
    (home / "backups").mkdir()
    (home / "backups" / "mine.diarybackup").write_bytes(b"the automatic backups stay with the home")
    window = min(_duration(fork_server.run("restore", log, kill_after=None, wait_for="ready", home=str(home),
                                           backup=str(files[n % 2]))) for n in range(3))
    killed = mid_swap = 0
    for run_number in range(count):
        run = fork_server.run("restore", log, kill_after=rng.uniform(0, window), wait_for="ready",
                              home=str(home), backup=str(files[run_number % 2]))
        assert not run.errors(), run.errors()
        killed += run.killed_at is not None
        mid_swap += not home.exists()
        assert check_database(home) in contents  # the old diary or the backup's, whole; never a mix
        assert (home / "backups" / "mine.diarybackup").exists()
    tally.add("restore", runs=count, killed=killed, home_missing_after_kill=mid_swap, finished_restores=count - killed)
    assert killed >= count // 3


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> tuple[Path, list[tuple[Path, int, int]]]:
    """A clinician's home paired with a patient, and 100 of the patient's exports (each a day longer):
    (clinician home, [(file, seq, check-ins in it)])."""
    from tests.services.exchange_fixtures import pair_homes

    folder = tmp_path_factory.mktemp("exchange")
    patient = open_diary(folder / "patient")
    clinic = open_diary(folder / "clinic", role="clinician")
    pair_homes(patient, clinic)
    fill_demo(patient, days=60, seed=7)
    files = []
    for n in range(100):
        patient.log.record(day=patient.log.today() - timedelta(days=n % 60), pain=n % 11)
        summary = patient.exports.export(to=["Physio Berg"], out=folder / f"export-{n:03}.diary", since=None)
        files.append((summary.files[0].path, summary.seq, patient.checkins.count()))
    patient.close()
    clinic.close()
    return folder / "clinic", files


@pytest.mark.parametrize("count", runs(30))
def test_kill_during_imports(fork_server, tally, tmp_path, exports, count):
    rng = random.Random(SEED + 4)
    template, files = exports
    home, log = tmp_path / "clinic", tmp_path / "log"
    shutil.copytree(template, home)
    by_seq = {seq: checkins for _, seq, checkins in files}
    done = 0  # files whose import the children reported
    killed = reported = repeated = 0
    for _ in range(count):
        if done == len(files):  # every export is in: start again from the empty caseload
            shutil.rmtree(home)
            shutil.copytree(template, home)
            done = 0
        remaining = [str(path) for path, _, _ in files[done:]]
        run = fork_server.run("import", log, kill_after=rng.uniform(0, 0.2), wait_for="ready", home=str(home),
                              files=remaining)
        assert not run.errors(), run.errors()
        killed += run.killed_at is not None
        imported = [(int(seq), outcome) for word, seq, outcome in (l for l in run.lines if l[0] == "imported")]
        assert all(outcome in ("imported", "updated", "already_imported") for _, outcome in imported), imported
        repeated += sum(outcome == "already_imported" for _, outcome in imported)
        reported += len(imported)
        done = min(done + len(imported), len(files))
        check_database(home)
        clinic = open_diary(home)
        try:
            [patient] = clinic.caseload.patients()
            if done:
                assert patient.last_seq >= files[done - 1][1]  # every reported import is there
            if patient.last_seq is not None:  # and what is there is one export, whole
                assert len(clinic.caseload.patient_record(patient.label).checkins) == by_seq[patient.last_seq]
        finally:
            clinic.close()
    tally.add("import", runs=count, killed=killed, imports_reported=reported, imports_lost=0,
              reimported_after_kill=repeated)
    # both kinds of run happened (how many imports finish before a kill depends on the machine's load)
    assert killed >= count // 2 and reported > count // 4
