"""A new user's first day, in a real browser at phone and desktop size."""

from datetime import date, timedelta

import pytest

from tests.e2e.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_new_users_first_day(start_app, app_page, size):
    server = start_app()
    asked: list[str] = []
    app = app_page(server.url, PHONE if size == "phone" else DESKTOP, f"first-day-{size}")
    app.page.on("request", lambda request: asked.append(request.url))
    app.page.reload()  # again, now listening: the client's Rive request goes to this server (a 404), not a CDN
    app.page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=60_000)
    app.page.evaluate("document.querySelector('flt-semantics-placeholder').click()")
    app.see("How has today been?", timeout=60_000)
    app.screenshot("today-empty")

    # Log today: pain, two regions on the body map, stress, 20 minutes moderate, a note.
    app.tap("Pain 6")
    app.tap("Neck, not painful")
    app.tap("Lower back, not painful")
    app.button("Neck, painful").wait_for()
    app.tap("Stress 4")
    app.fill("Moderate", "20")
    app.fill("Note", "Walked to the shop")
    app.screenshot("today-filled")
    app.tap("Save")
    saved = app.see("Saved today: pain 6, stress 4, 2 painful areas, 20 min active, a note.")
    app.page.wait_for_timeout(600)
    bottom = saved.bounding_box()["y"] + saved.bounding_box()["height"]
    bar = app.page.get_by_role("tablist").bounding_box() if size == "phone" else None
    assert bottom <= (bar["y"] if bar else app.page.viewport_size["height"]), "the confirmation is in full view"
    app.screenshot("today-saved")
    assert [url for url in asked if url.endswith("/rive_native.js")] == [
        f"http://127.0.0.1:{server.port}/rive-wasm/wasm/rive_native.js"]
    assert not app.offsite

    # See it in History, then back-fill yesterday.
    app.tab("History")
    today_row = app.see("pain 6, stress 4, 2 painful areas, 20 min active, a note")
    app.screenshot("history")
    yesterday = date.today() - timedelta(days=1)
    app.page.get_by_text(f"Yesterday, {yesterday.strftime('%-d %b')}").click()
    app.see(f"Fill in Yesterday, {yesterday.strftime('%-d %b')}")
    app.tap("Pain 3")
    app.tap("Fatigue 5")
    app.tap("Save")
    app.see("pain 3, fatigue 5.")
    app.screenshot("yesterday-saved")

    # Reload: everything is still there.
    app.open()
    app.tab("History")
    app.see("pain 6, stress 4, 2 painful areas, 20 min active, a note")
    app.see("pain 3, fatigue 5")
    app.tab("Today")
    app.button("Pain 6, selected").wait_for()
    app.button("Neck, painful").wait_for()
    app.button("Lower back, painful").wait_for()
    assert today_row is not None
