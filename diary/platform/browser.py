"""The phone app's platform: the diary in a browser tab, in Pyodide (diary.platform.seams.Platform).

    crypto   libsodium.js (npm libsodium-wrappers-sumo, bundled into the site): crypto_libsodium_js.py
    home     an IDBFS folder; a commit is durable once copied to IndexedDB: browser_storage.py
    work     asyncio tasks (Pyodide has no threads): asyncio_work.py
    files    the share sheet or a download out, the browser's file chooser in: browser_files.py
    charts   the same chart descriptions drawn on Flet's canvas: canvas_charts.py
    install  what the page heard of the browser's install offer (beforeinstallprompt; iOS): browser_install.py

`BrowserPlatform.start()` (through diary.platform.start_browser, called once by the site's entry point)
mounts and loads the storage and libsodium before anything opens a diary. The platform offers none of
seams.FEATURES: the visit PDF, backup files and a visible data folder are the desktop's (screens say so).
Browser only: this module and the adapters it starts import Pyodide's bridges.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from diary.platform.asyncio_work import AsyncioWork
from diary.platform.browser_files import BrowserFiles
from diary.platform.browser_install import PageInstall
from diary.platform.browser_storage import DEFAULT_MOUNT, IdbfsHome
from diary.platform.canvas_charts import CanvasCharts


class NoSecretStream(Exception):
    """The phone app makes no research exports (they are a clinician's, on the desktop)."""


class BrowserPlatform:
    """Every seam for a diary kept in the browser."""

    name = "browser"
    features: frozenset[str] = frozenset()

    def __init__(self, *, home: IdbfsHome, sodium, install=None) -> None:
        self.home, self.work, self.files, self.charts = home, AsyncioWork(), BrowserFiles(), CanvasCharts()
        self.install = install or PageInstall()
        self._sodium = sodium

    @classmethod
    async def start(cls, *, on_synced: Callable[[float], None] | None = None,
                    while_loading: Callable[[], None] | None = None, mount: Path | None = None) -> BrowserPlatform:
        """Mount the diary's folder and read it from IndexedDB while libsodium.js loads; both wait on the
        browser, so side by side they take the time of the slower, and `while_loading` (Python work that
        needs neither) runs meanwhile.

        Raises:
            StorageUnavailable: IndexedDB refused (a sentence for the user).
        """
        from diary.platform.crypto_libsodium_js import LibsodiumJs

        home = IdbfsHome(mount or DEFAULT_MOUNT, on_synced=on_synced)
        loading = asyncio.gather(home.load(), LibsodiumJs.load())
        await asyncio.sleep(0)  # let both start their requests to the browser
        if while_loading is not None:
            while_loading()
        _, sodium = await loading
        return cls(home=home, sodium=sodium)

    def sodium(self):
        return self._sodium

    def secret_stream(self):
        raise NoSecretStream("Research exports are made by the physiotherapist's desktop app.")
