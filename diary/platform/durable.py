"""Writing files so that a crash, a full disk or a second process never leaves half a file behind, and
the one sentence for each way a file system refuses.

`write_atomically` writes a hidden temporary file beside the target (owner-only), syncs it to disk,
then renames it into place and syncs the folder: a reader sees the old file or the whole new one.
Temporary names end in ".tmp", which backups skip. Plain POSIX calls, so every platform shares it (in
the browser they reach Pyodide's file system, which HomeStorage.flush then persists).

`os_failure_sentence` is the app's one errno → sentence mapping: backups, exports, PDFs, research
exports and key files all word a full device or a read-only folder the same way, never with the
library's text.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from diary.domain.errors import DiaryError, Sentence, Word, word
from diary.domain.marks import N_

# errno → (what is wrong, what to do); everything else gets the system's own short reason in brackets.
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}
_MISSING = {errno.ENOENT, errno.ENOTDIR}
# English source messages (the sentence reads in the user's language: diary.domain.errors.Sentence).
_SENTENCES = {
    "full": (N_("The device holding {place} is full"), N_("Free some space or choose another folder")),
    "read-only": (N_("{place} cannot be written to"), N_("Choose a folder you can write to")),
    "missing": (N_("{place} does not exist"), N_("Choose an existing folder")),
    "folder": (N_("{place} is a folder"), N_("Give a file name")),
}


class FileNotWritten(DiaryError):
    """A file could not be written; the message says why and that nothing partial was left."""


def os_reason(exc: OSError) -> str:
    """"full", "read-only", "missing", "folder" or "other": why the file system refused."""
    code = getattr(exc, "errno", None)
    if code in _FULL:
        return "full"
    if code in _READ_ONLY:
        return "read-only"
    if code in _MISSING:
        return "missing"
    return "folder" if code == errno.EISDIR else "other"


def os_failure_sentence(exc: OSError, place: Path | str, *, consequence: str, ending: str = ".") -> str:
    """"<what is wrong with place>, so <consequence>. <what to do><ending>", never the library's text.

    `consequence` and `ending` are English source messages (marked N_ by the caller) or Sentences."""
    reason = os_reason(exc)
    if reason == "other":
        return Sentence("{place} could not be used ({reason}), so {consequence}{ending}", place=place,
                        reason=exc.strerror or "error", consequence=word(consequence), ending=word(ending))
    problem, advice = _SENTENCES[reason]
    return Sentence("{problem}, so {consequence}. {advice}{ending}", problem=Sentence(problem, place=place),
                    consequence=word(consequence), advice=Word(advice), ending=word(ending))


def describe_write_failure(exc: OSError, path: Path, *, what: str) -> FileNotWritten:
    """The error for a failed write of `what` (e.g. N_("the export"), an English source message) to `path`."""
    place = path if os_reason(exc) == "folder" else path.parent
    consequence = Sentence("{what} was not written and no partial file was left", what=word(what))
    return FileNotWritten(os_failure_sentence(exc, place, consequence=consequence, ending=N_(", then try again.")))


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
            _publish_exclusively(temporary, path)
        else:
            os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


def _publish_exclusively(temporary: Path, path: Path) -> None:
    try:
        os.link(temporary, path)  # atomic "create if absent" that still publishes a whole file
    except FileExistsError:
        raise
    except (OSError, AttributeError):  # a file system without hard links (Pyodide has no os.link at all)
        if path.exists():
            raise FileExistsError(errno.EEXIST, "exists", str(path)) from None
        os.replace(temporary, path)
    else:
        os.unlink(temporary)
