"""The platform: the few adapters that differ between the desktop and the browser (Pyodide), chosen once.

Everything else in diary/ is the same Python on both. What differs, and the seam each goes through:

- **crypto** — `sodium()` returns a `diary.platform.crypto.Sodium`: every libsodium primitive, raw bytes
  in and out (PLATFORM-CRYPTO.md). Desktop: `crypto_pynacl.PyNaclSodium`. No module outside this
  package imports `nacl`. `secret_stream()` (desktop only) streams the research export's sealed files.
- **where the diary lives, and durability** — `current().home`: `default_home()` is the data folder when
  nothing else names one (config.data_dir asks it); `await flush()` makes the commits so far durable before
  the UI says "Saved" (desktop: nothing to add to SQLite's commit; browser: the IndexedDB sync).
  `durable.write_atomically` writes a whole file or none, on every platform.
- **background work** — `current().work`: `await run(job, *args)` runs blocking work off the UI,
  `start(job, name=)` runs it once unawaited, `repeat(job, every=, delay=, name=)` on a schedule
  (desktop: threads; browser: asyncio tasks, as Pyodide has no threads). Nothing else starts a thread.
- **handing a file to the user** — `current().files` (`seams.FileHandover`): `pick`, `ask_path`,
  `offer`, `keep`, `needs_bytes_first`; `seams.deliver(...)` is the one "save a made file" path with
  its data-folder fallback. Nothing else opens a file dialog.
- **chart rendering** — `current().charts`: `render(chart_data, dark=)` draws a description from
  `diary.reports.chart_data` (desktop: matplotlib PNG via `diary.reports.charts`), `control(chart, ...)`
  is what a screen shows (desktop: the image; browser: a Flet canvas laid out by
  `diary.reports.chart_scene` from `chart.data`).
- **what else it can do** — `current().features` (seams.FEATURES: the visit PDF, backup files, a visible
  data folder); a screen whose feature is missing says so in a sentence.

The protocols are in `seams.py` and `crypto.py`; the desktop's implementations in `desktop.py` and
`crypto_pynacl.py`; the browser's (the phone app, Pyodide) in `browser.py` with `browser_storage.py`,
`crypto_libsodium_js.py`, `asyncio_work.py`, `browser_files.py` and `canvas_charts.py`. The desktop is
chosen unless a start-up chooses another first: the phone app's entry point awaits `start_browser()`.
Nothing outside this package asks which platform it runs on, and no module outside it imports an
implementation module or a browser bridge (tests/test_layers.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from diary.platform.collector import collector_paused  # noqa: F401  (the same on every platform)

if TYPE_CHECKING:
    from diary.platform.crypto import SecretStream, Sodium
    from diary.platform.seams import Platform

_chosen: Platform | None = None


def current() -> Platform:
    """The platform this process runs on (the desktop unless `use` chose another at start)."""
    global _chosen
    if _chosen is None:
        from diary.platform.desktop import DesktopPlatform

        _chosen = DesktopPlatform()
    return _chosen


def use(platform: Platform | None) -> Platform | None:
    """Choose the platform, once at start (None: back to the default). Returns the one chosen before."""
    global _chosen
    before, _chosen = _chosen, platform
    return before


async def start_browser(*, on_synced: Callable[[float], None] | None = None,
                        while_loading: Callable[[], None] | None = None, mount: Path | None = None) -> Platform:
    """Start and choose the browser's platform (the phone app's entry point calls this once, first): mount
    the diary's IndexedDB folder and read it, load libsodium.js, and meanwhile run `while_loading` (Python
    work that needs neither). `mount`: another IndexedDB-backed folder than the diary's (the benchmarks).
    Browser only.

    Raises:
        diary.platform.browser_storage.StorageUnavailable: IndexedDB refused (a DiaryError, a sentence).
    """
    from diary.platform.browser import BrowserPlatform

    platform = await BrowserPlatform.start(on_synced=on_synced, while_loading=while_loading, mount=mount)
    use(platform)
    return platform


def tab_ownership():
    """Which tab of the phone app owns the diary (diary.platform.browser_tabs.TabOwnership). Browser only;
    the entry point claims it before the diary's storage is read."""
    from diary.platform.browser_tabs import TabOwnership

    return TabOwnership()


def sodium() -> Sodium:
    """The platform's libsodium (diary.platform.crypto.Sodium)."""
    return current().sodium()


def secret_stream() -> SecretStream:
    """The platform's crypto_secretstream (desktop only: research exports)."""
    return current().secret_stream()
