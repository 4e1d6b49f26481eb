"""Saving check-ins through plain sqlite3 (storage.database.plain_write, the hot path of P2): the same rows
as the SQLAlchemy Core inserts it replaced, all or nothing, the same errors, and the commit still seen by
whoever watches the engine (the phone's copy to IndexedDB). A lock and a full disk: tests/crash."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from sqlalchemy import event, insert

from diary.domain.entries import CheckIn
from diary.domain.errors import ValidationFailed
from diary.services.bootstrap import open_diary
from diary.storage import repositories
from diary.storage.database import DB_FILENAME, plain_write, writer
from diary.storage.rows import CheckInRegionRow, CheckInRow, checkin_to_values
from tests.conftest import NOW

DAY = NOW.date()
ANSWERS = [
    dict(pain=6, stress=4, regions=["neck", "lower_back"], moderate_min=20, note="Walked to the shop"),
    dict(no_pain=True, regions=[], fatigue=0, sleep_hours=7.5, strength=True, flare=True),
    dict(regions={"hip_right": 7, "jaw_left": None}, light_min=0, vigorous_min=45, worry=10, strength=False),
    dict(note="A note only, with a line\nbreak and Åsa's ö"),
]


def stored(home) -> tuple[list, list]:
    """Every check-in and region column with SQLite's own type of each value (1 and 1.0 differ there)."""
    with sqlite3.connect(home / DB_FILENAME) as conn:
        checkins = conn.execute(
            "SELECT *, typeof(pain), typeof(extra), typeof(sleep_hours), typeof(strength), typeof(flare) "
            "FROM checkin ORDER BY day, recorded_at").fetchall()
        regions = conn.execute(
            "SELECT *, typeof(intensity) FROM checkin_region ORDER BY checkin_id, region").fetchall()
    return checkins, regions


def core_insert(engine, checkin: CheckIn) -> None:
    """The write path before plain_write: SQLAlchemy Core inserts of the same values in one transaction."""
    row, regions = checkin_to_values(checkin, updated_at=NOW)
    with writer(engine).begin() as conn:
        conn.execute(insert(CheckInRow.__table__), row)
        if regions:
            conn.execute(insert(CheckInRegionRow.__table__), regions)


def stored_by_core_inserts(checkins: list[CheckIn], home, clock) -> tuple[list, list]:
    """The rows the old write path gives the same check-ins, in a diary of their own."""
    other = open_diary(home, clock=clock)
    try:
        for checkin in checkins:
            core_insert(other.engine, checkin)
        return stored(other.home)
    finally:
        other.close()


def test_a_save_writes_the_rows_the_sqlalchemy_insert_wrote(diary, tmp_path, clock):
    saved = [diary.log.record(day=DAY - timedelta(days=i % 2), **answers) for i, answers in enumerate(ANSWERS)]
    saved.append(diary.log.record(day=DAY, pain=3))  # a second check-in of the day: extra
    assert [c.extra for c in saved] == [False, False, True, True, True]
    assert stored(diary.home) == stored_by_core_inserts(saved, tmp_path / "other", clock)
    assert diary.log.checkins_on(DAY) == [c for c in saved if c.day == DAY]


def test_add_many_and_add_write_the_same_rows_too(diary, tmp_path, clock):
    made = [CheckIn.create(day=DAY - timedelta(days=i), recorded_at=NOW - timedelta(days=i), **answers)
            for i, answers in enumerate(ANSWERS)]
    diary.checkins.add_many(made[:3], now=NOW)
    diary.checkins.add(made[3], now=NOW)
    assert stored(diary.home) == stored_by_core_inserts(made, tmp_path / "other", clock)


def test_a_failing_region_insert_leaves_nothing_and_the_next_save_works(diary, monkeypatch):
    diary.log.record(day=DAY - timedelta(days=1), pain=2)
    before = stored(diary.home)
    monkeypatch.setattr(repositories, "_INSERT_REGION", "INSERT INTO checkin_region (checkin_id, region, "
                        "intensity) VALUES (:checkin_id, 'not a region', :intensity)")  # CHECK refuses it
    with pytest.raises(sqlite3.IntegrityError):
        diary.checkins.add(CheckIn.create(day=DAY, recorded_at=NOW, pain=5, regions=["neck"]), now=NOW)
    assert stored(diary.home) == before  # the check-in row went with the refused region row
    monkeypatch.undo()
    assert diary.log.record(day=DAY, pain=5, regions=["neck"]).regions == {"neck": None}
    assert len(stored(diary.home)[0]) == 2


@pytest.mark.parametrize("bad, message", [
    (dict(pain=11), "Pain must be a whole number from 0 to 10 (got 11)."),
    (dict(regions=["elbow"]), "Unknown body region 'elbow'"),
    (dict(), "Nothing to save yet"),
    (dict(note="a\u202eb"), "The note contains a hidden text-direction character (U+202E)"),
])
def test_bad_input_is_the_same_sentence_and_stores_nothing(diary, bad, message):
    with pytest.raises(ValidationFailed) as refused:
        diary.log.record(day=DAY, **bad)
    assert message in str(refused.value)
    assert stored(diary.home) == ([], [])
    diary.log.record(day=DAY, pain=1)  # the transaction was rolled back: the connection writes again


def test_day_minutes_past_a_day_are_refused_inside_the_transaction(diary):
    for _ in range(2):
        diary.log.record(day=DAY, vigorous_min=600)
    with pytest.raises(ValidationFailed, match="1,440"):
        diary.log.record(day=DAY, vigorous_min=300)
    assert len(stored(diary.home)[0]) == 2


def test_the_engines_commit_listeners_hear_each_plain_write(diary):
    heard = []
    event.listen(diary.engine, "commit", lambda connection: heard.append(connection))
    diary.log.record(day=DAY, pain=3)
    with pytest.raises(ValidationFailed):
        diary.log.record(day=DAY, pain=30)
    assert heard == [None]


def test_plain_write_rolls_back_on_any_error_and_returns_a_clean_connection(diary):
    with pytest.raises(RuntimeError):
        with plain_write(diary.engine) as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
            raise RuntimeError("after the insert")
    assert diary.meta.get("x") is None
    with plain_write(diary.engine) as conn:
        assert conn.in_transaction
        conn.execute("INSERT INTO meta (key, value) VALUES ('x', 'z')")
    assert diary.meta.get("x") == "z"
