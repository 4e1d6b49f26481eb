"""Released databases opened by the phone app (issue 14, updates): a fresh browser's store is given a
database file as an earlier release wrote it, the current site starts on it, and every row is kept --
migrated exactly as the desktop migrates the same file.

- phone_release_1: the file as the phone app's first release wrote it in IndexedDB
  (tests/data/make_phone_fixture.py; the desktop opens it too, tests/storage/test_database.py);
- schema_v1: the oldest desktop schema (tests/data/make_schema_fixture.py), migrated to the latest.

The file is put where IDBFS keeps it (tests/e2e/pwa/idbfs.py) from a page of the site's origin that does
not run the app; after the app has run, it is read back from there and compared, row by row and schema by
schema, with the desktop's migration of a copy of the same fixture.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diary.services.app_updates import NOTE_KEY, OPENED_BY_KEY
from diary.storage.migrations import LATEST_VERSION
from tests.data.make_phone_fixture import rows_of
from tests.e2e.pwa.idbfs import read_stored, store_database

pytestmark = pytest.mark.e2e

DATA = Path(__file__).resolve().parents[2] / "data"
WRITTEN_BY_OPENING = {OPENED_BY_KEY, NOTE_KEY, "storage-warned"}  # the phone's own notes of this start


@pytest.mark.parametrize("fixture", ["phone_release_1", "schema_v1"])
def test_a_released_database_opens_on_the_phone_with_every_row_kept(pwa_site, open_pwa, tmp_path, fixture):
    app = open_pwa(f"pwa-released-{fixture}", tmp_path / "profile", pwa_site.url)
    app.page.goto(app.url + "manifest.json")  # the site's origin, without the app running
    assert read_stored(app.page) is None, "a fresh browser"
    store_database(app.page, (DATA / f"{fixture}.sqlite3").read_bytes())

    app.goto()
    assert not app.skip_welcome(), "a diary with entries, not a new one: no first-run welcome"
    app.see("How has today been?", timeout=30_000)
    version = app.wait_for_event("opened")[-1]["version"]
    app.screenshot("today")
    app.tab("History")
    app.screenshot("history")
    app.new_page()  # the app's tab closed: every write of its start is in IndexedDB
    app.page.goto(app.url + "manifest.json")
    (tmp_path / "phone.sqlite3").write_bytes(read_stored(app.page))

    phone, desktop = rows_of(tmp_path / "phone.sqlite3"), rows_of(DATA / f"{fixture}.sqlite3")
    assert phone.pop("user_version") == desktop.pop("user_version") == LATEST_VERSION
    assert phone.pop("schema") == desktop.pop("schema")
    phone_meta, desktop_meta = phone.pop("meta"), desktop.pop("meta")
    assert phone == desktop, "the phone's migration is the desktop's"
    assert {k: v for k, v in phone_meta.items() if k not in WRITTEN_BY_OPENING} == {
        k: v for k, v in desktop_meta.items() if k not in WRITTEN_BY_OPENING}
    assert phone_meta[OPENED_BY_KEY] == version
    expected = json.loads((DATA / f"{fixture}.json").read_text())
    for table, rows in expected.items():
        if table != "meta":
            assert phone[table] == rows, table
    assert len(phone["checkins"]) == len(expected["checkins"]) > 0
