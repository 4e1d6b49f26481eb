"""Settings → Language: Svenska or English, applied at once to the open screen and the navigation (no
restart), remembered in the home for the next start; `diary --lang` starts a run in its language."""

from __future__ import annotations

import pytest

from diary.i18n import current_language
from diary.ui.app import make_main
from tests.flet_harness import FletHarness
from tests.ui.conftest import open_screen



@pytest.fixture
def ui_locale():
    """These tests choose the language themselves (no pseudo-locale run)."""
    return "en"

def _nav_labels(ui) -> list[str]:
    return [d.label for d in ui.find("nav-bar").destinations]


def test_switching_to_swedish_redraws_the_open_screen_and_is_remembered(ui, diary, open_ui):
    open_screen(ui, "settings")
    assert "Settings and about" in ui.texts() and ui.find("language").selected == ["en"]
    ui.fire("language", "change", props={"selected": ["sv"]})
    texts = ui.texts()
    assert "Inställningar och om appen" in texts and "Settings and about" not in texts  # the same screen, redrawn
    assert _nav_labels(ui) == ["I dag", "Historik", "Trender", "Mål", "Mer"]
    assert ui.page.title == "Symtomdagbok" and ui.find("language").selected == ["sv"]
    assert diary.language() == "sv" and current_language() == "sv"
    ui.change("nav-bar", 0)
    assert "Hur har dagen varit?" in ui.texts()
    again = open_ui()  # the next start opens in Swedish
    assert "Hur har dagen varit?" in again.texts()


def test_switching_back_to_english(ui, diary):
    diary.set_language("sv")
    again = FletHarness(make_main(lambda: diary))
    try:
        open_screen(again, "settings")
        again.fire("language", "change", props={"selected": ["en"]})
        assert "Settings and about" in again.texts() and diary.language() == "en"
    finally:
        again.close()


def test_lang_starts_the_app_in_its_language_for_that_run(diary):
    diary.set_language("en")
    diary.finish_welcome()  # Today, not the first-run welcome (which speaks the same language)
    harness = FletHarness(make_main(lambda: diary, language="sv"))
    try:
        assert "Hur har dagen varit?" in harness.texts() and diary.language() == "en"  # not saved
    finally:
        harness.close()


def test_without_a_choice_the_system_language_decides(diary, monkeypatch):
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    harness = FletHarness(make_main(lambda: diary))  # a new diary: the first-run welcome, in Swedish
    try:
        assert "Välkommen till din symtomdagbok" in harness.texts() and diary.language() is None
    finally:
        harness.close()

