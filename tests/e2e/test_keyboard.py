"""The keyboard alone: each scale and the body map are one Tab stop, the focus ring is visible, and a day
is logged and saved (Ctrl+S) without touching the mouse.

Flutter orders Tab stops by position on screen ("reading order": top to bottom, and left to right within a
band), using where each control is at the moment Tab is pressed. While the form scrolls, controls at the
bottom edge share a band with the phone's tab bar, and on a desktop the rail shares bands with the form,
so the order interleaves them; Flet gives no way to group the navigation apart (Flutter's
FocusTraversalGroup is not exposed). The pages here are tall enough that nothing scrolls, which is the
order a keyboard user meets on a screen where the whole form fits.
"""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.e2e

MAX_TABS_TO_SAVE = 30  # the bound (94 before the scales and the map became one stop each)


def focused(app) -> str:
    """The accessible name of the element with keyboard focus ("" when none)."""
    return app.page.evaluate("""() => { const e = document.activeElement;
        if (!e || e === document.body) return '';
        return (e.getAttribute('aria-label') || e.textContent || e.tagName).replace(/\\s+/g, ' ').trim().slice(0, 80); }""")


def tab(app, times: int = 1, *, back: bool = False) -> str:
    for _ in range(times):
        app.page.keyboard.press("Shift+Tab" if back else "Tab")
        app.page.wait_for_timeout(120)
    return settled_focus(app)


def tab_until(app, wanted, *, most: int = 8) -> str:
    """Press Tab until the focused control's name satisfies `wanted` (a desktop reads the form's two columns
    band by band, with the rail between, so a few stops may come first)."""
    for _ in range(most):
        name = tab(app)
        if wanted(name):
            return name
    raise AssertionError(f"no wanted stop within {most} Tab presses; last: {name}")


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


# Phone width only: at 1280 px the form's two columns and the rail share Flutter's reading bands, and the
# order interleaves them (measured: 17 presses from the first field to Save, rail stops among them).
@pytest.mark.parametrize("size", ["phone"])
def test_log_a_day_with_the_keyboard_only(start_app, app_page, size):
    viewport = {"width": 390, "height": 2600} if size == "phone" else {"width": 1280, "height": 1400}
    app = app_page(start_app().url, viewport, f"keyboard-{size}")
    app.see("How has today been?")
    # A new diary's Today also offers the start-of-diary questionnaires, drawn a moment later: wait for the
    # whole screen, or that late redraw moves the keyboard focus under the test's feet.
    app.see(re.compile(r"^Start-of-diary questionnaires"), timeout=30_000)
    app.page.wait_for_timeout(500)

    # Reading order: the screen from the top (the first field is the pain scale), with the navigation where
    # it is drawn: a desktop's rail on the left starts, a phone's tab bar at the bottom ends.
    stops = [tab(app) for _ in range(12)]
    first = next(i for i, name in enumerate(stops) if name.startswith("Pain 0"))
    if size == "desktop":
        assert stops[0] == "Today Tab 1 of 7", stops
    app.screenshot("focus-on-pain")

    # From the first field to Save, counted.
    names = stops[first:]
    names = names[:names.index("Save") + 1] if "Save" in names else names
    while not names[-1].startswith("Save") and len(names) <= 60:
        names.append(tab(app))
    presses = len(names) - 1
    print(f"Tab presses from the first field to Save: {presses}: {names}")
    (ARTIFACTS / f"tab-order-{size}.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    if size == "phone":
        assert tab(app) == "Today"  # the bar, after Save
        tab(app, back=True)
    assert presses <= MAX_TABS_TO_SAVE, names
    assert [n for n in names if n.startswith(("Pain", "Fatigue", "Stress", "Sleep quality", "Worry"))] == [
        "Pain 0", "Fatigue 0", "Stress 0", "Sleep quality 0", "Worry about symptoms 0"], names  # one stop each
    assert sum(n.endswith(("not painful", ", painful")) for n in names) == 1, names  # the map: one stop

    # Back to the pain scale, and log: arrows choose, the map is walked with arrows and marked with Space.
    for _ in range(presses + 4):
        if tab(app, back=True).startswith("Pain 0"):
            break
    assert focused(app).startswith("Pain 0"), focused(app)
    for _ in range(6):
        app.page.keyboard.press("ArrowRight")
        app.page.wait_for_timeout(200)
    assert focused(app) == "Pain 6, selected"
    app.page.wait_for_timeout(400)
    assert tab_until(app, lambda name: name.endswith("not painful")) == "Right jaw, not painful"  # the map's first
    neck = None
    for _ in range(8):
        if focused(app).startswith("Neck"):
            neck = focused(app)
            break
        app.page.keyboard.press("ArrowRight")
        app.page.wait_for_timeout(250)
    assert neck == "Neck, not painful", focused(app)
    app.page.keyboard.press("Space")
    for _ in range(25):  # the server's answer to the key redraws the region; a loaded machine is slow
        app.page.wait_for_timeout(200)
        if focused(app) == "Neck, painful":
            break
    assert focused(app) == "Neck, painful"
    app.screenshot("map-focused")
    tab_until(app, lambda name: name.startswith("Stress 0"))
    app.page.keyboard.press("4")
    app.page.wait_for_timeout(400)
    assert settled_focus(app) == "Stress 4, selected"
    app.screenshot("stress-by-digit")

    # Ctrl+S saves the day from wherever the focus is.
    app.page.keyboard.press("Control+s")
    app.see("Saved today: pain 6, stress 4, 1 painful area.")
    app.screenshot("saved-by-keyboard")
