"""Writing files so that a crash, a full disk or a second process never leaves half a file behind.

`write_atomically` writes a hidden temporary file beside the target (owner-only), syncs it to disk,
then renames it into place and syncs the folder: a reader sees the old file or the whole new one.
Temporary names end in ".tmp", which backups skip.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from diary.domain.errors import DiaryError

NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not every platform can open a folder (Windows), which is fine.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomically(path: Path, data: bytes, *, mode: int = 0o600, exclusive: bool = False) -> None:
    """Write `data` to `path` whole or not at all.

    Args:
        path: the file to write; its folder must exist.
        data: the bytes.
        mode: permissions of the new file (owner-only by default).
        exclusive: refuse (FileExistsError) if `path` already exists instead of replacing it; used for
            keys, so two processes starting at once cannot overwrite each other's new key.

    Raises:
        OSError: as raised by the file system (the temporary file is removed first).
        FileExistsError: `exclusive` and the file exists.
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if exclusive:
            try:
                os.link(temporary, path)  # atomic "create if absent" that still publishes a whole file
            except FileExistsError:
                raise
            except (OSError, AttributeError):  # a file system without hard links (Pyodide has no os.link)
                if path.exists():
                    raise FileExistsError(errno.EEXIST, "exists", str(path)) from None
                os.replace(temporary, path)
            else:
                os.unlink(temporary)
        else:
            os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


class FileNotWritten(DiaryError):
    """A file could not be written; the message says why and that nothing partial was left."""


def describe_write_failure(exc: OSError, path: Path, *, what: str) -> FileNotWritten:
    """One sentence for a failed write of `what` to `path`, never the raw library text."""
    if exc.errno in NO_SPACE:
        return FileNotWritten(f"The device holding {path.parent} is full, so {what} was not written and no partial "
                              "file was left. Free some space or choose another folder, then try again.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return FileNotWritten(f"{path.parent} cannot be written to, so {what} was not written. Choose a folder "
                              "you can write to.")
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return FileNotWritten(f"The folder {path.parent} does not exist, so {what} was not written. Choose an "
                              "existing folder.")
    if exc.errno == errno.EISDIR:
        return FileNotWritten(f"{path} is a folder, so {what} was not written. Give a file name.")
    return FileNotWritten(f"{what[0].upper()}{what[1:]} could not be written to {path} "
                          f"({exc.strerror or 'error'}); no partial file was left.")
