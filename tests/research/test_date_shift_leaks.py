"""A date-shifted research export must not give the shift away: no file holds a real date of the source
data, and no resource id or string depends on anything but shifted values.

The attack these tests stand for: FHIR ids are uuid5 over a public namespace, and the study id is in the
bundle, so anyone can recompute an id from a guessed name; if the name held a real date, trying the 52
possible week offsets of a shifted date finds the one whose id matches, and with it every real date.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date, timedelta

from diary.domain.patient_record import PatientRecord
from diary.research import ResearchOptions, export_research
from diary.research.fhir import patient_bundle
from diary.research.pseudonyms import MAX_SHIFT_WEEKS, shift_weeks, study_id
from diary.research.tables import Deidentified
from tests.conftest import NOW
from tests.research.conftest import SALT

PUBLIC_NAMESPACE = uuid.UUID("6f1f4f0e-3c1b-5d1e-9a55-8e2f6c0d7a11")  # diary.research.fhir before the fix


def real_dates(record: PatientRecord) -> set[date]:
    days = {c.day for c in record.checkins} | {c.recorded_at.date() for c in record.checkins}
    for r in record.questionnaires:
        days |= {r.started_at.date()} | ({r.completed_at.date()} if r.completed_at else set())
    for g in record.goals:
        days |= {g.start_date} | ({g.target_date} if g.target_date else set())
    days |= {r.rated_on for r in record.ratings} | {r.recorded_at.date() for r in record.ratings}
    return days


def shifted_record(record: PatientRecord, shift: timedelta) -> PatientRecord:
    """The same record as if it had really happened `shift` earlier."""
    move = lambda value: None if value is None else value + shift  # noqa: E731
    return dataclasses.replace(
        record,
        checkins=tuple(c.model_copy(update={"day": c.day + shift, "recorded_at": c.recorded_at + shift})
                       for c in record.checkins),
        questionnaires=tuple(dataclasses.replace(r, started_at=r.started_at + shift, completed_at=move(r.completed_at))
                             for r in record.questionnaires),
        goals=tuple(g.model_copy(update={"start_date": g.start_date + shift, "target_date": move(g.target_date)})
                    for g in record.goals),
        ratings=tuple(r.model_copy(update={"rated_on": r.rated_on + shift, "recorded_at": r.recorded_at + shift})
                      for r in record.ratings),
    )


def test_no_file_of_a_shifted_export_holds_a_real_date(tmp_path, records):
    out = tmp_path / "out"
    export_research(records, out, options=ResearchOptions(salt=SALT, date_shift=True, include_notes=True),
                    today=NOW.date())
    source = set().union(*(real_dates(r) for r in records)) | {NOW.date()}
    # A real day of one patient may be the shifted day of another (or of the same): those appear legitimately.
    legitimate = {d + timedelta(weeks=shift_weeks(SALT, r.key)) for r in records for d in real_dates(r)}
    needles = sorted(d.isoformat() for d in source - legitimate)
    assert len(needles) >= 14 and NOW.date().isoformat() in needles
    files = sorted(p for p in out.rglob("*") if p.is_file())
    assert {p.name for p in files} >= {"README.md", "daily.csv", "goal_ratings.csv"} and any("fhir" in p.parts for p in files)
    found = {(p.relative_to(out).as_posix(), day) for p in files for day in needles
             if day in p.read_text(encoding="utf-8")}
    assert not found


def test_a_shifted_bundle_depends_on_shifted_values_only(records):
    """Shifting the export must give exactly the bundle of a patient whose life really happened earlier."""
    for record in records:
        sid = study_id(SALT, record.key)
        shift = timedelta(weeks=shift_weeks(SALT, record.key))
        shifted = patient_bundle(record, Deidentified(sid, shift, False), today=NOW.date())
        lived = patient_bundle(shifted_record(record, shift), Deidentified(sid, timedelta(0), False),
                               today=NOW.date() + shift)
        assert shifted == lived


def test_trying_every_week_offset_recovers_no_shift(records):
    for record in records:
        sid = study_id(SALT, record.key)
        bundle = patient_bundle(record, Deidentified(sid, timedelta(weeks=shift_weeks(SALT, record.key)), False),
                                today=NOW.date())
        t_scores = [e["resource"] for e in bundle["entry"] if "t-score" in str(e["resource"].get("code"))]
        assert t_scores
        for resource in t_scores:
            seen = date.fromisoformat(resource["effectiveDateTime"])
            guesses = {str(uuid.uuid5(PUBLIC_NAMESPACE, f"{sid}/Observation/t-score/{seen + timedelta(weeks=k)}"))
                       for k in range(1, MAX_SHIFT_WEEKS + 1)}
            assert resource["id"] not in guesses


def test_the_readme_of_a_shifted_export_leaves_out_the_export_day(tmp_path, records):
    shifted = tmp_path / "shifted"
    export_research(records, shifted, options=ResearchOptions(salt=SALT, date_shift=True, fhir=False),
                    today=NOW.date())
    assert NOW.date().isoformat() not in (shifted / "README.md").read_text()
    plain = tmp_path / "plain"
    export_research(records, plain, options=ResearchOptions(salt=SALT, fhir=False), today=NOW.date())
    assert f"Made {NOW.date().isoformat()}" in (plain / "README.md").read_text()

