"""A new patient's first minute, in Chromium at phone and desktop size: the welcome (named for screen
readers), a reminder chosen there, then Today with the start-of-diary questionnaires as one item."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import DESKTOP, PHONE, AppPage, pages_of

pytestmark = pytest.mark.e2e


class WelcomedPage(AppPage):
    welcome = True


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_welcome_then_today(start_app, browser, size):
    server = start_app()
    pages = pages_of(browser, WelcomedPage)
    open_page = next(pages)
    app = open_page(server.url, PHONE if size == "phone" else DESKTOP, f"welcome-{size}")
    app.see("Welcome to your symptom diary")
    app.see("Your diary stays on this device")
    app.screenshot("welcome")
    assert app.axe() == []
    app.page.get_by_role("switch", name="Remind me if I have not logged by").dispatch_event("click")
    app.tap("Start my diary")
    app.see("How has today been?")
    app.see("Start-of-diary questionnaires (4, about 10 minutes)")
    app.screenshot("today-after-welcome")
    app.tab("Settings")
    app.see("Remind me if I have not logged by")
    assert app.page.get_by_role("switch", name="Remind me if I have not logged by").get_attribute(
        "aria-checked") == "true"
    next(pages, None)
