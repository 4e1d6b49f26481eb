"""Encrypted backup and restore of a whole diary home, automatic daily backups, and corrupt-file rescue.

A backup file is exactly::

    b"DIARY-BACKUP\\n"
    b"v1 passphrase\\n"
    b"argon2id opslimit=3 memlimit=268435456 salt=<16 bytes, base64>\\n"   (diary.exchange.passphrase)
    <24-byte nonce> <SecretBox (XSalsa20-Poly1305) ciphertext>

The KDF limits are fixed (libsodium MODERATE): a file asking for anything else is refused before any key
is derived, so an edited header cannot make us burn memory or time. The plaintext is a gzip-compressed
tar (so a rescuer can decrypt it and run `tar xz`) of regular files only:

- `manifest.json`: format, app and schema version, created_at, counts, and every other member's size
  and SHA-256;
- `diary.sqlite3`: a consistent snapshot taken with SQLite's online backup API from a read-only
  connection (so it works while the app runs and includes committed WAL content), made in memory (no
  plaintext copy touches the disk) and marked as a rollback-journal file (header bytes 18-19 = 1, as
  `PRAGMA journal_mode=DELETE` does) so the one file is complete;
- every other regular file of the home (keys, settings, `backup-key`) except transient ones.

Any flipped, cut or appended byte makes SecretBox refuse the file; SecretBox cannot tell that from a
wrong passphrase, so both get one sentence. Verification happens entirely in memory and never touches
the current home; a restore then writes a sibling folder, migrates it, and swaps it in (see
`install_backup`). Everything is held in memory: a ten-year diary is a few MB; the caps refuse
hostile files.

Automatic backups use a passphrase generated once and kept in the home as `backup-key` (owner-only).
It lets the app back up daily without asking, and travels inside every backup; the user must write it
down (Settings shows it), because without it no backup can be opened on a new device.
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import io
import os
import re
import secrets
import shutil
import sqlite3
import tarfile
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path, PurePosixPath
from typing import Literal

import nacl.exceptions
import nacl.secret
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from diary import __version__
from diary.domain.errors import DiaryError
from diary.exchange.errors import KeyFormatError
from diary.exchange.passphrase import KdfLineError, derive_key, generate_passphrase, kdf_line, new_salt, read_kdf_line
from diary.storage.database import DB_FILENAME, open_engine
from diary.storage.migrations import LATEST_VERSION

MAGIC = b"DIARY-BACKUP\n"
VERSION_LINE = b"v1 passphrase\n"
MANIFEST = "manifest.json"
KEY_FILE = "backup-key"
MAX_BACKUP_BYTES = 512 * 2**20
MAX_UNPACKED_BYTES = 1024 * 2**20
MAX_MEMBERS = 10_000
DEFAULT_KEEP = 7
AUTO_PATTERN = re.compile(r"diary-backup-(\d{8}T\d{6}Z)\.diarybackup")
_SKIP_SUFFIXES = ("-wal", "-shm", "-journal", ".lock", ".tmp")
_SKIP_NAMES = {".write-test", "backups"}
_SAFE_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
__all__ = ["generate_passphrase"]  # re-exported: one generator for exports and backups


class BackupError(DiaryError):
    """A backup could not be made, read or restored; the message is one plain sentence."""


class ManifestFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)
    name: str
    size: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class Manifest(BaseModel):
    """What a backup holds; returned by `verify_backup` once every check has passed."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    format: Literal["diary-backup"] = "diary-backup"
    app_version: str
    schema_version: int
    created_at: datetime
    days_logged: int
    checkins: int
    files: tuple[ManifestFile, ...]


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    manifest: Manifest


@dataclass(frozen=True)
class OpenedBackup:
    """A backup that passed every check: its manifest and the files to restore (name → bytes)."""

    manifest: Manifest
    files: dict[str, bytes]


def _damaged(path: Path) -> BackupError:
    return BackupError(f"The backup {path.name} is damaged or cut short, so it cannot be restored; nothing was "
                       "changed. Try an older backup.")


def _wrong_or_damaged() -> BackupError:
    return BackupError("The passphrase is wrong or the file is damaged. Check the words and try again; if it "
                       "still fails, try an older backup. Nothing was changed.")


