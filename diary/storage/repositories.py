"""Repositories: the only code that reads and writes rows. Domain objects in, domain objects out.

Writes are one BEGIN IMMEDIATE transaction each: new check-ins through plain sqlite3 (`plain_write`,
saving is the app's hot path), the rest as SQLAlchemy Core statements on the SQLModel tables; reads map
rows back to domain objects explicitly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime

import sqlite3

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from diary.domain.entries import CheckIn
from diary.domain.errors import NotFound
from diary.storage.database import plain_write, writer
from diary.storage.row_builders import CHECKIN_COLUMNS, checkins_from_rows
from diary.storage.rows import CheckInRegionRow, CheckInRow, MetaRow, checkin_from_rows, checkin_to_values

_GONE = "That check-in no longer exists; it may have been deleted in another window."
CHECKIN = CheckInRow.__table__
REGION = CheckInRegionRow.__table__


def _insert_sql(table) -> str:
    names = [column.name for column in table.columns]
    return f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)})"


# Saving a check-in is the app's hot path: plain parameterised SQL built once from the table
# definitions, run by sqlite3 itself (benchmarks/bench_p2_save.py).
_INSERT_CHECKIN = _insert_sql(CHECKIN)
_INSERT_REGION = _insert_sql(REGION)
# How many check-ins a day has and its minutes per intensity so far (one indexed read).
_DAY_SO_FAR = ("SELECT count(*), coalesce(sum(light_min), 0), coalesce(sum(moderate_min), 0), "
               "coalesce(sum(vigorous_min), 0) FROM checkin WHERE day = ? AND id != ?")
_MINUTE_FIELDS = ("light_min", "moderate_min", "vigorous_min")
# Check-ins with their body maps as one JSON object each ("{}": no map), in the order of the day index.
_SELECT_CHECKINS = (
    f"SELECT {', '.join('c.' + column for column in CHECKIN_COLUMNS)}, (SELECT json_group_object(r.region, "
    "r.intensity) FROM checkin_region r WHERE r.checkin_id = c.id) FROM checkin c")
_CHECKIN_ORDER = " ORDER BY c.day, c.recorded_at"


def _insert_checkins(conn: sqlite3.Connection, checkins: list[CheckIn], now: datetime) -> None:
    pairs = [checkin_to_values(c, updated_at=now) for c in checkins]
    conn.executemany(_INSERT_CHECKIN, [row for row, _ in pairs])
    regions = [region for _, rs in pairs for region in rs]
    if regions:
        conn.executemany(_INSERT_REGION, regions)


class CheckInRepository:
    """Check-ins and their pain regions. Every write is one transaction."""

    def __init__(self, engine: Engine):
        self._engine = engine
        self._writer = writer(engine)

    def add(self, checkin: CheckIn, *, now: datetime) -> None:
        with plain_write(self._engine) as conn:
            _insert_checkins(conn, [checkin], now)

    def add_to_day(self, build: Callable[[bool, dict[str, int]], CheckIn], *, day: date, now: datetime) -> CheckIn:
        """Insert `build(day_has_checkins, minutes_so_far)` atomically: reading the day's earlier check-ins
        (whether there are any, and their minutes per intensity) and the insert happen in one write
        transaction, so two tabs saving at once cannot both be "first" or both fill the same day."""
        with plain_write(self._engine) as conn:
            count, *minutes = conn.execute(_DAY_SO_FAR, (day.isoformat(), "")).fetchone()
            checkin = build(bool(count), dict(zip(_MINUTE_FIELDS, minutes)))
            _insert_checkins(conn, [checkin], now)
        return checkin

    def minutes_on(self, day: date, *, excluding: str = "") -> dict[str, int]:
        """The day's minutes per intensity over its check-ins, leaving out the one with id `excluding`."""
        with self._engine.connect() as conn:
            _, *minutes = conn.exec_driver_sql(_DAY_SO_FAR, (day.isoformat(), excluding)).one()
        return dict(zip(_MINUTE_FIELDS, minutes))

    def add_many(self, checkins: list[CheckIn], *, now: datetime) -> None:
        """Insert many check-ins in one transaction (demo data, imports)."""
        if checkins:
            with plain_write(self._engine) as conn:
                _insert_checkins(conn, checkins, now)

    def replace(self, checkin: CheckIn, *, now: datetime) -> None:
        """Overwrite the stored check-in with the same id, regions and all."""
        row, regions = checkin_to_values(checkin, updated_at=now)
        with self._writer.begin() as conn:
            updated = conn.execute(CHECKIN.update().where(CHECKIN.c.id == checkin.id).values(row)).rowcount
            if not updated:
                raise NotFound(_GONE)
            conn.execute(delete(REGION).where(REGION.c.checkin_id == checkin.id))
            if regions:
                conn.execute(insert(REGION), regions)

    def delete(self, checkin_id: str) -> CheckIn:
        """Remove a check-in and return it (so the caller can offer undo)."""
        with Session(self._writer) as session:
            found = self._load(session, [checkin_id])
            if not found:
                raise NotFound(_GONE)
            session.exec(delete(REGION).where(REGION.c.checkin_id == checkin_id))
            session.exec(delete(CHECKIN).where(CHECKIN.c.id == checkin_id))
            session.commit()
            return found[0]

    def get(self, checkin_id: str) -> CheckIn:
        with Session(self._engine) as session:
            found = self._load(session, [checkin_id])
        if not found:
            raise NotFound(_GONE)
        return found[0]

    def between(self, start: date, end: date) -> list[CheckIn]:
        """Check-ins on days from `start` to `end` inclusive, oldest first."""
        return self._read(" WHERE c.day >= ? AND c.day <= ?", (start.isoformat(), end.isoformat()))

    def all(self) -> list[CheckIn]:
        return self._read("", ())

    def _read(self, where: str, params: tuple) -> list[CheckIn]:
        # The plain sqlite3 cursor and row_builders: an export or a year of charts reads thousands of
        # check-ins, and ORM objects plus re-validation cost four times the reading (bench_p3_export.py).
        with self._engine.connect() as conn:
            cursor = conn.connection.dbapi_connection.cursor()
            return checkins_from_rows(cursor.execute(_SELECT_CHECKINS + where + _CHECKIN_ORDER, params))

    def first_day(self) -> date | None:
        with Session(self._engine) as session:
            value = session.exec(select(func.min(CheckInRow.day))).scalar()
        return date.fromisoformat(value) if value else None

    def count(self) -> int:
        with Session(self._engine) as session:
            return session.exec(select(func.count()).select_from(CheckInRow)).scalar()

    def days_logged(self) -> int:
        with Session(self._engine) as session:
            return session.exec(select(func.count(func.distinct(CheckInRow.day)))).scalar()

    def _load(self, session: Session, ids: list[str]) -> list[CheckIn]:
        rows = session.exec(select(CheckInRow).where(col(CheckInRow.id).in_(ids))).scalars().all()
        return self._with_regions(session, list(rows))

    @staticmethod
    def _with_regions(session: Session, rows: list[CheckInRow]) -> list[CheckIn]:
        if not rows:
            return []
        by_checkin: dict[str, list[CheckInRegionRow]] = defaultdict(list)
        ids = [row.id for row in rows]
        for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
            chunk = ids[start : start + 500]
            query = select(CheckInRegionRow).where(col(CheckInRegionRow.checkin_id).in_(chunk))
            for region in session.exec(query).scalars():
                by_checkin[region.checkin_id].append(region)
        return [checkin_from_rows(row, by_checkin[row.id]) for row in rows]


class MetaRepository:
    """Small named settings stored with the data (the home's role, the theme, ...)."""

    def __init__(self, engine: Engine):
        self._engine = engine
        self._writer = writer(engine)

    def get(self, key: str, default: str | None = None) -> str | None:
        with Session(self._engine) as session:
            row = session.get(MetaRow, key)
            return row.value if row else default

    def set(self, key: str, value: str) -> None:
        with Session(self._writer) as session:
            session.merge(MetaRow(key=key, value=value))
            session.commit()

    def delete(self, key: str) -> None:
        """Forget the setting `key` (nothing happens when it is not set)."""
        with Session(self._writer) as session:
            row = session.get(MetaRow, key)
            if row is not None:
                session.delete(row)
                session.commit()
