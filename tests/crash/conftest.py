"""Kill-test fixtures: the fork server (tests/crash/worker.py) and the checks every run ends with."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from diary.services.bootstrap import open_diary
from diary.storage.database import DB_FILENAME
from tests.backup_support import use_fast_kdf

ROOT = Path(__file__).resolve().parents[2]
TALLY = ROOT / "test-artifacts" / "crash-tally.json"


@dataclass
class Run:
    """One killed (or finished) child: its log lines and how it ended."""

    lines: list[list[str]]
    status: int
    killed_at: float | None  # seconds after the fork, None if it finished first

    @property
    def finished(self) -> bool:
        return os.WIFEXITED(self.status) and os.WEXITSTATUS(self.status) == 0

    def errors(self) -> list[str]:
        return [" ".join(words) for words in self.lines if words[0] == "error"]


class ForkServer:
    def __init__(self):
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen([sys.executable, "-m", "tests.crash.worker"], cwd=ROOT, env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

    def _ask(self, message: str) -> dict:
        self.process.stdin.write(message + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError("the fork server died")
        return json.loads(answer)

    def run(self, scenario: str, log: Path, *, kill_after: float | None, wait_for: str | None = None,
            timeout: float = 30, **args) -> Run:
        """Fork a child running `scenario`; SIGKILL it `kill_after` seconds after the fork (None: let it
        finish). With `wait_for`, the delay starts when that word first appears in the log."""
        log.unlink(missing_ok=True)
        started = time.monotonic()
        pid = self._ask(json.dumps({"scenario": scenario, "log": str(log), **args}))["pid"]
        if wait_for:
            while not _has(log, wait_for) and time.monotonic() - started < timeout and not _has(log, "error"):
                time.sleep(0.001)
            started = time.monotonic()
        killed_at = None
        if kill_after is None:
            while not _has_end(log) and time.monotonic() - started < timeout:
                time.sleep(0.002)
        else:
            time.sleep(kill_after)
            os.kill(pid, signal.SIGKILL)  # safe: the child is unreaped, so the pid cannot be reused yet
            killed_at = time.monotonic() - started
        status = self._ask("reap")["status"]
        lines = [line.split() for line in log.read_text().splitlines()] if log.exists() else []
        if not os.WIFSIGNALED(status) or os.WTERMSIG(status) != signal.SIGKILL:
            killed_at = None
        return Run(lines=lines, status=status, killed_at=killed_at)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(10)


def _has(log: Path, word: str) -> bool:
    try:
        return word in log.read_text()
    except FileNotFoundError:
        return False


def _has_end(log: Path) -> bool:
    try:
        text = log.read_text()
    except FileNotFoundError:
        return False
    return any(w in text for w in ("migrated", "restored", "error"))


@pytest.fixture(scope="session")
def fork_server():
    server = ForkServer()
    yield server
    server.close()


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    use_fast_kdf(monkeypatch)  # the same stand-in the children use (tests/backup_support.py)


class Tally:
    """Figures for the README's reliability section, written to test-artifacts/crash-tally.json."""

    def __init__(self):
        self.figures: dict[str, dict[str, int]] = {}

    def add(self, scenario: str, **counts: int) -> None:
        figures = self.figures.setdefault(scenario, {})
        for name, value in counts.items():
            figures[name] = figures.get(name, 0) + value


@pytest.fixture(scope="session")
def tally():
    found = Tally()
    yield found
    if found.figures:
        TALLY.parent.mkdir(exist_ok=True)
        TALLY.write_text(json.dumps(found.figures, indent=1) + "\n")


def check_database(home: Path) -> dict[str, int | None]:
    """Open the diary as the app does (quick check, migrations, keys), run PRAGMA integrity_check and
    foreign_key_check, and return every check-in's pain by id. Closes everything again, so the next
    child sees no other user of the file."""
    open_diary(home).close()
    connection = sqlite3.connect(f"file:{home / DB_FILENAME}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        return dict(connection.execute("SELECT id, pain FROM checkin").fetchall())
    finally:
        connection.close()
