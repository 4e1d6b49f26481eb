"""A hard time limit for every end-to-end test, so a spinning or hung page cannot hold a run for minutes.

A browser renderer stuck at 100% CPU answers nothing: Playwright calls without a timeout of their own
(`count()`, `evaluate()`, closing a context) then wait for ever, in the test or in its teardown. So a
watchdog thread is armed for each test, setup and teardown included. When the limit passes it prints
every thread's stack, then kills every process the test run started (browsers with their renderers,
app servers, command-line runs) except Playwright's driver: each pending Playwright call then fails at
once ("Target page, context or browser has been closed"), teardown finishes, and the test is reported
failed with the reason. The `browser` fixture launches a new browser for the next test. Should the test
still not have finished GRACE seconds later, the stacks are printed again and the run stops (exit 1).

The limit is E2E_TIME_LIMIT seconds (environment variable DIARY_E2E_TIME_LIMIT overrides it);
`@pytest.mark.time_limit(SECONDS)` gives one test its own; time inside `not_counted()` (waiting for the
phone site's build, done once for the whole run) does not count.
"""

from __future__ import annotations

import faulthandler
import gc
import os
import signal
import sys
import threading
import time
import traceback
from contextlib import contextmanager
from pathlib import Path

E2E_TIME_LIMIT = float(os.environ.get("DIARY_E2E_TIME_LIMIT", "300"))
GRACE = 60.0
PLAYWRIGHT_DRIVER = "run-driver"  # in the command line of Playwright's node driver, which must live on
# Where the watchdog writes: the terminal's stderr, kept before pytest captures it (`keep_stderr`), since a
# test's captured output is lost if the run is stopped.
_report = sys.__stderr__


def keep_stderr() -> None:
    """Called at pytest_configure, while pytest is not capturing: a copy of the real stderr for the watchdog."""
    global _report
    _report = os.fdopen(os.dup(sys.__stderr__.fileno()), "w", buffering=1)


def limit_for(item) -> float:
    marker = item.get_closest_marker("time_limit")
    return float(marker.args[0]) if marker else E2E_TIME_LIMIT


def _children() -> dict[int, list[int]]:
    """Every process's children, read from /proc (Linux; elsewhere nothing is found and nothing killed)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir() if Path("/proc").is_dir() else ():
        if not entry.name.isdigit():
            continue
        try:
            # The command's name is in parentheses and may hold spaces: the parent pid follows the last ')'.
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def _command(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


_spared: set[int] = set()


def spare(pid: int) -> None:
    """Never kill this process or what it starts (the phone site's background build)."""
    _spared.add(pid)


def descendants(pid: int) -> list[int]:
    """The processes under `pid`, without spared ones and what they started."""
    children, found, todo = _children(), [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in _spared:
                found.append(child)
                todo.append(child)
    return found


def kill_started_processes() -> list[str]:
    """SIGKILL every process this test process started (and the process groups they lead), except
    Playwright's driver and spared ones; returns the commands killed, shortened."""
    own_group = os.getpgid(0)
    killed = []
    for pid in descendants(os.getpid()):
        command = _command(pid)
        if PLAYWRIGHT_DRIVER in command:
            continue
        for kill in (lambda: os.killpg(pid, signal.SIGKILL) if os.getpgid(pid) == pid != own_group else None,
                     lambda: os.kill(pid, signal.SIGKILL)):
            try:
                kill()
            except (ProcessLookupError, PermissionError):
                pass
        killed.append(command[:120])
    return killed


def _greenlet_stacks() -> str:
    """The stacks of suspended greenlets: Playwright's sync API runs the test in one, so the thread dump
    shows only its event loop, not the line of the test that waits."""
    try:
        import greenlet
    except ImportError:
        return ""
    stacks = [g.gr_frame for g in gc.get_objects() if isinstance(g, greenlet.greenlet) and g.gr_frame is not None]
    return "".join(f"\nGreenlet (most recent call last):\n{''.join(traceback.format_stack(frame))}" for frame in stacks)


class Watchdog:
    """Armed for one test: at `limit` seconds kills what the test started; GRACE later stops the run."""

    current: "Watchdog | None" = None  # the running test's

    def __init__(self, name: str, limit: float):
        self.name, self.limit = name, limit
        self.fired = False
        self._timers: list[threading.Timer] = []

    def _arm(self, seconds: float) -> None:
        self._timers = [threading.Timer(seconds, self._fire), threading.Timer(seconds + GRACE, self._give_up)]
        for timer in self._timers:
            timer.daemon = True
            timer.start()

    def __enter__(self) -> "Watchdog":
        self._started = time.monotonic()
        self._arm(self.limit)
        Watchdog.current = self
        return self

    def __exit__(self, *exc) -> None:
        Watchdog.current = None
        for timer in self._timers:
            timer.cancel()

    @contextmanager
    def paused(self):
        """Time spent inside does not count (spent on the whole run's behalf: the phone site's build)."""
        if self.fired:
            yield
            return
        for timer in self._timers:
            timer.cancel()
        used = time.monotonic() - self._started
        try:
            yield
        finally:
            self._started = time.monotonic() - used
            self._arm(self.limit - used)

    @property
    def message(self) -> str:
        return (f"{self.name} ran past its time limit of {self.limit:g} s (a page that spins or hangs?): "
                "every browser and app server it started was killed; the stacks at that moment are in stderr.")

    def _say(self, text: str) -> None:
        _report.write(f"\n*** {text}\n")
        _report.flush()
        faulthandler.dump_traceback(file=_report, all_threads=True)
        _report.write(_greenlet_stacks())
        _report.flush()

    def _fire(self) -> None:
        self.fired = True
        try:  # the stacks first (where it hung), but nothing may stop the killing
            self._say(self.message)
        except Exception:
            pass
        killed = kill_started_processes()
        try:
            _report.write("".join(f"    killed: {command}\n" for command in killed))
            _report.flush()
        except Exception:
            pass

    def _give_up(self) -> None:
        self._say(f"{self.name} still had not finished {GRACE:g} s after its processes were killed: stopping the run.")
        os._exit(1)


@contextmanager
def not_counted():
    """The running end-to-end test's clock stopped while inside (nothing happens outside a test)."""
    if Watchdog.current is None:
        yield
    else:
        with Watchdog.current.paused():
            yield
