"""TEMPORARY: what the browser needs until the platform seams of issue 12 land (diary/platform/).

Everything here patches shared code from the outside, at start, in the browser only; none of it runs
on the desktop. The next step replaces each patch with the seam named beside it and deletes this file:
- SQLite in DELETE journal mode (seam: durability -- "where the database lives and how a commit is
  made durable"): IDBFS copies whole files, and in WAL mode a commit sits in -wal until a checkpoint;
- every commit schedules an IDBFS sync (same seam; a save should then be reported only once it lands);
- a screen that needs matplotlib or PyNaCl says so instead of crashing the session (seams: crypto,
  chart rendering).
"""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.engine import Engine

from diary.platform.browser_storage import JOURNAL_MODE, BrowserStorage


def use_delete_journal() -> None:
    """TEMPORARY: diary.storage.database opens every connection with journal_mode=WAL."""
    from diary.storage import database

    database.PRAGMAS = tuple(f"PRAGMA journal_mode={JOURNAL_MODE}" if p.startswith("PRAGMA journal_mode")
                             else p for p in database.PRAGMAS)


def sync_after_commits(engine: Engine, storage: BrowserStorage) -> None:
    """TEMPORARY: schedule an IDBFS sync after every commit on `engine` (the event fires just before
    the COMMIT runs; the sync task runs only after this synchronous code has returned)."""

    @event.listens_for(engine, "commit")
    def _after_commit(conn) -> None:
        storage.schedule_sync()


def screens_say_what_the_browser_lacks() -> None:
    """TEMPORARY (seams: crypto, chart rendering): a screen whose code imports a desktop-only library
    (matplotlib for Trends, PyNaCl behind Share and Settings' backups) says so in a sentence instead
    of crashing the whole session."""
    import flet as ft

    from diary.ui import app as shell_module

    original = shell_module.Shell._screen
    if getattr(original, "browser_guarded", False):
        return

    def _screen(self, name: str, **options):
        try:
            return original(self, name, **options)
        except ModuleNotFoundError as exc:
            label = shell_module.DESTINATIONS.get(name, (name.title(),))[0]
            return ft.Text(f"{label} does not work in the phone app yet: it needs {exc.name}, which the browser "
                           "does not have. Use the desktop app for it; your diary is safe.",
                           key=f"unavailable-{name}")

    _screen.browser_guarded = True
    shell_module.Shell._screen = _screen
