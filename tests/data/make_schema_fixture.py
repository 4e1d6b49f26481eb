"""Write tests/data/schema_vN.sqlite3 and its expected rows (schema_vN.json) with the app as it is now.

Run once per released schema version (python tests/data/make_schema_fixture.py); never regenerate an
old version's file: the point is to keep what that release really wrote.
"""

import json
import shutil
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from diary.services.bootstrap import open_diary
from diary.storage.migrations import LATEST_VERSION

HERE = Path(__file__).resolve().parent
NOW = datetime(2026, 3, 15, 19, 30, tzinfo=timezone(timedelta(hours=1)))


def _response_json(response) -> dict:
    import dataclasses

    body = dataclasses.asdict(response)
    if body["result"]:
        body["result"]["flags"] = sorted(body["result"]["flags"])
    return json.loads(json.dumps(body, default=str))


def _json(value) -> object:
    """Domain objects (pydantic models, dataclasses, tuples of them) as plain JSON values."""
    import dataclasses

    if hasattr(value, "model_dump_json"):
        return json.loads(value.model_dump_json())
    if dataclasses.is_dataclass(value):
        return _response_json(value) if hasattr(value, "answers") else json.loads(json.dumps(dataclasses.asdict(value), default=str))
    if isinstance(value, (list, tuple)):
        return [_json(item) for item in value]
    return json.loads(json.dumps(value, default=str))


def stored_rows(diary) -> dict:
    """A diary's check-ins, goals, ratings, activities, questionnaire answers and schedule as stored."""
    goals, q = diary.goals, diary.questionnaires
    return {
        "checkins": [json.loads(c.model_dump_json()) for c in diary.checkins.all()],
        "goals": [json.loads(g.model_dump_json()) for g in goals._repo.goals()],
        "ratings": [json.loads(r.model_dump_json()) for r in goals._repo.ratings()],
        "activities": [json.loads(a.model_dump_json()) for a in goals.activities()],
        "questionnaires": [_response_json(x) for x in q._repo.responses()],
        "schedule": {k: list(v) for k, v in q._repo.schedule().items()},
    }


def exchange_rows(diary) -> dict:
    """The schema v4 tables as stored: a patient's recipients and export log, and (filled directly, since a
    home uses one side only) a clinician's patients, snapshot, own ratings and import log."""
    from diary.storage.export_log import ExportLogRepository
    from diary.storage.import_log import ImportLogRepository
    from diary.storage.pairing_repository import PatientRepository, RecipientRepository
    from diary.storage.snapshot_repository import SnapshotRepository

    patients = PatientRepository(diary.engine).all()
    snapshots = SnapshotRepository(diary.engine)
    return {
        "recipients": _json(RecipientRepository(diary.engine).all()),
        "exports": _json(ExportLogRepository(diary.engine).entries(written_only=False)),
        "patients": _json(patients),
        "snapshots": {p.label: {k: _json(v) for k, v in snapshots.read(p.id).items() if k != "clinician_rating_ids"}
                      for p in patients},
        "import_log": _json(ImportLogRepository(diary.engine).entries()),
    }


