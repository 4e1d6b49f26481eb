"""End-to-end fixtures: the real app served on 127.0.0.1, driven by Playwright in Debian's Chromium.

Chromium is never downloaded (no `playwright install`): the tests use /usr/bin/chromium, which
.ci/run installs. Without it the tests skip locally but fail in CI (CI=true), so they never
silently stop running there. Every request off 127.0.0.1 is aborted and fails the test: that is how we
prove the app is offline (the Flet client's Rive runtime included: the server points it at itself).
"""

from __future__ import annotations

import gc
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import traceback
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.e2e.time_limit import Watchdog, keep_stderr, limit_for

CHROMIUM = os.environ.get("DIARY_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# The rules about names and roles: every control named, every field labelled, nothing interactive inside
# another interactive element, and a visible label that is part of the spoken name. `aria-command-name`
# and `aria-toggle-field-name` are button-name and label for Flutter's role="button"/"switch" nodes.
AXE_RULES = ("button-name", "aria-command-name", "label", "aria-input-field-name", "aria-toggle-field-name",
             "nested-interactive", "label-content-name-mismatch", "image-alt", "role-img-alt", "link-name",
             "select-name", "aria-progressbar-name", "aria-dialog-name", "aria-tooltip-name")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveBrowser:
    """The session's Chromium, launched again if a test's time limit killed it (tests/e2e/time_limit.py):
    stands in for Playwright's Browser, whose attributes it passes on."""

    def __init__(self, chromium_type):
        self._type, self._browser = chromium_type, None

    def _live(self):
        if self._browser is None or not self._browser.is_connected():
            self._browser = self._type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        return self._browser

    def __getattr__(self, name):
        return getattr(self._live(), name)

    def close(self) -> None:
        if self._browser is not None and self._browser.is_connected():
            self._browser.close()


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}; .ci/run must install Debian's chromium package.")
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium); end-to-end tests skipped.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = LiveBrowser(pw.chromium)
        yield launched
        launched.close()


class AppServer:
    """`diary --home HOME --port PORT --no-browser` in its own process group, opened through the address it
    prints (with this launch's token: the server lets nothing else in)."""

    def __init__(self, home: Path):
        self.home = home
        self.port = _free_port()
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop("DISPLAY", None)
        log_path = home.parent / f"server-{self.port}.log"
        self.log = open(log_path, "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "diary", "--home", str(home), "--port", str(self.port), "--no-browser"],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, start_new_session=True,
        )
        self.url = self._printed_url(log_path)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the app exited early: {log_path.read_text()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the app did not start listening within 30 s")

    def _printed_url(self, log_path: Path) -> str:
        """The address from the app's "diary is running at URL" line."""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            found = re.search(r"diary is running at (\S+)", log_path.read_text())
            if found:
                assert found[1].startswith(f"http://127.0.0.1:{self.port}/?token="), found[1]
                return found[1]
            if self.process.poll() is not None:
                raise RuntimeError(f"the app exited early: {log_path.read_text()}")
            time.sleep(0.05)
        raise RuntimeError("the app did not print its address within 30 s")

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=10)
        self.log.close()


@pytest.fixture
def start_app(tmp_path):
    servers: list[AppServer] = []

    def start(home: Path | None = None) -> AppServer:
        server = AppServer(home or tmp_path / f"home{len(servers)}")
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


