"""Opening the database: file permissions, pragmas, schema migrations, and clear errors.

Pragmas, and why:
- journal_mode=WAL: readers never block the writer, and a crash mid-write leaves the last committed
  state intact (the WAL is replayed or discarded on open). The caller may ask for another mode: the
  phone app persists the database by copying whole files to IndexedDB, where a commit must be in the
  main file itself (DELETE; the platform's HomeStorage.journal_mode says which).
- synchronous=FULL: in WAL mode NORMAL may lose the most recent commits on a power cut; FULL syncs
  the WAL at every commit, so a save the app reported as done survives one.
- foreign_keys=ON: SQLite leaves it off by default; region rows must not outlive their check-in.
- busy_timeout: a second process or tab writing at the same moment waits instead of failing.
Writes start with BEGIN IMMEDIATE (through `writer(engine)`), so a read-then-write takes the write lock
first and can never deadlock on the lock upgrade; reads use a plain deferred BEGIN and never wait.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import QueuePool

from diary.domain.errors import DiaryError, Sentence
from diary.storage.migrations import LATEST_VERSION, MIGRATIONS

DB_FILENAME = "diary.sqlite3"
BUSY_TIMEOUT_MS = 5000
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


class DatabaseUnusable(DiaryError):
    """The database file cannot be used as it is; the message says why and what to do."""


JOURNAL_MODES = ("WAL", "DELETE")


def apply_pragmas(connection: sqlite3.Connection, *, journal_mode: str = "WAL") -> None:
    if journal_mode not in JOURNAL_MODES:
        raise ValueError(f"Unknown journal mode {journal_mode!r}; use one of {', '.join(JOURNAL_MODES)}.")
    for pragma in PRAGMAS:
        connection.execute(f"PRAGMA journal_mode={journal_mode}" if pragma.startswith("PRAGMA journal_mode") else pragma)


def _connect(path: Path, journal_mode: str) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    apply_pragmas(connection, journal_mode=journal_mode)
    return connection


def schema_version(connection: sqlite3.Connection) -> int:
    return connection.execute("PRAGMA user_version").fetchone()[0]


def _refuse_newer(version: int) -> None:
    if version > LATEST_VERSION:
        raise DatabaseUnusable(Sentence(
            "This diary was saved by a newer version of the app (data version {version}, this app reads up to "
            "{latest}). Update the app to open it; nothing was changed.", version=version, latest=LATEST_VERSION))


def migrate(connection: sqlite3.Connection) -> int:
    """Bring the schema to the latest version, one migration per transaction. Returns the version."""
    version = schema_version(connection)
    _refuse_newer(version)
    for target in range(version + 1, LATEST_VERSION + 1):
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[target - 1]:
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {target}")
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:  # a full disk can end the transaction itself; keep the real error
                connection.execute("ROLLBACK")
            raise
    return LATEST_VERSION


def _check_existing(path: Path) -> None:
    """Read-only checks before anything may write to the file (even a pragma changes its header)."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            result = connection.execute("PRAGMA quick_check").fetchone()[0]
            version = schema_version(connection)
    except sqlite3.DatabaseError as exc:
        raise DatabaseUnusable(Sentence(
            "The diary file {path} is damaged and cannot be opened ({kind}). It has been left exactly as it is; "
            "restore your latest backup.", path=path, kind=type(exc).__name__)) from None
    if result != "ok":
        raise DatabaseUnusable(Sentence(
            "The diary file {path} failed its integrity check. It has been left exactly as it is; restore your "
            "latest backup.", path=path))
    _refuse_newer(version)


