"""Background work as asyncio tasks, for a runtime without threads (Pyodide: `can't start new thread`).

There is one thread, so "off the UI" can only mean "after the UI's pending changes have gone out":
`run` yields to the event loop once (the screen's "Drawing…" line reaches the client), then runs the job
and returns its result. A long job holds the page while it runs, which is why the phone's chart renderer
does no drawing in `render`. `start` and `repeat` run jobs as tasks on the loop; a job's exception is
logged and never ends the app. Runs on any asyncio loop, so it is tested on the desktop as well.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


def _run_logged(job: Callable[[], None], name: str) -> None:
    try:
        job()
    except Exception:  # noqa: BLE001 - background work must not end the app; the log says what failed
        log.exception("background job %s failed", name)


class RepeatingTask:
    """A job run after a delay and then at intervals on the event loop, until stopped."""

    def __init__(self, job: Callable[[], None], *, every: float, delay: float, name: str):
        self._job, self._every, self._delay, self._name = job, every, delay, name
        self._task = asyncio.get_event_loop().create_task(self._loop(), name=name)

    async def _loop(self) -> None:
        await asyncio.sleep(self._delay)
        while True:
            _run_logged(self._job, self._name)
            await asyncio.sleep(self._every)

    def is_alive(self) -> bool:
        return not self._task.done()

    def stop(self, timeout: float = 30) -> None:
        self._task.cancel()


class AsyncioWork:
    """diary.platform.seams.BackgroundWork on the running event loop (no threads)."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task] = set()  # the loop keeps only weak references to tasks

    async def run(self, job: Callable[..., Any], *args: Any) -> Any:
        await asyncio.sleep(0)  # let the UI's pending updates go out first
        return job(*args)

    def start(self, job: Callable[[], None], *, name: str) -> None:
        async def once() -> None:
            await asyncio.sleep(0)
            _run_logged(job, name)

        task = asyncio.get_event_loop().create_task(once(), name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def repeat(self, job: Callable[[], None], *, every: float, delay: float, name: str) -> RepeatingTask:
        return RepeatingTask(job, every=every, delay=delay, name=name)
