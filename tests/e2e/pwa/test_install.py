"""Installing the phone app, in Chromium at 390 × 844: the built site passes Chromium's installability
check with the right manifest; where the browser offers installation (beforeinstallprompt) Today and
Settings show "Install the app", and tapping it calls the saved event's prompt(); an iPhone's Safari gets
the one-line Share → Add to Home Screen instead; opened from the home screen, nothing is offered.
"""

from __future__ import annotations

import io
import json
from urllib.request import urlopen

import pytest
from PIL import Image

from diary.ui import text as T

pytestmark = pytest.mark.e2e

IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
          "Version/18.5 Mobile/15E148 Safari/604.1")
# What Chromium's own event offers, stood in for: prompt() counts its calls, the user accepts.
OFFER_INSTALL = """() => {
  window.__prompted = 0;
  const offer = new Event("beforeinstallprompt", { cancelable: true });
  offer.prompt = () => { window.__prompted += 1; return Promise.resolve(); };
  offer.userChoice = Promise.resolve({ outcome: "accepted", platform: "web" });
  window.dispatchEvent(offer);
  return offer.defaultPrevented;
}"""
# Chromium's real event (headless Chromium fires it too, for any user agent, once the site is installable):
# counted, and, where a test stands in for it or plays an iPhone, kept from the page.
COUNT_REAL_OFFERS = """window.__realOffers = 0;
addEventListener("beforeinstallprompt", (e) => { if (e instanceof BeforeInstallPromptEvent) window.__realOffers += 1; });"""
BLOCK_REAL_OFFERS = """addEventListener("beforeinstallprompt", (e) => {
  if (e instanceof BeforeInstallPromptEvent) e.stopImmediatePropagation(); });"""
# Watches Chromium's own prompt(): "rejected: NotAllowedError" were the tap's user activation gone by the
# time the app's message reached the page; a dialog shown waits for the user (the promise stays pending).
WATCH_PROMPT = """window.__prompt = "not called";
const realPrompt = BeforeInstallPromptEvent.prototype.prompt;
BeforeInstallPromptEvent.prototype.prompt = function () {
  window.__prompt = "pending";
  return realPrompt.call(this).then((v) => { window.__prompt = "answered"; return v; },
                                    (e) => { window.__prompt = "rejected: " + e.name; throw e; });
};"""
HOME_SCREEN = 'Object.defineProperty(navigator, "standalone", { value: true });'  # iOS: opened from the icon


def test_chromium_finds_the_site_installable_with_the_diarys_name_icons_and_standalone_display(pwa_site, open_pwa):
    app = open_pwa("pwa-installable", None, pwa_site.url)
    app.context.add_init_script(COUNT_REAL_OFFERS + WATCH_PROMPT)
    app.open()
    app.wait_for_event("today-shown")
    cdp = app.context.new_cdp_session(app.page)
    manifest = cdp.send("Page.getAppManifest")
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert manifest["errors"] == [] and errors == [], (manifest["errors"], errors)
    data = json.loads(manifest["data"])
    assert manifest["url"] == pwa_site.url + "manifest.json"
    assert (data["name"], data["short_name"]) == (T.APP_TITLE, "Diary")
    assert (data["display"], data["start_url"], data["scope"]) == ("standalone", "./", "./")
    sizes = {(icon["sizes"], icon["purpose"]) for icon in data["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"), ("512x512", "maskable")} <= sizes
    for icon in data["icons"]:  # each icon is a PNG of the size it claims
        with urlopen(pwa_site.url + icon["src"]) as response:
            image = Image.open(io.BytesIO(response.read()))
        assert (image.format, f"{image.width}x{image.height}") == ("PNG", icon["sizes"]), icon
    # Chromium's own offer reached the page, and Settings turns it into the button; a real tap on it opens
    # Chromium's dialog (the tap's user activation outlives the trip through Python to the page).
    app.page.wait_for_function("window.__realOffers > 0", timeout=30_000)
    app.tab("Settings")
    button = app._settled(app.button(T.INSTALL_ACTION))
    box = button.bounding_box()
    app.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    app.page.wait_for_function("window.__prompt !== 'not called'", timeout=20_000)
    app.page.wait_for_timeout(2000)
    assert app.page.evaluate("window.__prompt") in ("pending", "answered")