def open_engine(home: Path, *, journal_mode: str = "WAL") -> Engine:
    """Open (creating if needed) the diary database in `home`, migrated to the latest schema.

    `journal_mode` is "WAL" (a file system) or "DELETE" (a store that copies whole files, the phone's).

    Raises:
        DatabaseUnusable: the file is damaged, or from a newer app version. The file is never changed.
    """
    path = home / DB_FILENAME
    is_new = not path.exists()
    if not is_new:
        _check_existing(path)
    old_umask = os.umask(0o077)  # the database, its WAL and shared-memory files: owner only
    try:
        connection = _connect(path, journal_mode)
        try:
            migrate(connection)
        finally:
            connection.close()
    except sqlite3.OperationalError as exc:  # full disk, unwritable folder: a sentence, never library text
        raise DatabaseUnusable(Sentence("The diary in {home} could not be opened for writing ({reason}). Nothing was "
                                        "changed; fix that and open the app again.", home=home,
                                        reason=_REASONS[failure_kind(exc)])) from None
    finally:
        os.umask(old_umask)
    if is_new:
        os.chmod(path, 0o600)

    def creator() -> sqlite3.Connection:
        return _connect(path, journal_mode)

    engine = create_engine("sqlite://", creator=creator, poolclass=QueuePool, pool_size=2, max_overflow=4)

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

    return engine


def read_only_after_fork(engine: Engine) -> None:
    """In a forked child process: forget the parent's pooled connections (never closing them: they are
    the parent's) and open the child's own, which refuse to write (PRAGMA query_only)."""
    engine.dispose(close=False)
    event.listen(engine, "connect", lambda connection, _record: connection.execute("PRAGMA query_only = ON"))


def writer(engine: Engine) -> Engine:
    """The engine, marked so that its transactions take the write lock at BEGIN."""
    return engine.execution_options(write=True)


@contextmanager
def plain_read(engine: Engine) -> Iterator[sqlite3.Connection]:
    """A pooled connection through plain sqlite3 for a small read (outside any transaction: the
    connections are in autocommit mode, so each statement reads the latest commit)."""
    pooled = engine.raw_connection()
    try:
        yield pooled.driver_connection
    finally:
        pooled.close()


@contextmanager
def plain_write(engine: Engine) -> Iterator[sqlite3.Connection]:
    """One write transaction on a pooled connection through plain sqlite3: BEGIN IMMEDIATE, the caller's
    statements, COMMIT; ROLLBACK on any error (all or nothing), and sqlite3's own exceptions (which the
    services' storage boundary words). For the hot paths (saving a check-in, an import's rows):
    SQLAlchemy's Connection, begin and commit cost more than the statements (bench_p2_save.py).

    Whoever listens for the engine's commits (the phone copies the file to IndexedDB after each) is
    told, as SQLAlchemy would tell it; the listeners get None for the Connection there was not."""
    pooled = engine.raw_connection()
    try:
        connection = pooled.driver_connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
            if engine.dispatch.commit:
                engine.dispatch.commit(None)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:  # a full disk can end the transaction itself; keep the real error
                connection.execute("ROLLBACK")
            raise
    finally:
        pooled.close()


def schema_version_of(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.exec_driver_sql("PRAGMA user_version").scalar_one()


def failure_kind(exc: BaseException) -> str:
    """ "full", "busy", "read-only" or "other": what kind of storage failure this is."""
    text = str(exc).lower()
    if "disk is full" in text or "no space" in text or getattr(exc, "errno", None) == 28:
        return "full"
    if "locked" in text or "busy" in text:
        return "busy"
    if "readonly" in text or "read-only" in text or "permission" in text:
        return "read-only"
    return "other"


_SENTENCES = {
    "full": Sentence("The device is full, so nothing was saved. Free some space and save again; your earlier entries "
                     "are safe."),
    "busy": Sentence("The diary is busy in another window. Wait a moment and save again; nothing was lost."),
    "read-only": Sentence("The data folder cannot be written to, so nothing was saved. Check its permissions; your "
                          "earlier entries are safe."),
    "other": Sentence("Saving failed unexpectedly, so nothing was changed. Try again; your earlier entries are safe."),
}
# The same, as the reason in another sentence ("… could not be opened for writing (the device is full)").
_REASONS = {"full": Sentence("the device is full"), "busy": Sentence("the diary is busy in another window"),
            "read-only": Sentence("the data folder cannot be written to"),
            "other": Sentence("saving failed unexpectedly")}


def failure_reason(exc: BaseException) -> str:
    """The failure as the reason in another sentence: "the device is full"."""
    return _REASONS[failure_kind(exc)]


def describe_failure(exc: BaseException) -> str:
    """A sentence for a storage failure the user can act on; never the raw library text."""
    return _SENTENCES[failure_kind(exc)]
