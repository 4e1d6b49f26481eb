"""A fork server for the kill tests: `python -m tests.crash.worker`, one command a line on stdin.

Starting Python with the app imported costs about half a second, too much for hundreds of kills on
two cores; this process imports everything once and forks a fresh child per run (milliseconds). The
child is a real separate process: the test SIGKILLs it by pid, exactly as the OS would kill the app.

Protocol (JSON lines): the test sends {"scenario", "home", "log", "seed", ...}; the server forks, runs the
scenario in the child and answers {"pid": n}. The test kills the child (or lets it finish), then sends
"reap"; the server waits for the child and answers {"status": s}. The pid is never reused before that,
because an unreaped child stays a zombie.

Children report progress by appending lines to the "log" file with os.write right after each step
returns (a save committed, a backup written, ...): a killed process loses nothing it already wrote to
the kernel, so a line in the log means "the app reported this as done".
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

from diary.domain.regions import REGIONS
from diary.services.auto_backup import BackupSettings, back_up_now, save_settings
from diary.services.bootstrap import local_now, open_diary
from diary.services.restore import restore_backup
from tests.backup_support import PASSPHRASE, fast_derive_key

import diary.services.backup  # noqa: E402  (the KDF is swapped below, before any fork)

diary.services.backup.derive_key = fast_derive_key  # the kill tests are about files and SQLite, not argon2id


class Log:
    def __init__(self, path: str):
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def __call__(self, *words) -> None:
        os.write(self.fd, (" ".join(map(str, words)) + "\n").encode())


def _random_checkin(rng: random.Random, today) -> dict:
    fields = {"day": today - timedelta(days=rng.randrange(0, 90)), "pain": rng.randrange(0, 11)}
    if rng.random() < 0.5:
        fields["regions"] = rng.sample(REGIONS, rng.randrange(1, 5))
    if rng.random() < 0.3:
        fields["note"] = "note " + "x" * rng.randrange(0, 1500)
    return fields


def save(args: dict, log: Log) -> None:
    """Save check-ins and correct them, for ever: "add ID PAIN" / "begin ID PAIN" + "update ID PAIN"."""
    rng = random.Random(args["seed"])
    diary = open_diary(Path(args["home"]))
    log("ready")
    mine: list[str] = []
    while True:
        if mine and rng.random() < 0.3:
            checkin_id, pain = rng.choice(mine), rng.randrange(0, 11)
            log("begin", checkin_id, pain)
            diary.log.update(checkin_id, pain=pain)
            log("update", checkin_id, pain)
        else:
            fields = _random_checkin(rng, diary.log.today())
            saved = diary.log.record(**fields)
            mine.append(saved.id)
            log("add", saved.id, saved.pain)


def migrate(args: dict, log: Log) -> None:
    """Open an old diary, which migrates it; "migrated SECONDS" once it is open."""
    log("ready")
    started = time.perf_counter()
    diary = open_diary(Path(args["home"]))
    log("migrated", time.perf_counter() - started)
    diary.close()


def backup(args: dict, log: Log) -> None:
    """Alternate saves and automatic-style backups (keep 3): "add ID PAIN" / "backup PATH SECONDS"."""
    rng = random.Random(args["seed"])
    home = Path(args["home"])
    diary = open_diary(home)
    save_settings(home, BackupSettings(keep=3))
    log("ready")
    now = diary.clock() + timedelta(hours=args["hour"])  # each run an hour on, so names keep increasing
    while True:
        for _ in range(rng.randrange(0, 4)):
            saved = diary.log.record(**_random_checkin(rng, diary.log.today()))
            log("add", saved.id, saved.pain)
        now += timedelta(seconds=1)  # one file name per backup
        started = time.perf_counter()
        info = back_up_now(home, now=now)
        log("backup", info.path, time.perf_counter() - started)


def restore(args: dict, log: Log) -> None:
    """Restore a backup in place of the home: "restored SECONDS"."""
    log("ready")
    started = time.perf_counter()
    restore_backup(Path(args["backup"]), PASSPHRASE, Path(args["home"]), now=local_now())
    log("restored", time.perf_counter() - started)


def import_(args: dict, log: Log) -> None:
    """A clinician imports a patient's exports in order: "imported SEQ OUTCOME" after each one."""
    clinic = open_diary(Path(args["home"]))
    log("ready")
    for path in args["files"]:
        result = clinic.imports.import_file(Path(path))
        log("imported", result.seq, result.outcome)


SCENARIOS = {"save": save, "migrate": migrate, "backup": backup, "restore": restore, "import": import_}


def _child(args: dict) -> None:
    try:
        log = Log(args["log"])
        SCENARIOS[args["scenario"]](args, log)
        code = 0
    except BaseException as exc:  # a failure the test must see: written to the log, exit 3
        try:
            log("error", type(exc).__name__, str(exc).replace("\n", " "))
        finally:
            code = 3
    os._exit(code)


def main() -> None:
    for line in sys.stdin:
        args = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(args)
        print(json.dumps({"pid": pid}), flush=True)
        if sys.stdin.readline().strip() != "reap":
            os.kill(pid, 9)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"status": status}), flush=True)


if __name__ == "__main__":
    main()
