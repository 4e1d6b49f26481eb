"""Settings → Backups and → Reminder, the "Not logged yet today" banner, and the rescue screen, in-process."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime, time, timedelta

import pytest

from diary.services import auto_backup
from diary.services.backup import create_backup
from diary.services.bootstrap import open_diary
from diary.services.demo import fill_demo
from diary.services.reminders import reminders_for
from diary.storage.database import DB_FILENAME
from diary.storage.migrations import LATEST_VERSION
from diary.ui import text as T
from diary.ui.app import make_main
from diary.ui.screens.settings_backup import BackupSection, ReminderSection, when
from tests.backup_support import PASSPHRASE, use_fast_kdf
from tests.conftest import NOW, FixedClock
from tests.flet_harness import FletHarness


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    use_fast_kdf(monkeypatch)


@pytest.fixture
def filled(diary):
    fill_demo(diary, days=30, seed=4)
    return diary


@pytest.fixture
def open_section():
    opened = []

    def open_(section_factory, **kwargs) -> FletHarness:
        harness = FletHarness(lambda page: page.add(section_factory()), **kwargs)
        opened.append(harness)
        return harness

    yield open_
    for harness in opened:
        harness.close()


@pytest.fixture
def picked():
    """A file dialog that 'picks' what the test puts in picked["file"] ((name, bytes), None, or an error)."""
    chosen: dict = {"file": None}

    async def pick():
        if isinstance(chosen["file"], Exception):
            raise chosen["file"]
        return chosen["file"]

    chosen["pick"] = pick
    return chosen


@pytest.fixture
def backups(filled, open_section, picked):
    ui = open_section(lambda: BackupSection(filled, pick_file=picked["pick"]))
    ui.picked = picked
    return ui


def status(ui) -> str:
    return ui.find("backup-status").value


def settings_status(ui) -> str:
    return ui.find("settings-status").value


def restore_status(ui) -> str:
    return ui.find("restore-status").value


class TestBackUpNow:
    def test_backs_up_into_the_folder_and_shows_it_as_the_last_backup(self, backups, filled):
        assert backups.find("last-backup").value == T.BACKUP_NONE
        backups.click("backup-now")
        assert status(backups) == (f"Saved a backup: {filled.checkins.days_logged()} days, "
                                   f"{filled.checkins.count()} check-ins.")
        assert T.days_and_checkins(1, 1) == "1 day, 1 check-in"
        assert backups.find("last-backup").value == "Last backup: Sun 15 Mar 2026, 19:30 (1 kept)"
        assert len(auto_backup.list_backups(filled.home / "backups")) == 1
        assert T.BACKUP_INSIDE_HOME in backups.texts()  # the default folder only guards against a damaged file

    def test_a_failure_is_one_sentence(self, backups, filled, monkeypatch):
        def full(fd):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", full)
        backups.click("backup-now")
        assert "is full, so" in status(backups) and status(backups).endswith("your diary is unchanged.")
        assert backups.find("last-backup").value == T.BACKUP_NONE

    def test_the_last_automatic_failure_is_shown(self, filled, open_section, monkeypatch):
        monkeypatch.setitem(auto_backup._last_errors, filled.home, "The device holding X is full.")
        ui = open_section(lambda: BackupSection(filled))
        assert ui.find("backup-last-error").value == "The last automatic backup failed: The device holding X is full."

    def test_the_passphrase_is_shown_on_request(self, backups, filled):
        assert not backups._node("backup-words").shown
        backups.click("show-words")
        assert backups.find("backup-words").value == (filled.home / "backup-key").read_text().strip()
        assert backups._node("backup-words").shown
        backups.click("show-words")
        assert not backups._node("backup-words").shown


class TestBackupSettings:
    def test_a_chosen_folder_and_how_many_to_keep(self, backups, filled, tmp_path):
        folder = tmp_path / "usb"
        folder.mkdir()
        backups.type("backup-folder", str(folder))
        backups.fire("backup-keep", "select", "3", {"value": "3"})
        backups.change("auto-backup", False)
        backups.click("save-backup-settings")
        assert settings_status(backups) == f"Saved. Automatic backups are off; the last 3 are kept in {folder}."
        assert auto_backup.load_settings(filled.home) == auto_backup.BackupSettings(enabled=False, folder=str(folder),
                                                                                     keep=3)
        assert backups.find("backup-where").value == f"Kept in {folder}"

    def test_a_missing_folder_is_refused_and_nothing_saved(self, backups, filled, tmp_path):
        backups.type("backup-folder", str(tmp_path / "nope"))
        backups.click("save-backup-settings")
        assert "does not exist; type the full path of an existing folder" in settings_status(backups)
        assert auto_backup.load_settings(filled.home) == auto_backup.BackupSettings()


class TestRestore:
    def test_the_latest_backup_brings_a_deleted_day_back_after_confirming(self, backups, filled):
        backups.click("backup-now")
        day = filled.log.history(days=3)[1]
        gone = filled.log.checkins_on(day.day)
        for checkin in gone:
            filled.log.delete(checkin.id)
        backups.click("restore-latest")
        assert backups._node("restore-dialog").shown
        assert filled.log.checkins_on(day.day) == []  # nothing happens before the confirmation
        backups.click("restore-confirm")
        assert [c.id for c in filled.log.checkins_on(day.day)] == [c.id for c in gone]
        [aside] = filled.home.parent.glob("home.replaced-*")
        assert restore_status(backups).startswith("Restored the backup from Sun 15 Mar 2026, 19:30: ")
        assert restore_status(backups).endswith(f"Your previous diary is in {aside}.")
        assert not shown(backups, "restore-dialog")

    def test_cancelling_changes_nothing(self, backups, filled):
        backups.click("backup-now")
        filled.log.record(day=NOW.date(), pain=1, note="after the backup")
        count = filled.checkins.count()
        backups.click("restore-latest")
        backups.click("restore-cancel")
        assert restore_status(backups) == T.RESTORE_CANCELLED and filled.checkins.count() == count
        assert not list(filled.home.parent.glob("home.replaced-*"))

    def test_no_backup_yet(self, backups, filled):
        backups.click("restore-latest")
        assert restore_status(backups) == f"There is no automatic backup in {filled.home / 'backups'} yet."

    def test_a_chosen_file_with_its_passphrase(self, backups, filled, tmp_path):
        out = tmp_path / "elsewhere.diarybackup"
        create_backup(filled.home, out, PASSPHRASE, now=NOW - timedelta(days=2))
        backups.picked["file"] = ("elsewhere.diarybackup", out.read_bytes())
        backups.type("restore-passphrase", "amber canoe fern glide harbor ivorx")
        backups.click("restore-choose")
        assert restore_status(backups).startswith("The passphrase is wrong or the file is damaged.")
        assert not shown(backups, "restore-dialog")
        backups.type("restore-passphrase", PASSPHRASE)
        backups.click("restore-choose")
        assert "Fri 13 Mar 2026, 19:30" in " ".join(backups.texts())
        backups.click("restore-confirm")
        assert restore_status(backups).startswith("Restored the backup from Fri 13 Mar 2026, 19:30")

    def test_a_file_that_is_not_a_backup(self, backups):
        backups.picked["file"] = ("notes.txt", b"hello")
        backups.click("restore-choose")
        assert restore_status(backups).startswith("notes.txt is not a diary backup")

    def test_no_file_dialog_on_this_device(self, backups):
        backups.picked["file"] = RuntimeError("zenity missing")
        backups.click("restore-choose")
        assert restore_status(backups) == T.RESTORE_NO_PICKER


def _has(ui, key: str) -> bool:
    try:
        ui.find(key)
        return True
    except AssertionError:
        return False


def shown(ui, key: str) -> bool:
    """On the page and visible (False when it is not on the page at all, like a closed dialog)."""
    return _has(ui, key) and ui._node(key).shown


class TestReminderSettings:
    @pytest.fixture
    def reminder(self, diary, open_section):
        return open_section(lambda: ReminderSection(diary))

    def test_on_at_a_chosen_time(self, reminder, diary):
        assert reminder.find("reminder-time").disabled
        reminder.change("reminder-on", True)
        reminder.fire("reminder-time", "select", "21:30", {"value": "21:30"})
        settings = reminders_for(diary).settings()
        assert (settings.enabled, settings.at) == (True, time(21, 30))
        assert reminder.find("reminder-status").value == "You will be reminded after 21:30 on days you have not logged."
        reminder.change("reminder-on", False)
        assert reminder.find("reminder-status").value == T.REMINDER_SAVED_OFF

    def test_quiet_mode_for_a_flare(self, reminder, diary):
        reminder.fire("reminder-quiet", "select", "3days", {"value": "3days"})
        assert reminders_for(diary).settings().quiet_until == NOW.date() + timedelta(days=2)
        assert reminder.find("reminder-status").value == "Quiet mode: quiet for 3 days."


class TestReminderBanner:
    def on(self, diary, at=time(19, 0)):
        service = reminders_for(diary)
        service.save(service.settings().__class__(enabled=True, at=at))

    def test_shown_when_due_and_gone_once_logged(self, diary, open_ui):
        self.on(diary)
        ui = open_ui()
        assert ui._node("reminder-banner").shown and ui.find("reminder-text").value == T.REMINDER_BANNER
        ui.click("pain-4")
        ui.click("save")
        assert not ui._node("reminder-banner").shown
        assert not _has(open_ui(), "reminder-banner")  # logged today: never again today

    def test_log_today_hands_over_to_the_check_in(self, diary, ui, open_ui):
        self.on(diary)
        again = open_ui()
        again.click("reminder-open")
        assert not again._node("reminder-banner").shown
        assert again._node("checkin-editor").shown

    def test_quiet_today_from_the_banner(self, diary, open_ui):
        self.on(diary)
        ui = open_ui()
        ui.click("reminder-quiet-today")
        assert not ui._node("reminder-banner").shown
        assert reminders_for(diary).settings().quiet_until == NOW.date()
        assert not _has(open_ui(), "reminder-banner")

    def test_not_before_the_chosen_time_and_not_when_off(self, diary, open_ui):
        assert not _has(open_ui(), "reminder-banner")
        self.on(diary, at=time(20, 0))
        assert not _has(open_ui(), "reminder-banner")


class TestRescue:
    @pytest.fixture
    def damaged(self, tmp_path, clock):
        home = tmp_path / "home"
        diary = open_diary(home, clock=clock)
        fill_demo(diary, days=20, seed=6)
        auto_backup.back_up_now(home, now=NOW)
        ids = {c.id for c in diary.checkins.all()}
        diary.close()
        data = bytearray((home / DB_FILENAME).read_bytes())
        data[100:8000] = os.urandom(7900)
        (home / DB_FILENAME).write_bytes(bytes(data))
        return home, ids, bytes(data)

    def open_app(self, home, clock=None):
        return FletHarness(make_main(lambda: open_diary(home, clock=clock or FixedClock()), home=home))

    def test_says_so_restores_the_latest_backup_and_keeps_the_damaged_file(self, damaged):
        home, ids, data = damaged
        ui = self.open_app(home)
        try:
            assert T.RESCUE_HEADING in ui.texts()
            local = when(NOW, datetime.now().astimezone().tzinfo)  # the rescue screen runs on the real clock
            assert ui.find("rescue-offer").value == f"Last backup: {local} (1 kept)"
            assert (home / DB_FILENAME).read_bytes() == data  # showing the screen changed nothing
            ui.click("rescue-restore")
            assert ui.find("today-screen")  # the app started normally
        finally:
            ui.close()
        again = open_diary(home)
        try:
            assert {c.id for c in again.checkins.all()} == ids
        finally:
            again.close()
        [aside] = home.parent.glob("home.replaced-*")
        assert (aside / DB_FILENAME).read_bytes() == data
        assert auto_backup.list_backups(home / "backups")  # the backups stay with the home

    def test_without_a_backup_a_new_diary_can_start_and_the_file_is_kept(self, damaged):
        home, _, data = damaged
        shutil.rmtree(home / "backups")
        ui = self.open_app(home)
        try:
            assert ui.find("rescue-offer").value.startswith("No automatic backup was found in")
            assert not _has(ui, "rescue-restore")
            ui.click("rescue-start-new")
            assert ui.find("welcome-screen")  # a new, empty diary starts like any new one
        finally:
            ui.close()
        [rescued] = home.glob("rescue-*")
        assert (rescued / DB_FILENAME).read_bytes() == data

    def test_a_wrong_passphrase_for_a_chosen_file_is_one_sentence(self, damaged, tmp_path):
        home, _, data = damaged
        ui = FletHarness(make_main(lambda: open_diary(home), home=home))
        try:
            (home / "backup-key").write_text("not the right words at all\n")
            ui.click("rescue-restore")
            assert ui.find("rescue-status").value.startswith("The passphrase is wrong")
            assert (home / DB_FILENAME).read_bytes() == data
        finally:
            ui.close()

    def test_a_diary_from_a_newer_app_is_not_called_damaged(self, tmp_path):
        home = tmp_path / "home"
        open_diary(home).close()
        with sqlite3.connect(home / DB_FILENAME) as connection:
            connection.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
        ui = self.open_app(home)
        try:
            assert not _has(ui, "rescue-screen")
            assert "newer version of the app" in ui.find("open-error").value
        finally:
            ui.close()


def test_the_settings_screen_holds_both_sections(open_ui):
    from diary.ui.app import RAIL

    ui = open_ui(width=1280, height=800)
    ui.change("nav-rail", RAIL.index("settings"))
    assert ui.find("backup-settings") and ui.find("reminder-settings")
    assert T.BACKUP_NONE in ui.texts()