def _newer(version: object) -> BackupError:
    return BackupError(f"This backup was made by a newer version of the app (data version {version}; this app "
                       f"reads up to {LATEST_VERSION}). Update the app first, then restore; nothing was changed.")


def os_failure(exc: OSError, place: Path, *, what: str = "the backup was not written") -> BackupError:
    """A sentence for a file-system failure (full device, no permission, missing folder); never raw text."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return BackupError(f"The device holding {place} is full, so {what}. Free some space or choose another "
                           "folder; your diary is unchanged.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return BackupError(f"{place} cannot be written to, so {what}. Choose a folder you can write to; your "
                           "diary is unchanged.")
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return BackupError(f"{place} does not exist, so {what}. Choose an existing folder; your diary is unchanged.")
    return BackupError(f"{place} could not be used ({exc.strerror or 'error'}), so {what}; your diary is unchanged.")


def _snapshot(database: Path) -> tuple[bytes, int, int, int]:
    """(file bytes, schema version, days logged, check-ins) of a consistent copy of the live database."""
    try:
        source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        memory = sqlite3.connect(":memory:")
        try:
            source.execute("PRAGMA busy_timeout=5000")
            source.backup(memory)  # one step: the copy is one read transaction, so it is consistent
            if memory.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("integrity")
            version = memory.execute("PRAGMA user_version").fetchone()[0]
            days, checkins = _counts(memory)
            image = bytearray(memory.serialize())
        finally:
            source.close()
            memory.close()
    except sqlite3.DatabaseError:
        raise BackupError(f"The diary file {database} is damaged, so no backup was made; your earlier backups "
                          "are kept. Restore the latest one.") from None
    image[18:20] = b"\x01\x01"  # rollback-journal mode: the snapshot needs no -wal file (SQLite file format §1.3.4)
    return bytes(image), version, days, checkins


def _counts(connection: sqlite3.Connection) -> tuple[int, int]:
    try:
        checkins, days = connection.execute("SELECT count(*), count(DISTINCT day) FROM checkin").fetchone()
    except sqlite3.OperationalError:  # no table yet: an empty diary
        return 0, 0
    return days, checkins


def _home_files(home: Path, exclude: tuple[Path, ...]) -> dict[str, bytes]:
    """Every regular file in the home but the database and transient ones, by POSIX relative name."""
    files: dict[str, bytes] = {}
    for folder, dirs, names in os.walk(home):
        here = Path(folder)
        dirs[:] = [d for d in dirs if d not in _SKIP_NAMES and not d.startswith(("rescue-", "."))
                   and (here / d).resolve() not in exclude and not (here / d).is_symlink()]
        for name in names:
            path = here / name
            if (path == home / DB_FILENAME or name in _SKIP_NAMES or name.endswith(_SKIP_SUFFIXES)
                    or path.is_symlink() or not path.is_file() or path.resolve() in exclude):
                continue
            files[path.relative_to(home).as_posix()] = path.read_bytes()
    return files


def _archive(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), 0o600
            tar.addfile(info, io.BytesIO(data))
    return gzip.compress(buffer.getvalue(), mtime=0)


def _seal(archive: bytes, passphrase: str) -> bytes:
    salt = new_salt()
    box = nacl.secret.SecretBox(_key(passphrase, salt))
    return MAGIC + VERSION_LINE + kdf_line(salt) + bytes(box.encrypt(archive))


def _key(passphrase: str, salt: bytes) -> bytes:
    try:
        return derive_key(passphrase, salt)
    except KeyFormatError:
        raise BackupError("The passphrase is empty; type the words you were given.") from None


def write_atomically(out: Path, data: bytes) -> None:
    """Write `data` to `out` so that `out` is either the old file or the whole new one, owner-only.

    Raises:
        BackupError: with a sentence on a full device, a folder without permission or a missing one; no
            partial file is left behind.
    """
    tmp = out.parent / f".{out.name}.{secrets.token_hex(4)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view[: 1 << 20]):]
            os.fsync(fd)  # the bytes are on the disk before the name points at them
        finally:
            os.close(fd)
        os.replace(tmp, out)
        _fsync_folder(out.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise os_failure(exc, out.parent) from None


def _fsync_folder(folder: Path) -> None:
    if os.name == "posix":  # a rename is durable only once its folder is synced; Windows cannot open folders
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def create_backup(home: Path, out: Path, passphrase: str, *, now: datetime,
                  exclude: tuple[Path, ...] = ()) -> BackupInfo:
    """Write an encrypted backup of the whole home to `out` (atomically, owner-only), while the app runs.

    Args:
        home: the diary home. out: the backup file; an existing diary backup there is replaced.
        passphrase: the words that will open it. now: tz-aware, stored as created_at.
        exclude: folders or files inside the home to leave out (the automatic backups folder).

    Raises:
        BackupError: no diary in the home, a damaged database, the file too large or not writable.
    """
    if not (home / DB_FILENAME).is_file():
        raise BackupError(f"There is no diary in {home} to back up.")
    if out.exists() and (not out.is_file() or out.read_bytes()[: len(MAGIC)] != MAGIC):
        raise BackupError(f"{out} exists and is not a diary backup; choose another file name.")
    snapshot, version, days, checkins = _snapshot(home / DB_FILENAME)
    try:
        files = {DB_FILENAME: snapshot, **_home_files(home, tuple(p.resolve() for p in (*exclude, out)))}
    except OSError as exc:
        raise os_failure(exc, home, what="no backup was made") from None
    manifest = Manifest(app_version=__version__, schema_version=version, created_at=now, days_logged=days,
                        checkins=checkins, files=tuple(ManifestFile(name=n, size=len(d), sha256=_sha(d))
                                                       for n, d in files.items()))
    archive = _archive({MANIFEST: manifest.model_dump_json(indent=1).encode(), **files})
    data = _seal(archive, passphrase)
    if len(data) > MAX_BACKUP_BYTES or sum(map(len, files.values())) > MAX_UNPACKED_BYTES:
        raise BackupError(f"The diary in {home} is too large for one backup file; nothing was written.")
    write_atomically(out, data)
    return BackupInfo(path=out, size=len(data), manifest=manifest)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _unseal(data: bytes, passphrase: str, path: Path) -> bytes:
    if not data.startswith(MAGIC):
        if data and MAGIC.startswith(data):
            raise _damaged(path)
        raise BackupError(f"{path.name} is not a diary backup; choose a file made by 'diary backup' or by the "
                          "app's automatic backups. Nothing was changed.")
    header = MAGIC + VERSION_LINE
    if not data.startswith(header):
        newer = re.match(rb"v([0-9]{1,6}) ", data[len(MAGIC):])
        if newer and int(newer[1]) > 1:
            raise BackupError("This backup file was made by a newer version of the app. Update the app first, "
                              "then restore; nothing was changed.")
        raise _damaged(path)
    try:
        salt, start = read_kdf_line(data, len(header))
    except KdfLineError as exc:
        if exc.truncated:
            raise _damaged(path) from None
        raise BackupError("This backup asks for unusual protection settings, so it was not opened: it was not "
                          "made by the diary app. Nothing was changed.") from None
    if len(data) - start < nacl.secret.SecretBox.NONCE_SIZE + nacl.secret.SecretBox.MACBYTES:
        raise _damaged(path)
    try:
        return nacl.secret.SecretBox(_key(passphrase, salt)).decrypt(data[start:])
    except nacl.exceptions.CryptoError:
        raise _wrong_or_damaged() from None


def _unpack(archive: bytes, path: Path) -> dict[str, bytes]:
    """The archive's members by name, refusing anything a backup never holds (links, `..`, huge sizes)."""
    try:
        inflate = zlib.decompressobj(wbits=31)  # gzip; bounded, so a compression bomb stops at the cap
        plain = inflate.decompress(archive, MAX_UNPACKED_BYTES + 1)
        if len(plain) > MAX_UNPACKED_BYTES or inflate.unconsumed_tail or not inflate.eof or inflate.unused_data:
            raise _damaged(path)
        files: dict[str, bytes] = {}
        with tarfile.open(fileobj=io.BytesIO(plain), mode="r:") as tar:
            for member in tar:
                parts = PurePosixPath(member.name).parts
                if (member.type not in (tarfile.REGTYPE, tarfile.AREGTYPE) or member.name in files
                        or len(files) >= MAX_MEMBERS or not parts or len(parts) > 8
                        or not all(_SAFE_PART.fullmatch(p) and ".." not in p for p in parts)
                        or "/".join(parts) != member.name):
                    raise _damaged(path)
                files[member.name] = tar.extractfile(member).read()
        return files
    except (tarfile.TarError, zlib.error, EOFError):
        raise _damaged(path) from None