class AppPage:
    """A browser tab on the app, with the offline guard and helpers that read like a user's steps.

    LOCALE is the browser's language (None: Chromium's default, English); TODAY, MORE, SKIP, WELCOME and
    TODAY_HEADING are words the app then shows. A new diary opens on the first-run welcome; `open()` skips it
    unless `welcome` is True (its own test).
    """

    LOCALE: str | None = None
    TODAY, MORE = "Today", "More"
    SKIP, WELCOME, TODAY_HEADING = "Skip", "Welcome to your symptom diary", "How has today been?"
    welcome = False

    def __init__(self, browser, url: str, viewport: dict, name: str):
        self.context = browser.new_context(viewport=viewport, **({"locale": self.LOCALE} if self.LOCALE else {}))
        self.page = self.context.new_page()
        self.url, self.name = url, name
        self.offsite: list[str] = []
        self.page.route("**/*", self._guard)
        self.open()

    def _guard(self, route) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            self.offsite.append(url)
            route.abort()

    def open(self) -> None:
        self.page.goto(self.url)
        self.page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=60_000)
        self.page.evaluate("document.querySelector('flt-semantics-placeholder').click()")
        self.nav(self.TODAY).wait_for(timeout=60_000)
        skip = self.button(self.SKIP)
        if not self.welcome and self.page.get_by_text(self.WELCOME).count() and skip.count():
            skip.dispatch_event("click")
            self.page.get_by_text(self.TODAY_HEADING).first.wait_for(timeout=30_000)

    def nav(self, name: str):
        """A destination of the navigation bar (phone: a tab) or rail (desktop: "Today Tab 1 of 3")."""
        return self.page.get_by_role("tab", name=name).or_(
            self.page.get_by_role("button", name=re.compile(rf"^{re.escape(name)} Tab \d"))
        ).first

    def button(self, name: str):
        # The first of that name: the body map's front and back figures share the names of the regions on
        # both (the front's comes first).
        return self.page.get_by_role("button", name=name, exact=True).first

    def _settled(self, locator):
        """Scroll the control into view and wait until it stops moving.

        Flutter scrolls with an animation and moves its semantics nodes as it goes; a click aimed
        while that runs lands on whatever is at that spot a moment later (a neighbouring button).
        """
        before = locator.bounding_box()
        locator.scroll_into_view_if_needed()
        # Already in view (nothing scrolled): the first sample now, so a control at rest is found settled one
        # wait later, not two. Scrolled: the first sample a wait later, once the animation is under way.
        box = locator.bounding_box() if before is not None else None
        box = box if box == before else None
        for _ in range(40):
            self.page.wait_for_timeout(120)
            now = locator.bounding_box()
            if now is not None and now == box:
                break
            box = now
        return locator

    def tap(self, name: str) -> None:
        # Activate through the accessibility node, as a screen reader or switch user would: it
        # reaches exactly the named control wherever the canvas is in its scroll animation.
        # A screen that re-renders as we aim (the last answer of a form redrawing its footer) detaches
        # the node we found; find it again rather than fail on a moving target.
        for attempt in range(3):
            try:
                self._settled(self.button(name)).dispatch_event("click")
                return
            except PlaywrightError as exc:
                if "not attached" not in str(exc) or attempt == 2:
                    raise

    def tab(self, name: str) -> None:
        """Open a destination: its tab or rail entry, or on a phone More → its tile."""
        self.nav(self.TODAY).wait_for()
        if self.nav(name).count():
            self.nav(name).dispatch_event("click")
            return
        self.nav(self.MORE).dispatch_event("click")
        tile = self.page.get_by_role("button", name=re.compile(rf"^{re.escape(name)}\b")).first
        self._settled(tile).dispatch_event("click")

    def fill(self, name, text: str) -> None:
        """Type into the named empty field, checking that the keys went there.

        A click aimed while the canvas still scrolls can focus a neighbouring field; Flutter then
        moves the editing element to that one. So: click, confirm the focus, type, confirm the value.
        """
        box = self.page.get_by_role("textbox", name=name)  # a name, or a pattern
        for attempt in range(4):
            # Focus the field's own element first (no pointer: a click can land on a neighbouring control
            # while the canvas scrolls); fall back to a click.
            self._settled(box).focus() if attempt < 2 else self._settled(box).click()
            self.page.wait_for_timeout(150)
            if box.evaluate("e => e === document.activeElement"):
                break
        else:
            raise AssertionError(f"could not focus the field {name!r}")
        self.page.keyboard.type(text)
        self.page.wait_for_timeout(100)
        value = box.input_value()
        assert value.endswith(text), f"typed {text!r} into {name!r} but it holds {value!r}"

    def see(self, text: str, timeout: float = 10_000):
        # Cards merge their texts into one accessibility label, so look in labels as well as in text.
        found = self.page.get_by_text(text).or_(self.page.get_by_label(text)).first
        found.wait_for(timeout=timeout)
        return found

    def scroll(self, pixels: int = 400) -> None:
        """Scroll the screen under the pointer (Flutter puts only what is on screen in the accessibility tree)."""
        self.page.mouse.move(self.page.viewport_size["width"] / 2, self.page.viewport_size["height"] / 2)
        self.page.mouse.wheel(0, pixels)
        self.page.wait_for_timeout(400)

    def screenshot(self, label: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.wait_for_timeout(600)  # the accessibility tree updates before the canvas repaints
        path = ARTIFACTS / f"{self.name}-{label}.png"
        self.page.screenshot(path=str(path))
        return path

    def axe(self) -> list[dict]:
        """axe-core's violations of AXE_RULES on what is on screen now: [{rule, html}].

        Flutter puts only the visible part of a screen into the accessibility tree, so callers use a
        tall viewport (or scroll) to check a whole screen.
        """
        if not AXE_JS.exists():
            if os.environ.get("CI"):
                pytest.fail(f"{AXE_JS} is missing; 'make test' installs it with npm ci.")
            pytest.skip(f"{AXE_JS} is missing (run 'npm ci'); accessibility checks skipped.")
        self.page.wait_for_timeout(700)  # let the accessibility tree settle after the last change
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
        return self.page.evaluate("""async rules => {
            const result = await axe.run(document, {runOnly: {type: 'rule', values: rules}, resultTypes: ['violations']});
            return result.violations.flatMap(v => v.nodes.map(n => ({rule: v.id, html: n.html.slice(0, 300)})));
        }""", list(AXE_RULES))

    def check(self) -> None:
        assert not self.offsite, f"the app requested addresses off 127.0.0.1: {self.offsite}"
        assert self.page.get_by_text("Error running app").count() == 0

    def close(self) -> None:
        self.context.close()


def pages_of(browser, page_class):
    """Fixture body: yields open_page(url, viewport, name) → page_class; checks and closes every page after."""
    pages: list = []

    def open_page(url: str, viewport: dict, name: str):
        page = page_class(browser, url, viewport, name)
        pages.append(page)
        return page

    open_page.pages = pages
    yield open_page
    try:
        for page in pages:
            page.check()
    finally:  # every tab is closed, whatever a check found
        for page in pages:
            try:
                page.close()
            except PlaywrightError:
                pass  # its browser is gone (a crash, or the time limit)


@pytest.fixture
def app_page(browser):
    yield from pages_of(browser, AppPage)


def pytest_configure(config):
    config.addinivalue_line("markers", "time_limit(seconds): this end-to-end test's own hard time limit")
    keep_stderr()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Setup, test and teardown within the test's time limit (tests/e2e/time_limit.py)."""
    with Watchdog(item.nodeid, limit_for(item)) as item.watchdog:
        yield


def _report_of(outcome, item, call) -> pytest.TestReport:
    """The step's report; if pytest could not write the failure (its source reader failed), a plain one."""
    try:
        return outcome.get_result()
    except SystemError as exc:
        frames = traceback.extract_tb(call.excinfo.tb)
        lines = "".join(f'  File "{f.filename}", line {f.lineno}, in {f.name}\n    {f.line}\n' for f in frames)
        report = pytest.TestReport(item.nodeid, item.location, {}, "failed",
                                   f"{lines}{call.excinfo.typename}: {call.excinfo.value}\n"
                                   f"(pytest could not show its usual report: {exc})", call.when, [],
                                   call.duration, call.start, call.stop)
        outcome.force_result(report)
        return report


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failed end-to-end step, keep a screenshot of every open tab for the report; a test stopped by
    its time limit fails and says so."""
    failed = call.excinfo is not None and gc.isenabled()
    if failed:
        # Python 3.11.7's parser can fail ("AST constructor recursion depth mismatch") while pytest reads the
        # failing test's source, when collecting garbage mid-parse ends one of Playwright's greenlets: collect
        # first and hold the collector while the report is written, and never lose the failure if it fails.
        gc.collect()
        gc.disable()
    try:
        outcome = yield
        report = _report_of(outcome, item, call)
    finally:
        if failed:
            gc.enable()
    watchdog = getattr(item, "watchdog", None)
    if watchdog is not None and watchdog.fired:
        if report.when == "call" and report.passed:
            report.outcome = "failed"
        if report.failed:
            report.longrepr = f"{watchdog.message}\n\n{report.longrepr or ''}"
        return
    names = [n for n in ("app_page", "swedish_page") if n in item.fixturenames]
    if report.when == "call" and report.failed and names:
        factory = item.funcargs.get(names[0])
        for page in getattr(factory, "pages", []):
            try:
                page.screenshot("FAILED")
            except Exception:
                pass
