"""Where the data set's files go: a folder that appears whole or not at all, files owner-only, each
file plain or sealed to the research team's key.

Files are written into a hidden sibling folder (".NAME.partial-XXXX") and the folder is renamed to
its final name only after every file was written and flushed; on any error it is removed, so a
half-written data set never appears under the name the user gave.
"""

from __future__ import annotations

import io
import os
import secrets
import shutil
from pathlib import Path
from typing import BinaryIO

from diary.domain.errors import DiaryError, Sentence
from diary.domain.marks import N_
from diary.platform.durable import describe_write_failure
from diary.research.sealing import SUFFIX, SealedWriter


def describe_os_error(exc: OSError, target: Path) -> DiaryError:
    """One sentence for the user (never the library's text); nothing partial is left behind."""
    return describe_write_failure(exc, target, what=N_("the research export"))


class _TextOut:
    """UTF-8 text into a binary sink (a plain file or a SealedWriter)."""

    def __init__(self, raw: BinaryIO, sealed: SealedWriter | None):
        self._raw, self._sealed = raw, sealed
        self._target = sealed if sealed is not None else raw
        self._pending: list[str] = []
        self._size = 0

    def write(self, text: str) -> int:
        self._pending.append(text)
        self._size += len(text)
        if self._size >= 1 << 16:
            self.flush()
        return len(text)

    def write_bytes(self, data: bytes) -> None:
        """UTF-8 encoded text, after what is pending (the parallel export's workers encode their rows)."""
        self.flush()
        self._target.write(data)

    def flush(self) -> None:
        if self._pending:
            self._target.write("".join(self._pending).encode("utf-8"))
            self._pending.clear()
            self._size = 0

    def close(self) -> None:
        self.flush()
        if self._sealed is not None:
            self._sealed.close()
        self._raw.flush()
        os.fsync(self._raw.fileno())
        self._raw.close()


class DataSetFolder:
    """The output folder under construction."""

    def __init__(self, out: Path, *, seal_to: object | None = None):
        self.out, self.seal_to = out, seal_to
        if out.exists() and (not out.is_dir() or any(out.iterdir())):
            raise DiaryError(Sentence("{out} already exists and is not an empty folder; choose a new folder with --out (an earlier export is never overwritten).", out=out))
        if not out.parent.is_dir():
            raise DiaryError(Sentence("The folder {parent} does not exist; create it first or choose another --out.", parent=out.parent))
        self.tmp = out.parent / f".{out.name}.partial-{secrets.token_hex(4)}"
        try:
            self.tmp.mkdir(mode=0o700)
        except OSError as exc:
            raise describe_os_error(exc, out) from None
        self._open: list[_TextOut] = []
        self.files: list[str] = []

    def _path(self, name: str) -> Path:
        path = self.tmp / (name + (SUFFIX if self.seal_to else ""))
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        return path

    def open_text(self, name: str) -> _TextOut:
        """A text file `name` (a relative path made by this package, never from data)."""
        fd = os.open(self._path(name), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        raw = io.FileIO(fd, "w")
        sealed = SealedWriter(raw, self.seal_to, name) if self.seal_to else None
        out = _TextOut(raw, sealed)
        self._open.append(out)
        self.files.append(name + (SUFFIX if self.seal_to else ""))
        return out

    def write_text(self, name: str, text: str | bytes) -> None:
        """The whole file `name`: text, or text already encoded as UTF-8."""
        out = self.open_text(name)
        if isinstance(text, bytes):
            out.write_bytes(text)
        else:
            out.write(text)
        self.close(out)

    def close(self, out: _TextOut) -> None:
        out.close()
        self._open.remove(out)

    def finish(self) -> None:
        """Close what is open and move the folder into place."""
        for out in list(self._open):
            self.close(out)
        if self.out.exists():
            self.out.rmdir()  # checked empty at the start
        os.rename(self.tmp, self.out)
        fd = os.open(self.out.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def abandon(self) -> None:
        for out in list(self._open):
            try:
                out._raw.close()
            except OSError:
                pass
        shutil.rmtree(self.tmp, ignore_errors=True)
