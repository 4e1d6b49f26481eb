"""200% text at 390 px (the browser's text size doubled, as a user sets it): Today's scales wrap instead
of cutting "10", the Trends periods fit, chart lettering grows, and Goals and the caseload stay usable.
Screenshots of each go to test-artifacts/large-text-*.png."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.e2e.conftest import AppPage, pages_of
from tests.e2e.test_accessibility import GOALS_LINE
from tests.e2e.test_clinician_loop import ClinicianPage, ClinicianServer

pytestmark = pytest.mark.e2e

PHONE_TALL = {"width": 390, "height": 1400}
# The browser's text size doubled: Flutter's text scale is the root element's font size / 16 (and follows
# changes to it). The root element exists only once the page is parsed.
DOUBLE_TEXT = ("document.addEventListener('DOMContentLoaded', "
               "() => { document.documentElement.style.fontSize = '32px'; });")


class LargeText:
    def open(self) -> None:
        self.page.add_init_script(DOUBLE_TEXT)
        super().open()


class LargeTextPage(LargeText, AppPage):
    pass


class LargeTextClinicianPage(LargeText, ClinicianPage):
    pass


def box(app, role: str, name) -> dict:
    found = app.page.get_by_role(role, name=name).first
    found.wait_for()
    return found.bounding_box()


def test_the_patients_screens_at_200_percent(tmp_path, start_app, browser):
    home = tmp_path / "patient"
    subprocess.run([sys.executable, "-m", "diary", "--home", str(home), "demo", "--days", "120"], check=True,
                   capture_output=True)
    pages = pages_of(browser, LargeTextPage)
    app = next(pages)(start_app(home).url, PHONE_TALL, "large-text")
    app.see("How has today been?")
    app.page.wait_for_timeout(1500)  # the shell measures the text size and draws Today again
    zero, ten = box(app, "button", re.compile(r"^Pain 0")), box(app, "button", re.compile(r"^Pain 10"))
    assert ten["y"] > zero["y"] + zero["height"] / 2, "the scale wraps onto a second row"
    assert ten["width"] >= 40 and ten["x"] + ten["width"] <= 390
    app.screenshot("today")

    app.tab("Trends")
    image = app.page.get_by_role("img", name=re.compile(r"^Chart: ")).first
    image.wait_for(timeout=60_000)
    app.page.wait_for_timeout(1000)
    for period in ("4 weeks", "3 months", "1 year", "All"):
        segment = box(app, "button", re.compile(rf"^{period}"))
        assert segment["x"] >= 0 and segment["x"] + segment["width"] <= 390, period
    assert image.bounding_box()["height"] > 280  # 220 px at 100%: the chart grew with its lettering
    app.screenshot("trends")

    app.tab("Goals")
    app.see("Your goals")
    app.page.get_by_role("textbox", name="Minutes per session").wait_for()
    minutes = box(app, "textbox", "Minutes per session")
    assert minutes["x"] + minutes["width"] <= 390
    app.screenshot("goals")
    next(pages, None)


def test_the_caseload_at_200_percent(tmp_path, browser):
    home = tmp_path / "clinic"
    subprocess.run([sys.executable, "-m", "diary", "--home", str(home), "--clinician", "demo", "--patients", "8",
                    "--days", "30"], check=True, capture_output=True)
    server = ClinicianServer(home)
    pages = pages_of(browser, LargeTextClinicianPage)
    try:
        app = next(pages)(server.url, PHONE_TALL, "large-text-clinician")
        app.see("Demo 0001")
        app.page.wait_for_timeout(1500)
        patient = box(app, "button", "Demo 0001")
        assert patient["x"] + patient["width"] <= 390
        app.screenshot("caseload")
        app.tap("Demo 0001")
        app.see(GOALS_LINE, timeout=30_000)
        app.screenshot("patient")
        next(pages, None)
    finally:
        server.stop()
