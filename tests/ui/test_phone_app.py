"""Every patient screen from the same code in the phone app: the real shell and screens in-process, with
the browser's platform chosen (tests/platform/browser_fakes.py: IndexedDB a folder of copies, libsodium.js
stood in for by PyNaCl) and matplotlib made unimportable, as in Pyodide. A screen that reached for a
desktop-only module would fail here; one the browser cannot serve must say so in a sentence."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from diary import platform
from diary.platform.canvas_charts import ChartCanvas
from diary.services import trends as trend_service
from diary.services.bootstrap import open_diary
from diary.services.demo import fill_demo
from diary.ui import text as T
from diary.ui.app import make_main
from tests.flet_harness import FletHarness
from tests.i18n.pseudo import english
from tests.platform.browser_fakes import block_what_the_browser_lacks, browser_platform
from tests.ui.conftest import open_screen

CHARTS = ("pain", "fatigue", "stress", "activity", "phq15", "goals", "body")


@pytest.fixture
def phone(tmp_path, clock, monkeypatch):
    """(harness, diary, IndexedDB) of the phone app, on a 390 × 844 page."""
    chosen, indexed_db = browser_platform(tmp_path)
    before = platform.use(chosen)
    block_what_the_browser_lacks(monkeypatch)
    trend_service.CACHE.clear()
    diary = open_diary(chosen.home.default_home(), clock=clock)
    diary.finish_welcome()  # the first-run welcome has its own tests (tests/ui/test_welcome.py)
    shares = []
    harness = FletHarness(make_main(lambda: diary), idle_timeout=30,
                          invoke_results={"share_files": lambda args: shares.append(args) or
                                          {"status": "unavailable", "raw": ""}})
    harness.shares = shares
    yield harness, diary, indexed_db
    harness.close()
    diary.close()
    platform.use(before)
    trend_service.CACHE.clear()


def stored_pains(indexed_db) -> list[int]:
    """The pain ratings in IndexedDB's copy of the database (what survives closing the tab)."""
    with sqlite3.connect(indexed_db.store / "home" / "diary.sqlite3") as conn:
        return [row[0] for row in conn.execute("SELECT pain FROM checkin ORDER BY day, recorded_at")]


def test_a_day_is_reported_saved_only_once_it_is_in_indexeddb(phone):
    ui, diary, indexed_db = phone
    ui.click("pain-6")
    ui.click("region-neck")
    ui.click("region-lower_back")
    ui.type("note", "Gick till affären – åäö")
    ui.click("save")
    assert ui.find("status").value == "Saved today: pain 6, 2 painful areas, a note."
    assert stored_pains(indexed_db) == [6]


def test_a_save_the_browser_will_not_store_says_so_and_not_saved(phone):
    ui, diary, indexed_db = phone
    indexed_db.fail = True
    ui.click("pain-4")
    ui.click("save")
    assert "would not store the diary's data" in ui.find("status").value
    assert not ui.find("status").value.startswith("Saved")


def test_history_corrects_and_back_fills(phone, clock):
    ui, diary, indexed_db = phone
    day, yesterday = clock().date() - timedelta(days=2), clock().date() - timedelta(days=1)
    checkin = diary.log.record(day=day, pain=3)
    open_screen(ui, "history")
    assert ui.find(f"day-{day.isoformat()}").subtitle.value == "pain 3"
    ui.click(f"day-{day.isoformat()}")
    ui.click(f"edit-{checkin.id}")
    ui.click("pain-5")
    ui.click("save")
    open_screen(ui, "history")
    ui.click(f"day-{yesterday.isoformat()}")
    ui.click("pain-2")
    ui.click("save")
    assert stored_pains(indexed_db) == [5, 2]


def test_a_phq15_and_the_item9_help_page(phone):
    ui, diary, _ = phone
    open_screen(ui, "forms")
    ui.click("q-start-phq15")
    for i in range(15):
        ui.click(f"q-option-{i}-1")
    ui.click("q-finish")
    assert ui.find("q-result-score").value == "Score 15 of 30"
    open_screen(ui, "forms")
    ui.click("q-start-phq9")
    for i in range(9):
        ui.click(f"q-option-{i}-{1 if i == 8 else 0}")
    ui.click("q-finish")
    assert "emergency" in ui.find("crisis-text").value


def test_a_goal_rated_and_the_plan(phone):
    ui, diary, _ = phone
    open_screen(ui, "goals")
    ui.click("add-main-goal")
    ui.type("goal-title", "Walk to the shop")
    ui.click("goal-save")
    [tree] = diary.goals.overview()
    ui.click("rate-goals")
    ui.click(f"rate-{tree.main.goal.id}-partially")
    ui.click("save-ratings")
    assert ui.find("goals-message").value.startswith("Saved 1 rating")
    assert len(diary.goals.all_ratings()) == 1


def test_trends_draws_every_chart_on_the_canvas_with_the_desktops_sentences(phone):
    ui, diary, _ = phone
    fill_demo(diary, days=45, seed=5)
    open_screen(ui, "trends")
    ui.wait_idle()
    canvases = {chart: ui.find(f"chart-image-{chart}").content for chart in CHARTS}
    assert all(isinstance(c, ChartCanvas) and c.shapes for c in canvases.values())
    for chart in CHARTS:  # the same description, so the same sentence as the desktop's PNG charts
        assert ui.find(f"chart-summary-{chart}").value == english(canvases[chart].data.summary)  # read as English
    assert ui.find("visit-pdf-on-desktop").value == T.VISIT_PDF_ON_DESKTOP
    assert not ui.find_all(lambda c: c.key == "visit-pdf")


