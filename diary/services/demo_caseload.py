"""A synthetic caseload for trying the clinician's side, benchmarks and research-export tests.

`diary --clinician demo --patients N [--days D]` fills an empty clinician home with N patients. Each
patient's data comes from the same generators as a patient's demo diary (diary.services.demo), with a
little variety that makes the caseload's flags show up: some stopped logging a while ago (their
export is old), and a few answered PHQ-9 item 9 above zero.

Two ways to store a patient, giving the same rows (tests/services/test_demo_caseload.py checks it):
- `via_files=True`: a real export — the payload built, signed with the patient's own key, sealed to
  this home's key — imported through ImportService, every check included (slow: ~0.1 s a patient);
- the default, faster equivalent: the patient's record (the domain objects the payload would be built
  from) is written with the importer's own SnapshotRepository.replace, and the patient's bookkeeping
  gets the seq and SHA-256 of the exact payload a real export would have signed. Skipped: the crypto
  and re-validating what the generator just built. 1,000 patients × 365 days take well under a minute.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta

from diary.domain.errors import DiaryError
from diary.domain.patient_record import PatientRecord
from diary.exchange.envelope import seal_signed, sign_payload
from diary.exchange.keys import encode_public_key, fingerprint, generate_patient_key
from diary.services.demo import DEMO_MARK, completed_response, demo_checkins, demo_goal_set, demo_responses
from diary.services.identity import Role, require_role
from diary.exchange.clinical import QuestionnaireWire
from diary.services.wire import payload_bytes, payload_values, questionnaires_from_wire
from diary.storage.database import writer
from diary.storage.pairing_repository import PatientRepository
from diary.storage.snapshot_repository import SnapshotRepository
from diary.i18n import _

MAX_PATIENTS = 5000
SEQ = 1
_BATCH = 50


@dataclass(frozen=True)
class DemoCaseload:
    patients: int
    checkins: int
    seconds: float


def demo_patient(index: int, *, days: int, seed: int, now: datetime) -> PatientRecord:
    """One synthetic patient's record as their app would export it (everything, notes included)."""
    rng = random.Random(seed * 1_000_003 + index)
    # Most patients exported last night; some stopped logging 8–30 days ago and exported then.
    gap = rng.randint(8, 30) if rng.random() < 0.15 else 0
    exported = now - timedelta(days=gap)
    end = exported.date() - timedelta(days=1)
    checkins = demo_checkins(days=days, seed=seed * 1_000_003 + index, end=end, tz=now.tzinfo)
    goals, ratings, plan = demo_goal_set(start=end - timedelta(days=days - 1), seed=seed + index, now=exported,
                                         response=rng.uniform(0.4, 1.1))
    responses = demo_responses(checkins, seed=seed + index)
    if rng.random() < 0.04:  # a few answered PHQ-9 item 9 above zero at their latest form
        last = max((i for i, r in enumerate(responses) if r.instrument_id == "phq9"), default=None)
        if last is not None:
            answers = list(responses[last].answers[:8]) + [1]
            responses[last] = replace(completed_response("phq9", answers, responses[last].completed_at), id=responses[last].id)
    return PatientRecord(key="", label=f"Demo {index + 1:04d}", checkins=tuple(checkins),
                         questionnaires=tuple(responses), goals=tuple(goals), ratings=tuple(ratings), plan=tuple(plan),
                         notes_included=True, exported_at=exported, period_end=exported.date())


def fill_demo_caseload(diary, *, patients: int, days: int, seed: int = 1, via_files: bool = False,
                       progress: Callable[[int, int], None] | None = None) -> DemoCaseload:
    """Add `patients` synthetic patients to an empty clinician home (see the module docstring).

    Raises:
        DiaryError: not a clinician home, a caseload with real patients, or numbers out of range.
    """
    import time as timer

    require_role(diary.home, diary.role, Role.CLINICIAN, action="Making a demo caseload")
    if not 1 <= patients <= MAX_PATIENTS:
        raise DiaryError(_("--patients must be from 1 to {MAX_PATIENTS:,} (got {patients}).").format(MAX_PATIENTS=MAX_PATIENTS, patients=patients))
    if not 1 <= days <= 3660:
        raise DiaryError(_("--days must be from 1 to 3660 (got {days}).").format(days=days))
    repo = PatientRepository(diary.engine)
    existing = repo.all()
    if existing and diary.meta.get(DEMO_MARK) != "1":
        raise DiaryError(_("{home} already holds patients; a demo caseload is only written to an empty clinician home. Use --home with a new folder.").format(home=diary.home))
    diary.meta.set(DEMO_MARK, "1")
    start, taken = timer.perf_counter(), {p.label for p in existing}
    now = diary.clock().replace(microsecond=0)
    own_key = diary.keys.public_key()
    total, batch = 0, []
    for index in range(patients):
        record = demo_patient(index + len(existing), days=days, seed=seed, now=now)
        while record.label in taken:
            record = replace(record, label=record.label + "+")
        taken.add(record.label)
        key = generate_patient_key()
        values = payload_values(record, seq=SEQ, created_at=record.exported_at, recipients=[fingerprint(own_key)],
                                patient_label=record.label, period_end=record.period_end)
        payload = payload_bytes(values)
        paired_at = datetime.combine(record.checkins[0].day if record.checkins else now.date(), time(9),
                                     tzinfo=now.tzinfo)
        if via_files:
            repo.add(label=record.label, signing_key=encode_public_key(key.verify_key),
                     fingerprint=fingerprint(key.verify_key), paired_at=paired_at)
            result = diary.imports.import_bytes(seal_signed(sign_payload(payload, key), own_key))
            if not result.ok:
                raise DiaryError(_("The demo export of {label} was refused: {sentence}").format(label=record.label, sentence=result.sentence))
        else:
            batch.append((key, paired_at, record, values, payload))
            if len(batch) == _BATCH or index == patients - 1:
                _store(diary, repo, batch, now)
                batch = []
        total += len(record.checkins)
        if progress is not None:
            progress(index + 1, patients)
    return DemoCaseload(patients, total, timer.perf_counter() - start)


def _store(diary, repo: PatientRepository, batch: list, now: datetime) -> None:
    """What ImportService stores for a first export, without the crypto (same rows, same bookkeeping),
    for several patients per transaction (a demo need not pay one disk sync per patient).

    Questionnaires take the importer's form (ids from instrument and time, the scores as exported);
    everything else the importer would rebuild equal to what the generator made.
    """
    with writer(diary.engine).begin() as conn:
        for key, paired_at, record, values, payload in batch:
            patient = repo.add(label=record.label, signing_key=encode_public_key(key.verify_key),
                               fingerprint=fingerprint(key.verify_key), paired_at=paired_at, conn=conn)
            # The generator scored these answers a moment ago with the same scorer: no need to again.
            imported = questionnaires_from_wire(
                [QuestionnaireWire.model_validate(q) for q in values["questionnaires"]],
                checked=[r.result for r in record.questionnaires])
            SnapshotRepository.replace(conn, patient.id, replace(record, questionnaires=tuple(imported)),
                                       period_start=None)
            conn.exec_driver_sql(
                "UPDATE patient SET last_seq = ?, last_payload_sha256 = ?, last_export_id = ?, exported_at = ?, "
                "period_start = NULL, period_end = ?, notes_included = 1, imported_at = ? WHERE id = ?",
                (SEQ, hashlib.sha256(payload).hexdigest(), values["export_id"], values["created_at"],
                 values["period_end"], now.isoformat(), patient.id))
