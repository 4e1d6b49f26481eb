"""The wall clock, read in one place (services and the command line take it as a function, so tests pass
a fixed one)."""

from __future__ import annotations

from datetime import datetime


def local_now() -> datetime:
    """The wall-clock time with the local UTC offset."""
    return datetime.now().astimezone()
