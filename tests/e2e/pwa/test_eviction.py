"""A browser that deleted the phone app's diary (issue 14): the app knew it had entries (a marker outside
IndexedDB, in localStorage), finds the store empty, and says so — restore from a backup file, or start a
new diary knowingly — instead of showing an empty diary as if it were new. A new diary started there is
not taken for a deleted one at the next start.

The browser's eviction is made with DevTools' Storage.clearDataForOrigin (IndexedDB only), as the quota
manager does it under storage pressure; localStorage is not quota-managed in Chromium and stays.
"""

from __future__ import annotations

import pytest

from diary.ui import text as T

pytestmark = pytest.mark.e2e


def evict_indexeddb(app) -> None:
    """Close the app's tab and delete the site's IndexedDB, as the browser's quota manager would."""
    app.new_page()
    cdp = app.context.new_cdp_session(app.page)
    cdp.send("Storage.clearDataForOrigin", {"origin": app.url.rstrip("/"), "storageTypes": "indexeddb"})
    cdp.detach()


def test_a_deleted_diary_is_said_to_be_deleted_not_shown_as_new(pwa_site, open_pwa, tmp_path):
    app = open_pwa("pwa-evicted", tmp_path / "profile", pwa_site.url)
    app.open()
    app.save_a_checkin(pain=5)
    evict_indexeddb(app)

    app.goto()
    app.see(T.EVICTED_HEADING, timeout=90_000)
    app.see(T.EVICTED_TEXT)
    assert app.page.get_by_text("How has today been?").count() == 0
    app.screenshot("deleted")
    app.tap(T.RESCUE_START_NEW)
    app.skip_welcome(timeout=30_000)  # a new diary: the first-run welcome first
    app.see("How has today been?", timeout=30_000)
    app.tab("Settings")
    app.see(T.days_logged_and_checkins(0, 0))

    app.open(reload=True)  # the new, empty diary is no deleted one
    assert app.page.get_by_text(T.EVICTED_HEADING).count() == 0
