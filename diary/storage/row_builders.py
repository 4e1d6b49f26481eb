"""Stored rows back to domain objects, fast: for the readers that read every row (exports, the research
export, a year of days for a chart).

Check-ins and ratings are built by `trusted` (what pydantic's `model_construct` makes, for less) from
rows that were validated on the way in and are guarded by CHECK constraints since; validation stays on
every path that takes outside input (CheckIn.create, the importer). tests/storage/test_row_builders.py
checks the objects built here equal the ones the models' own validation builds from the same rows.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache
from typing import NamedTuple

from diary.domain.entries import CheckIn, pain_regions_of
from diary.domain.goals import Category, Rater, Rating
from diary.domain.regions import REGIONS

# The check-in columns, in the order checkins_from_rows reads them, then the body map as one JSON object
# ({region: intensity}, "{}" when the map was not filled in): `CHECKIN_COLUMNS` names them for a SELECT.
CHECKIN_COLUMNS = ("id", "day", "recorded_at", "extra", "pain", "no_pain", "fatigue", "stress", "sleep_quality",
                   "sleep_hours", "light_min", "moderate_min", "vigorous_min", "strength", "worry", "flare", "note")
_REGION_ORDER = {region: i for i, region in enumerate(REGIONS)}  # WPI order, as CheckIn keeps them


def trusted(cls):
    """A constructor for a pydantic model from stored values that were validated on the way in (and are
    guarded by CHECK constraints since): what `model_construct` builds, without its per-field bookkeeping,
    which cost more than reading the rows. Takes every field, as a dict in field order (it becomes
    the object's __dict__). Never for user input: that goes through the model's own validation."""
    names = frozenset(cls.model_fields)
    new, setattr_ = cls.__new__, object.__setattr__

    def build(values: dict):
        obj = new(cls)
        setattr_(obj, "__dict__", values)
        setattr_(obj, "__pydantic_fields_set__", set(names))
        setattr_(obj, "__pydantic_extra__", None)
        setattr_(obj, "__pydantic_private__", None)
        return obj

    return build


def stored_fields(cls):
    """A constructor for a plain dataclass (frozen or not) whose __init__ only stores its fields: `build(values)`
    is `cls(**values)` for a dict naming every field in field order, which becomes the object's __dict__ in
    one step, where a frozen dataclass's __init__ sets each field through object.__setattr__ (a Score or a
    Response costs 3-4 us that way). For the readers and the importer, which build thousands (streamed: the
    dict is not a key-sharing one, ~0.2 kB more an object). Refuses a class whose __init__ does more: its
    own or an inherited hand-written __init__, __post_init__, slots, init=False fields; a dict with too
    few or too many names is refused when built (tests/storage/test_row_builders.py compares what it builds
    with the class's own __init__)."""
    fields = dataclasses.fields(cls)
    generated = "__init__" in vars(cls) and cls.__dataclass_params__.init
    slotted = any("__slots__" in vars(k) for k in cls.__mro__[:-1])
    if not generated or slotted or hasattr(cls, "__post_init__") or not all(f.init for f in fields):
        raise TypeError(f"{cls.__name__}'s __init__ does more than store its fields")
    new, setattr_, count = object.__new__, object.__setattr__, len(fields)

    def build(values: dict):
        if len(values) != count:
            raise TypeError(f"{cls.__name__} has {count} fields; got {len(values)}")
        obj = new(cls)
        setattr_(obj, "__dict__", values)
        return obj

    return build


_new_checkin, _new_rating = trusted(CheckIn), trusted(Rating)
_RATERS, _CATEGORIES = {r.value: r for r in Rater}, {c.value: c for c in Category}


class _Days(dict):
    """date.fromisoformat, remembered: a caseload's rows share a few hundred days."""

    def __missing__(self, text: str) -> date:
        value = self[text] = date.fromisoformat(text)
        return value


DAYS = _Days()
_raw_decode = json.JSONDecoder().raw_decode


def json_column(text: str):
    """A JSON column written compactly by the app (CHECKed json_valid), most often an empty object or list."""
    if text == "{}":
        return {}
    if text == "[]":
        return []
    value, end = _raw_decode(text)
    return value if end == len(text) else json.loads(text)  # anything else: json's own rules


@lru_cache(maxsize=16384)
def _wpi_ordered(body_map: str) -> tuple[tuple[str, int | None], ...] | None:
    """A stored body map (JSON {region: intensity}) as pairs in WPI order, None when it is empty (no
    region rows: the map was not filled in). A caseload repeats the same few maps."""
    regions = json_column(body_map)
    return tuple(sorted(regions.items(), key=lambda pair: _REGION_ORDER[pair[0]])) if regions else None


def _regions(body_map: str | None) -> dict[str, int | None] | None:
    if body_map is None or body_map == "{}":
        return None
    pairs = _wpi_ordered(body_map)
    return None if pairs is None else dict(pairs)  # each check-in its own dict


def checkins_from_rows(rows: Iterable[tuple]) -> list[CheckIn]:
    """Check-ins from rows of CHECKIN_COLUMNS plus the body map's JSON, in the rows' order."""
    days = DAYS
    return [_new_checkin({
        "id": id_, "day": days[day], "recorded_at": datetime.fromisoformat(recorded_at), "extra": extra == 1,
        "pain": pain, "regions": _regions(body_map), "no_pain": no_pain == 1, "fatigue": fatigue, "stress": stress,
        "sleep_quality": sleep_quality, "sleep_hours": sleep_hours, "light_min": light, "moderate_min": moderate,
        "vigorous_min": vigorous, "strength": None if strength is None else strength == 1, "worry": worry,
        "flare": flare == 1, "note": note,
    }) for (id_, day, recorded_at, extra, pain, no_pain, fatigue, stress, sleep_quality, sleep_hours, light,
            moderate, vigorous, strength, worry, flare, note, body_map) in rows]


class StoredCheckIn(NamedTuple):
    """A stored check-in as a reader that streams a whole caseload holds it (the research export): a
    CheckIn's fields by the same names and values, and its `pain_regions`, in a tuple, which costs a
    third of building a CheckIn. The domain's rules read it as they read a CheckIn (diary.domain.days,
    diary.research), attribute by attribute; tests/storage/test_row_builders.py checks every field
    against the CheckIn built from the same row, and tests/research/test_streaming.py the export's
    bytes. `regions` is shared between rows with the same body map: read it, never change it."""

    id: str
    day: date
    recorded_at: datetime
    extra: bool
    pain: int | None
    regions: dict[str, int | None] | None
    pain_regions: frozenset[str] | None
    no_pain: bool
    fatigue: int | None
    stress: int | None
    sleep_quality: int | None
    sleep_hours: float | None
    light_min: int | None
    moderate_min: int | None
    vigorous_min: int | None
    strength: bool | None
    worry: int | None
    flare: bool
    note: str | None


@lru_cache(maxsize=16384)
def _shared_map(body_map: str | None, no_pain: bool) -> tuple[dict[str, int | None] | None, frozenset[str] | None]:
    """regions and pain_regions of a stored body map (a caseload repeats the same few maps)."""
    regions = _regions(body_map)
    return regions, pain_regions_of(regions, no_pain)


def checkin_tuples_from_rows(rows: Iterable[tuple]) -> list[StoredCheckIn]:
    """StoredCheckIns from rows of CHECKIN_COLUMNS plus the body map's JSON, in the rows' order."""
    days, new, parse_time, shared = DAYS, tuple.__new__, datetime.fromisoformat, _shared_map
    return [new(StoredCheckIn, (
        id_, days[day], parse_time(recorded_at), extra == 1, pain, *shared(body_map, no_pain == 1), no_pain == 1,
        fatigue, stress, sleep_quality, sleep_hours, light, moderate, vigorous,
        None if strength is None else strength == 1, worry, flare == 1, note))
        for (id_, day, recorded_at, extra, pain, no_pain, fatigue, stress, sleep_quality, sleep_hours, light,
             moderate, vigorous, strength, worry, flare, note, body_map) in rows]


def rating_from_row(id_, goal_id, rated_on, rater, level, category, comment, recorded_at, days=None) -> Rating:
    """A goal rating from its stored columns (`days`: a memo of parsed days, such as DAYS)."""
    return _new_rating({"id": id_, "goal_id": goal_id,
                        "rated_on": days[rated_on] if days is not None else date.fromisoformat(rated_on),
                        "rater": _RATERS[rater], "level": level, "category": _CATEGORIES[category],
                        "comment": comment, "recorded_at": datetime.fromisoformat(recorded_at)})
