"""The phone app (issue 13): the built site in Chromium at 390 × 844, every host but 127.0.0.1 unresolvable.

First visit → log a day → reload → the day is there; offline → reload → it loads and shows the day; the
browser closed and reopened with the same profile → still there, and offline the other screens work: History,
a PHQ-15, a goal rated, Trends drawn on the canvas (the day's body map shaded), Settings saying whether the
browser keeps the data. Not one request off 127.0.0.1, no missing file, the page's CSP refuses other origins,
Chromium reports the site installable. Timings are printed (pytest -s).
"""

from __future__ import annotations

import io
import re
from urllib.parse import urlparse

import pytest
from PIL import Image

from diary.ui import text as T
from tests.e2e.pwa.conftest import PwaPage

pytestmark = pytest.mark.e2e

NOTE = "Gick till affären – åäö ÅÄÖ ≤ 30 min"  # Swedish letters and signs: drawn with the bundled fonts
CSP_PROBE = """() => new Promise((resolve) => {
  document.addEventListener("securitypolicyviolation", (e) => resolve(e.effectiveDirective), { once: true });
  fetch("http://127.0.0.1:9/").then(() => resolve("fetched"), () => {});
})"""
EVERY_DAY = (0x99, 0x24, 0x00)  # the light heat ramp's end: a region that hurt on every body-map day


def installability(app: PwaPage) -> tuple[list, list]:
    cdp = app.context.new_cdp_session(app.page)
    manifest = cdp.send("Page.getAppManifest")
    return manifest.get("errors", []), cdp.send("Page.getInstallabilityErrors").get("installabilityErrors", [])


def policy_blocks_other_origins(app: PwaPage) -> str:
    """Fetch from another origin (127.0.0.1 on another port, resolvable and not the app's): the page's
    Content-Security-Policy must refuse it. Returns the directive that did."""
    directive = app.page.evaluate(CSP_PROBE)
    app.failures = [f for f in app.failures if "127.0.0.1:9" not in f]  # the refusal we provoked
    return directive


def charts(app: PwaPage, title: str = ""):
    """The chart images (a canvas under an image label), all or those whose label starts with `title`."""
    return app.page.get_by_role("img", name=re.compile("^" + re.escape(T.CHART_IMAGE_LABEL.format(title=title))))


def pixels_like(app: PwaPage, title: str, colour: tuple[int, int, int], tolerance: int = 8) -> int:
    """How many pixels of the chart titled `title` have about `colour` (what the canvas painted)."""
    element = charts(app, title).first
    app._settled(element)
    app.page.wait_for_timeout(700)  # the accessibility tree is ahead of the canvas
    image = Image.open(io.BytesIO(element.screenshot())).convert("RGB")
    return sum(all(abs(a - b) <= tolerance for a, b in zip(pixel, colour)) for pixel in image.get_flattened_data())


def log_a_day(app: PwaPage) -> list[dict]:
    app.tap("Pain 6")
    app.tap("Neck, not painful")
    app.tap("Lower back, not painful")
    app.tap("Stress 4")
    app.fill("Note", NOTE)
    syncs_before = len(app.events("synced"))
    app.tap("Save")
    app.see("Saved today: pain 6, stress 4, 2 painful areas, a note.")
    return app.wait_for_event("synced", syncs_before + 1)