def test_settings_say_where_the_diary_is_kept_whether_the_browser_keeps_it_and_who_makes_backups(phone):
    ui, diary, _ = phone
    open_screen(ui, "settings")
    ui.wait_idle()
    assert ui.find("kept-in-browser").value == T.KEPT_IN_BROWSER_TEXT
    assert ui.find("persistence").value == T.PERSISTENCE_NOT_GRANTED
    assert ui.find("last-backup-file").value == T.BACKUP_FILE_NONE
    assert ui.find("privacy").value == T.PRIVACY_TEXT_BROWSER
    assert not ui.find_all(lambda c: c.key in ("data-folder", "backup-now", "auto-backup", "restore-latest"))
    ui.change("reminder-on", True)  # the reminder works as on the desktop


def test_share_makes_the_export_and_hands_it_to_the_share_sheet_or_a_download(phone):
    ui, diary, _ = phone
    diary.log.record(pain=5)
    open_screen(ui, "share")
    ui.click("make-export")
    [shared] = ui.shares
    [file] = shared["files"]
    assert file["name"] == "diary-export-2026-03-15.diary" and len(file["data"]) > 100
    assert ui.find("export-passphrase").value  # a passphrase file: no physiotherapist paired yet


def test_settings_make_a_backup_file_the_desktop_opens_and_restore_a_picked_one(phone, tmp_path):
    from diary.services.backup import open_backup, read_backup
    from diary.services.restore import restore_backup

    ui, diary, indexed_db = phone
    diary.log.record(pain=5)
    open_screen(ui, "settings")
    ui.click("make-backup-file")
    ui.wait_idle()
    [shared] = ui.shares
    [file] = shared["files"]
    assert file["name"].startswith("diary-backup-") and file["name"].endswith(".diarybackup")
    data, words = bytes(file["data"]), diary.backups.passphrase()
    assert ui.find("backup-status").value.startswith(f"Made the backup file {file['name']}: 1 day")
    assert ui.find("last-backup-file").value.startswith("Last backup file: ")
    # The desktop opens it with the same code and words, and restores it into a home of its own.
    (tmp_path / "phone.diarybackup").write_bytes(data)
    assert read_backup(tmp_path / "phone.diarybackup", words).manifest.checkins == 1
    restore_backup(tmp_path / "phone.diarybackup", words, tmp_path / "desktop-home", now=diary.clock())
    with sqlite3.connect(tmp_path / "desktop-home" / "diary.sqlite3") as conn:
        assert conn.execute("SELECT pain FROM checkin").fetchall() == [(5,)]

    diary.log.record(pain=7, day=diary.log.today() - timedelta(days=1))  # after the backup: replaced by it
    section = ui.find("backup-settings")
    section.restore_bytes("picked.diarybackup", b"DIARY-BACKUP\nnot a backup")
    assert "nothing was changed" in ui.find("restore-status").value.lower()
    with sqlite3.connect(diary.home / "diary.sqlite3") as conn:  # a refused file changed nothing
        assert sorted(conn.execute("SELECT pain FROM checkin").fetchall()) == [(5,), (7,)]
    section.restore_bytes(file["name"], data)
    ui.click("restore-confirm")
    ui.wait_idle()
    assert ui.find("restore-status").value.startswith("Restored the backup from")
    assert "kept in this browser's storage" in ui.find("restore-status").value
    assert stored_pains(indexed_db) == [5]  # what IndexedDB holds is the backup, made durable
    assert open_backup(data, words, name="x").manifest.checkins == 1


def test_today_says_once_that_the_browser_may_delete_the_diary_then_reminds_weekly_of_a_backup_file(phone):
    from diary.ui.state.backups import storage_prompt

    ui, diary, _ = phone
    ui.wait_idle()
    assert ui.find("storage-prompt").content.controls[1].value == T.STORAGE_MAY_DELETE
    ui.click("storage-backup")  # offers the backup: Settings → Backups
    ui.wait_idle()
    assert ui.find("make-backup-file")
    now = diary.clock()
    warned = diary.backups.storage_warned()
    assert warned is not None
    week = timedelta(days=7)
    assert storage_prompt(persisted=False, warned=warned, last_file=None, now=now + timedelta(days=6)) is None
    assert storage_prompt(persisted=False, warned=warned, last_file=None, now=now + week) == T.BACKUP_FILE_WEEKLY_NONE
    assert storage_prompt(persisted=False, warned=warned, last_file=now + week, now=now + 2 * week - timedelta(hours=1)) is None
    assert storage_prompt(persisted=False, warned=warned, last_file=now, now=now + week).startswith("Your last backup file is from")
    assert storage_prompt(persisted=True, warned=None, last_file=None, now=now) is None  # kept for good
    assert storage_prompt(persisted=None, warned=None, last_file=None, now=now) is None  # a folder (desktop)
