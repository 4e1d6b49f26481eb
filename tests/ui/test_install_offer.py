"""The phone app's "Install the app" offer, in-process: the browser's platform with the page's install
answers faked (tests/platform/browser_fakes.FakeInstall). Chromium's dialog behind a button, iOS Safari's
one-line instruction, nothing once installed, Today's hint put away for good; the desktop offers nothing.
The page's side (beforeinstallprompt, iOS detection) is tested in Chromium: tests/e2e/pwa/test_install.py."""

from __future__ import annotations

import pytest

from diary import platform
from diary.services.bootstrap import open_diary
from diary.ui.app import make_main
from tests.flet_harness import FletHarness
from tests.platform.browser_fakes import FakeInstall, browser_platform
from tests.ui.conftest import open_screen


@pytest.fixture
def open_phone(tmp_path, clock):
    """open_phone(install) → harness: the phone app whose page offers `install`, its diary with a check-in
    unless `used` is False."""
    opened = []

    def open_(install: FakeInstall, *, used: bool = True):
        chosen, _ = browser_platform(tmp_path, install=install)
        opened.append(platform.use(chosen))
        diary = open_diary(chosen.home.default_home(), clock=clock)
        diary.finish_welcome()
        if used:
            diary.log.record(pain=3)
        harness = FletHarness(make_main(lambda: diary), idle_timeout=30)
        opened.append((harness, diary))
        harness.wait_idle()
        return harness

    yield open_
    before = opened[0]
    for harness, diary in opened[1:]:
        harness.close()
        diary.close()
    platform.use(before)


def shown(ui, key: str) -> bool:
    return any(n.control.key == key and n.shown for n in ui._walk())


def test_where_chromium_offers_it_today_and_settings_have_a_button_that_opens_its_dialog(open_phone):
    install = FakeInstall("prompt", answer="accepted")
    ui = open_phone(install)
    assert shown(ui, "install-hint") and "Install the diary on your home screen" in " ".join(ui.texts())
    ui.click("install-hint-app")
    ui.wait_idle()
    assert install.prompts == 1
    assert ui.find("install-hint-status").value == "Installing: from now on, open the diary from its icon."
    assert not shown(ui, "install-hint-app")
    open_screen(ui, "settings")
    ui.wait_idle()
    assert not shown(ui, "install-section")  # installed: nothing more to offer


def test_a_dismissed_dialog_says_it_can_be_done_later_and_keeps_the_button(open_phone):
    install = FakeInstall("prompt", answer="dismissed")
    ui = open_phone(install)
    open_screen(ui, "settings")
    ui.wait_idle()
    assert ui.find("install-section").controls[0].value == "The app on your home screen"
    ui.click("install-app")
    ui.wait_idle()
    assert ui.find("install-status").value.startswith("Not installed.")
    assert shown(ui, "install-app")
    install.answer = "unavailable"
    ui.click("install-app")
    ui.wait_idle()
    assert ui.find("install-status").value.startswith("The browser did not open its install dialog")
    assert install.prompts == 2


def test_ios_safari_gets_the_one_line_instruction_instead_of_a_button(open_phone):
    ui = open_phone(FakeInstall("ios"))
    assert ui.find("install-hint-ios").value == "Tap Share, then Add to Home Screen."
    assert not [n for n in ui._walk() if n.control.key == "install-hint-app"]
    open_screen(ui, "settings")
    ui.wait_idle()
    assert ui.find("install-ios").value == "Tap Share, then Add to Home Screen."


def test_todays_hint_waits_for_the_first_check_in_but_settings_offers_it_at_once(open_phone):
    ui = open_phone(FakeInstall("prompt"), used=False)
    assert not shown(ui, "install-hint")
    ui.click("pain-4")
    ui.click("save")
    open_screen(ui, "settings")
    ui.wait_idle()
    assert shown(ui, "install-app")
    open_screen(ui, "today")
    ui.wait_idle()
    assert shown(ui, "install-hint-app")


def test_not_now_puts_todays_hint_away_for_good_but_settings_still_offers_it(open_phone):
    install = FakeInstall("prompt")
    ui = open_phone(install)
    ui.click("install-hint-not-now")
    ui.wait_idle()
    assert install.hint_dismissed and not shown(ui, "install-hint")
    open_screen(ui, "today")
    ui.wait_idle()
    assert not shown(ui, "install-hint")
    open_screen(ui, "settings")
    ui.wait_idle()
    assert shown(ui, "install-app")


def test_installed_or_opened_from_the_home_screen_nothing_is_offered(open_phone):
    ui = open_phone(FakeInstall(None))
    assert not shown(ui, "install-hint-slot")
    open_screen(ui, "settings")
    ui.wait_idle()
    assert not shown(ui, "install-section")


def test_the_desktop_offers_no_install(ui):
    ui.wait_idle()
    assert not shown(ui, "install-hint-slot")
    open_screen(ui, "settings")
    ui.wait_idle()
    assert not shown(ui, "install-section")
