"""The built web app (diary.pwa) in Chromium: built once per session, served on 127.0.0.1, every other
host unresolvable; pages in persistent profiles (IndexedDB survives a browser restart).

Playwright's page.route would make Chromium bypass the service worker, so nothing is routed: other
hosts are made unresolvable with --host-resolver-rules, and every request (the service worker's too,
with PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS) is logged and checked.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from diary.ui import text as T
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, AppPage
from tests.e2e.pwa import site_build
from tests.e2e.time_limit import not_counted

# Service-worker requests show in context.on("request") only with this; read when Playwright starts,
# which is after collection has imported this file.
os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")

WELCOME = "Welcome to your symptom diary"  # a new diary's first screen (skipped unless a test wants it)
PWA_ARGS = [*CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]
# Collects what the page hears on the app's BroadcastChannel (diary.pwa.entry.announce).
LISTEN = """
window.__diary = [];
new BroadcastChannel("diary-pwa").onmessage = (e) => window.__diary.push({...e.data, at: performance.now()});
"""
SODIUM_CALL = """
async ([op, args, kwargs]) => {
  const channel = new BroadcastChannel("diary-sodium-contract");
  const id = String(Math.random());
  return await new Promise((resolve) => {
    channel.onmessage = (e) => { if (e.data.id === id) { channel.close(); resolve(e.data); } };
    channel.postMessage({ id, op, args, kwargs });
  });
}
"""


class SiteServer:
    """diary.pwa.serve in a thread of the test process."""

    def __init__(self, site: Path):
        from diary.pwa.serve import make_server

        self.folder = site
        self.server = make_server(site, 0)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _no_rive(response) -> bool:
    """The service worker's own 404 for the Rive runtime the site does not ship (diary.pwa.service_worker)."""
    return response.from_service_worker and "/rive-wasm/" in response.url and response.status == 404


