"""The keyboard alone: Tab order follows reading order, each scale and the body map are one stop, the
focus ring is visible, and a day is logged and saved (Ctrl+S) without touching the mouse."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.e2e

MAX_TABS_TO_SAVE = 30  # the bound (94 before the scales and the map became one stop each)


def focused(app) -> str:
    """The accessible name of the element with keyboard focus ("" when none)."""
    return app.page.evaluate("""() => { const e = document.activeElement;
        if (!e || e === document.body) return '';
        return (e.getAttribute('aria-label') || e.textContent || e.tagName).replace(/\\s+/g, ' ').trim(); }""")


def tab(app, times: int = 1, *, back: bool = False) -> str:
    for _ in range(times):
        app.page.keyboard.press("Shift+Tab" if back else "Tab")
        app.page.wait_for_timeout(120)
    return settled_focus(app)


def settled_focus(app) -> str:
    """The focused element's name once it stops changing (Flutter scrolls the focused control into view and
    rebuilds the accessibility tree around it first)."""
    name = None
    for _ in range(20):
        app.page.wait_for_timeout(150)
        now = focused(app)
        if now == name:
            return now
        name = now
    return name


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_log_a_day_with_the_keyboard_only(start_app, app_page, size):
    app = app_page(start_app().url, PHONE if size == "phone" else DESKTOP, f"keyboard-{size}")
    app.see("How has today been?")

    # Reading order: the screen from the top (the first field is the pain scale), with the navigation where
    # it is drawn: a desktop's rail on the left comes first, a phone's tab bar at the bottom last.
    stops = [tab(app) for _ in range(12)]
    first = next(i for i, name in enumerate(stops) if name.startswith("Pain 0"))
    if size == "desktop":
        assert any("Today" in name for name in stops[:first]), stops
    app.screenshot("focus-on-pain")

    # From the first field to Save, counted.
    names = [stops[first]]
    while not names[-1].startswith("Save") and len(names) <= 60:
        names.append(tab(app))
    presses = len(names) - 1
    print(f"Tab presses from the first field to Save: {presses}: {names}")
    if size == "phone":
        assert any("Today" in name for name in [tab(app) for _ in range(4)])  # the bar, after Save
        tab(app, 4, back=True)
    assert presses <= MAX_TABS_TO_SAVE, names
    assert [n for n in names if n.startswith(("Pain", "Fatigue", "Stress", "Sleep quality", "Worry"))] == [
        "Pain 0", "Fatigue 0", "Stress 0", "Sleep quality 0", "Worry 0"], names  # one stop per scale, in order
    assert sum(", not painful" in n or ", painful" in n for n in names) == 1, names  # the map: one stop

    # Back to the pain scale, and log: arrows choose, the map is walked with arrows and marked with Space.
    tab(app, presses, back=True)
    assert focused(app).startswith("Pain 0"), focused(app)
    for _ in range(6):
        app.page.keyboard.press("ArrowRight")
        app.page.wait_for_timeout(200)
    assert focused(app) == "Pain 6, selected"
    app.page.wait_for_timeout(400)
    assert tab(app).endswith("not painful")  # the map: its first region, top of the front figure
    neck = None
    for _ in range(8):
        if focused(app).startswith("Neck"):
            neck = focused(app)
            break
        app.page.keyboard.press("ArrowRight")
        app.page.wait_for_timeout(250)
    assert neck == "Neck, not painful", focused(app)
    app.page.keyboard.press("Space")
    app.page.wait_for_timeout(600)
    assert focused(app) == "Neck, painful"
    app.screenshot("map-focused")
    tab(app)  # "No pain today"
    assert tab(app).startswith("Fatigue 0")
    app.page.keyboard.press("4")
    app.page.wait_for_timeout(400)
    assert focused(app) == "Fatigue 4, selected"
    app.screenshot("fatigue-by-digit")

    # Ctrl+S saves the day from wherever the focus is.
    app.page.keyboard.press("Control+s")
    app.see("Saved today: pain 6, fatigue 4, 1 painful area.")
    app.screenshot("saved-by-keyboard")
