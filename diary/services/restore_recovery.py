"""Finishing a restore that a crash cut short. Standard library only: `open_diary` runs this at every
start, so it must cost nothing to import.

A restore (diary.services.restore.install_backup) stages the backup in `.<home>.restoring-<time>`,
marks it complete, renames the home to `<home>.replaced-<time>`, renames the staged folder to the home,
moves the automatic backups folder back in, and last removes the marker.
"""

from __future__ import annotations

import os
from glob import escape
from pathlib import Path

COMPLETE_MARKER = ".restore-complete"
BACKUPS_FOLDER = "backups"  # the default automatic backups folder, inside the home but never inside a backup
KEY_FILE = "backup-key"  # the words that open automatic backups, kept in the home (diary.services.auto_backup)


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new name in `folder` durable (POSIX; Windows cannot open folders)."""
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def finish_restore(home: Path, aside: Path | None) -> None:
    """A restore's last step: the automatic backups folder back into the home, then the marker removed."""
    if aside and (aside / BACKUPS_FOLDER).is_dir() and not (home / BACKUPS_FOLDER).exists():
        try:
            os.rename(aside / BACKUPS_FOLDER, home / BACKUPS_FOLDER)
        except OSError:
            pass  # the backups stay, complete, in the replaced folder
    (home / COMPLETE_MARKER).unlink(missing_ok=True)


def finish_interrupted_restore(home: Path) -> Path | None:
    """Finish a restore a crash cut short; returns the home if there was one to finish.

    `home` missing: the crash fell between the two renames, so the newest staged folder marked complete
    moves in. The marker still in the home: the backups folder had not moved back yet.
    """
    home = Path(home)
    if not home.exists():
        staged = sorted((marker.stat().st_mtime_ns, marker.parent) for marker in
                        home.parent.glob(f".{escape(home.name)}.restoring-*/{COMPLETE_MARKER}"))
        if not staged:
            return None
        os.rename(staged[-1][1], home)  # the newest complete one: older ones a crash left are stale
        fsync_folder(home.parent)
    elif not (home / COMPLETE_MARKER).exists():
        return None
    replaced = sorted(home.parent.glob(f"{escape(home.name)}.replaced-*"))  # their names sort by time
    finish_restore(home, replaced[-1] if replaced else None)
    return home
