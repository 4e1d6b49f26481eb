"""Every screen of both roles, checked by axe-core in Chromium with Flutter's accessibility tree on.

What axe can judge here, and what it cannot: Flutter draws the app on a canvas and mirrors it for
assistive technology as a tree of `flt-semantics` elements with ARIA roles and names. Names, labels and
nesting of that tree are real (a screen reader reads exactly them), so the name and role rules are run
and must pass (conftest.AXE_RULES). Colour contrast and landmark rules are not meaningful: the
semantics elements are transparent boxes over a canvas (axe sees no text colour or background to
compare, so it would report "incomplete" or pass vacuously), and Flutter emits no landmark elements
(main, nav) that the app could set. Contrast is checked instead from the colours the app actually
draws with (tests/ui/test_contrast.py: WCAG AA 4.5:1 for text, 3:1 for focus rings and chart marks).

Flutter leaves off-screen parts of a screen out of the tree, so the pages here are very tall: every
screen is in the tree at once. The per-screen results go to test-artifacts/axe-*.json.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.e2e.conftest import ARTIFACTS, PHONE
from tests.e2e.test_clinician_loop import ClinicianServer

pytestmark = pytest.mark.e2e

TALL = 5200  # px: the longest screen (Settings at 390 px, Trends) fits whole

# The patient screen's goals line, rated or not (its wording since issue 15).
GOALS_LINE = re.compile(r"T-score of the intermediate goals|Goal attainment: no goal rated yet")


def _demo(home, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "diary", "--home", str(home), *args], check=True, capture_output=True,
                   timeout=180)


class Audit:
    """Runs axe on each screen visited and keeps the results by screen."""

    def __init__(self, app, name: str):
        self.app, self.name, self.results = app, name, {}

    def __call__(self, screen: str) -> None:
        self.results[screen] = self.app.axe()

    def finish(self) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / f"axe-{self.name}.json").write_text(json.dumps(self.results, indent=1), encoding="utf-8")
        failing = {screen: found for screen, found in self.results.items() if found}
        assert not failing, "axe found violations:\n" + "\n".join(
            f"  {screen}: {v['rule']}: {v['html'][:160]}" for screen, found in failing.items() for v in found)
        assert len(self.results) >= 5


def _click(app, role: str, name) -> None:
    app._settled(app.page.get_by_role(role, name=name).first).dispatch_event("click")


@pytest.mark.parametrize("width", [390, 1280])
def test_every_patient_screen_is_named(tmp_path, browser, start_app, app_page, width):
    home = tmp_path / "patient"
    _demo(home, "demo", "--days", "120")
    server = start_app(home)
    app = app_page(server.url, {"width": width, "height": TALL}, f"axe-patient-{width}")
    audit = Audit(app, f"patient-{width}")
    app.see("How has today been?")
    # Pinch-zoom allowed: Flutter's engine replaced the page's viewport tag, and diary/zoom.py undid the ban.
    viewports = app.page.evaluate("[...document.querySelectorAll('meta[name=viewport]')].map(m => m.content)")
    assert viewports and all("user-scalable" not in v and "maximum-scale" not in v for v in viewports), viewports
    audit("today")

    app.tab("History")
    app.see("Your days")
    audit("history")
    app.page.get_by_text(re.compile(r"^Yesterday, ")).first.click()
    app.see("Back to history")
    audit("history-day")
    _click(app, "button", re.compile(r"^Edit\b"))
    app.see("Check-in for")
    audit("history-edit")

    app.tab("Trends")
    app.page.get_by_role("img", name=re.compile(r"^Chart: ")).first.wait_for(timeout=60_000)
    audit("trends")
    with app.page.expect_download() as download:  # the browser downloads it: never "Not saved."
        app.tap("PDF for my visit")
    assert download.value.suggested_filename.endswith(".pdf")
    app.see(re.compile(r"^The summary was handed to your browser as .*\.pdf\.$"), timeout=30_000)

    app.tab("Goals")
    app.see("Your goals")
    audit("goals")
    _click(app, "button", re.compile(r"^Edit "))
    app.see("Edit goal")
    audit("goal-edit")
    app.tap("Cancel")
    app.tap("Rate my goals")
    app.see("How far have you come?")
    audit("goal-rating")

    app.tab("Forms")
    app.see("Questionnaires")
    audit("forms")
    _click(app, "button", re.compile(r"^(Start|Resume)"))
    app.see(re.compile(r"Question 1 of|Previous|Finish") if width < 840 else "Finish and see my score")
    audit("questionnaire")

    app.tab("Share")
    app.see("Share with your physiotherapist")
    audit("share")
    app.tap("Pair with a physiotherapist")
    app.see("Pair with your physiotherapist")
    audit("pairing")

    app.tab("Settings")
    app.see("Settings and about")
    audit("settings")
    if width < 840:
        app.nav("More").dispatch_event("click")
        app.see("Questionnaires due and your scores")
        audit("more")
    audit.finish()

    # Reloading and closing the tab while charts are drawn: normal, so nothing on the server's stderr.
    app.tab("Trends")
    app.page.reload()
    app.page.wait_for_timeout(300)
    app.open()
    app.tab("Trends")
    other = browser.new_context(viewport=PHONE)
    tab = other.new_page()
    tab.goto(server.url)
    tab.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=60_000)
    tab.wait_for_timeout(1500)
    other.close()  # a tab closed while its first screen was being sent
    app.page.wait_for_timeout(3000)
    printed = (server.home.parent / f"server-{server.port}.log").read_text()
    assert "Traceback" not in printed and "WebSocket is not connected" not in printed, printed[-2000:]


@pytest.mark.parametrize("width", [390, 1280])
def test_every_clinician_screen_is_named(tmp_path, browser, width):
    from tests.e2e.conftest import pages_of
    from tests.e2e.test_clinician_loop import ClinicianPage

    home = tmp_path / "clinic"
    _demo(home, "--clinician", "demo", "--patients", "12", "--days", "90")
    server = ClinicianServer(home)
    pages = pages_of(browser, ClinicianPage)
    open_page = next(pages)
    try:
        app = open_page(server.url, {"width": width, "height": TALL}, f"axe-clinician-{width}")
        audit = Audit(app, f"clinician-{width}")
        app.see("Demo 0001")
        audit("caseload")
        app.tap("Demo 0001")
        app.see(GOALS_LINE, timeout=30_000)
        app.page.get_by_role("img", name=re.compile(r"^Chart: ")).first.wait_for(timeout=60_000)
        audit("patient")
        with app.page.expect_download() as download:
            app.tap("One-page PDF")
        assert download.value.suggested_filename.endswith(".pdf")
        app.see(re.compile(r"^The summary was handed to your browser as .*\.pdf\.$"), timeout=30_000)
        _click(app, "button", re.compile(r"^Add your rating"))
        app.see("Save my rating")
        audit("patient-rating")
        app.tab("Import")
        app.page.get_by_role("button", name="Choose export files").wait_for()
        audit("import")
        app.tab("Settings")
        app.see("Your clinic's key")
        audit("settings")
        audit.finish()
    finally:
        next(pages, None)
        server.stop()
