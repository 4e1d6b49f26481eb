"""Write tests/data/phone_release_1.sqlite3 and its rows (phone_release_1.json): the diary's database file
as the phone app's first release writes it into a browser's IndexedDB.

No site version has been released yet, so the site built from the commit that added this file counts as
release 1. The script builds the site (unless it is up to date), opens it in Chromium at phone size as a
user would, and logs through the screens: three days (today with a second check-in), notes with å ä ö,
the PHQ-15 and a goal with a rating. Then it reads the database file where IDBFS keeps it
(tests/e2e/pwa/idbfs.py) and the rows from it with the desktop's own reading.

Run once (python -m tests.data.make_phone_fixture); never regenerate a released version's file: the point
is to keep what that release really wrote.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
RELEASE = 1
TARGET = HERE / f"phone_release_{RELEASE}.sqlite3"
NOTE_TODAY = "Gick till affären – ont i nacken efteråt, åäö ÅÄÖ"
NOTE_YESTERDAY = "Sov dåligt; yr på morgonen, bättre efter lunch"
GOAL = "Gå till affären två gånger i veckan"


def rows_of(database: Path) -> dict:
    """The rows of `database` as the desktop reads them (a copy is opened; the file is not touched)."""
    from diary.services.bootstrap import open_diary
    from tests.data.make_schema_fixture import exchange_rows, stored_rows

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        shutil.copyfile(database, home / "diary.sqlite3")
        diary = open_diary(home)
        rows = {**stored_rows(diary), **exchange_rows(diary)}
        diary.close()
        with sqlite3.connect(home / "diary.sqlite3") as raw:
            rows["meta"] = dict(raw.execute("SELECT key, value FROM meta ORDER BY key"))
            rows["schema"] = sorted(raw.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
            rows["user_version"] = raw.execute("PRAGMA user_version").fetchone()[0]
    return json.loads(json.dumps(rows))  # tuples as lists, as read back from the .json


def log_through_the_screens(app) -> None:
    from diary.i18n import use_language
    from diary.ui.state.history import day_title

    use_language("en")
    today = date.today()
    app.open()
    app.tap("Pain 6")
    app.tap("Neck, not painful")
    app.tap("Stress 4")
    app.fill("Note", NOTE_TODAY)
    app.tap("Save")
    app.see("Saved today: pain 6", timeout=20_000)
    app.tab("History")
    app.tab("Today")  # drawn again: today is logged, so a second check-in is added (its pain "right now")
    app.save_a_checkin(pain=8)
    for days_ago, taps, note in ((1, ("Pain 3", "Fatigue 5"), NOTE_YESTERDAY), (2, ("Pain 2",), None)):
        app.tab("History")
        app.page.get_by_text(day_title(today - timedelta(days=days_ago), today)).first.click()
        app.see("Fill in", timeout=20_000)
        for name in taps:
            app.tap(name)
        if note:
            app.fill("Note", note)
        app.tap("Save")
        app.see(f"pain {taps[0].split()[1]}", timeout=20_000)
    app.answer_phq15(lambda question: "Bothered a little" if question % 3 else "Not bothered at all")
    app.see("Score", timeout=20_000)
    app.tab("Goals")
    app.tap("Add a main goal")
    app.fill("Goal", GOAL)
    app.tap("Save")
    app.see(f'Saved the goal "{GOAL}".', timeout=20_000)
    app.tap("Rate my goals")
    app.tap(f"{GOAL}: Partially attained")
    app.tap("Save ratings")
    app.see("Saved 1 rating", timeout=20_000)


def write_rows() -> None:
    rows = {key: value for key, value in rows_of(TARGET).items() if key not in ("schema", "user_version")}
    (HERE / f"phone_release_{RELEASE}.json").write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n")


def main() -> None:
    from playwright.sync_api import sync_playwright

    from diary.pwa.build import DEFAULT_OUT, build
    from tests.e2e.conftest import PHONE
    from tests.e2e.pwa.conftest import PwaPage, SiteServer
    from tests.e2e.pwa.idbfs import read_stored

    if TARGET.exists() and "--force" not in sys.argv:
        sys.exit(f"{TARGET.name} exists; released fixtures are never regenerated")
    server = SiteServer(build(DEFAULT_OUT).out)
    try:
        with sync_playwright() as playwright, tempfile.TemporaryDirectory() as tmp:
            app = PwaPage(playwright.chromium, Path(tmp) / "profile", server.url, "phone-fixture", PHONE)
            log_through_the_screens(app)
            app.new_page()  # the app's tab closed: every save is in IndexedDB
            app.page.goto(server.url + "manifest.json")
            data = read_stored(app.page)
            app.check()
            app.close()
    finally:
        server.stop()
    TARGET.write_bytes(data)
    write_rows()
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
