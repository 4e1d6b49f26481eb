"""The demo caseload: its fast path stores exactly what importing a real export of the same data stores."""

from __future__ import annotations

from dataclasses import replace

import pytest

from diary.domain.errors import DiaryError
from diary.exchange import canonical_json, encode_public_key, fingerprint, generate_patient_key
from diary.exchange.envelope import seal_signed, sign_payload
from diary.services import demo_caseload
from diary.services.demo_caseload import demo_patient, fill_demo_caseload
from diary.services.wire import payload_values
from diary.storage.pairing_repository import PatientRepository

from tests.conftest import NOW
from tests.services.exchange_fixtures import clinic, open_clinic  # noqa: F401


def comparable(record) -> dict:
    return {
        "checkins": record.checkins, "goals": record.goals, "plan": record.plan,
        "ratings": sorted(record.ratings, key=lambda r: r.id),
        "questionnaires": sorted(record.questionnaires, key=lambda q: q.id),
        "period": (record.period_start, record.period_end, record.exported_at, record.notes_included),
    }


def test_the_fast_path_writes_the_rows_a_real_import_writes(tmp_path, clock, clinic):
    other = open_clinic(tmp_path, clock, "other")
    record = demo_patient(3, days=90, seed=7, now=NOW)
    key = generate_patient_key()
    stored = []
    for home in (clinic, other):
        values = payload_values(record, seq=demo_caseload.SEQ, created_at=record.exported_at,
                                recipients=[home.keys.fingerprint()], patient_label=record.label,
                                period_end=record.period_end)
        payload = canonical_json(values)
        if home is clinic:  # a real export, every check of the importer
            PatientRepository(home.engine).add(label=record.label, signing_key=encode_public_key(key.verify_key),
                                               fingerprint=fingerprint(key.verify_key), paired_at=NOW)
            assert home.imports.import_bytes(seal_signed(sign_payload(payload, key), home.keys.public_key())).ok
        else:
            demo_caseload._store(home, PatientRepository(home.engine), [(key, NOW, record, values, payload)], NOW)
        stored.append(home.patient_record(record.label))
    assert comparable(stored[0]) == comparable(stored[1])
    patients = [PatientRepository(h.engine).all()[0] for h in (clinic, other)]
    assert patients[0].last_seq == patients[1].last_seq == demo_caseload.SEQ
    other.close()


def test_fills_an_empty_caseload_with_varied_patients(clinic):
    done = fill_demo_caseload(clinic, patients=40, days=60, seed=2)
    rows = clinic.caseload.rows()
    assert done.patients == len(rows) == 40 and done.checkins > 40 * 45
    flagged = {flag for r in rows for flag in r.flags}
    assert {"stale_export", "no_entry_7_days"} <= flagged
    assert all(r.main_goal_category is not None and r.phq15 is not None for r in rows)


def test_via_files_imports_real_exports(clinic):
    fill_demo_caseload(clinic, patients=2, days=20, seed=3, via_files=True)
    assert [e.outcome for e in clinic.imports.log()] == ["imported", "imported"]


def test_refuses_a_patient_home_and_a_real_caseload(diary, clinic):
    with pytest.raises(DiaryError, match="needs a clinician's caseload"):
        fill_demo_caseload(diary, patients=2, days=10)
    clinic.pairing.pair(diary.pairing.own_key().text, label="Real patient")
    with pytest.raises(DiaryError, match="already holds patients"):
        fill_demo_caseload(clinic, patients=2, days=10)


def test_labels_never_collide(clinic):
    fill_demo_caseload(clinic, patients=3, days=10, seed=1)
    fill_demo_caseload(clinic, patients=2, days=10, seed=1)
    labels = [p.label for p in clinic.caseload.patients()]
    assert len(labels) == len(set(labels)) == 5


def test_a_demo_patient_is_a_plausible_record():
    record = demo_patient(0, days=30, seed=1, now=NOW)
    assert record.checkins and record.goals and record.ratings and record.questionnaires
    assert record.exported_at <= NOW and all(c.day < record.exported_at.date() for c in record.checkins)
    assert replace(record, label="x").label == "x"
