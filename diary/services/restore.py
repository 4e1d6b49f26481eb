"""Putting a checked backup in place of a diary home, and setting a damaged diary file aside.

Nothing here deletes user data: a restore keeps the replaced home beside it as `<home>.replaced-<time>`,
and a damaged diary file is moved into `<home>/rescue-<time>/`, never overwritten.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from contextlib import closing
from glob import escape as glob_escape
from datetime import datetime
from pathlib import Path, PurePosixPath

from diary.domain.errors import DiaryError
from diary.platform import current
from diary.services.backup import BackupError, OpenedBackup, os_failure, read_backup, write_atomically
from diary.services.restore_recovery import COMPLETE_MARKER, finish_restore, fsync_folder
from diary.storage.database import DB_FILENAME, open_engine
from diary.i18n import N_, _


_STOPPED = N_("the restore was stopped")


def database_file(home: Path) -> Path:
    """Where the diary file of `home` is (for messages)."""
    return Path(home) / DB_FILENAME


def database_damaged(home: Path) -> bool:
    """Whether the home holds a diary file SQLite cannot read or that fails its quick check.

    Read-only: the file is never changed. A missing file is not damaged (a new diary starts there).
    """
    path = Path(home) / DB_FILENAME
    if not path.is_file():
        return False
    try:
        with closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)) as connection:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return connection.execute("PRAGMA quick_check").fetchone()[0] != "ok"
    except sqlite3.DatabaseError:
        return True


def database_in_use(home: Path) -> bool:
    """Whether another process has the home's database open (best effort: Linux and macOS).

    Every SQLite connection in WAL mode holds a read lock on the "DMS" byte (offset 128) of the -shm
    file for its whole life; F_GETLK asks about it without taking any lock. Locks of this process do
    not show: the app itself restores through `restore_open_diary`, which reopens its connections.
    """
    shm = Path(home) / f"{DB_FILENAME}-shm"
    layout = {"linux": "hhqqi4x", "darwin": "qqihh"}.get(sys.platform)
    if layout is None or not shm.exists():
        return False
    import fcntl
    import struct

    fields = (fcntl.F_WRLCK, os.SEEK_SET, 128, 1, 0) if layout.startswith("hh") else (128, 1, 0, fcntl.F_WRLCK, 0)
    try:
        fd = os.open(shm, os.O_RDONLY)
    except OSError:
        return False
    try:
        answer = struct.unpack(layout, fcntl.fcntl(fd, fcntl.F_GETLK, struct.pack(layout, *fields)))
    except OSError:
        return False
    finally:
        os.close(fd)
    return (answer[0] if layout.startswith("hh") else answer[3]) != fcntl.F_UNLCK


def _stage(opened: OpenedBackup, staging: Path) -> None:
    """Write the backup's files into `staging`, migrate its database there, then mark it complete."""
    staging.mkdir(mode=0o700)
    for name, data in opened.files.items():
        target = staging.joinpath(*PurePosixPath(name).parts)
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomically(target, data, what=_STOPPED)
    try:
        # An older backup is migrated now, before it replaces anything (in this platform's journal mode).
        open_engine(staging, journal_mode=current().home.journal_mode).dispose()
    except (DiaryError, sqlite3.Error):
        raise BackupError(_("The backup could not be brought up to this app's data version, so it was not restored; nothing was changed. Try an older backup.")) from None
    write_atomically(staging / COMPLETE_MARKER, b"", what=_STOPPED)


def install_backup(opened: OpenedBackup, home: Path, *, now: datetime) -> Path | None:
    """Put a checked backup in place of `home`; returns where the replaced home was kept (None if none).

    The files are written to a new sibling folder `.<home>.restoring-…`, fsynced and migrated there, so
    any failure leaves the current home untouched. Then two renames on the same file system: the home
    becomes `<home>.replaced-<time>` (kept, never deleted) and the new folder becomes the home; last,
    the automatic backups folder (`home/backups`, which belongs to neither version) moves back in.
    POSIX has no portable atomic swap of two folders; between the renames `home` is missing for a
    moment, and a crash there (or before the backups folder moved) is finished by
    `restore_recovery.finish_interrupted_restore` when the diary next opens.

    Raises:
        BackupError: the diary is open in another process, the disk is full or not writable, or the
            backup's database cannot be migrated.
    """
    home = Path(home)
    if database_in_use(home):
        raise BackupError(_("The diary in {home} is open in the app. Close the app (every window), then restore again; nothing was changed.").format(home=home))
    stamp = now.strftime("%Y%m%d-%H%M%S")
    if home.is_dir():  # copies staged by restores a crash stopped before the swap: the home is whole, so drop them
        for stale in home.parent.glob(f".{glob_escape(home.name)}.restoring-*"):
            shutil.rmtree(stale, ignore_errors=True)
    staging = _unused(home.parent / f".{home.name}.restoring-{stamp}")
    aside = None
    try:
        home.parent.mkdir(parents=True, exist_ok=True)
        _stage(opened, staging)
        fsync_folder(staging)
        if home.exists():
            aside = _unused(home.parent / f"{home.name}.replaced-{stamp}")
            os.rename(home, aside)
        os.rename(staging, home)
    except BaseException as exc:  # put everything back as it was (an interrupt included), then say why
        if aside is not None and aside.exists() and not home.exists():
            os.rename(aside, home)
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise os_failure(exc, home.parent, what=_STOPPED) from None
        raise
    try:
        fsync_folder(home.parent)
    except OSError:
        pass  # the restore is complete; only its durability across a power cut is less certain
    finish_restore(home, aside)
    return aside


def _unused(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}-{n}")
    return candidate


def restore_backup(path: Path, passphrase: str, home: Path, *, now: datetime) -> Path | None:
    """Check the backup completely, then restore it in place of `home` (see `install_backup`).

    Returns:
        The folder where the replaced home was kept, or None if there was no home.

    Raises:
        BackupError: any failed check (the current home is untouched).
    """
    return install_backup(read_backup(path, passphrase), home, now=now)


def restore_open_diary(diary, opened: OpenedBackup) -> Path | None:
    """Restore into the home of a diary this process has open (the app), then reconnect it.

    The engine's pooled connections are closed first (Windows cannot rename a folder with open files)
    and again after (a connection opened meanwhile points at the replaced file); every later query
    opens the restored file at the same path, so every screen and tab sees it.
    """
    diary.engine.dispose()
    try:
        return install_backup(opened, diary.home, now=diary.clock())
    finally:
        diary.engine.dispose()


def rescue_corrupt_database(home: Path, *, now: datetime) -> Path:
    """Move a damaged diary file (and its -wal/-shm) into `home/rescue-<time>/`, never overwriting or
    deleting it, so a new diary can start. Returns the rescue folder.

    Raises:
        BackupError: no diary file there, or the move failed (nothing is lost either way).
    """
    home = Path(home)
    if not (home / DB_FILENAME).exists():
        raise BackupError(_("There is no diary file in {home} to set aside.").format(home=home))
    rescue = _unused(home / f"rescue-{now:%Y%m%d-%H%M%S}")
    try:
        rescue.mkdir(mode=0o700)
        for suffix in ("", "-wal", "-shm", "-journal"):
            if (source := home / f"{DB_FILENAME}{suffix}").exists():
                os.rename(source, rescue / source.name)
        fsync_folder(home)
    except OSError as exc:
        raise os_failure(exc, home, what=N_("the damaged file was left where it was")) from None
    return rescue
