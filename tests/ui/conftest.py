"""In-process screen tests: the real app shell over a recording Flet session (tests/flet_harness.py).

Every screen test runs twice: in English, and in the pseudo-locale (tests/i18n/pseudo.py), where the app
draws every message 40% longer in accented letters; after each action the page is checked for text that
would overflow or never went through the catalogs (tests/ui/pseudo_checks.py), then read back in English,
so the test's own English expectations hold in both runs.
"""

import pytest

from diary.i18n import in_language, use_language
from diary.ui.app import make_main
from tests.flet_harness import FletHarness
from tests.i18n import pseudo
from tests.ui.pseudo_checks import PseudoChecks


@pytest.fixture(autouse=True, params=["en", pseudo.LANGUAGE])
def ui_locale(request, monkeypatch):
    """The app's language for this run of the test; the test itself always reads English."""
    if request.param == "en" or request.node.get_closest_marker("english_only"):
        yield "en"
        return
    pseudo.install()
    use_language(pseudo.LANGUAGE)
    monkeypatch.setattr("diary.ui.app.system_language", lambda: pseudo.LANGUAGE)
    checks = PseudoChecks()

    def check(harness: FletHarness) -> None:
        problems = checks(harness)
        assert not problems, "in the pseudo-locale:\n" + "\n".join(problems)

    monkeypatch.setattr(FletHarness, "after_action", staticmethod(check))
    with in_language("en"):  # this thread (the test's) reads English; the app's threads the pseudo-locale
        yield pseudo.LANGUAGE


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
