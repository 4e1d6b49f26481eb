"""The fast readers (diary.storage.row_builders) build exactly what the models' own validation builds from
the same stored rows: same values, same types, same order of regions, and the same export bytes."""

from __future__ import annotations

import sqlite3
from dataclasses import FrozenInstanceError, dataclass, fields, replace
from datetime import date, datetime

import pytest

from diary.domain.entries import CheckIn
from diary.domain.goals import Rating
from diary.services.demo import fill_demo
from diary.services.wire import payload_bytes, payload_values
from diary.storage.database import DB_FILENAME
from diary.storage.row_builders import CHECKIN_COLUMNS, checkin_tuples_from_rows, checkins_from_rows


def _validated_checkins(database) -> list[CheckIn]:
    """The reference: plain rows through CheckIn's own validators (what the ORM reader did)."""
    connection = sqlite3.connect(database)
    try:
        regions: dict[str, dict] = {}
        for checkin_id, region, intensity in connection.execute(
                "SELECT checkin_id, region, intensity FROM checkin_region"):
            regions.setdefault(checkin_id, {})[region] = intensity
        rows = connection.execute(f"SELECT {', '.join(CHECKIN_COLUMNS)} FROM checkin ORDER BY day, recorded_at")
        checkins = []
        for row in rows:
            fields = dict(zip(CHECKIN_COLUMNS, row))
            fields.update(day=date.fromisoformat(fields["day"]), recorded_at=datetime.fromisoformat(fields["recorded_at"]),
                          regions=regions.get(fields["id"]))
            checkins.append(CheckIn(**fields))
        return checkins
    finally:
        connection.close()


def _validated_ratings(database) -> list[Rating]:
    connection = sqlite3.connect(database)
    try:
        rows = connection.execute("SELECT id, goal_id, rated_on, rater, level, category, comment, recorded_at "
                                  "FROM goal_rating ORDER BY rated_on, recorded_at").fetchall()
    finally:
        connection.close()
    return [Rating(id=i, goal_id=g, rated_on=date.fromisoformat(on), rater=rater, level=level, category=category,
                   comment=comment, recorded_at=datetime.fromisoformat(at))
            for i, g, on, rater, level, category, comment, at in rows]


def _shape(model) -> list:
    """Every field's value, type and (for maps) key order: == alone would take 1 for True."""
    return [(name, type(value), list(value.items()) if isinstance(value, dict) else value)
            for name, value in model.__dict__.items()]


@pytest.fixture
def filled(diary):
    fill_demo(diary, days=120, seed=5)
    # The edges the demo does not reach: every kind of answer a stored row can hold.
    diary.log.record(day=date(2026, 3, 1), no_pain=True, strength=True, sleep_hours=7.25,
                     note="Caf\u00e9 walk \u2014 fine\nsecond line")
    diary.log.record(day=date(2026, 3, 1), pain=3, regions={"abdomen": None, "jaw_left": 4, "neck": 0},
                     strength=False, flare=True)
    diary.log.record(day=date(2026, 3, 2), worry=0, light_min=0)
    return diary


def test_checkins_read_as_validation_builds_them(filled):
    expected = _validated_checkins(filled.home / DB_FILENAME)
    read = filled.checkins.all()
    assert read == expected
    assert [_shape(c) for c in read] == [_shape(c) for c in expected]
    assert [c.id for c in filled.checkins.between(date(2026, 3, 1), date(2026, 3, 2))] == \
        [c.id for c in expected if date(2026, 3, 1) <= c.day <= date(2026, 3, 2)]


def test_ratings_read_as_validation_builds_them(filled):
    expected = _validated_ratings(filled.home / DB_FILENAME)
    read = filled.goals.all_ratings()
    assert read and [_shape(r) for r in read] == [_shape(r) for r in expected]


def test_export_payload_bytes_unchanged_by_the_fast_read(filled, clock):
    record = filled.record()
    reference = replace(record, checkins=tuple(_validated_checkins(filled.home / DB_FILENAME)),
                        ratings=tuple(_validated_ratings(filled.home / DB_FILENAME)))

    def payload(r) -> bytes:
        return payload_bytes(payload_values(r, seq=1, created_at=clock(), recipients=["ab" * 32],
                                            patient_label="P", period_end=clock().date(),
                                            export_id="00000000-0000-4000-8000-000000000000"))

    assert payload(record) == payload(reference)


