"""The phone app in Swedish: a browser set to Swedish gets the Swedish app, from catalogs and Babel's data
that the build ships trimmed to the app's languages (diary.i18n.babel_data)."""

from __future__ import annotations

import tarfile

import pytest

from diary.i18n.babel_data import needed
from diary.pwa.site import APP_ARCHIVE

pytestmark = pytest.mark.e2e


def test_the_archive_holds_the_compiled_catalogs_and_only_the_babel_data_the_app_reads(pwa_site):
    with tarfile.open(pwa_site.folder / APP_ARCHIVE) as archive:
        names = [n.removeprefix("__pypackages__/") for n in archive.getnames()]
    assert "diary/locale/sv/LC_MESSAGES/diary.mo" in names
    assert not [n for n in names if n.endswith((".po", ".pot"))]
    babel = [n for n in names if n.startswith("babel/")]
    assert "babel/locale-data/sv.dat" in babel and "babel/locale-data/root.dat" in babel
    assert "babel/global.dat" in babel or "babel/global.pyc" in babel or any(n.startswith("babel/global") for n in babel)
    assert all(needed(n.removesuffix("c") if n.endswith(".pyc") else n) for n in babel)
    assert not [n for n in babel if n.startswith("babel/locale-data/") and n.endswith("/de.dat")]
    assert len([n for n in babel if n.startswith("babel/locale-data/")]) <= 4  # root, en, sv (+ its license)


def test_a_swedish_browser_gets_the_diary_in_swedish(pwa_site, open_pwa):
    app = open_pwa("pwa-swedish", None, pwa_site.url, locale="sv-SE")
    app.page.goto(pwa_site.url)
    app.page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=90_000)
    app.page.evaluate("document.querySelector('flt-semantics-placeholder').click()")
    welcome = app.text_or_label("Välkommen till din symtomdagbok")
    welcome.or_(app.text_or_label("Hur har dagen varit?")).first.wait_for(timeout=90_000)
    app.screenshot("welcome-sv")
    if welcome.count():
        app.button("Hoppa över").dispatch_event("click")
    app.see("Hur har dagen varit?", timeout=60_000)
    app.screenshot("today-sv")
    assert not app.text_or_label("How has today been?").count()
