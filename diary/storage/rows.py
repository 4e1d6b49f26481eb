"""SQLModel table rows, kept apart from the domain's objects and mapped explicitly.

The tables are created by migrations.py (with their CHECK constraints); these classes only map them.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from diary.domain.entries import CheckIn


class MetaRow(SQLModel, table=True):
    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str


class CheckInRow(SQLModel, table=True):
    __tablename__ = "checkin"
    id: str = Field(primary_key=True)
    day: str
    recorded_at: str
    extra: bool = False
    pain: int | None = None
    no_pain: bool = False
    fatigue: int | None = None
    stress: int | None = None
    sleep_quality: int | None = None
    sleep_hours: float | None = None
    light_min: int | None = None
    moderate_min: int | None = None
    vigorous_min: int | None = None
    strength: bool | None = None
    worry: int | None = None
    flare: bool = False
    note: str | None = None
    updated_at: str


class CheckInRegionRow(SQLModel, table=True):
    __tablename__ = "checkin_region"
    checkin_id: str = Field(primary_key=True, foreign_key="checkin.id")
    region: str = Field(primary_key=True)
    intensity: int | None = None


_PLAIN_FIELDS = (
    "id", "extra", "pain", "no_pain", "fatigue", "stress", "sleep_quality", "sleep_hours",
    "light_min", "moderate_min", "vigorous_min", "strength", "worry", "flare", "note",
)


def checkin_to_values(checkin: CheckIn, *, updated_at: datetime) -> tuple[dict, list[dict]]:
    """Column values of the check-in row and its region rows (for Core inserts: saving is a hot path)."""
    row = {name: getattr(checkin, name) for name in _PLAIN_FIELDS}
    row.update(day=checkin.day.isoformat(), recorded_at=checkin.recorded_at.isoformat(),
               updated_at=updated_at.isoformat())
    regions = [{"checkin_id": checkin.id, "region": region, "intensity": intensity}
               for region, intensity in (checkin.regions or {}).items()]
    return row, regions


def checkin_from_rows(row: CheckInRow, regions: list[CheckInRegionRow]) -> CheckIn:
    # Rows were validated on the way in and by CHECK constraints; construct without re-validating
    # the "has content" rule's error path, but through the model so types stay exact.
    return CheckIn(
        **{name: getattr(row, name) for name in _PLAIN_FIELDS},
        day=date.fromisoformat(row.day),
        recorded_at=datetime.fromisoformat(row.recorded_at),
        regions={r.region: r.intensity for r in regions} or None,
    )
