"""Which version of the app last opened this diary, and Today's one-line "Updated to version N" note.

The version is kept with the data (meta), so it travels with the diary: a browser's site cache and its
IndexedDB go together, and a restored backup brings the version that last opened it. Only the phone app
records it (its site changes whenever the host serves a new one; diary.pwa.versioning).

- The first opening that records a version (a new diary, or one no version recorded, such as a desktop's
  backup restored on the phone) says nothing.
- An opening by another version than the last one leaves the note for Today, until it is dismissed or the
  diary is opened again: it is said on that start only.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENED_BY_KEY = "app_version_opened"  # meta: the version that last opened the diary ("0.1.0+4be0c2a")
NOTE_KEY = "app_update_note"  # meta: the version Today's note names, until dismissed or the next opening


@dataclass(frozen=True)
class VersionName:
    """How Today names a version: the release, and the build when the release alone would not tell the
    new version from the one before (a rebuilt site of the same release)."""

    release: str
    build: str | None = None


def record_opening(meta, version: str) -> bool:
    """Record that `version` opened the diary (`meta`: its MetaRepository); returns whether Today says
    "Updated to version N" on this start."""
    before = meta.get(OPENED_BY_KEY)
    if before == version:
        if meta.get(NOTE_KEY) is not None:
            meta.delete(NOTE_KEY)  # said on the start that followed the update; not again
        return False
    meta.set(OPENED_BY_KEY, version)
    if before is None:
        return False
    meta.set(NOTE_KEY, version if _release(before) == _release(version) else _release(version))
    return True


def update_note(meta) -> VersionName | None:
    """The version Today's note names, or None when there is nothing to say."""
    noted = meta.get(NOTE_KEY)
    if not noted:
        return None
    release, _, build = noted.partition("+")
    return VersionName(release, build or None)


def dismiss_update_note(meta) -> None:
    meta.delete(NOTE_KEY)


def _release(version: str) -> str:
    return version.partition("+")[0]
