"""In-process screen tests: the real app shell over a recording Flet session (tests/flet_harness.py)."""

import pytest

from diary.ui.app import make_main
from tests.flet_harness import FletHarness


@pytest.fixture
def open_ui(diary):
    opened = []

    def open_(width: float = 390, height: float = 844, *, welcome: bool = False) -> FletHarness:
        if not welcome:  # the first-run welcome has its own tests (tests/ui/test_welcome.py)
            diary.finish_welcome()
        harness = FletHarness(make_main(lambda: diary), width=width, height=height)
        opened.append(harness)
        return harness

    yield open_
    for harness in opened:
        harness.close()


@pytest.fixture
def ui(open_ui):
    return open_ui()


def open_screen(ui: FletHarness, name: str, *, rail: bool = False) -> None:
    """Open a destination as a user would: its tab, or More → its tile on a phone; the rail when wide."""
    from diary.ui.app import BAR, RAIL

    if rail:
        ui.change("nav-rail", RAIL.index(name))
    elif name in BAR:
        ui.change("nav-bar", BAR.index(name))
    else:
        ui.change("nav-bar", BAR.index("more"))
        ui.click(f"more-{name}")
