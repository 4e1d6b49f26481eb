"""Automatic backups: once a day while the app is used, the last N kept, in a folder the user picks.

Automatic backups use a passphrase generated once and kept in the home as `backup-key` (owner-only).
It lets the app back up without asking, and travels inside every backup; the user must write it down
(Settings shows it), because without it no backup can be opened on a new device. The settings live in
`backup-settings.json` in the home, not in the database, so a damaged database still finds its backups.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from diary.domain.errors import DiaryError
from diary.platform import current, durable
from diary.services.backup import (
    BACKUPS_FOLDER, BackupError, BackupInfo, Manifest, backup_bytes, create_backup, generate_passphrase, os_failure, write_atomically,
)
from diary.services.restore_recovery import KEY_FILE  # defined with the home's other file names
from diary.i18n import N_, _

SETTINGS_FILE = "backup-settings.json"
DEFAULT_KEEP = 7
MAX_KEEP = 365
AUTO_PATTERN = re.compile(r"diary-backup-(\d{8}T\d{6}Z)\.diarybackup")
CHECK_EVERY_SECONDS = 3600  # while the app stays open across midnight, the next day's backup follows within the hour
START_DELAY_SECONDS = 60
_STALE_TMP_SECONDS = 3600


class BackupSettings(BaseModel):
    """The user's choices for automatic backups. `folder` None means `<home>/backups`."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    enabled: bool = True
    folder: str | None = Field(default=None, max_length=4096)
    keep: int = Field(default=DEFAULT_KEEP, ge=1, le=MAX_KEEP)


@dataclass(frozen=True)
class BackupStatus:
    """What Settings shows: where backups go, the newest one, and the last automatic attempt's failure."""

    folder: Path
    settings: BackupSettings
    last_backup: datetime | None
    count: int
    last_error: str | None


_last_errors: dict[Path, str] = {}  # per home, this process only: a failed automatic backup, until one succeeds
_started: set[Path] = set()
_lock = threading.Lock()


def load_settings(home: Path) -> BackupSettings:
    """The saved settings, or the defaults if there are none or the file is unreadable."""
    try:
        return BackupSettings.model_validate_json((Path(home) / SETTINGS_FILE).read_bytes())
    except (OSError, ValidationError):
        return BackupSettings()


def save_settings(home: Path, settings: BackupSettings) -> None:
    """Save the settings (atomically, owner-only).

    Raises:
        BackupError: the folder does not exist or the home cannot be written.
    """
    if settings.folder is not None:
        folder = Path(settings.folder).expanduser()
        if not folder.is_absolute() or not folder.is_dir():
            raise BackupError(_("The folder {folder} does not exist; type the full path of an existing folder. The settings were not changed.").format(folder=settings.folder))
        settings = settings.model_copy(update={"folder": str(folder)})
    write_atomically(Path(home) / SETTINGS_FILE, (settings.model_dump_json(indent=1) + "\n").encode())


def backup_folder(home: Path, settings: BackupSettings | None = None) -> Path:
    settings = settings or load_settings(home)
    return Path(settings.folder) if settings.folder else Path(home) / BACKUPS_FOLDER


def backup_passphrase(home: Path) -> str:
    """The automatic backups' passphrase, generated once and kept in `home/backup-key` (owner-only).

    Published whole and only if absent, so two windows starting at once agree and no reader ever sees a
    half-written key.
    """
    path = Path(home) / KEY_FILE
    if not path.exists():
        try:
            durable.write_atomically(path, (generate_passphrase() + "\n").encode(), exclusive=True)
        except FileExistsError:
            pass  # another window made it first; use theirs
        except OSError as exc:
            raise os_failure(exc, Path(home), what=N_("no backup passphrase was made")) from None
    try:
        words = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        words = ""
    if not words:
        raise BackupError(_("The backup passphrase file {path} is unreadable; move it away and back up again.").format(path=path))
    return words


