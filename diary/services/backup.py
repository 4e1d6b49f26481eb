"""Encrypted backup files of a whole diary home: making one while the app runs, and checking one.

A backup file is exactly::

    b"DIARY-BACKUP\\n"
    b"v1 passphrase\\n"
    b"argon2id opslimit=3 memlimit=268435456 salt=<16 bytes, base64>\\n"   (diary.exchange.passphrase)
    <24-byte nonce> <SecretBox (XSalsa20-Poly1305) ciphertext>

The KDF limits are fixed (libsodium MODERATE: opslimit 3, memlimit 256 MiB, about 0.7 s): a file asking
for anything else is refused before any key is derived, so an edited header cannot make us burn memory
or time. The plaintext is a gzip-compressed tar (a rescuer holding the passphrase can decrypt it with any
libsodium binding and run `tar xz`) of regular files only:

- `manifest.json`: format, app and schema version, created_at, counts, and every other member's size
  and SHA-256;
- `diary.sqlite3`: a consistent snapshot taken with SQLite's online backup API from a read-only
  connection (so it works while the app runs and includes committed WAL content), made in memory (no
  plaintext copy touches the disk) and marked as a rollback-journal file (header bytes 18-19 = 1, as
  `PRAGMA journal_mode=DELETE` does) so the one file is complete;
- every other regular file of the home (keys, settings, `backup-key`) except transient ones, the
  automatic backups folder and rescue folders.

Any flipped, cut or appended byte makes SecretBox refuse the file; SecretBox cannot tell that from a
wrong passphrase, so both get one sentence. Checking happens entirely in memory and never touches a
diary home; diary.services.restore puts a checked backup in place. Everything is held in memory: a
ten-year diary is a few MB; the caps refuse hostile files.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import re
import sqlite3
import tarfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from diary import __version__
from diary.domain.errors import DiaryError, shown
from diary.exchange.boxes import MAC_BYTES, NONCE_BYTES, open_secretbox, seal_secretbox
from diary.exchange.errors import KeyFormatError
from diary.exchange.passphrase import KdfLineError, derive_key, generate_passphrase, kdf_line, new_salt, read_kdf_line
from diary.domain.names import printable_name
from diary.exchange.strength import passphrase_weakness
from diary.platform import durable
from diary.platform.crypto import CryptoError
from diary.services.backup_members import MANIFEST, allowed_member
from diary.services.restore_recovery import BACKUPS_FOLDER, COMPLETE_MARKER
from diary.storage.database import DB_FILENAME
from diary.storage.migrations import LATEST_VERSION
from diary.i18n import N_, _

MAGIC = b"DIARY-BACKUP\n"
VERSION_LINE = b"v1 passphrase\n"
MAX_BACKUP_BYTES = 512 * 2**20
MAX_UNPACKED_BYTES = 1024 * 2**20
MAX_MEMBERS = 10_000
_SKIP_SUFFIXES = ("-wal", "-shm", "-journal", ".lock", ".tmp")
_SKIP_NAMES = {".write-test", COMPLETE_MARKER, BACKUPS_FOLDER}
_SAFE_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
_MAX_DEPTH = 8
# generate_passphrase is re-exported: one generator for exports and backups alike.
__all__ = ["BackupError", "BackupInfo", "Manifest", "OpenedBackup", "create_backup", "generate_passphrase",
           "open_backup", "read_backup", "verify_backup", "write_atomically"]


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
    app_version: str = Field(max_length=40)
    schema_version: int = Field(ge=0)
    created_at: AwareDatetime
    days_logged: int = Field(ge=0)
    checkins: int = Field(ge=0)
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
    return BackupError(_("The backup {name} is damaged or cut short, so it cannot be restored; nothing was changed. "
                         "Try an older backup.").format(name=printable_name(path.name)))


def _wrong_or_damaged() -> BackupError:
    return BackupError(_("The passphrase is wrong or the file is damaged. Check the words and try again; if it "
                         "still fails, try an older backup. Nothing was changed."))


def _newer(version: object) -> BackupError:
    return BackupError(_("This backup was made by a newer version of the app (data version {version}; this app "
                         "reads up to {latest}). Update the app first, then restore; nothing was changed.").format(
        version=version, latest=LATEST_VERSION))


def os_failure(exc: OSError, place: Path, *, what: str = N_("the backup was not written")) -> BackupError:
    """A sentence for a file-system failure (full device, no permission, missing folder); never raw text."""
    return BackupError(durable.os_failure_sentence(exc, place, consequence=what, ending=N_("; your diary is unchanged.")))


def safe_name(name: str) -> bool:
    """Whether a relative POSIX name may be a backup member: plain parts only (no `..`, links, odd characters).

    Creating and reading apply the same rule, so a backup the app writes can always be read back.
    """
    parts = PurePosixPath(name).parts
    return (0 < len(parts) <= _MAX_DEPTH and "/".join(parts) == name
            and all(_SAFE_PART.fullmatch(p) and ".." not in p for p in parts))


def _snapshot(database: Path) -> tuple[bytes, int, int, int]:
    """(file bytes, schema version, days logged, check-ins) of a consistent copy of the live database."""
    try:
        source = sqlite3.connect(f"{database.absolute().as_uri()}?mode=ro", uri=True)
        memory = sqlite3.connect(":memory:")
        try:
            source.execute("PRAGMA busy_timeout=5000")
            source.backup(memory)  # one step (pages=-1): the copy is one read transaction, so it is consistent
            if memory.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("integrity")
            version = memory.execute("PRAGMA user_version").fetchone()[0]
            days, checkins = _counts(memory)
            image = bytearray(memory.serialize())
        finally:
            source.close()
            memory.close()
    except sqlite3.DatabaseError:
        raise BackupError(_("The diary file {database} is damaged, so no backup was made; your earlier backups are kept. Restore the latest one.").format(database=database)) from None
    image[18:20] = b"\x01\x01"  # rollback-journal mode: the snapshot needs no -wal file (SQLite file format §1.3.4)
    return bytes(image), version, days, checkins


def _counts(connection: sqlite3.Connection) -> tuple[int, int]:
    try:
        checkins, days = connection.execute("SELECT count(*), count(DISTINCT day) FROM checkin").fetchone()
    except sqlite3.OperationalError:  # no table yet: an empty diary
        return 0, 0
    return days, checkins


def _home_files(home: Path, exclude: tuple[Path, ...]) -> dict[str, bytes]:
    """Every file of the home a backup may hold (backup_members.allowed_member) but the database.

    Names a backup may not hold (see `safe_name` and the allow-list) are left out: a restore would refuse
    them, and none of them is the app's.
    """
    files: dict[str, bytes] = {}
    for folder, dirs, names in os.walk(home):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_NAMES and not d.startswith(("rescue-", "."))
                         and (here / d).resolve() not in exclude and not (here / d).is_symlink())
        for name in sorted(names):
            path = here / name
            relative = path.relative_to(home).as_posix()
            if (path == home / DB_FILENAME or name in _SKIP_NAMES or name.endswith(_SKIP_SUFFIXES)
                    or not safe_name(relative) or not allowed_member(relative) or path.is_symlink()
                    or not path.is_file() or path.resolve() in exclude):
                continue
            files[relative] = path.read_bytes()
    return files


def _archive(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), 0o600
            tar.addfile(info, io.BytesIO(data))
    return gzip.compress(buffer.getvalue(), mtime=0)


def _key(passphrase: str, salt: bytes) -> bytes:
    try:
        return derive_key(passphrase, salt)
    except KeyFormatError:
        raise BackupError(_("The passphrase is empty; type the words you were given. Nothing was changed.")) from None


def _seal(archive: bytes, passphrase: str) -> bytes:
    salt = new_salt()
    return MAGIC + VERSION_LINE + kdf_line(salt) + seal_secretbox(archive, _key(passphrase, salt))


def write_atomically(out: Path, data: bytes, *, what: str = N_("the backup was not written")) -> None:
    """Write `data` to `out` whole or not at all, owner-only (diary.platform.durable.write_atomically).

    Raises:
        BackupError: with a sentence on a full device, a folder without permission or a missing one; no
            partial file is left behind.
    """
    try:
        durable.write_atomically(out, data)
    except OSError as exc:
        raise os_failure(exc, out.parent, what=what) from None


def _is_backup_or_absent(out: Path) -> bool:
    if not out.exists():
        return True
    if not out.is_file():
        return False
    with open(out, "rb") as file:
        return file.read(len(MAGIC)) == MAGIC


def backup_bytes(home: Path, passphrase: str, *, now: datetime,
                 exclude: tuple[Path, ...] = ()) -> tuple[bytes, Manifest]:
    """An encrypted backup of the whole home, in memory (the phone app hands it over as a download), with
    its manifest. The same bytes `create_backup` writes; the same refusals, in the same words.

    Raises:
        BackupError: a weak passphrase, no diary in the home, a damaged database, or the diary too large.
    """
    home = Path(home)
    if weakness := passphrase_weakness(passphrase):  # the file holds everything, the private key included
        raise BackupError(_("{weakness} Nothing was written.").format(weakness=shown(weakness)))
    if not (home / DB_FILENAME).is_file():
        raise BackupError(_("There is no diary in {home} to back up.").format(home=home))
    try:
        snapshot, version, days, checkins = _snapshot(home / DB_FILENAME)
        files = {DB_FILENAME: snapshot, **_home_files(home, tuple(p.resolve() for p in exclude))}
    except OSError as exc:
        raise os_failure(exc, home, what=N_("no backup was made")) from None
    if sum(map(len, files.values())) > MAX_UNPACKED_BYTES:
        raise BackupError(_("The diary in {home} is too large for one backup file; nothing was written.").format(
            home=home))
    manifest = Manifest(app_version=__version__, schema_version=version, created_at=now, days_logged=days,
                        checkins=checkins, files=tuple(ManifestFile(name=n, size=len(d), sha256=_sha(d))
                                                       for n, d in files.items()))
    data = _seal(_archive({MANIFEST: manifest.model_dump_json(indent=1).encode(), **files}), passphrase)
    if len(data) > MAX_BACKUP_BYTES:
        raise BackupError(_("The diary in {home} is too large for one backup file; nothing was written.").format(
            home=home))
    return data, manifest


def create_backup(home: Path, out: Path, passphrase: str, *, now: datetime,
                  exclude: tuple[Path, ...] = ()) -> BackupInfo:
    """Write an encrypted backup of the whole home to `out` (atomically, owner-only), while the app runs.

    Args:
        home: the diary home. out: the backup file; an existing diary backup there is replaced.
        passphrase: the words that will open it: six words or 20 hard-to-guess characters (the rule of
            exports and protected keys, diary.exchange.strength). now: tz-aware, stored as created_at.
        exclude: folders or files inside the home to leave out (an automatic backups folder elsewhere).

    Raises:
        BackupError: a weak passphrase, no diary in the home, a damaged database, the file too large, not
            writable, or a file that is not a backup at `out`.
    """
    home, out = Path(home), Path(out)
    try:
        if not _is_backup_or_absent(out):
            raise BackupError(_("{out} exists and is not a diary backup; choose another file name.").format(out=out))
    except OSError as exc:
        raise os_failure(exc, home, what=N_("no backup was made")) from None
    data, manifest = backup_bytes(home, passphrase, now=now, exclude=(*exclude, out))
    write_atomically(out, data)
    try:
        written = out.read_bytes() == data  # read back: rotation must never keep a bad file over a good one
    except OSError:
        written = False
    if not written:
        out.unlink(missing_ok=True)
        raise BackupError(_("The backup written to {out} did not read back correctly, so it was removed. Check the device, or choose another folder; your diary is unchanged.").format(out=out))
    return BackupInfo(path=out, size=len(data), manifest=manifest)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _unseal(data: bytes, passphrase: str, path: Path) -> bytes:
    if not data.startswith(MAGIC):
        if data and MAGIC.startswith(data):
            raise _damaged(path)
        raise BackupError(_("{printable_name} is not a diary backup; choose a file made by 'diary backup' or by the app's backups. Nothing was changed.").format(printable_name=printable_name(path.name)))
    header = MAGIC + VERSION_LINE
    if not data.startswith(header):
        newer = re.match(rb"v([0-9]{1,6}) ", data[len(MAGIC):])
        if newer and int(newer[1]) > 1:
            raise BackupError(_("This backup file was made by a newer version of the app. Update the app first, then restore; nothing was changed."))
        raise _damaged(path)
    try:
        salt, start = read_kdf_line(data, len(header))
    except KdfLineError as exc:
        if exc.truncated:
            raise _damaged(path) from None
        raise BackupError(_("This backup asks for unusual protection settings, so it was not opened: it was not made by the diary app. Nothing was changed.")) from None
    if len(data) - start < NONCE_BYTES + MAC_BYTES:
        raise _damaged(path)
    key = _key(passphrase, salt)
    try:
        return open_secretbox(data[start:], key)
    except CryptoError:
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
                if (member.type not in (tarfile.REGTYPE, tarfile.AREGTYPE) or member.name in files
                        or len(files) >= MAX_MEMBERS or not safe_name(member.name)):
                    raise _damaged(path)
                files[member.name] = tar.extractfile(member).read()
        return files
    except (tarfile.TarError, zlib.error, EOFError):
        raise _damaged(path) from None


def _check_database(image: bytes, path: Path) -> int:
    """The schema version of a snapshot that passes SQLite's integrity check (else the file is damaged)."""
    try:
        memory = sqlite3.connect(":memory:")
        try:
            memory.deserialize(image)
            ok = memory.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            version = memory.execute("PRAGMA user_version").fetchone()[0]
        finally:
            memory.close()
    except sqlite3.DatabaseError:
        raise _damaged(path) from None
    if version > LATEST_VERSION:
        raise _newer(version)
    if not ok:
        raise _damaged(path)
    return version


