"""A site older than the diary it finds (issue 14, updates): the database in IndexedDB says a newer data
version than this site reads (as if a newer version of the app had saved it and the clinic's host then
served an older one). The app refuses to open it with a sentence, and changes nothing: the bytes IDBFS
keeps in IndexedDB are the same afterwards.

The database is edited where IDBFS keeps it (IndexedDB database "/diary", store "FILE_DATA", one record
per file) with the app's tab closed: SQLite's header holds the data version (user_version) at offset 60.
"""

from __future__ import annotations

import pytest

from diary.storage.migrations import LATEST_VERSION

pytestmark = pytest.mark.e2e

DATABASE = "/diary/home/diary.sqlite3"
STORED = """async ([path, version]) => {
  const db = await new Promise((ok, no) => {
    const opening = indexedDB.open("/diary");
    opening.onsuccess = () => ok(opening.result);
    opening.onerror = () => no(opening.error);
  });
  const store = () => db.transaction("FILE_DATA", "readwrite").objectStore("FILE_DATA");
  const entry = await new Promise((ok) => { const r = store().get(path); r.onsuccess = () => ok(r.result); });
  if (version !== null) {
    const bytes = new Uint8Array(entry.contents);
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(60, version);
    entry.contents = bytes;
    entry.timestamp = new Date();
    await new Promise((ok) => { const r = store().put(entry, path); r.onsuccess = () => ok(); });
  }
  db.close();
  return Array.from(new Uint8Array(entry.contents));
}"""


def test_a_site_older_than_the_data_refuses_it_with_a_sentence_and_changes_nothing(pwa_site, open_pwa, tmp_path):
    app = open_pwa("pwa-newer-data", tmp_path / "profile", pwa_site.url)
    app.open()
    app.save_a_checkin(pain=4)
    app.new_page()
    app.page.goto(app.url + "manifest.json")  # the site's origin, without the app running
    newer = bytes(app.page.evaluate(STORED, [DATABASE, LATEST_VERSION + 1]))
    assert int.from_bytes(newer[60:64], "big") == LATEST_VERSION + 1

    app.goto()
    app.see("This diary was saved by a newer version of the app", timeout=90_000)
    app.see("nothing was changed")
    app.screenshot("newer-data")
    app.page.wait_for_timeout(1500)  # anything the app would persist has had its sync by now
    app.page.goto(app.url + "manifest.json")
    assert bytes(app.page.evaluate(STORED, [DATABASE, None])) == newer