def list_backups(folder: Path) -> list[tuple[datetime, Path]]:
    """The automatic backups in `folder`, oldest first, with the UTC time in their names."""
    found = []
    try:
        paths = list(Path(folder).glob("diary-backup-*.diarybackup"))
    except OSError:
        return []
    for path in paths:
        if match := AUTO_PATTERN.fullmatch(path.name):
            found.append((datetime.strptime(match[1], "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc), path))
    return sorted(found)


def latest_backup(folder: Path) -> Path | None:
    """The newest automatic backup in `folder`, to offer when the diary file is damaged."""
    found = list_backups(folder)
    return found[-1][1] if found else None


def backup_due(newest: datetime | None, now: datetime) -> bool:
    """One a day: due when there is none yet, the newest is from an earlier local day, or the clock
    went back (the newest is more than an hour in the future)."""
    if newest is None:
        return True
    newest_local = newest.astimezone(now.tzinfo)
    return newest_local.date() < now.date() or newest_local - now > timedelta(hours=1)


def backup_file_name(now: datetime) -> str:
    """diary-backup-<UTC time>.diarybackup, the name of every backup the app makes."""
    return f"diary-backup-{now.astimezone(timezone.utc):%Y%m%dT%H%M%SZ}.diarybackup"


def backup_file(home: Path, *, now: datetime) -> tuple[str, bytes, Manifest]:
    """A backup of the whole home in memory, under the home's backup words, with its file name and manifest:
    what the phone app hands over as a download (it has no folder to keep backups in).

    Raises:
        BackupError: as `backup_bytes`.
    """
    home = Path(home)
    data, manifest = backup_bytes(home, backup_passphrase(home), now=now, exclude=(backup_folder(home),))
    return backup_file_name(now), data, manifest


def back_up_now(home: Path, *, now: datetime, settings: BackupSettings | None = None) -> BackupInfo:
    """Write an automatic-style backup now, then keep only the newest `keep` in the folder.

    Raises:
        BackupError: as `create_backup`; older backups are then left as they were.
    """
    home = Path(home)
    settings = settings or load_settings(home)
    folder = backup_folder(home, settings)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise os_failure(exc, folder) from None
    out = folder / backup_file_name(now)
    info = create_backup(home, out, backup_passphrase(home), now=now, exclude=(folder,))
    _rotate(folder, settings.keep)
    with _lock:
        _last_errors.pop(home, None)
    return info


def _rotate(folder: Path, keep: int) -> None:
    for _, old in list_backups(folder)[:-keep]:
        old.unlink(missing_ok=True)
    for stale in folder.glob(".diary-backup-*.tmp"):  # left by a backup killed mid-write
        try:
            if time.time() - stale.stat().st_mtime > _STALE_TMP_SECONDS:
                stale.unlink(missing_ok=True)
        except OSError:
            pass


def auto_backup_if_due(home: Path, *, now: datetime) -> BackupInfo | None:
    """Back up if automatic backups are on and none was made today. Returns the new backup or None.

    Raises:
        BackupError: as `back_up_now`; the sentence is also kept for Settings to show.
    """
    home = Path(home)
    settings = load_settings(home)
    if not settings.enabled:
        return None
    found = list_backups(backup_folder(home, settings))
    if not backup_due(found[-1][0] if found else None, now):
        return None
    try:
        return back_up_now(home, now=now, settings=settings)
    except BackupError as exc:
        with _lock:
            _last_errors[home] = str(exc)
        raise


def status(home: Path) -> BackupStatus:
    settings = load_settings(home)
    folder = backup_folder(home, settings)
    found = list_backups(folder)
    with _lock:
        error = _last_errors.get(Path(home))
    return BackupStatus(folder=folder, settings=settings, last_backup=found[-1][0] if found else None,
                        count=len(found), last_error=error)


class AutoBackups:
    """The background checker started by `start_auto_backups`; `stop()` ends it (tests, app shutdown)."""

    def __init__(self, home: Path, clock: Callable[[], datetime], every: float, delay: float):
        self.home, self._clock = home, clock
        # On the desktop a daemon thread; `thread` is the platform's handle (is_alive, stop) either way.
        self.thread = current().work.repeat(self._check, every=every, delay=delay, name="auto-backup")

    def _check(self) -> None:
        try:
            auto_backup_if_due(self.home, now=self._clock())
        except DiaryError:
            pass  # kept in _last_errors for Settings
        except Exception as exc:  # never let a surprise end the app's backups silently
            with _lock:
                _last_errors[self.home] = (f"The automatic backup failed unexpectedly ({type(exc).__name__}); "
                                           "use Back up now, or run 'diary backup'.")

    def stop(self) -> None:
        self.thread.stop(30)
        with _lock:
            _started.discard(self.home)


def start_auto_backups(home: Path, clock: Callable[[], datetime], *, every: float = CHECK_EVERY_SECONDS,
                       delay: float = START_DELAY_SECONDS) -> AutoBackups | None:
    """After `delay` seconds back up if due, then check again every hour, on a daemon thread (once per
    home and process). The delay keeps the KDF's second of work away from the app's first screen.

    Failures never stop the app: the sentence is kept for Settings (`status`) and the next check retries.
    Returns None if this process already runs them for `home`.
    """
    home = Path(home)
    with _lock:
        if home in _started:
            return None
        _started.add(home)
    return AutoBackups(home, clock, every, delay)
