"""The research export reads a clinician's patients with their check-ins as stored rows
(diary.storage.row_builders.StoredCheckIn, `streaming=True`); it must write the very bytes the domain path
(every check-in a CheckIn) writes, on a caseload with the edges a real one has."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest

from diary.domain.entries import CheckIn
from diary.domain.trial import RaterRule
from diary.research import ResearchOptions, export_research, load_or_create_salt
from diary.services import demo_caseload
from diary.services.bootstrap import open_diary
from diary.services.demo import completed_response
from diary.services.research_export import export_data_set
from diary.storage.row_builders import StoredCheckIn
from tests.conftest import NOW, TZ, FixedClock

NOTE = "Gick till affären, ont i höger axel\nsen vila på soffan: bättre"


def _with_edges(record):
    """A patient's record with what the demo seldom or never makes."""
    checkins = list(record.checkins)
    last = checkins[-1].day
    busy, quiet = last - timedelta(days=5), last - timedelta(days=9)
    at = lambda day, hour: datetime.combine(day, time(hour), tzinfo=TZ)  # noqa: E731
    checkins = [c for c in checkins if not last - timedelta(days=30) <= c.day <= last - timedelta(days=20)  # missing days
                and c.day not in (busy, quiet)]
    checkins += [
        # several check-ins a day: a 24-hour rating, momentary ones, a flare, notes with å ä ö and newlines
        CheckIn.create(day=busy, recorded_at=at(busy, 8), pain=6, fatigue=5, stress=3, worry=2, sleep_quality=4,
                       sleep_hours=6.5, regions={"neck": 5, "lower_back": None}, light_min=20, note=NOTE),
        CheckIn.create(day=busy, recorded_at=at(busy, 13), extra=True, pain=8, flare=True, strength=True,
                       regions={"shoulder_right": 7}, moderate_min=15, note="Ökat – \"skov\"; =inte en formel"),
        CheckIn.create(day=busy, recorded_at=at(busy, 18), extra=True, pain=7, fatigue=6, vigorous_min=5,
                       strength=False),
        # a day with only "no pain", and one with only a note
        CheckIn.create(day=quiet, recorded_at=at(quiet, 9), no_pain=True, sleep_hours=8.25),
        CheckIn.create(day=quiet, recorded_at=at(quiet, 21), note="Ända till kvällen\nutan värk"),
    ]
    questionnaires = list(record.questionnaires)
    missing = completed_response("phq15", [1, None, 2, 0, None, 1, 1, 0, 2, 1, 0, 1, 2, 0, 1], at(busy, 20))
    return replace(record, checkins=tuple(sorted(checkins, key=lambda c: (c.day, c.recorded_at))),
                   questionnaires=tuple(sorted([*questionnaires, missing], key=lambda r: r.completed_at)))


@pytest.fixture(scope="module")
def caseload(tmp_path_factory):
    home = tmp_path_factory.mktemp("streaming") / "clinic"
    diary = open_diary(home, role="clinician", clock=FixedClock(NOW))
    plain = demo_caseload.demo_patient
    patch = pytest.MonkeyPatch()
    patch.setattr(demo_caseload, "demo_patient",
                  lambda index, **kw: _with_edges(plain(index, **kw)) if index == 0 else plain(index, **kw))
    try:
        demo_caseload.fill_demo_caseload(diary, patients=5, days=120, seed=3)
    finally:
        patch.undo()
    yield diary
    diary.close()


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("options", [
    {},
    {"date_shift": True, "include_notes": True},
    {"include_notes": True, "fhir": False, "trial_rule": "physiotherapist"},
], ids=["plain", "shifted-notes-fhir", "notes-physio"])
def test_streaming_export_writes_the_domain_paths_bytes(caseload, tmp_path, options):
    salt_file = tmp_path / "salt.txt"
    salt, _ = load_or_create_salt(salt_file)
    streamed = tmp_path / "streamed"
    export_data_set(caseload, streamed, salt_file=salt_file, **options)
    rule = options.pop("trial_rule", None)
    domain = tmp_path / "domain"
    export_research(caseload.patient_records(None), domain, today=caseload.clock().date(), options=ResearchOptions(
        salt=salt, **options, **({"trial_rule": RaterRule(rule)} if rule else {})))
    expected = _files(domain)
    assert len(expected) > 10
    assert ("Gick till affären, ont i höger axel\nsen vila".encode() in expected["daily.csv"]) == bool(
        options.get("include_notes"))
    assert _files(streamed) == expected


def test_the_edges_are_in_the_caseload_and_each_path_reads_its_own_kind(caseload):
    streamed = list(caseload.patient_records(None, streaming=True))
    domain = list(caseload.patient_records(None))
    assert {type(c) for r in streamed for c in r.checkins} == {StoredCheckIn}
    assert {type(c) for r in domain for c in r.checkins} == {CheckIn}
    edged = domain[0]
    per_day: dict = {}
    for c in edged.checkins:
        per_day[c.day] = per_day.get(c.day, 0) + 1
    assert max(per_day.values()) >= 3 and any(c.flare for c in edged.checkins)
    assert any(c.note == NOTE for c in edged.checkins)
    days = sorted(per_day)
    assert any(b - a > timedelta(days=7) for a, b in zip(days, days[1:]))  # a gap
    assert any(None in r.answers for r in edged.questionnaires) and edged.goals and edged.ratings
