"""Where the data lives. Nothing here runs at import time."""

from __future__ import annotations

import os
from pathlib import Path

from diary.domain.errors import DiaryError, Sentence
from diary.platform import current as platform


class HomeUnusable(DiaryError):
    """The data folder cannot be created or written."""


def data_dir(home: str | os.PathLike | None = None) -> Path:
    """The data folder: `home` (from --home), else $DIARY_HOME, else $FLET_APP_STORAGE_DATA (set by
    Flet on phones), else where this platform keeps a diary (the desktop: platformdirs' user data folder)."""
    for candidate in (home, os.environ.get("DIARY_HOME"), os.environ.get("FLET_APP_STORAGE_DATA")):
        if candidate:
            return Path(candidate).expanduser().resolve()
    return platform().home.default_home()


def ensure_home(path: Path) -> Path:
    """Create the data folder readable by the owner only, and check it can be written.

    Raises:
        HomeUnusable: with a sentence naming the folder and what to do.
    """
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(path, 0o700)
        probe = path / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise HomeUnusable(Sentence(
            "Cannot use the data folder {path}: {reason}. Choose a folder you can write to with --home DIR or the "
            "DIARY_HOME variable.", path=str(path), reason=exc.strerror or str(exc))) from None
    return path
