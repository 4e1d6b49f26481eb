"""Backups of one home as the screens use them: its status, backing up now, the automatic-backup
settings, the words that open automatic backups, checking a backup and restoring it.

One object per home (`Diary.backups`, or `home_backups(home)` for the rescue screen, which has no
open diary because the diary file is damaged). The work is diary.services.auto_backup's, .backup's
and .restore's; this only gathers it behind the methods a screen calls.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from diary.services import auto_backup
from diary.services.auto_backup import DEFAULT_KEEP, BackupSettings, BackupStatus
from diary.services.backup import BackupInfo, Manifest, OpenedBackup, open_backup, read_backup
from diary.services.clock import local_now
from diary.services.restore import (
    database_damaged, database_file, install_backup, rescue_corrupt_database, restore_open_diary,
)

LAST_FILE_KEY = "last-backup-file"  # meta: when the newest backup file handed over was made
WARNED_KEY = "storage-warned"  # meta: when Today first said the browser may delete the diary

__all__ = ["DEFAULT_KEEP", "BackupService", "BackupStatus", "OpenedBackup", "home_backups"]


class BackupService:
    """Backups of the home `home`; `diary` is the open diary there (None on the rescue screen)."""

    def __init__(self, home: Path, *, clock: Callable[[], datetime] = local_now, diary=None):
        self.home, self._clock, self._diary = Path(home), clock, diary

    def now(self) -> datetime:
        return self._clock()

    # What there is
    def status(self) -> BackupStatus:
        return auto_backup.status(self.home)

    def folder(self) -> Path:
        return auto_backup.backup_folder(self.home)

    def backups(self) -> list[tuple[datetime, Path]]:
        """The automatic backups in the folder, oldest first, with when each was made."""
        return auto_backup.list_backups(self.folder())

    def passphrase(self) -> str:
        """The words that open the automatic backups (made on first use). Raises BackupError."""
        return auto_backup.backup_passphrase(self.home)

    # Changing things
    def back_up_now(self) -> BackupInfo:
        return auto_backup.back_up_now(self.home, now=self._clock())

    def backup_file(self) -> tuple[str, bytes, Manifest]:
        """A backup of the whole home as a file to hand over (the phone app), with its name and manifest.
        Raises BackupError."""
        return auto_backup.backup_file(self.home, now=self._clock())

    def note_backup_file(self, when: datetime) -> None:
        """Remember that a backup file made at `when` reached the user (the phone's weekly reminder)."""
        if self._diary is not None:
            self._diary.meta.set(LAST_FILE_KEY, when.isoformat())

    def last_backup_file(self) -> datetime | None:
        """When the newest backup file handed over from here was made (None: never)."""
        return self._meta_time(LAST_FILE_KEY)

    def storage_warned(self) -> datetime | None:
        """When the phone app first said the browser may delete the diary (None: not yet)."""
        return self._meta_time(WARNED_KEY)

    def note_storage_warned(self, when: datetime) -> None:
        if self._diary is not None:
            self._diary.meta.set(WARNED_KEY, when.isoformat())

    def _meta_time(self, key: str) -> datetime | None:
        value = self._diary.meta.get(key) if self._diary is not None else None
        try:
            return datetime.fromisoformat(value) if value else None
        except ValueError:
            return None

    def save_settings(self, *, enabled: bool, folder: str | None, keep: int) -> BackupStatus:
        """Save the automatic-backup choices and return the status they lead to. Raises BackupError."""
        auto_backup.save_settings(self.home, BackupSettings(enabled=enabled, folder=folder, keep=keep))
        return self.status()

    # Restoring
    def open_latest(self, passphrase: str | None) -> OpenedBackup | None:
        """The newest automatic backup, checked completely (None when there is none).

        `passphrase` None or empty: the home's own words for automatic backups."""
        latest = auto_backup.latest_backup(self.folder())
        return None if latest is None else read_backup(latest, self._words(passphrase))

    def open_bytes(self, name: str, data: bytes, passphrase: str | None) -> OpenedBackup:
        """A backup file picked by the user, checked completely, in memory."""
        return open_backup(data, self._words(passphrase), name=name)

    def restore(self, opened: OpenedBackup) -> Path | None:
        """Put a checked backup in place of this home; returns where the replaced folder was kept."""
        if self._diary is not None:
            return restore_open_diary(self._diary, opened)
        return install_backup(opened, self.home, now=self._clock())

    def _words(self, passphrase: str | None) -> str:
        typed = (passphrase or "").strip()
        return typed or self.passphrase()

    # A damaged diary file (the rescue screen)
    def database_damaged(self) -> bool:
        return database_damaged(self.home)

    def database_file(self) -> Path:
        return database_file(self.home)

    def start_afresh(self) -> Path:
        """Move the damaged diary file aside (into HOME/rescue-TIME/) so a new diary can start."""
        return rescue_corrupt_database(self.home, now=self._clock())


def home_backups(home: Path, *, clock: Callable[[], datetime] = local_now) -> BackupService:
    """The backups of a home whose diary cannot be opened (the rescue screen)."""
    return BackupService(home, clock=clock)