def used_diary_offered_installation(app) -> None:
    """Open the app with the browser's offer stood in for, and log a day (Today's hint waits for one)."""
    app.context.add_init_script(BLOCK_REAL_OFFERS)
    app.goto()  # install.js has run: the page hears the offer before the app asks for it
    assert app.page.evaluate(OFFER_INSTALL) is True  # kept for the app's button, no browser infobar
    app.skip_welcome()
    app.save_a_checkin(5)


def test_where_the_browser_offers_installation_settings_and_today_say_install_the_app_and_tapping_prompts(
        pwa_site, open_pwa):
    app = open_pwa("pwa-install-offer", None, pwa_site.url)
    used_diary_offered_installation(app)
    app.tab("Settings")
    app.button(T.INSTALL_ACTION).wait_for(timeout=20_000)  # right below where the diary is kept
    app.page.get_by_text(T.INSTALL_HEADING, exact=True).wait_for()
    app.screenshot("settings-install")
    app.tab("Today")
    app.see(T.INSTALL_HINT, timeout=20_000)
    app.screenshot("today-install-hint")
    app.tap(T.INSTALL_ACTION)
    app.see("Installing: from now on, open the diary from its icon.", timeout=20_000)
    assert app.page.evaluate("window.__prompted") == 1
    assert not app.button(T.INSTALL_ACTION).count()
    app.screenshot("today-installing")


def test_not_now_puts_todays_hint_away_for_good_and_settings_still_offers_it(pwa_site, open_pwa, tmp_path):
    app = open_pwa("pwa-install-not-now", tmp_path / "profile", pwa_site.url)
    used_diary_offered_installation(app)
    app.tab("History")
    app.tab("Today")
    app.see(T.INSTALL_HINT, timeout=20_000)
    app.tap(T.INSTALL_NOT_NOW)
    app.page.get_by_text(T.INSTALL_HINT).wait_for(state="detached", timeout=10_000)
    app.open(reload=True)
    app.page.evaluate(OFFER_INSTALL)  # offered again after the reload: Today keeps quiet, Settings offers it
    app.tab("Settings")
    app.button(T.INSTALL_ACTION).wait_for(timeout=20_000)  # right below where the diary is kept
    app.tab("Today")
    app.see("How has today been?")
    app.page.wait_for_timeout(2000)
    assert not app.page.get_by_text(T.INSTALL_HINT).count()


def test_an_iphone_sees_the_one_line_instruction_and_nothing_once_opened_from_the_home_screen(pwa_site, open_pwa):
    safari = open_pwa("pwa-install-ios", None, pwa_site.url, user_agent=IPHONE)
    safari.context.add_init_script(BLOCK_REAL_OFFERS)  # Safari has no such event
    safari.open()
    safari.save_a_checkin(5)
    safari.tab("History")
    safari.tab("Today")
    safari.see(T.INSTALL_IOS, timeout=30_000)
    assert not safari.button(T.INSTALL_ACTION).count()  # no dialog to open on iOS
    safari.screenshot("today-ios-instruction")
    safari.tab("Settings")
    safari.see(T.INSTALL_IOS, timeout=20_000)
    safari.screenshot("settings-ios-instruction")

    home_screen = open_pwa("pwa-install-ios-standalone", None, pwa_site.url, user_agent=IPHONE)
    home_screen.context.add_init_script(BLOCK_REAL_OFFERS + HOME_SCREEN)
    home_screen.open()
    home_screen.save_a_checkin(5)
    home_screen.tab("Settings")
    home_screen.see(T.KEPT_IN_BROWSER, timeout=20_000)  # Settings is drawn; the install section would follow it
    home_screen.page.wait_for_timeout(3000)  # the app has asked the page by now
    assert not home_screen.page.get_by_text(T.INSTALL_IOS).count()
    assert not home_screen.page.get_by_text(T.INSTALL_HEADING, exact=True).count()
