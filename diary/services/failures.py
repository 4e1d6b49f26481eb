"""The service boundary for storage failures: past a service, a full disk or a locked database is a
StorageFailed (a DiaryError) with one sentence, never a library exception.

Screens and the command line therefore catch DiaryError only, and never import storage to word a
failure. File-system failures are worded once, in diary.platform.durable.os_failure_sentence.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from typing import TypeVar

from diary.domain.errors import DiaryError

C = TypeVar("C", bound=type)


@functools.cache
def storage_errors() -> tuple[type[BaseException], ...]:
    """The library exceptions that mean "storage failed". Imported on first need, not with this module:
    the command line imports StorageFailed before it starts the app's server, and SQLAlchemy there would
    hold up the server's first answer by the better part of a second (benchmarks/bench_p1_cold_start.py).
    An `except storage_errors()` clause calls this only when an exception is already on its way."""
    from sqlalchemy.exc import OperationalError

    return (sqlite3.OperationalError, OperationalError)


class StorageFailed(DiaryError):
    """The diary could not be read or written (a full device, a long lock, a read-only folder); nothing
    was changed. The message says what to do."""


def as_storage_failure(exc: BaseException) -> StorageFailed:
    from diary.storage.database import describe_failure

    return StorageFailed(describe_failure(exc))


def _guarded(method: Callable) -> Callable:
    @functools.wraps(method)
    def guarded(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except storage_errors() as exc:
            raise as_storage_failure(exc) from exc

    return guarded


def storage_boundary(cls: C) -> C:
    """Class decorator for a service: its public methods raise StorageFailed instead of SQLite's errors."""
    for name, attribute in list(vars(cls).items()):
        if (not name.startswith("_") and callable(attribute) and not isinstance(attribute, type)
                and not isinstance(attribute, (staticmethod, classmethod))):  # those never read storage
            setattr(cls, name, _guarded(attribute))
    return cls
