"""The phone app's site, built beside the tests that run before its own.

Building build/pwa takes a minute or more (npm tools, esbuild, the Pyodide wheels); nothing but the
tests in this folder needs it. So these tests run last (conftest.py), and once the run's tests are
collected, a run that will open the site and finds it out of date starts `diary pwa build` in a
background process; the `pwa_site` fixture waits for it. A build that fails there is simply done again by the fixture, in the foreground, where its error
is reported. `make test` relies on this instead of building first.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from tests.e2e import time_limit

HERE = Path(__file__).resolve().parent
WAIT_LIMIT = 900  # seconds: a build stuck this long is abandoned; the fixture builds in the foreground
_running: subprocess.Popen | None = None
_log: Path | None = None


def start_if_needed(items, log_folder: Path) -> None:
    """Start building the site unless no collected test opens it, it is up to date, or npm is missing."""
    global _running, _log
    if not any(Path(item.path).resolve().is_relative_to(HERE) for item in items) or shutil.which("npm") is None:
        return
    from diary.pwa.build import DEFAULT_OUT, is_up_to_date

    if is_up_to_date(DEFAULT_OUT):
        return
    log_folder.mkdir(parents=True, exist_ok=True)
    _log = log_folder / "pwa-build.log"
    with open(_log, "w") as log:
        _running = subprocess.Popen([sys.executable, "-m", "diary", "pwa", "build", "--out", str(DEFAULT_OUT)],
                                    stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    start_new_session=True)
    time_limit.spare(_running.pid)  # a test that runs out of time must not take the build down with it


def wait() -> str | None:
    """Wait for a background build, if one was started; what it printed, if it failed."""
    global _running
    if _running is None:
        return None
    try:
        status = _running.wait(timeout=WAIT_LIMIT)
    except subprocess.TimeoutExpired:
        stop()
        status = "stopped"
    _running = None
    return None if status == 0 else f"the background build ({status}) said:\n{_log.read_text()[-3000:]}"


def stop() -> None:
    """End a background build still running (the run ended first)."""
    if _running is not None and _running.poll() is None:
        try:
            os.killpg(_running.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _running.wait()
