"""The phone app's files where the browser keeps them, read and written from a page of the site's origin
with the app not running (e.g. on /manifest.json).

Emscripten's IDBFS (diary/platform/browser_storage.py mounts it at /diary) keeps one IndexedDB database
named after the mount point, "/diary", version 21, with one object store "FILE_DATA" (index "timestamp")
holding a record per file and folder below the mount, keyed by its absolute path: a folder is
{timestamp: Date, mode}, a file {timestamp: Date, mode, contents: Uint8Array}. On start the app copies
every record into its memory file system (folders first: the paths are sorted).
"""

from __future__ import annotations

import base64

DATABASE_FILE = "/diary/home/diary.sqlite3"
FOLDER_MODE, FILE_MODE = 0o40755, 0o100644

OPEN = """
const open = () => new Promise((ok, no) => {
  const opening = indexedDB.open("/diary", 21);
  opening.onupgradeneeded = () => {  // a fresh browser: the store as IDBFS makes it
    opening.result.createObjectStore("FILE_DATA").createIndex("timestamp", "timestamp", { unique: false });
  };
  opening.onsuccess = () => ok(opening.result);
  opening.onerror = () => no(opening.error);
});
const done = (request) => new Promise((ok, no) => { request.onsuccess = () => ok(request.result);
                                                    request.onerror = () => no(request.error); });
"""
READ = OPEN + """
async (path) => {
  const db = await open();
  const entry = await done(db.transaction("FILE_DATA").objectStore("FILE_DATA").get(path));
  db.close();
  if (!entry) return null;
  let text = "";
  for (const byte of new Uint8Array(entry.contents)) text += String.fromCharCode(byte);
  return btoa(text);
}"""
WRITE = OPEN + """
async (records) => {
  const db = await open();
  const store = db.transaction("FILE_DATA", "readwrite").objectStore("FILE_DATA");
  for (const [path, mode, base64] of records) {
    const entry = { timestamp: new Date(), mode };
    if (base64 !== null) entry.contents = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    await done(store.put(entry, path));
  }
  db.close();
}"""


def read_stored(page, path: str = DATABASE_FILE) -> bytes | None:
    """The bytes IndexedDB holds for `path` (None: no such record)."""
    found = page.evaluate(READ, path)
    return None if found is None else base64.b64decode(found)


def store_database(page, data: bytes) -> None:
    """Put `data` into the store as the diary's database file (with its folder), as IDBFS would have."""
    page.evaluate(WRITE, [["/diary/home", FOLDER_MODE, None],
                          [DATABASE_FILE, FILE_MODE, base64.b64encode(data).decode()]])