def _fill_exchange(diary, folder: Path) -> None:
    from diary.exchange import encode_public_key, fingerprint, generate_clinician_key, generate_patient_key
    from diary.storage.database import writer
    from diary.storage.import_log import ImportLogEntry, ImportLogRepository
    from diary.storage.pairing_repository import PatientRepository
    from diary.storage.snapshot_repository import SnapshotRepository
    from diary.domain.goals import Rating

    physio = generate_clinician_key()
    diary.pairing.pair(encode_public_key(physio.public_key), label="Physio Berg")
    diary.exports.export(to=["Physio Berg"], out=folder / "export.diary", include_notes=False)
    patient_key = generate_patient_key()
    patient = PatientRepository(diary.engine).add(label="Anna L.", signing_key=encode_public_key(patient_key.verify_key),
                                                  fingerprint=fingerprint(patient_key.verify_key), paired_at=NOW)
    record = diary.record()
    with writer(diary.engine).begin() as conn:
        SnapshotRepository.replace(conn, patient.id, record, period_start=None)
        conn.exec_driver_sql("UPDATE patient SET last_seq = 7, last_payload_sha256 = ?, exported_at = ?, period_end = ?, "
                             "notes_included = 1, imported_at = ? WHERE id = ?",
                             ("ab" * 32, NOW.isoformat(), NOW.date().isoformat(), NOW.isoformat(), patient.id))
    goal = record.goals[0]
    SnapshotRepository(diary.engine).add_clinician_rating(patient.id, Rating.create(
        goal, rated_on=NOW.date(), rater="physiotherapist", recorded_at=NOW, level=0, comment="seen at the visit"))
    log = ImportLogRepository(diary.engine)
    log.append(ImportLogEntry(at=NOW, file_sha256="cd" * 32, file_size=4096, outcome="imported", seq=7,
                              signer_fingerprint=fingerprint(patient_key.verify_key), patient_id=patient.id,
                              counts={"checkins": len(record.checkins)}))
    log.append(ImportLogEntry(at=NOW, file_sha256="ef" * 32, file_size=12, outcome="refused", category="not_an_export"))


def main() -> None:
    target = HERE / f"schema_v{LATEST_VERSION}.sqlite3"
    if target.exists() and "--force" not in sys.argv:
        sys.exit(f"{target.name} exists; released fixtures are never regenerated")
    with tempfile.TemporaryDirectory() as tmp:
        diary = open_diary(Path(tmp) / "home", clock=lambda: NOW)
        log = diary.log
        day = NOW.date()
        log.record(day=day - timedelta(days=3), pain=6, stress=4, regions={"neck": 7, "lower_back": None},
                   moderate_min=20, note="Walked to the shop\nsecond line, caf\u00e9")
        log.record(day=day - timedelta(days=3), pain=8, flare=True)  # an extra check-in
        log.record(day=day - timedelta(days=2), no_pain=True, pain=0, fatigue=3, sleep_quality=7, sleep_hours=7.5,
                   light_min=30, vigorous_min=0, strength=True, worry=2)
        log.record(day=day - timedelta(days=1), note="=HYPERLINK(\"x\") <b>markup</b> kept verbatim")
        log.record(day=day, pain=10, regions=["jaw_left", "abdomen", "chest"], strength=False)
        diary.meta.set("theme", "dark")
        goals = diary.goals
        main = goals.add_goal(type="main", title="Walk to work again", start_date=day - timedelta(days=20),
                              target_date=day + timedelta(days=70), baseline_level=-2,
                              levels={-2: "No walks", -1: "10 min twice a week", 0: "30 min 3 times a week",
                                      1: "40 min 3 times a week", 2: "40 min 4 times a week"})
        step = goals.add_goal(type="intermediate", title="Stretch every morning", main_goal_id=main.id,
                              start_date=day - timedelta(days=20), weight=2)
        goals.rate(main.id, level=-2, rated_on=day - timedelta(days=13))
        goals.rate(main.id, level=-1, rated_on=day - timedelta(days=6), comment="better week")
        goals.rate(step.id, category="partially", rater="physiotherapist", rated_on=day - timedelta(days=6))
        goals.add_activity(name="Walk", intensity="moderate", minutes=30, times_per_week=3, goal_id=main.id)
        goals.add_activity(name="Strength exercises", intensity="strength", times_per_week=2)
        q = diary.questionnaires
        r = q.start("phq9")
        for i, v in enumerate([1, 2, 0, None, 3, 1, 0, 1, 1]):
            r = q.answer(r.id, i, v)
        q.complete(r.id)
        r = q.start("phq15")
        for i, v in enumerate([1, 0, 2]):
            r = q.answer(r.id, i, v)  # a draft, left to resume
        q.set_schedule("gad7", 21)
        expected = {**stored_rows(diary), "meta": {"theme": "dark"}}
        if LATEST_VERSION >= 4:  # the physiotherapist loop
            _fill_exchange(diary, Path(tmp))
            expected |= exchange_rows(diary)
        diary.close()
        shutil.copyfile(Path(tmp) / "home" / "diary.sqlite3", target)
    (HERE / f"schema_v{LATEST_VERSION}.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