def read_backup(path: Path, passphrase: str) -> OpenedBackup:
    """Open and check a backup file completely, in memory, touching no diary home.

    Raises:
        BackupError: not a backup, too large, damaged or wrong passphrase, unusual KDF settings, unsafe
            archive, a snapshot failing its integrity check, or data from a newer app version.
    """
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BACKUP_BYTES:
            raise BackupError(_("{printable_name} is larger than {value} MiB, so it is not a diary backup; nothing was changed.").format(printable_name=printable_name(path.name), value=MAX_BACKUP_BYTES >> 20))
        data = path.read_bytes()
    except OSError as exc:
        raise BackupError(_("Cannot read {printable_name} ({value}); nothing was changed.").format(printable_name=printable_name(path), value=exc.strerror or 'error')) from None
    return open_backup(data, passphrase, name=path.name)


def open_backup(data: bytes, passphrase: str, *, name: str) -> OpenedBackup:
    """`read_backup` for bytes already in memory (a file picked in the browser); `name` is for messages."""
    path = Path(name or "backup")
    if len(data) > MAX_BACKUP_BYTES:
        raise BackupError(_("{printable_name} is larger than {value} MiB, so it is not a diary backup; nothing was changed.").format(printable_name=printable_name(path.name), value=MAX_BACKUP_BYTES >> 20))
    files = _unpack(_unseal(data, passphrase, path), path)
    _refuse_unexpected(files)
    try:
        manifest = Manifest.model_validate_json(files.pop(MANIFEST))
    except (KeyError, ValidationError):
        raise _damaged(path) from None
    listed = {f.name: f for f in manifest.files}
    _refuse_unexpected(listed)
    if (listed.keys() != files.keys() or DB_FILENAME not in files
            or any(len(d) != listed[n].size or _sha(d) != listed[n].sha256 for n, d in files.items())):
        raise _damaged(path)
    if manifest.schema_version > LATEST_VERSION:
        raise _newer(manifest.schema_version)
    if _check_database(files[DB_FILENAME], path) != manifest.schema_version:
        raise _damaged(path)
    return OpenedBackup(manifest=manifest, files=files)


def _refuse_unexpected(names) -> None:
    """Refuse a backup naming a member the format does not allow (docs/backup-format.md), before any write."""
    for name in names:
        if not allowed_member(name):
            raise BackupError(_("This backup holds a file a diary backup never holds ({printable_name}), so it was not restored: it was not made by the diary app. Nothing was changed.").format(printable_name=printable_name(name)))


def verify_backup(path: Path, passphrase: str) -> Manifest:
    """Every check a restore makes, without restoring (see `read_backup`). Returns the manifest."""
    return read_backup(path, passphrase).manifest
