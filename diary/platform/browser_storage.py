"""Where the phone app keeps a diary: a folder on an IDBFS mount (Emscripten's file system, copied to and
from IndexedDB) — diary.platform.seams.HomeStorage for the browser.

Pyodide's files live in memory; IDBFS copies changed files to IndexedDB only when asked. So: `load()`
once at start (mounts the folder and reads what IndexedDB holds), a sync scheduled after every commit
(`watch`), and `flush()`, which the UI awaits before it says "Saved": it returns once a sync that began
after the call has finished, so the commit is in IndexedDB. SQLite runs in DELETE journal mode here: in
WAL mode a commit sits in the -wal file until a checkpoint, and a copy taken in between would miss it.
Syncs never overlap (IDBFS must not run two at once); requests made while one runs share the next.

The bridge to Pyodide's FS is injected, so the scheduling is tested on the desktop with a fake.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Protocol

from diary.domain.errors import DiaryError

DEFAULT_MOUNT = Path("/diary")
HOME_NAME = "home"  # inside the mount, so a restore's sibling folders (home.restoring...) persist too


class StorageUnavailable(DiaryError):
    """IndexedDB refused (private browsing without storage, the site's quota, a blocked database)."""


class DataMarker(Protocol):
    """A flag outside IndexedDB saying this browser held a diary with entries (the page's localStorage)."""

    async def had_data(self) -> bool | None: ...

    def set(self, value: bool) -> None: ...


class PageMarker:
    """The flag in the page's localStorage, asked for and set on the "diary-page" BroadcastChannel (only a
    page has localStorage; Python runs in a worker). Browser only."""

    NAME = "diary-had-data"

    async def had_data(self, timeout: float = 3.0) -> bool | None:
        """True or False as the page answered; None when no page answered (a browser without localStorage)."""
        from diary.platform.browser_page import ask_page

        answer = await ask_page({"ask": self.NAME}, timeout=timeout)
        return None if answer is None else answer.get("hadData")

    def set(self, value: bool) -> None:
        from diary.platform.browser_page import tell_page

        tell_page({"set": self.NAME, "value": value})


class FileSystemBridge(Protocol):
    def mount(self, folder: Path) -> None: ...

    def syncfs(self, populate: bool, done: Callable[[Any], None]) -> None: ...


class PyodideIdbfs:
    """The real bridge: Pyodide's Emscripten FS with IDBFS. Browser only."""

    def mount(self, folder: Path) -> None:
        import js  # type: ignore[import-not-found]
        import pyodide_js  # type: ignore[import-not-found]

        fs = pyodide_js.FS
        if not folder.exists():
            fs.mkdirTree(str(folder))
        fs.mount(fs.filesystems.IDBFS, js.Object.new(), str(folder))

    def syncfs(self, populate: bool, done: Callable[[Any], None]) -> None:
        import pyodide_js  # type: ignore[import-not-found]
        from pyodide.ffi import create_once_callable  # type: ignore[import-not-found]

        pyodide_js.FS.syncfs(populate, create_once_callable(done))


class IdbfsHome:
    """One IDBFS mount holding the diary's home."""

    journal_mode = "DELETE"

    def __init__(self, mount: Path = DEFAULT_MOUNT, *, bridge: FileSystemBridge | None = None,
                 on_synced: Callable[[float], None] | None = None,
                 persistence: Callable[[], Awaitable[bool]] | None = None, marker: DataMarker | None = None):
        self.mount = Path(mount)
        self.marker = marker or PageMarker()
        self._marked = False  # the marker was set in this session
        self.bridge = bridge or PyodideIdbfs()
        self._persistence = persistence or persistence_granted
        self.on_synced = on_synced  # told the seconds of each finished sync (diagnostics, tests)
        self.last_sync_seconds: float | None = None
        self.syncs = 0
        self._lock: asyncio.Lock | None = None  # made on the loop that uses it
        self._queued: asyncio.Future | None = None  # the next sync, not yet started

    def default_home(self) -> Path:
        return self.mount / HOME_NAME

    async def load(self) -> None:
        """Mount IDBFS at the folder (created if missing) and read its files from IndexedDB."""
        self.bridge.mount(self.mount)
        await self._syncfs(populate=True)

    async def load_again(self) -> None:
        """Read the folder from IndexedDB again (replacing what memory holds): a tab taking the diary back
        from another tab must see what that tab saved meanwhile."""
        async with self._the_lock():
            await self._syncfs(populate=True)

    def watch(self, engine: Any) -> None:
        from sqlalchemy import event

        # The event fires as the COMMIT is sent; the sync task starts only once this synchronous code
        # has returned to the event loop, so it copies the committed file.
        event.listen(engine, "commit", lambda connection: self._committed())

    def _committed(self) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # no event loop in this thread (a test's setup): the next flush persists it
            return
        self.schedule_sync()

    async def flush(self) -> None:
        """Persist every commit so far (what the UI awaits before "Saved"); the first one of a session also
        sets the marker that this browser holds a diary with entries (see `emptied`)."""
        await self.schedule_sync()
        self.mark_data()

    def mark_data(self) -> None:
        if not self._marked:
            self.marker.set(True)
            self._marked = True

    async def emptied(self) -> bool:
        """Whether the browser deleted the diary: the marker says it held one with entries, and the home
        read from IndexedDB holds nothing at all."""
        home = self.default_home()
        return not (home.is_dir() and any(home.iterdir())) and bool(await self.marker.had_data())

    def forget_data(self) -> None:
        """A new, empty diary starts here (after the browser deleted the old one): clear the marker."""
        self.marker.set(False)
        self._marked = False

    async def persisted(self) -> bool | None:
        return await self._persistence()

    async def sync(self) -> float:
        """Copy every changed file of the folder to IndexedDB now; returns the seconds it took."""
        async with self._the_lock():
            return await self._sync_locked()

    def schedule_sync(self) -> asyncio.Future:
        """Ask for a sync without waiting. The future resolves (to the seconds taken) once a sync that
        started after this call has finished; requests made before it starts share it."""
        loop = asyncio.get_running_loop()
        # A request made under another event loop cannot be awaited on this one: in the browser there is
        # one loop, but a test's setup may run while Playwright's loop is the thread's running one.
        if self._queued is not None and self._queued.get_loop() is not loop:
            self._queued.cancel()  # that loop's sync would repeat this one's, if it ever ran
            self._queued = None
        if self._queued is None:
            self._queued = loop.create_task(self._run_queued())
        return self._queued

    def _the_lock(self) -> asyncio.Lock:
        if self._lock is None:
            self._lock = asyncio.Lock()
        return self._lock

    async def _run_queued(self) -> float:
        async with self._the_lock():  # after any sync already running
            if self._queued is asyncio.current_task():
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
                done.set_exception(StorageUnavailable(
                    "The browser would not store the diary's data (its storage is full, blocked or private), so "
                    "the last change may be lost when the app closes. Free some space on this device and try again."))
            else:
                done.set_result(None)

        self.bridge.syncfs(populate, finished)
        await done


async def persistence_granted() -> bool:
    """Whether the browser promised not to evict this site's data (navigator.storage.persisted()).

    Only the page can ask for it (navigator.storage.persist() does not exist in workers, where Python
    runs): the site's start.js asks at every start."""
    import js  # type: ignore[import-not-found]

    storage = getattr(js.navigator, "storage", None)
    if storage is None:
        return False
    try:
        return bool(await storage.persisted())
    except Exception:  # noqa: BLE001 - no storage manager in this browser: not granted
        return False
