"""Settings → Backups, Reminder and the rescue screen as frozen values, from statuses and settings alone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from diary.domain.reminders import ReminderSettings
from diary.services.auto_backup import BackupSettings, BackupStatus
from diary.ui.state.backups import backups_view, counts, rescue_view, restored_text, settings_saved
from diary.ui.state.reminders import reminder_saved, reminder_view

TZ = timezone(timedelta(hours=1))
HOME = Path("/home/me/diary")


def status(**kwargs) -> BackupStatus:
    values = dict(folder=HOME / "backups", settings=BackupSettings(), last_backup=None, count=0, last_error=None)
    return BackupStatus(**{**values, **kwargs})


class TestBackupsView:
    def test_no_backup_yet_in_the_home(self):
        view = backups_view(status(), home=HOME, tz=TZ)
        assert view.last == "No backup yet." and view.inside_home and view.last_error is None
        assert view.enabled and view.keep == 7 and view.keep_choices == (3, 7, 14, 30, 90)

    def test_the_newest_backup_a_failure_and_an_unusual_keep_elsewhere(self):
        view = backups_view(status(folder=Path("/mnt/usb"), settings=BackupSettings(folder="/mnt/usb", keep=5),
                                   last_backup=datetime(2026, 3, 15, 18, 30, tzinfo=timezone.utc), count=2,
                                   last_error="The device holding /mnt/usb is full."), home=HOME, tz=TZ)
        assert view.last == "Last backup: Sun 15 Mar 2026, 19:30 (2 kept)" and not view.inside_home
        assert view.last_error == "The last automatic backup failed: The device holding /mnt/usb is full."
        assert 5 in view.keep_choices and view.folder == "/mnt/usb"

    def test_settings_saved_sentence(self):
        assert "7" in settings_saved(status()) and str(HOME / "backups") in settings_saved(status())


@dataclass
class Manifest:
    created_at: datetime
    days_logged: int = 30
    checkins: int = 32


def test_what_a_backup_holds_for_a_patient_and_a_clinic():
    manifest = Manifest(datetime(2026, 3, 1, 9, tzinfo=TZ))
    assert counts(manifest, clinician=False) == "30 days, 32 check-ins"
    assert "caseload" in counts(manifest, clinician=True)
    assert "Sun 1 Mar 2026, 09:00" in restored_text(manifest, HOME.with_name("diary.replaced"), tz=TZ,
                                                    clinician=False)


def test_the_rescue_screen_offers_the_newest_backup_or_says_there_is_none():
    backups = [(datetime(2026, 3, 14, 9, tzinfo=TZ), Path("a")), (datetime(2026, 3, 15, 9, tzinfo=TZ), Path("b"))]
    offered = rescue_view(damaged_file=HOME / "diary.sqlite3", folder=HOME / "backups", backups=backups, home=HOME,
                          tz=TZ)
    assert offered.has_backup and offered.offer == "Last backup: Sun 15 Mar 2026, 09:00 (2 kept)"
    none = rescue_view(damaged_file=HOME / "diary.sqlite3", folder=HOME / "backups", backups=[], home=HOME, tz=TZ)
    assert not none.has_backup and str(HOME / "backups") in none.offer and none.rescue_folder.endswith("rescue-…")


def test_reminder_view_and_what_a_change_means():
    today = date(2026, 3, 15)
    view = reminder_view(ReminderSettings(enabled=True, at=time(20, 15)), today=today)
    assert view.enabled and view.at == "20:15" and "20:15" in view.times and "06:00" in view.times
    before = ReminderSettings()
    on = ReminderSettings(enabled=True, at=time(21, 0))
    assert reminder_saved(before, on, quiet=view.quiet) == "You will be reminded after 21:00 on days you have not logged."
    assert reminder_saved(on, before, quiet="off") == "Reminders are off."
    quiet = before.with_quiet("today", today=today)
    assert reminder_saved(before, quiet, quiet="today") == "Quiet mode: quiet today."
