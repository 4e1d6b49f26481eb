"""Passphrase files the command line makes for the user (a key's protection, a passphrase export)."""

from __future__ import annotations

from pathlib import Path

from diary.exchange.passphrase import generate_passphrase
from diary.i18n import N_
from diary.platform.durable import describe_write_failure, write_atomically


def new_passphrase_file(path: Path) -> str:
    """Make a new six-word passphrase and save it in `path` (owner-only, never over an existing file).

    Raises:
        FileNotWritten: the file cannot be written (or appeared meanwhile).
    """
    words = generate_passphrase()
    try:
        write_atomically(path, (words + "\n").encode("utf-8"), exclusive=True)
    except OSError as exc:
        raise describe_write_failure(exc, path, what=N_("the passphrase file")) from None
    return words


def suggest_passphrase() -> str:
    """A new six-word passphrase to offer (the same generator as exports and backups)."""
    return generate_passphrase()