def read_backup(path: Path, passphrase: str) -> OpenedBackup:
    """Open and check a backup completely, in memory, touching no diary home.

    Raises:
        BackupError: not a backup, too large, damaged or wrong passphrase, unusual KDF settings, unsafe
            archive, a snapshot failing its integrity check, or data from a newer app version.
    """
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BACKUP_BYTES:
            raise BackupError(f"{path.name} is larger than {MAX_BACKUP_BYTES >> 20} MiB, so it is not a diary "
                              "backup; nothing was changed.")
        data = path.read_bytes()
    except OSError as exc:
        raise BackupError(f"Cannot read {path} ({exc.strerror or 'error'}); nothing was changed.") from None
    files = _unpack(_unseal(data, passphrase, path), path)
    try:
        manifest = Manifest.model_validate_json(files.pop(MANIFEST))
    except (KeyError, ValidationError):
        raise _damaged(path) from None
    listed = {f.name: f for f in manifest.files}
    if (listed.keys() != files.keys() or DB_FILENAME not in files
            or any(len(d) != listed[n].size or _sha(d) != listed[n].sha256 for n, d in files.items())):
        raise _damaged(path)
    if manifest.schema_version > LATEST_VERSION:
        raise _newer(manifest.schema_version)
    try:
        memory = sqlite3.connect(":memory:")
        try:
            memory.deserialize(files[DB_FILENAME])
            ok = memory.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            version = memory.execute("PRAGMA user_version").fetchone()[0]
        finally:
            memory.close()
    except sqlite3.DatabaseError:
        raise _damaged(path) from None
    if version > LATEST_VERSION:
        raise _newer(version)
    if not ok or version != manifest.schema_version:
        raise _damaged(path)
    return OpenedBackup(manifest=manifest, files=files)