def _stored_checkin_rows(database) -> list[tuple]:
    """The rows both check-in builders take: CHECKIN_COLUMNS and the body map as one JSON object."""
    connection = sqlite3.connect(database)
    try:
        return connection.execute(
            f"SELECT {', '.join('c.' + column for column in CHECKIN_COLUMNS)}, (SELECT json_group_object(r.region, "
            "r.intensity) FROM checkin_region r WHERE r.checkin_id = c.id) FROM checkin c "
            "ORDER BY c.day, c.recorded_at").fetchall()
    finally:
        connection.close()


def test_checkin_rows_hold_what_checkins_hold(filled):
    rows = _stored_checkin_rows(filled.home / DB_FILENAME)
    checkins, tuples = checkins_from_rows(rows), checkin_tuples_from_rows(rows)
    assert len(tuples) == len(checkins) > 100
    assert {"no_pain", "regions", "note", "strength"} <= {  # the edges the fixture added are among them
        name for c in checkins for name in ("no_pain", "regions", "note", "strength") if getattr(c, name)}
    for checkin, row in zip(checkins, tuples):
        assert [(name, type(value), list(value.items()) if isinstance(value, dict) else value)
                for name, value in row._asdict().items() if name != "pain_regions"] == _shape(checkin)
        assert type(row.pain_regions) is type(checkin.pain_regions) and row.pain_regions == checkin.pain_regions


def _as_init_builds(obj) -> bool:
    """obj holds every field of its dataclass, in field order, and equals what its own __init__ builds."""
    names = [f.name for f in fields(obj)]
    return list(vars(obj)) == names and type(obj)(**vars(obj)) == obj


def test_stored_fields_builds_what_the_dataclass_init_builds():
    from diary.domain.instruments import Score
    from diary.domain.questionnaires import Response, Status
    from diary.storage.row_builders import stored_fields

    at = datetime(2026, 3, 1, 9, 30)
    score_values = {"instrument_id": "phq9", "version": "v", "scoring_rule_id": "r", "valid": True, "total": 7.0,
                    "total_rounded": 7, "band": "mild", "subscales": {}, "subscale_bands": {},
                    "flags": frozenset({"f"}), "n_answered": 9, "n_missing": 0, "prorated": False, "details": {"a": 1}}
    score = stored_fields(Score)(dict(score_values))
    assert score == Score(**score_values) and _as_init_builds(score)
    response_values = {"id": "x", "instrument_id": "phq9", "version": "v", "started_at": at, "answers": (1,) * 9,
                       "options": {}, "status": Status.COMPLETE, "completed_at": at, "result": score}
    response = stored_fields(Response)(dict(response_values))
    assert response == Response(**response_values) and _as_init_builds(response)
    assert replace(response, id="y").id == "y"
    with pytest.raises(FrozenInstanceError):
        response.id = "z"  # still frozen

    @dataclass
    class Checked:
        value: int

        def __post_init__(self):
            assert self.value >= 0

    @dataclass(init=False)
    class OwnInit:
        value: int

        def __init__(self, value):
            self.value = abs(value)

    @dataclass(frozen=True)
    class Slotted:
        __slots__ = ("value",)
        value: int

    for cls in (Checked, OwnInit, Slotted):
        with pytest.raises(TypeError, match="does more than store"):
            stored_fields(cls)  # its __init__ does something else: never bypassed
    with pytest.raises(TypeError, match="has 9 fields; got 8"):
        stored_fields(Response)({k: v for k, v in response_values.items() if k != "options"})


def test_questionnaires_read_and_imported_are_what_their_classes_build(clock):
    # The snapshot reader and the importer build Score and Response through stored_fields: every field,
    # in order, equal to what the classes' own __init__ makes of the same values.
    from diary.exchange.clinical import QuestionnaireWire
    from diary.services.demo_caseload import demo_patient
    from diary.services.wire import questionnaires_from_wire
    from diary.storage.snapshot_repository import _questionnaire_row, _response

    record = demo_patient(2, days=120, seed=6, now=clock())
    completed = [r for r in record.questionnaires if r.result is not None]
    values = payload_values(record, seq=1, created_at=clock(), recipients=["ab" * 32], patient_label="P",
                            period_end=clock().date())
    imported = questionnaires_from_wire([QuestionnaireWire.model_validate(q) for q in values["questionnaires"]])
    read = [_response(_questionnaire_row(4, r)[1:]) for r in completed]
    assert len(read) == len(imported) == len(completed) > 10
    for response in [*read, *imported]:
        assert _as_init_builds(response) and _as_init_builds(response.result)
    facts = lambda r: (r.instrument_id, r.completed_at, r.answers, r.result.total, r.result.flags)  # noqa: E731
    assert [facts(r) for r in read] == [facts(r) for r in completed]
    assert sorted(map(facts, imported)) == sorted(map(facts, completed))
