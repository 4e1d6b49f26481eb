"""One check-in, one shape: the domain's CheckIn, its table row, the wire model, the day's values, the
check-in form and every hand-written column list in storage and research name the same items, so a new
daily item cannot be half added (saved but never exported, exported but never stored...).

When this fails after adding an item: add it everywhere the message names (and a migration).
"""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date

from diary.domain.days import DayValues
from diary.domain.entries import CheckIn
from diary.domain.items import ACTIVITY, SCALES
from diary.exchange.payload import CheckInWire
from diary.research import codebook
from diary.research.tables import CHECKIN_COLUMNS, DAILY_COLUMNS
from diary.storage import rows, snapshot_repository
from diary.storage.migrations import MIGRATIONS
from diary.storage.rows import CheckInRow
from diary.ui.state.checkin_form import CheckInForm

CHECKIN = set(CheckIn.model_fields)
BOOKKEEPING = {"id", "day", "recorded_at", "extra"}  # who and when; everything else is an item the user answers
ITEMS = CHECKIN - BOOKKEEPING


def table_columns(table: str) -> set[str]:
    connection = sqlite3.connect(":memory:")
    for statements in MIGRATIONS:
        for statement in statements:
            connection.execute(statement)
    return {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}


def test_the_items_are_the_ones_we_know():
    """The list this test holds everything else against (change it only when adding an item on purpose)."""
    assert ITEMS == {"pain", "regions", "no_pain", "fatigue", "stress", "sleep_quality", "sleep_hours", "light_min",
                     "moderate_min", "vigorous_min", "strength", "worry", "flare", "note"}
    assert set(SCALES) | set(ACTIVITY) <= ITEMS


def test_the_wire_model_carries_every_field():
    assert set(CheckInWire.model_fields) == CHECKIN


def test_the_tables_store_every_field():
    assert set(CheckInRow.model_fields) == CHECKIN - {"regions"} | {"updated_at"}  # regions: checkin_region
    assert table_columns("checkin") == set(CheckInRow.model_fields)
    assert set(rows._PLAIN_FIELDS) == CHECKIN - {"day", "recorded_at", "regions"}  # those two are converted
    assert set(snapshot_repository._CHECKIN) == CHECKIN - {"regions"} | {"patient_id"}
    assert table_columns("patient_checkin") == set(snapshot_repository._CHECKIN)
    assert table_columns("checkin_region") >= {"region", "intensity"}


def test_the_day_has_a_value_for_every_item():
    day = {f.name for f in dataclasses.fields(DayValues)}
    renamed = {"note": "notes"}  # a day has every note of its check-ins
    counted = {"no_pain"}  # a day without painful regions has regions == frozenset()
    assert {renamed.get(item, item) for item in ITEMS - counted} <= day


def test_the_research_files_have_a_column_for_every_item():
    checkins = set(CHECKIN_COLUMNS) | {"note"}
    assert (ITEMS | {"day", "extra"}) <= checkins  # recorded_at is the column "time"; ids are never exported
    daily = set(DAILY_COLUMNS) | {"notes"}
    day = {f.name for f in dataclasses.fields(DayValues)} - {"regions"}  # regions: wpi_count and pain_<region>
    assert day <= daily
    assert [v.name for v in codebook.checkin_columns(include_notes=True)] == [*CHECKIN_COLUMNS, "note"]
    assert [v.name for v in codebook.daily_columns(include_notes=True)] == [*DAILY_COLUMNS, "notes"]


def test_the_form_sends_every_item():
    assert set(CheckInForm(day=date(2026, 3, 15)).to_fields()) == ITEMS