def verify_backup(path: Path, passphrase: str) -> Manifest:
    """Every check a restore makes, without restoring (see `read_backup`). Returns the manifest."""
    return read_backup(path, passphrase).manifest


def database_in_use(home: Path) -> bool:
    """Whether another process has the home's database open (best effort: Linux and macOS).

    Every SQLite connection in WAL mode holds a read lock on the "DMS" byte (offset 128) of the -shm
    file for its whole life; F_GETLK asks about it without taking any lock. Locks of this process do
    not show, so the app must close its own engine before an in-app restore.
    """
    shm = home / f"{DB_FILENAME}-shm"
    layout = {"linux": "hhqqi4x", "darwin": "qqihh"}.get(os.sys.platform)
    if layout is None or not shm.exists():
        return False
    import fcntl
    import struct

    fields = (fcntl.F_WRLCK, os.SEEK_SET, 128, 1, 0) if layout.startswith("hh") else (128, 1, 0, fcntl.F_WRLCK, 0)
    fd = os.open(shm, os.O_RDONLY)
    try:
        answer = struct.unpack(layout, fcntl.fcntl(fd, fcntl.F_GETLK, struct.pack(layout, *fields)))
    except OSError:
        return False
    finally:
        os.close(fd)
    return (answer[0] if layout.startswith("hh") else answer[3]) != fcntl.F_UNLCK


def install_backup(opened: OpenedBackup, home: Path, *, now: datetime) -> Path | None:
    """Put a checked backup in place of `home`; returns where the replaced home was kept (None if none).

    The files are written to a new sibling folder `.<home>.restoring-…`, fsynced and migrated there, so
    any failure leaves the current home untouched. Then two renames on the same file system: the home
    becomes `<home>.replaced-<time>` (kept, never deleted) and the new folder becomes the home. POSIX
    has no portable atomic swap of two folders; between the renames (microseconds) `home` is missing,
    and a crash there leaves both complete folders under those names for `finish_interrupted_restore`.

    Raises:
        BackupError: the diary is open in another process, or the disk is full/unwritable.
    """
    home = Path(home)
    if database_in_use(home):
        raise BackupError(f"The diary in {home} is open in the app. Close the app (every window), then restore "
                          "again; nothing was changed.")
    stamp = now.strftime("%Y%m%d-%H%M%S")
    staging = home.parent / f".{home.name}.restoring-{stamp}-{secrets.token_hex(3)}"
    try:
        home.parent.mkdir(parents=True, exist_ok=True)
        staging.mkdir(mode=0o700)
        for name, data in opened.files.items():
            target = staging.joinpath(*PurePosixPath(name).parts)
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_atomically(target, data)
        open_engine(staging).dispose()  # migrate an older backup now, before it replaces anything
        aside = _unused(home.parent / f"{home.name}.replaced-{stamp}") if home.exists() else None
        if aside:
            os.rename(home, aside)
        try:
            os.rename(staging, home)
        except OSError:
            if aside:
                os.rename(aside, home)
            raise
        _fsync_folder(home.parent)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise os_failure(exc, home.parent, what="the restore was stopped") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
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


