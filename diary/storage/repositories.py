"""Repositories: the only code that reads and writes rows. Domain objects in, domain objects out."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, delete, select

from diary.domain.entries import CheckIn
from diary.domain.errors import NotFound
from diary.storage.rows import CheckInRegionRow, CheckInRow, MetaRow, checkin_from_rows, checkin_to_rows


class CheckInRepository:
    """Check-ins and their pain regions. Every write is one transaction."""

    def __init__(self, engine: Engine):
        self._engine = engine

    def add(self, checkin: CheckIn, *, now: datetime) -> None:
        row, regions = checkin_to_rows(checkin, updated_at=now)
        with Session(self._engine) as session:
            session.add(row)
            session.flush()  # the check-in row before its regions (foreign key)
            session.add_all(regions)
            session.commit()

    def add_many(self, checkins: list[CheckIn], *, now: datetime) -> None:
        """Insert many check-ins in one transaction (demo data, imports)."""
        with Session(self._engine) as session:
            pairs = [checkin_to_rows(checkin, updated_at=now) for checkin in checkins]
            session.add_all([row for row, _ in pairs])
            session.flush()  # check-in rows before their regions (foreign key)
            session.add_all([region for _, regions in pairs for region in regions])
            session.commit()

    def replace(self, checkin: CheckIn, *, now: datetime) -> None:
        """Overwrite the stored check-in with the same id, regions and all."""
        row, regions = checkin_to_rows(checkin, updated_at=now)
        with Session(self._engine) as session:
            if session.get(CheckInRow, checkin.id) is None:
                raise NotFound("That check-in no longer exists; it may have been deleted in another window.")
            session.exec(delete(CheckInRegionRow).where(col(CheckInRegionRow.checkin_id) == checkin.id))
            session.merge(row)
            session.flush()
            session.add_all(regions)
            session.commit()

    def delete(self, checkin_id: str) -> CheckIn:
        """Remove a check-in and return it (so the caller can offer undo)."""
        with Session(self._engine) as session:
            found = self._load(session, [checkin_id])
            if not found:
                raise NotFound("That check-in no longer exists; it may have been deleted in another window.")
            session.exec(delete(CheckInRegionRow).where(col(CheckInRegionRow.checkin_id) == checkin_id))
            session.exec(delete(CheckInRow).where(col(CheckInRow.id) == checkin_id))
            session.commit()
            return found[0]

    def get(self, checkin_id: str) -> CheckIn:
        with Session(self._engine) as session:
            found = self._load(session, [checkin_id])
        if not found:
            raise NotFound("That check-in no longer exists; it may have been deleted in another window.")
        return found[0]

    def between(self, start: date, end: date) -> list[CheckIn]:
        """Check-ins on days from `start` to `end` inclusive, oldest first."""
        with Session(self._engine) as session:
            rows = session.exec(
                select(CheckInRow)
                .where(CheckInRow.day >= start.isoformat(), CheckInRow.day <= end.isoformat())
                .order_by(CheckInRow.day, CheckInRow.recorded_at)
            ).all()
            return self._with_regions(session, list(rows))

    def all(self) -> list[CheckIn]:
        with Session(self._engine) as session:
            rows = session.exec(select(CheckInRow).order_by(CheckInRow.day, CheckInRow.recorded_at)).all()
            return self._with_regions(session, list(rows))

    def first_day(self) -> date | None:
        with Session(self._engine) as session:
            value = session.exec(select(func.min(CheckInRow.day))).one()
        return date.fromisoformat(value) if value else None

    def count(self) -> int:
        with Session(self._engine) as session:
            return session.exec(select(func.count()).select_from(CheckInRow)).one()

    def days_logged(self) -> int:
        with Session(self._engine) as session:
            return session.exec(select(func.count(func.distinct(CheckInRow.day)))).one()

    def _load(self, session: Session, ids: list[str]) -> list[CheckIn]:
        rows = session.exec(select(CheckInRow).where(col(CheckInRow.id).in_(ids))).all()
        return self._with_regions(session, list(rows))

    @staticmethod
    def _with_regions(session: Session, rows: list[CheckInRow]) -> list[CheckIn]:
        if not rows:
            return []
        by_checkin: dict[str, list[CheckInRegionRow]] = defaultdict(list)
        ids = [row.id for row in rows]
        for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
            chunk = ids[start : start + 500]
            for region in session.exec(select(CheckInRegionRow).where(col(CheckInRegionRow.checkin_id).in_(chunk))):
                by_checkin[region.checkin_id].append(region)
        return [checkin_from_rows(row, by_checkin[row.id]) for row in rows]


class MetaRepository:
    """Small named settings stored with the data (the home's role, the last export, ...)."""

    def __init__(self, engine: Engine):
        self._engine = engine

    def get(self, key: str, default: str | None = None) -> str | None:
        with Session(self._engine) as session:
            row = session.get(MetaRow, key)
            return row.value if row else default

    def set(self, key: str, value: str) -> None:
        with Session(self._engine) as session:
            session.merge(MetaRow(key=key, value=value))
            session.commit()
