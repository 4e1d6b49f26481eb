"""What the phone app runs in the browser (the site's main.py calls `start()`).

At start, in order: own the diary (one tab at a time: diary.platform.browser_tabs; another tab's says
so and offers "Use it here"), choose the browser's platform (diary.platform.start_browser: mount the diary's
folder on IndexedDB and read it, load libsodium.js), open the diary in that folder and persist what
opening made (a new home's database and key), then hand the page to the same patient UI as the desktop
(diary.ui.app). Progress and each storage sync are announced on the BroadcastChannel "diary-pwa" (same
origin only; the tests and benchmarks listen there). With `?sodium-contract` in the URL the page instead
serves the libsodium adapter to the contract tests (diary.pwa.contract_hook), with `?bench-save` it runs
the P9 measurement (diary.pwa.bench_hook); neither opens the user's diary.
"""

from __future__ import annotations

import time
from functools import cache

import flet as ft

CHANNEL = "diary-pwa"


def announce(event: str, **details) -> None:
    """Post {event, ...details} on the diary-pwa BroadcastChannel."""
    import js  # type: ignore[import-not-found]
    from pyodide.ffi import to_js  # type: ignore[import-not-found]

    channel = js.BroadcastChannel.new(CHANNEL)
    channel.postMessage(to_js({"event": event, **details}, dict_converter=js.Object.fromEntries))
    channel.close()


def _document_query() -> str:
    from urllib.parse import urlparse

    import flet_js  # type: ignore[import-not-found]

    return urlparse(str(flet_js.documentUrl or "")).query


def _error_page(page: ft.Page, sentence: str) -> None:
    from diary.ui import text as T

    page.add(ft.Container(padding=24, content=ft.Column(controls=[
        ft.Text(T.ERROR_OPENING, size=22, weight=ft.FontWeight.W_600),
        ft.Text(sentence, key="open-error", selectable=True, semantics_label=sentence)])))


async def main(page: ft.Page) -> None:
    from diary.platform import tab_ownership

    query = _document_query()
    if "sodium-contract" in query:
        from diary.pwa.contract_hook import serve_contract

        return await serve_contract(page)
    if "bench-save" in query:
        from diary.pwa.bench_hook import serve_save_benchmark

        return await serve_save_benchmark(page, query, announce)
    await PhoneApp(page, tab_ownership()).start()


class PhoneApp:
    """One tab of the phone app: it opens the diary only while it owns it (one tab at a time, see
    diary/platform/browser_tabs.py), and hands it over when another tab asks."""

    def __init__(self, page: ft.Page, tabs):
        self.page, self.tabs = page, tabs
        self.platform = None  # started once; a tab taking the diary back reads IndexedDB again instead
        self.opener = None

    async def start(self) -> None:
        if await self.tabs.claim(wait=False):
            return await self.open_here()
        announce("elsewhere")
        self._show_elsewhere(taken_over=False)

    def _show_elsewhere(self, *, taken_over: bool) -> None:
        from diary.ui.screens.elsewhere import show_elsewhere

        show_elsewhere(self.page, taken_over=taken_over, on_use_here=self.use_here)

    async def use_here(self) -> None:
        await self.tabs.take_over()
        await self.open_here()

    async def open_here(self) -> None:
        from diary.domain.errors import DiaryError
        from diary.services.failures import storage_errors
        from diary.platform import start_browser

        self.started = time.perf_counter()
        self.tabs.when_asked_to_let_go(self.let_go)
        try:
            if self.platform is None:
                self.platform = await start_browser(on_synced=lambda seconds: announce("synced", seconds=seconds),
                                                    while_loading=load_the_app)
            else:
                await self.platform.home.load_again()
        except DiaryError as exc:  # IndexedDB refused: private browsing, a full device
            return _error_page(self.page, str(exc))
        self.loaded = time.perf_counter()
        if await self.platform.home.emptied():
            return self._show_emptied()
        await self.open_diary()

    def _show_emptied(self) -> None:
        """The browser deleted a diary that had entries: say so instead of showing an empty diary as new."""
        from diary.ui.screens.elsewhere import clear_page
        from diary.ui.screens.rescue import show_evicted

        def start_new() -> None:
            self.platform.home.forget_data()
            self.page.run_task(self.open_diary)

        announce("emptied")
        clear_page(self.page)
        show_evicted(self.page, self.platform.home.default_home(), on_start_new=start_new,
                     on_recovered=lambda: self.page.run_task(self.open_diary))

    async def open_diary(self) -> None:
        from diary.domain.errors import DiaryError

        home = self.platform.home.default_home()
        self.opener = opener = cache(lambda: open_home(home))
        try:
            _record_site_version(opener())  # opened here, so that what opening wrote reaches IndexedDB first
        except DiaryError:
            pass  # make_main opens it again and shows the rescue screen or the sentence
        except storage_errors():
            pass  # only the "updated to version N" note's bookkeeping: the diary opens without it
        await self.platform.home.sync()
        diary = _opened(opener)
        checkins = diary.info()["checkins"] if diary is not None else None
        if checkins:
            self.platform.home.mark_data()  # a diary with entries: noticed should the browser delete it
        announce("opened", platform_seconds=self.loaded - self.started,
                 total_seconds=time.perf_counter() - self.started, version=_site_version())
        from diary.ui.app import make_main
        from diary.ui.screens.elsewhere import clear_page

        clear_page(self.page)
        await make_main(opener, home=home)(self.page)  # async: it picks the language (Settings', else the browser's)
        self.page.update()
        announce("today-shown", persisted=await self.platform.home.persisted(), checkins=checkins)

    async def let_go(self) -> None:
        """Another tab asked for the diary: nothing more can be tapped here, every save reaches IndexedDB,
        the diary is closed; then (browser_tabs) the lock goes."""
        self._show_elsewhere(taken_over=True)
        if self.platform is None:
            return
        await self.platform.home.flush()
        diary = _opened(self.opener)
        if diary is not None:
            diary.close()
        await self.platform.home.flush()
        announce("let-go")


def _opened(opener):
    """The diary `opener` opened, or None (it was never opened, or opening failed)."""
    if opener is None or not opener.cache_info().currsize:
        return None
    return opener()


def _site_version() -> str | None:
    from diary.pwa.versioning import current

    return current()


def _record_site_version(diary) -> None:
    """Remember which site opened the diary; Today says "Updated to version N" on the first start of another."""
    from diary.services.app_updates import record_opening

    version = _site_version()
    if version is not None:
        record_opening(diary.meta, version)


def load_the_app() -> None:
    """Import what opening the diary and drawing Today need (a second or more of Python in the browser),
    while IndexedDB and libsodium.js load on the browser's side."""
    import diary.services.bootstrap  # noqa: F401
    import diary.ui.screens.today  # noqa: F401
    from diary.ui.app import warm_up_controls

    warm_up_controls()


def open_home(home):
    from diary.services.bootstrap import open_diary

    return open_diary(home)


def start() -> None:
    """Run the app (called by the site's main.py inside Flet's Pyodide worker)."""
    announce("python-started")  # Pyodide, the archive and Flet are loaded by now
    ft.run(main)