class PwaPage(AppPage):
    """A tab of the installed-style app in a persistent Chromium profile, with every request logged."""

    def __init__(self, browser_type, profile: Path, url: str, name: str, viewport: dict, locale: str | None = None,
                 user_agent: str | None = None):
        options = {"locale": locale, "user_agent": user_agent}
        self.context = browser_type.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=PWA_ARGS, viewport=viewport, service_workers="allow",
            **{name: value for name, value in options.items() if value})
        self.context.add_init_script(LISTEN)
        self.requests: list[str] = []
        self.failures: list[str] = []
        self.context.on("request", lambda r: self.requests.append(r.url))
        self.network_bytes = 0  # bodies that came over the network, not from the service worker's cache
        self.context.on("response", self._count)
        self.context.on("response", lambda r: r.status >= 400 and not _no_rive(r) and self.failures.append(f"{r.status} {r.url}"))
        # Offline, the browser's own update check of sw.js fails by design, and the Rive runtime's script
        # fails to load on the worker's 404; anything else must come from a cache.
        self.context.on("requestfailed", lambda r: r.url.split("?")[0].endswith("/sw.js") or "/rive-wasm/" in r.url
                        or self.failures.append(f"failed {r.url} ({r.failure})"))
        self._attach(self.context.pages[0] if self.context.pages else self.context.new_page())
        self.url, self.name = url, name
        self.offsite: list[str] = []
        self.tabs: list[PwaPage] = []

    def _attach(self, page) -> None:
        self.page = page
        self.page.on("console", lambda m: "Content Security Policy" in m.text and self.failures.append(m.text))
        self.page.on("worker", lambda w: w.on("console", lambda m: "Content Security Policy" in m.text
                                                 and self.failures.append(m.text)))

    def new_tab(self, name: str) -> PwaPage:
        """Another tab of the same browser profile (same storage, same service worker, same logs)."""
        tab = object.__new__(PwaPage)
        tab.context, tab.requests, tab.failures, tab.network_bytes = self.context, self.requests, self.failures, 0
        tab.url, tab.name, tab.offsite, tab.tabs = self.url, name, self.offsite, []
        tab._attach(self.context.new_page())
        self.tabs.append(tab)
        return tab

    def save_a_checkin(self, pain: int) -> None:
        """A new check-in with pain `pain` on Today, saved and reported saved."""
        self.start_a_checkin()
        self.tap(f"Pain {pain}")
        self.tap("Save")
        saved = re.compile(rf"Saved today: pain (right now )?{pain}\b")  # another check-in's pain is "right now"
        self.page.get_by_text(saved).or_(self.page.get_by_label(saved)).first.wait_for(timeout=20_000)

    def start_a_checkin(self) -> None:
        """Today with a blank form: "Add another check-in" when today has one already."""
        self.button("Save").wait_for(timeout=30_000)  # Today is drawn: whether it was logged shows too
        if self.page.get_by_text(T.TODAY_LOGGED).count():
            self.find_below(self.button(T.ADD_CHECKIN))
            self.tap(T.ADD_CHECKIN)
            self.scroll(-4000)

    def find_below(self, locator, steps: int = 10):
        """Scroll down until `locator` is on the page (Flutter lists only what is near the screen)."""
        for _ in range(steps):
            if locator.count():
                return locator
            self.scroll(500)
        return locator

    def shown_words(self, timeout: float = 20.0) -> str:
        """The backup passphrase Settings shows: six lower-case words, selectable, read out by their label."""
        six_words = re.compile(r"(?:[a-z]+ ){5,}[a-z]+")
        for _ in range(int(timeout * 2)):
            texts = self.page.evaluate("Array.from(document.querySelectorAll('flt-semantics > span'), e => e.textContent)")
            found = [t.strip() for t in texts if six_words.fullmatch(t.strip())]
            if found:
                return found[0]
            self.page.wait_for_timeout(500)
        raise AssertionError("Settings did not show the backup passphrase")

    def download_backup(self, folder: Path) -> tuple[Path, str]:
        """Settings → Backups → Make a backup file: the downloaded file and the words that open it."""
        self.tab("Settings")
        self.find_below(self.button(T.BACKUP_FILE_MAKE))
        with self.page.expect_download(timeout=90_000) as download:
            self.tap(T.BACKUP_FILE_MAKE)
        path = folder / download.value.suggested_filename
        download.value.save_as(path)
        self.see("Made the backup file", timeout=30_000)
        self.tap(T.BACKUP_SHOW_WORDS)
        return path, self.shown_words()

    def new_page(self) -> None:
        """Close this tab and continue in a fresh one of the same profile (as a phone reopening the app)."""
        self.page.close()
        self._attach(self.context.new_page())

    def goto(self, query: str = "") -> None:
        """Navigate and make the page's text reachable, without waiting for Today."""
        self.page.goto(self.url + query)
        self.page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=90_000)
        self.page.evaluate("document.querySelector('flt-semantics-placeholder').click()")

    def _count(self, response) -> None:
        if not response.from_service_worker:
            self.network_bytes += int(response.headers.get("content-length") or 0)

    def open(self, query: str = "", *, reload: bool = False) -> float:
        """Open (or reload) the app and wait for Today; returns the seconds from navigation to Today."""
        started = time.monotonic()
        if reload:
            self.page.reload()
            self.page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=90_000)
            self.page.evaluate("document.querySelector('flt-semantics-placeholder').click()")
        else:
            self.goto(query)
        self.skip_welcome(timeout=90_000)
        self.see("How has today been?", timeout=90_000)
        return time.monotonic() - started

    def skip_welcome(self, timeout: float = 90_000) -> bool:
        """Wait for the first screen; a new diary's is the first-run welcome, which is skipped. Returns
        whether it was there."""
        welcome = self.text_or_label(WELCOME)
        welcome.or_(self.text_or_label("How has today been?")).first.wait_for(timeout=timeout)
        if not welcome.count():
            return False
        self.button("Skip").dispatch_event("click")
        return True

    def answer_phq15(self, answer) -> None:
        """Fill in the PHQ-15 from Forms (Today offers the start-of-diary questionnaires as one item; PHQ-15
        comes first): `answer(question_index)` names the choice to tap."""
        self.tab("Forms")
        self.page.get_by_role("button", name="Start").first.dispatch_event("click")
        for question in range(15):
            self.see(f"Question {question + 1} of 15")
            self.tap(answer(question))
        self.tap("Finish and see my score")

    def text_or_label(self, text: str):
        return self.page.get_by_text(text).or_(self.page.get_by_label(text)).first

    def today_shown_ms(self) -> float:
        """Milliseconds from this navigation's start to the app announcing Today (performance.now())."""
        return self.wait_for_event("today-shown")[-1]["at"]

    def events(self, name: str) -> list[dict]:
        return [e for e in self.page.evaluate("window.__diary || []") if e.get("event") == name]

    def wait_for_event(self, name: str, count: int = 1, timeout: float = 20.0) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.events(name)
            if len(found) >= count:
                return found
            self.page.wait_for_timeout(100)
        raise AssertionError(f"the app did not announce {name!r} {count} time(s) within {timeout} s")

    def offsite_requests(self) -> list[str]:
        return [u for u in self.requests if urlparse(u).scheme in ("http", "https", "ws", "wss")
                and urlparse(u).hostname != "127.0.0.1"]

    def sodium(self, op: str, *args, **kwargs):
        """Call the browser's Sodium adapter (page opened with ?sodium-contract); bytes travel as hex."""
        encode = lambda v: "hex:" + v.hex() if isinstance(v, bytes) else v  # noqa: E731
        reply = self.page.evaluate(SODIUM_CALL, [op, [encode(a) for a in args], {k: encode(v) for k, v in kwargs.items()}])
        if "error" in reply:
            return reply["error"]
        result = reply["result"]
        return bytes.fromhex(result[4:]) if isinstance(result, str) and result.startswith("hex:") else result

    def check(self) -> None:
        assert not self.offsite_requests(), f"the app requested addresses off 127.0.0.1: {self.offsite_requests()}"
        assert not self.failures, f"the site answered with errors: {self.failures}"
        if not self.closed:
            assert self.page.get_by_text("Error running app").count() == 0

    closed = False

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.context.close()


