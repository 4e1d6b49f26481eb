"""The diary's folder in the browser: an IDBFS mount (Emscripten's file system kept in IndexedDB).

Pyodide's files live in memory; IDBFS copies them to and from IndexedDB only when asked. So:
`mount()` once at start (mounts the folder and loads what IndexedDB holds), then `await sync()` after
each commit -- a save is durable only once that returns. SQLite must use journal_mode=DELETE here: in
WAL mode committed pages sit in the -wal file until a checkpoint, and a sync taken between the two
would store a database that does not yet hold them. Browser only (imports pyodide).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

import js  # type: ignore[import-not-found]  # Pyodide's bridge to the worker's JavaScript globals
import pyodide_js  # type: ignore[import-not-found]
from pyodide.ffi import create_once_callable  # type: ignore[import-not-found]

DEFAULT_MOUNT = Path("/diary")
JOURNAL_MODE = "DELETE"


class StorageUnavailable(Exception):
    """IndexedDB refused (private browsing without storage, quota, a blocked database)."""


class BrowserStorage:
    """One IDBFS mount. Sync calls are serialised: IDBFS must not run two syncs at once."""

    def __init__(self, folder: Path = DEFAULT_MOUNT, *, on_synced: Callable[[float], None] | None = None):
        self.folder = Path(folder)
        self.on_synced = on_synced  # told the seconds of each finished sync (diagnostics, tests)
        self._lock = asyncio.Lock()
        self.last_sync_seconds: float | None = None
        self.syncs = 0
        self._queued: asyncio.Future | None = None  # the next sync, not yet started

    async def mount(self) -> Path:
        """Mount IDBFS at the folder (created if missing) and load its files from IndexedDB."""
        fs = pyodide_js.FS
        if not self.folder.exists():
            fs.mkdirTree(str(self.folder))
        fs.mount(fs.filesystems.IDBFS, js.Object.new(), str(self.folder))
        await self._syncfs(populate=True)
        return self.folder

    async def sync(self) -> float:
        """Copy every changed file of the folder to IndexedDB now; returns the seconds it took."""
        async with self._lock:
            return await self._sync_locked()

    def schedule_sync(self) -> asyncio.Future:
        """Ask for a sync without waiting. Returns a future that resolves (to the seconds taken) once a
        sync that started after this call has finished; requests made before it starts share it."""
        if self._queued is None:
            self._queued = asyncio.ensure_future(self._run_queued())
        return self._queued

    async def _run_queued(self) -> float:
        async with self._lock:  # after any sync already running
            self._queued = None  # requests from now on need a later sync: this one may miss their data
            return await self._sync_locked()

    async def _sync_locked(self) -> float:
        started = time.perf_counter()
        await self._syncfs(populate=False)
        self.last_sync_seconds = time.perf_counter() - started
        self.syncs += 1
        if self.on_synced is not None:
            self.on_synced(self.last_sync_seconds)
        return self.last_sync_seconds

    async def _syncfs(self, *, populate: bool) -> None:
        done = asyncio.get_running_loop().create_future()

        def finished(error=None) -> None:
            if done.done():
                return
            if error:
                done.set_exception(StorageUnavailable(f"The browser's storage refused the diary's data ({error})."))
            else:
                done.set_result(None)

        pyodide_js.FS.syncfs(populate, create_once_callable(finished))
        await done


async def persistence_granted() -> bool:
    """Whether the browser promised not to evict this site's data (navigator.storage.persisted()).

    Only the page can ask for it (navigator.storage.persist() does not exist in workers, where Python
    runs): the site's start.js asks at every start."""
    storage = getattr(js.navigator, "storage", None)
    if storage is None:
        return False
    try:
        return bool(await storage.persisted())
    except Exception:  # no storage manager in this browser: not granted
        return False