def finish_interrupted_restore(home: Path) -> Path | None:
    """If a crash fell between a restore's two renames (`home` missing), move the restored folder in."""
    if home.exists():
        return None
    staged = sorted(home.parent.glob(f".{home.name}.restoring-*"))
    if not staged or not (staged[-1] / DB_FILENAME).is_file():
        return None
    os.rename(staged[-1], home)
    return home


def backup_passphrase(home: Path) -> str:
    """The automatic backups' passphrase, generated once and kept in `home/backup-key` (owner-only)."""
    path = home / KEY_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as file:  # O_EXCL: two windows starting at once agree
        file.write(generate_passphrase() + "\n")
        file.flush()
        os.fsync(file.fileno())
    return path.read_text(encoding="utf-8").strip()


def _auto_backups(folder: Path) -> list[tuple[datetime, Path]]:
    found = []
    for path in folder.glob("diary-backup-*.diarybackup") if folder.is_dir() else ():
        if match := AUTO_PATTERN.fullmatch(path.name):
            found.append((datetime.strptime(match[1], "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc), path))
    return sorted(found)


def last_backup(folder: Path) -> datetime | None:
    """When the newest automatic backup in `folder` was made (UTC), or None."""
    found = _auto_backups(folder)
    return found[-1][0] if found else None


def find_latest_backup(folder: Path) -> Path | None:
    """The newest automatic backup in `folder`, to offer when the diary file is damaged."""
    found = _auto_backups(folder)
    return found[-1][1] if found else None


def auto_backup_if_due(home: Path, folder: Path, passphrase: str, *, now: datetime,
                       keep: int = DEFAULT_KEEP) -> Path | None:
    """Back up once a day: if the newest backup in `folder` is 24 h old or more (or dated in the future),
    write a new one, then delete all but the newest `keep`. Returns the new file, or None if not due.

    Raises:
        BackupError: as `create_backup`; older backups are then left as they were.
    """
    if keep < 1:
        raise ValueError("keep must be at least 1")
    newest = last_backup(folder)
    if newest and timedelta(0) <= now - newest < timedelta(hours=24):
        return None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise os_failure(exc, folder) from None
    out = folder / f"diary-backup-{now.astimezone(timezone.utc):%Y%m%dT%H%M%SZ}.diarybackup"
    create_backup(home, out, passphrase, now=now, exclude=(folder,))
    for _, old in _auto_backups(folder)[:-keep]:
        old.unlink(missing_ok=True)
    for stale in folder.glob(".diary-backup-*.tmp"):  # left by a backup killed mid-write
        if now.timestamp() - stale.stat().st_mtime > 3600:
            stale.unlink(missing_ok=True)
    return out


def rescue_corrupt_database(home: Path, *, now: datetime) -> Path:
    """Move a damaged diary file (and its -wal/-shm) into `home/rescue-<time>/`, never overwriting or
    deleting it, so the app can start a new file or restore a backup. Returns the rescue folder.

    Raises:
        BackupError: no diary file there, or the move failed (nothing is lost either way).
    """
    if not (home / DB_FILENAME).exists():
        raise BackupError(f"There is no diary file in {home} to set aside.")
    rescue = _unused(home / f"rescue-{now:%Y%m%d-%H%M%S}")
    try:
        rescue.mkdir(mode=0o700)
        for suffix in ("", "-wal", "-shm", "-journal"):
            if (source := home / f"{DB_FILENAME}{suffix}").exists():
                os.rename(source, rescue / source.name)
        _fsync_folder(home)
    except OSError as exc:
        raise os_failure(exc, home, what="the damaged file was left where it was") from None
    return rescue