def pytest_collection_modifyitems(items):
    """The site's tests last (in their order), so its background build has the rest of the run to finish in."""
    items.sort(key=lambda item: Path(item.path).resolve().is_relative_to(site_build.HERE))


def pytest_collection_finish(session):
    site_build.start_if_needed(session.items, Path(session.config.rootpath) / "test-artifacts")


def pytest_sessionfinish(session):
    site_build.stop()


@pytest.fixture(scope="session")
def pwa_site():
    """The site in build/pwa, built unless it is up to date: in the background since collection
    (site_build), else now."""
    from diary.pwa.build import DEFAULT_OUT, build, is_up_to_date

    if shutil.which("npm") is None and not is_up_to_date(DEFAULT_OUT):
        if os.environ.get("CI"):
            pytest.fail("npm not found; .ci/run must install Debian's nodejs and npm packages.")
        pytest.skip("npm not found (apt-get install nodejs npm); the web app cannot be built, its tests are skipped.")
    with not_counted():  # built for the whole run: not part of the first test's time limit
        failed = site_build.wait()
        if failed:
            print(f"\nweb app: building again in the foreground; {failed}")
        result = build(DEFAULT_OUT)
    print(f"\nweb app: {'built' if result.built else 'up to date'} in {result.seconds:.1f} s, "
          f"{result.site_bytes / 1e6:.1f} MB on disk")
    server = SiteServer(result.out)
    yield server
    server.stop()


@pytest.fixture
def open_pwa(browser, tmp_path):
    """open_pwa(name, profile=None) → PwaPage; every page is checked and closed afterwards."""
    pages: list[PwaPage] = []

    def open_page(name: str, profile=None, url=None, locale=None, user_agent=None):
        page = PwaPage(browser.browser_type, profile or tmp_path / f"profile-{name}", url, name, PHONE, locale, user_agent)
        pages.append(page)
        return page

    open_page.pages = pages
    yield open_page
    for page in pages:
        try:
            if not page.closed:
                page.screenshot("last")  # what the tab showed at the end, for a failure's report
            page.check()
        finally:
            page.close()