def the_other_screens_work_offline(app: PwaPage) -> None:
    app.tab("History")
    app.see("pain 6, stress 4, 2 painful areas, a note")
    app.screenshot("history")
    app.answer_phq15(lambda question: "Bothered a little")
    app.see("Score 15 of 30")
    app.screenshot("phq15")
    app.tab("Goals")
    app.tap("Add a main goal")
    app.fill("Goal", "Walk to the shop")
    app.tap("Save")
    app.see('Saved the goal "Walk to the shop".')
    app.tap("Rate my goals")
    app.tap("Walk to the shop: Partially attained")
    app.tap("Save ratings")
    app.see("Saved 1 rating")
    app.screenshot("goal-rated")
    app.tab("Trends")
    # The period starts at the diary's first day (today) since issue 16, hence "the last 1 day".
    app.see("Pain averaged 6.0 over the last 1 day (1 day rated).", timeout=30_000)
    app.screenshot("trends")
    assert charts(app).count() == len(T.CHART_TITLES)
    assert pixels_like(app, "Where it hurt", EVERY_DAY) > 200  # neck and lower back: hurt on every day
    app.screenshot("trends-body-map")
    app.see(T.VISIT_PDF_ON_DESKTOP)
    app.tab("Settings")
    app.see(T.KEPT_IN_BROWSER_TEXT)
    app.see(T.PERSISTENCE_GRANTED if app.events("today-shown")[-1]["persisted"] else T.PERSISTENCE_NOT_GRANTED)
    app.screenshot("settings")


def test_a_day_logged_on_the_phone_survives_reload_offline_and_restart(pwa_site, open_pwa, tmp_path):
    profile = tmp_path / "phone-profile"
    app = open_pwa("pwa-first-visit", profile, pwa_site.url)
    first = app.open()
    app.wait_for_event("today-shown")
    first_visit_bytes = app.network_bytes
    app.screenshot("today-empty")
    synced = log_a_day(app)
    app.screenshot("today-saved")

    reload_seconds = app.open(reload=True)
    app.button("Pain 6, selected").wait_for()
    app.button("Lower back, painful").wait_for()

    app.context.set_offline(True)
    offline_seconds = app.open(reload=True)
    offline_ms = app.today_shown_ms()
    app.button("Pain 6, selected").wait_for()
    app.screenshot("today-offline")
    app._settled(app.page.get_by_role("textbox", name="Note"))
    app.screenshot("note-offline")  # the note's å ä ö – ≤ drawn with the bundled fonts, offline
    manifest_errors, install_errors = installability(app)
    assert policy_blocks_other_origins(app) == "connect-src"
    app.check()
    app.close()

    again = open_pwa("pwa-restarted", profile, pwa_site.url)
    again.context.set_offline(True)
    restart_seconds = again.open()
    again.button("Pain 6, selected").wait_for()
    again.button("Neck, painful").wait_for()
    again.screenshot("today-after-restart")
    the_other_screens_work_offline(again)

    assert manifest_errors == [], manifest_errors
    assert install_errors == [], install_errors
    sync_ms = [round(e["seconds"] * 1000, 1) for e in synced]
    print(f"\nfirst visit → Today {first:.1f} s; reload {reload_seconds:.1f} s; offline reload {offline_seconds:.1f} s "
          f"(Today announced {offline_ms / 1000:.1f} s after navigation); "
          f"browser restart (offline) {restart_seconds:.1f} s; IDBFS syncs (ms): {sync_ms}; "
          f"first visit downloaded {first_visit_bytes / 1e6:.1f} MB")


# Safari and Firefox get Flutter's JavaScript client with CanvasKit (flutter_bootstrap.js allows the wasm
# client on Chromium only). Chromium is made to take that path too by pinning Flet's renderer setting
# to "canvaskit" whatever the page assigns to it.
FORCE_CANVASKIT = """Object.defineProperty(window, "flet", { configurable: true,
  set(value) {
    this.__flet = new Proxy(value, { set(target, key, v) { target[key] = key === "webRenderer" ? "canvaskit" : v; return true; } });
    this.__flet.webRenderer = "canvaskit";
  },
  get() { return this.__flet; } });"""


def test_the_javascript_client_other_browsers_get_works_offline_too(pwa_site, open_pwa):
    app = open_pwa("pwa-canvaskit", None, pwa_site.url)
    app.context.add_init_script(FORCE_CANVASKIT)
    app.open()
    app.wait_for_event("today-shown")
    app.context.set_offline(True)
    app.open(reload=True)
    paths = {urlparse(url).path for url in app.requests}
    assert "/main.dart.js" in paths and "/main.dart.wasm" not in paths
    assert any(path.startswith("/canvaskit/") and path.endswith("/canvaskit.wasm") for path in paths)
    app.screenshot("today-offline")
