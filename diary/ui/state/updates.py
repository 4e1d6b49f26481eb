"""Today's "Updated to version N" sentence (diary.services.app_updates decides when it is due)."""

from __future__ import annotations

from diary.services.app_updates import VersionName, dismiss_update_note, update_note
from diary.ui import text as T


def version_words(version: VersionName) -> str:
    """ "0.2.0", or "0.1.0 (build 4be0c2a)" when only the build changed."""
    return T.VERSION_WITH_BUILD.format(release=version.release, build=version.build) if version.build else version.release


def update_sentence(meta) -> str | None:
    """The note's sentence for the diary whose MetaRepository is `meta`, or None when nothing is due."""
    version = update_note(meta)
    return T.UPDATED_TO.format(version=version_words(version)) if version else None


def dismiss(meta) -> None:
    """Not to be said again (it would not be at the next start either)."""
    dismiss_update_note(meta)
