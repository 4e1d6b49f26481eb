"""What the web app runs in the browser (the site's main.py calls `start()`).

At start, in order: mount the diary's folder on IndexedDB (IDBFS) and load it, load libsodium, open the
diary home in that folder, then hand the page to the same patient UI as the desktop (diary.ui.app).
Progress and each storage sync are announced on the BroadcastChannel "diary-pwa" (same origin only;
tests and diagnostics listen there). With `?sodium-contract` in the URL the page instead serves the
libsodium adapter to the contract tests (diary.pwa.contract_hook) and opens no diary at all.
"""

from __future__ import annotations

import time
from pathlib import Path

import flet as ft

MOUNT = Path("/diary")
HOME = MOUNT / "home"  # inside the mount, so a restore's sibling folders are kept in IndexedDB too
CHANNEL = "diary-pwa"


def announce(event: str, **details) -> None:
    """Post {event, ...details} on the diary-pwa BroadcastChannel."""
    import js  # type: ignore[import-not-found]
    from pyodide.ffi import to_js  # type: ignore[import-not-found]

    channel = js.BroadcastChannel.new(CHANNEL)
    channel.postMessage(to_js({"event": event, **details}, dict_converter=js.Object.fromEntries))
    channel.close()


def _document_query() -> str:
    import flet_js  # type: ignore[import-not-found]
    from urllib.parse import urlparse

    return urlparse(str(flet_js.documentUrl or "")).query


async def open_browser_diary(storage):
    """Mount and load the data, load libsodium, open the diary. Returns (diary, sodium)."""
    from diary.platform.crypto_libsodium_js import LibsodiumJs
    from diary.pwa import browser_shim
    from diary.services.bootstrap import open_diary

    started = time.perf_counter()
    await storage.mount()
    mounted = time.perf_counter()
    sodium = await LibsodiumJs.load()
    loaded = time.perf_counter()
    browser_shim.use_delete_journal()  # TEMPORARY (see browser_shim)
    browser_shim.screens_say_what_the_browser_lacks()  # TEMPORARY (see browser_shim)
    diary = open_diary(HOME)
    browser_shim.sync_after_commits(diary.engine, storage)  # TEMPORARY (see browser_shim)
    await storage.sync()  # a new home's database and key file
    announce("opened", mount_seconds=mounted - started, sodium_seconds=loaded - mounted,
             total_seconds=time.perf_counter() - started)
    return diary, sodium


async def main(page: ft.Page) -> None:
    from diary.platform.browser_storage import BrowserStorage, StorageUnavailable, persistence_granted
    from diary.domain.errors import DiaryError
    from diary.ui.app import make_main

    if "sodium-contract" in _document_query():
        from diary.pwa.contract_hook import serve_contract

        await serve_contract(page)
        return
    storage = BrowserStorage(MOUNT, on_synced=lambda seconds: announce("synced", seconds=seconds))
    try:
        diary, _sodium = await open_browser_diary(storage)
    except (StorageUnavailable, DiaryError) as exc:
        page.add(ft.Text(str(exc), key="open-error", selectable=True))
        return
    make_main(lambda: diary, home=HOME)(page)
    page.update()
    announce("today-shown", persisted=await persistence_granted())


def start() -> None:
    """Run the app (called by the site's main.py inside Flet's Pyodide worker)."""
    announce("python-started")  # Pyodide, the archive and Flet are loaded by now
    ft.run(main)
