"""The clinician's import, end to end: round trip, seq decisions, and every hostile input of security.md.

Each hostile case asserts the category and its sentence, a clinical database byte-identical before and
after (an SQL dump of every table but the import log), exactly one new import-log row without content,
and a fast answer. The files are built by hand (tests/exchange/builders.py) so any bytes can be signed
under any key and sealed to any key.
"""

from __future__ import annotations

import base64
import gzip
import io
import json
import time
import zipfile
from datetime import date, timedelta

import nacl.public
import pytest

from diary.exchange import (
    SENTENCES,
    ExportPayloadV1,
    Refusal,
    canonical_json,
    fingerprint,
    generate_clinician_key,
    generate_patient_key,
    seal_export,
    seal_export_with_passphrase,
)
from diary.exchange.envelope import MAGIC, SEALED_LINE, sign_payload
from diary.services.demo import fill_demo

from tests.conftest import NOW
from tests.exchange.builders import FORMULA_NOTES, Keys, as_nacl, checkin, dumps_loose, envelope_dict, file_for, sealed
from tests.exchange.builders import payload_dict as wire_payload_dict
from tests.services.exchange_fixtures import clinic, clinical_dump, import_log_rows, pair_homes  # noqa: F401

HEADER = MAGIC + SEALED_LINE
PASSPHRASE = "amber canoe fern kite lamp oak"


@pytest.fixture
def world(diary, clinic, tmp_path):
    """A patient paired with a clinician, whose first export (20 days) is already imported."""
    pair_homes(diary, clinic)
    fill_demo(diary, days=20, seed=1)
    first = diary.exports.export(to=["Physio Berg"], out=tmp_path / "first.diary")
    assert clinic.imports.import_file(first.files[0].path).outcome == "imported"
    keys = Keys(physio=clinic.keys.private_key(), research=generate_clinician_key(),
                other_physio=generate_clinician_key(), patient=diary.keys.private_key(), stranger=generate_patient_key())
    return diary, clinic, keys, first


def payload(keys: Keys, *, seq: int, **changes) -> dict:
    """A payload the wire and the domain both accept (the builder's goals, made domain-valid)."""
    values = wire_payload_dict(keys, seq=seq)
    main = values["goals"][0]
    main["baseline_level"] = -2
    main["levels"] = [{"level": lv, "description": f"level {lv}"} for lv in (-2, -1, 0, 1, 2)]
    values.update(changes)
    return values


def stored_seq(clinic) -> int:
    return clinic.pairing.patients()[0].last_seq


def refused(clinic, data: bytes, category: str, *, limit: float = 1.0, **kwargs):
    before, rows = clinical_dump(clinic), import_log_rows(clinic)
    start = time.process_time()  # CPU time: a busy machine stretches wall time, not this
    result = clinic.imports.import_bytes(data, name="suspect.diary", **kwargs)
    elapsed = time.process_time() - start
    assert (result.outcome, result.category) == ("refused", category), result
    assert result.sentence == SENTENCES[Refusal(category)] and not result.ok
    assert clinical_dump(clinic) == before, "the clinical tables changed"
    assert import_log_rows(clinic) == rows + 1
    entry = clinic.imports.log(limit=1)[0]
    assert (entry.outcome, entry.category) == ("refused", category)
    assert elapsed < limit, f"refusal took {elapsed:.2f} s"
    return result


def unchanged(clinic, data: bytes, outcome: str, **kwargs):
    before, rows = clinical_dump(clinic), import_log_rows(clinic)
    result = clinic.imports.import_bytes(data, name="again.diary", **kwargs)
    assert result.outcome == outcome, result
    assert clinical_dump(clinic) == before and import_log_rows(clinic) == rows + 1
    return result


class TestRoundTrip:
    def test_the_clinician_gets_exactly_the_patients_record(self, world):
        patient, clinic, _, first = world
        mine, theirs = patient.record(), clinic.patient_record("Anna L.")
        assert theirs.label == "Anna L." and theirs.key == patient.keys.fingerprint()
        assert theirs.checkins == tuple(mine.checkins)
        assert sorted(theirs.ratings, key=lambda r: r.id) == sorted(mine.ratings, key=lambda r: r.id)
        assert theirs.goals == tuple(mine.goals) and theirs.plan == tuple(mine.plan)
        def forms(record):
            return sorted((q.completed_at, q.instrument_id, q.answers, q.result.total, q.result.band,
                           sorted(q.result.flags)) for q in record.questionnaires)

        assert forms(theirs) == forms(mine) and len(theirs.questionnaires) == 4
        assert theirs.exported_at == NOW and theirs.period_start is None and theirs.notes_included

    def test_an_export_from_before_issue_15_still_imports_with_its_meaning(self, world):
        """The schema is unchanged; an older app labelled the weekly PHQ-15 "4-week" and allowed a day of
        more than 1,440 minutes: the export imports, the PHQ-15 reads as the 7-day form it was, and an
        extra check-in's pain stays momentary."""
        from diary.domain.days import day_values
        from diary.domain.instruments import INSTRUMENTS

        _, clinic, keys, _ = world
        values = payload(keys, seq=10**7)
        values["questionnaires"][0]["version"] = INSTRUMENTS["phq15"].version  # "PHQ-15 (English ..., 4-week recall)"
        day = values["checkins"][-1]["day"]
        values["checkins"] += [checkin(date.fromisoformat(day), light_min=600, pain=9, extra=True,
                                       recorded_at=f"{day}T{hour}:00:00+01:00", id=f"x{hour}")
                               for hour in (13, 14, 15)]  # with the first check-in: 1,830 light minutes
        assert clinic.imports.import_bytes(file_for(keys, values)).outcome == "updated"
        record = clinic.patient_record("Anna L.")
        (phq15,) = [q for q in record.questionnaires if q.completed_at.isoformat() == NOW.isoformat()
                    and q.instrument_id == "phq15"]
        assert phq15.version == phq15.result.version == "PHQ-15 (7-day recall, modified)"
        the_day = day_values(date.fromisoformat(day), list(record.checkins))
        assert the_day.light_min == 1830 and the_day.pain == 5 and (the_day.pain_now_max, the_day.pain_now_n) == (9, 3)

    def test_the_log_row_has_no_content(self, world):
        _, clinic, _, first = world
        entry = clinic.imports.log(limit=1)[0]
        assert entry.outcome == "imported" and entry.seq == first.seq and entry.export_id == first.export_id
        assert entry.file_sha256 and entry.counts["checkins"] == first.counts["checkins"]
        text = json.dumps(entry.__dict__, default=str)
        assert "Anna" not in text and "walk" not in text.lower() and "note" not in text

    def test_the_same_file_twice_changes_nothing_and_a_newer_export_supersedes(self, world, tmp_path, clock):
        patient, clinic, _, first = world
        again = unchanged(clinic, first.files[0].path.read_bytes(), "already_imported")
        assert again.ok and "imported before" in again.sentence
        clock.now = NOW + timedelta(days=2)
        patient.log.record(pain=9, note="a new bad day")
        second = patient.exports.export(to=["Physio Berg"], out=tmp_path / "second.diary")
        assert second.period_start == NOW.date()
        result = clinic.imports.import_file(second.files[0].path)
        assert result.outcome == "updated" and result.seq == second.seq
        record = clinic.patient_record("Anna L.")
        assert record.checkins == tuple(patient.checkins.all())  # earlier days kept, the new period replaced
        assert record.period_start is None and record.exported_at == clock.now
        unchanged(clinic, first.files[0].path.read_bytes(), "stale")  # 14: the old file again

    def test_a_later_export_without_notes_withdraws_the_notes_kept_before(self, world, tmp_path, clock):
        patient, clinic, _, _ = world
        patient.log.record(day=NOW.date() - timedelta(days=3), pain=4, note="kept until withdrawn")
        patient.exports.export(to=["Physio Berg"], out=tmp_path / "a.diary", since=None)
        clinic.imports.import_file(tmp_path / "a.diary")
        assert any(c.note == "kept until withdrawn" for c in clinic.patient_record("Anna L.").checkins)
        clock.now = NOW + timedelta(days=1)
        patient.exports.export(to=["Physio Berg"], out=tmp_path / "b.diary", include_notes=False)
        assert clinic.imports.import_file(tmp_path / "b.diary").outcome == "updated"
        record = clinic.patient_record("Anna L.")
        assert not record.notes_included and all(c.note is None for c in record.checkins)

    def test_a_passphrase_file_needs_the_passphrase_then_imports(self, world, tmp_path):
        patient, clinic, _, _ = world
        patient.log.record(pain=2)
        summary = patient.exports.export(passphrase=PASSPHRASE, out=tmp_path / "p.diary", since=None)
        data = summary.files[0].path.read_bytes()
        refused(clinic, data, "passphrase_needed")
        refused(clinic, data, "wrong_passphrase", limit=5.0, passphrase="amber canoe fern kite lamp elm")
        assert clinic.imports.import_bytes(data, passphrase=PASSPHRASE).outcome == "updated"

    def test_many_files_with_progress(self, world, tmp_path):
        _, clinic, _, first = world
        junk = tmp_path / "junk.diary"
        junk.write_bytes(b"%PDF-1.7")
        seen = []
        results = clinic.imports.import_files([first.files[0].path, junk, tmp_path / "missing.diary"],
                                              progress=lambda done, total, r: seen.append((done, total, r.outcome)))
        assert seen == [(1, 3, "already_imported"), (2, 3, "refused"), (3, 3, "refused")]
        assert [r.category for r in results] == [None, "not_an_export", "unreadable"]

    def test_a_locked_clinician_key_is_asked_for(self, world):
        _, clinic, _, first = world
        clinic.keys.protect(PASSPHRASE)
        from diary.services.keystore import KeyLocked

        with pytest.raises(KeyLocked):
            clinic.imports.import_bytes(first.files[0].path.read_bytes())
        clinic.keys.unlock(PASSPHRASE)
        assert clinic.imports.import_bytes(first.files[0].path.read_bytes()).outcome == "already_imported"

    def test_after_a_re_pair_only_the_new_key_is_accepted_and_its_seq_starts_again(self, world, tmp_path):
        patient, clinic, keys, first = world
        newcomer = generate_patient_key()
        from diary.exchange import encode_public_key

        clinic.pairing.pair(encode_public_key(newcomer.verify_key), label="Anna L.", re_pair=True)
        refused(clinic, first.files[0].path.read_bytes(), "unknown_sender")
        new_keys = Keys(keys.physio, keys.research, keys.other_physio, newcomer, keys.stranger)
        result = clinic.imports.import_bytes(file_for(new_keys, payload(new_keys, seq=1, period_start="2026-03-01")))
        assert result.outcome == "imported" and result.label == "Anna L."
        assert clinic.patient_record("Anna L.").key == patient.keys.fingerprint()  # stable record key

    def test_a_full_disk_halfway_through_the_rows_stores_nothing_and_says_so(self, world, tmp_path, clock,
                                                                             monkeypatch):
        """The rows, the patient's bookkeeping and the log row are one plain sqlite3 transaction: a failure
        after some rows went in rolls all of it back, and the service words it as any storage failure."""
        import sqlite3

        import diary.storage.snapshot_repository as snapshots
        from diary.services.failures import StorageFailed

        patient, clinic, _, first = world
        clock.now = NOW + timedelta(days=2)
        patient.log.record(pain=9, regions=["neck", "lower_back"])  # a check-in row, then its body map
        second = patient.exports.export(to=["Physio Berg"], out=tmp_path / "second.diary")
        real = snapshots._plain_runner

        def full_at_the_body_maps(conn):
            run = real(conn)

            def failing(sql, params):
                if sql.startswith("INSERT INTO patient_checkin_region"):
                    raise sqlite3.OperationalError("database or disk is full")
                run(sql, params)
            return failing

        before, rows = clinical_dump(clinic), import_log_rows(clinic)
        monkeypatch.setattr(snapshots, "_plain_runner", full_at_the_body_maps)
        with pytest.raises(StorageFailed):
            clinic.imports.import_file(second.files[0].path)
        assert clinical_dump(clinic) == before and import_log_rows(clinic) == rows
        monkeypatch.setattr(snapshots, "_plain_runner", real)
        assert clinic.imports.import_file(second.files[0].path).outcome == "updated"

    def test_an_import_runs_with_the_collector_paused_and_turns_it_back_on_however_it_ends(
            self, world, tmp_path, clock, monkeypatch):
        """Paused from the first check to the commit (the collector's passes over an import's short-lived
        objects were a few per cent of it), and on again after an import, a refusal and a storage failure."""
        import gc
        import sqlite3

        import diary.services.importing as importing
        import diary.storage.snapshot_repository as snapshots
        from diary.services.failures import StorageFailed

        patient, clinic, _, _ = world
        seen = []
        real_open, real_record, real_runner = importing.open_export, importing.record_from_payload, snapshots._plain_runner

        def spied(real, name):
            def call(*args, **kwargs):
                seen.append((name, gc.isenabled()))
                return real(*args, **kwargs)
            return call

        monkeypatch.setattr(importing, "open_export", spied(real_open, "open"))
        monkeypatch.setattr(importing, "record_from_payload", spied(real_record, "record"))
        monkeypatch.setattr(snapshots, "_plain_runner", spied(real_runner, "store"))
        clock.now = NOW + timedelta(days=2)
        patient.log.record(pain=4)
        second = patient.exports.export(to=["Physio Berg"], out=tmp_path / "second.diary")
        assert gc.isenabled()
        assert clinic.imports.import_file(second.files[0].path).outcome == "updated"
        assert seen == [("open", False), ("record", False), ("store", False)] and gc.isenabled()

        seen.clear()
        assert clinic.imports.import_bytes(b"not an export", name="x.diary").outcome == "refused"
        assert seen == [("open", False)] and gc.isenabled()

        def full(conn):
            def failing(sql, params):
                raise sqlite3.OperationalError("database or disk is full")
            return failing

        clock.now = NOW + timedelta(days=3)
        patient.log.record(pain=5)
        third = patient.exports.export(to=["Physio Berg"], out=tmp_path / "third.diary")
        monkeypatch.setattr(snapshots, "_plain_runner", full)
        with pytest.raises(StorageFailed):
            clinic.imports.import_file(third.files[0].path)
        assert gc.isenabled()

        gc.disable()  # paused by someone else already: left paused
        try:
            monkeypatch.setattr(snapshots, "_plain_runner", real_runner)
            assert clinic.imports.import_file(third.files[0].path).outcome == "updated"
            assert not gc.isenabled()
        finally:
            gc.enable()

    def test_a_re_pair_while_the_file_is_checked_stores_nothing(self, world, tmp_path, monkeypatch):
        """The signer's row is read once more under the write lock: a key replaced after it verified the
        file (here, while the domain re-validates it) refuses the file as from an unknown sender."""
        patient, clinic, _, first = world
        second = patient.exports.export(to=["Physio Berg"], out=tmp_path / "second.diary")
        from diary.exchange import encode_public_key
        import diary.services.importing as importing

        real, meanwhile = importing.record_from_payload, {}

        def re_paired_meanwhile(*args, **kwargs):
            clinic.pairing.pair(encode_public_key(generate_patient_key().verify_key), label="Anna L.", re_pair=True)
            meanwhile.update(dump=clinical_dump(clinic), rows=import_log_rows(clinic))
            return real(*args, **kwargs)

        monkeypatch.setattr(importing, "record_from_payload", re_paired_meanwhile)
        result = clinic.imports.import_bytes(second.files[0].path.read_bytes(), name="second.diary")
        assert (result.outcome, result.category, result.seq) == ("refused", "unknown_sender", second.seq)
        assert result.sentence == SENTENCES[Refusal.UNKNOWN_SENDER]
        assert clinical_dump(clinic) == meanwhile["dump"] and import_log_rows(clinic) == meanwhile["rows"] + 1
        entry = clinic.imports.log(limit=1)[0]
        assert (entry.outcome, entry.category, entry.seq) == ("refused", "unknown_sender", second.seq)


class TestHostileInputs:
    """security.md "Hostile inputs an acceptance test should throw at the importer", 1–24, via the service."""

    def test_1_not_an_export(self, world):
        _, clinic, keys, first = world
        zipped = io.BytesIO()
        with zipfile.ZipFile(zipped, "w") as archive:
            archive.writestr("../../evil.txt", "owned")
        signed_plain = sign_payload(canonical_json(payload(keys, seq=10**6)), keys.patient)
        for data in (b"", gzip.compress(b"\0" * (10 << 20)), zipped.getvalue(),
                     b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n", signed_plain):
            refused(clinic, data, "not_an_export")

    def test_2_a_17_mib_file_is_refused_from_its_size_alone(self, world, tmp_path):
        _, clinic, _, _ = world
        big = tmp_path / "big.diary"
        with open(big, "wb") as handle:
            handle.write(HEADER)
            handle.truncate(17 * 1024 * 1024)
        before, rows = clinical_dump(clinic), import_log_rows(clinic)
        result = clinic.imports.import_file(big)
        assert result.category == "too_large" and clinical_dump(clinic) == before
        assert import_log_rows(clinic) == rows + 1 and clinic.imports.log(limit=1)[0].file_sha256 is None

    def test_3_and_4_truncated_flipped_appended(self, world):
        _, clinic, _, first = world
        good = first.files[0].path.read_bytes()
        for cut in (len(MAGIC), len(HEADER), len(HEADER) + 20, len(good) // 2, len(good) - 1):
            refused(clinic, good[:cut], "cannot_open")
        for position in (len(HEADER), len(good) // 2, len(good) - 1):
            flipped = bytearray(good)
            flipped[position] ^= 0x01
            refused(clinic, bytes(flipped), "cannot_open")
        refused(clinic, good + b"\0", "cannot_open")

    def test_5_encrypted_to_another_physios_key(self, world):
        _, clinic, keys, _ = world
        refused(clinic, file_for(keys, payload(keys, seq=10**7), to=keys.other_physio.public_key), "cannot_open")

    def test_6_unknown_magic_or_version(self, world):
        _, clinic, _, first = world
        body = first.files[0].path.read_bytes()[len(HEADER):]
        refused(clinic, b"DIARY-EXPORX\n" + SEALED_LINE + body, "not_an_export")
        for line in (b"v2 sealed\n", b"v0 sealed\n", b"V1 SEALED\n"):
            refused(clinic, MAGIC + line + body, "unsupported_version")

    def test_7_and_8_passphrase_files(self, world):
        _, clinic, keys, _ = world
        values = payload(keys, seq=10**7, recipients=[PASSPHRASE_RECIPIENT()])
        data = seal_export_with_passphrase(ExportPayloadV1.model_validate(values), signing_key=keys.patient,
                                           passphrase=PASSPHRASE)
        refused(clinic, data.replace(b"memlimit=268435456", b"memlimit=4398046511104", 1), "kdf_limits", limit=0.2,
                passphrase=PASSPHRASE)
        refused(clinic, data.replace(b"opslimit=3 ", b"opslimit=4 ", 1), "kdf_limits", limit=0.2, passphrase=PASSPHRASE)
        refused(clinic, data, "passphrase_needed")
        refused(clinic, data, "wrong_passphrase", limit=5.0, passphrase="amber canoe fern kite lamp elm")
        assert clinic.imports.import_bytes(data, passphrase=PASSPHRASE).outcome == "updated"

    def test_8_a_passphrase_file_naming_only_the_physios_key_is_not_for_passphrase_import(self, world):
        _, clinic, keys, _ = world
        data = seal_export_with_passphrase(ExportPayloadV1.model_validate(payload(keys, seq=10**7)),
                                           signing_key=keys.patient, passphrase=PASSPHRASE)
        refused(clinic, data, "not_addressed_to_you", limit=5.0, passphrase=PASSPHRASE)

    def test_9_forged_by_a_stranger_with_a_copied_label(self, world):
        _, clinic, keys, _ = world
        result = refused(clinic, file_for(keys, payload(keys, seq=10**7), signer_key=keys.stranger), "unknown_sender")
        assert result.label is None

    def test_10_impersonation(self, world):
        _, clinic, keys, _ = world
        claims = file_for(keys, payload(keys, seq=10**7), signer_key=keys.stranger, signer=bytes(keys.patient.verify_key))
        assert refused(clinic, claims, "bad_signature").label is None  # never attributed to the patient
        for context in (b"diary/export/v2\0", b"diary/export/v1", b"diary/backup/v1\0"):
            refused(clinic, file_for(keys, payload(keys, seq=10**7), context=context), "bad_signature")

    def test_11_co_recipient_modified_a_score_and_kept_the_signature(self, world):
        _, clinic, keys, _ = world
        valid = ExportPayloadV1.model_validate(payload(keys, seq=10**7))
        copy = seal_export(valid, signing_key=keys.patient,
                           recipient_public_keys=[keys.research.public_key])[fingerprint(keys.research)]
        envelope = json.loads(nacl.public.SealedBox(as_nacl(keys.research)).decrypt(copy[len(HEADER):]))
        values = json.loads(base64.b64decode(envelope["payload"]))
        values["questionnaires"][0]["total"] = 3.0
        envelope["payload"] = base64.b64encode(canonical_json(values)).decode()
        refused(clinic, sealed(canonical_json(envelope), keys.physio.public_key), "bad_signature")

    @pytest.mark.parametrize("version", [0, 2, True])
    def test_12_envelope_version(self, world, version):
        _, clinic, keys, _ = world
        envelope = envelope_dict(canonical_json(payload(keys, seq=10**7)), keys.patient) | {"v": version}
        refused(clinic, sealed(canonical_json(envelope), keys.physio.public_key), "unsupported_version")

    def test_12_schema_version_2_validly_signed(self, world):
        _, clinic, keys, _ = world
        refused(clinic, file_for(keys, payload(keys, seq=10**7, schema_version=2)), "unsupported_version")

    def test_13_signed_for_the_research_team_only_then_re_encrypted(self, world):
        _, clinic, keys, _ = world
        values = payload(keys, seq=10**7, recipients=[fingerprint(keys.research)])
        signed = sign_payload(canonical_json(values), keys.patient)
        result = refused(clinic, sealed(signed, keys.physio.public_key), "not_addressed_to_you")
        assert result.label == "Anna L." and clinic.imports.log(limit=1)[0].seq == 10**7

    def test_14_15_16_replay_repeat_conflict(self, world):
        _, clinic, keys, _ = world
        seq = stored_seq(clinic)
        unchanged(clinic, file_for(keys, payload(keys, seq=seq - 1)), "stale")
        newer = file_for(keys, payload(keys, seq=seq + 1))
        assert clinic.imports.import_bytes(newer).outcome == "updated"
        unchanged(clinic, newer, "already_imported")
        other = unchanged(clinic, file_for(keys, payload(keys, seq=seq + 1)), "conflict")
        assert other.category == "conflict" and "same number" in other.sentence
        assert clinic.imports.import_bytes(file_for(keys, payload(keys, seq=seq + 2))).outcome == "updated"

    def test_17_duplicate_keys_and_non_canonical_whitespace(self, world):
        _, clinic, keys, _ = world
        raw = canonical_json(payload(keys, seq=10**7))
        refused(clinic, file_for(keys, raw.replace(b'"seq":10000000', b'"seq":10000000,"seq":9')), "malformed")
        refused(clinic, file_for(keys, dumps_loose(payload(keys, seq=10**7))), "not_canonical")
        envelope = canonical_json(envelope_dict(raw, keys.patient)).replace(b'"v":1}', b'"v":1,"v":1}')
        refused(clinic, sealed(envelope, keys.physio.public_key), "malformed")

    def test_18_extra_field_carrying_a_path(self, world):
        _, clinic, keys, _ = world
        path = "../../../../home/x/.bashrc"
        result = refused(clinic, file_for(keys, payload(keys, seq=10**7, file_name=path)), "invalid_content")
        assert path not in repr(result)

    @pytest.mark.parametrize("fields", [
        {"pain": 11}, {"pain": -1}, {"pain": "7"}, {"pain": 7.5}, {"pain": True}, {"light_min": 10**6},
        {"day": "2026-02-30"}, {"note": None}, {"note": ["a", "list"]},
    ])
    def test_19_wrong_types_and_ranges(self, world, fields):
        _, clinic, keys, _ = world
        values = payload(keys, seq=10**7)
        values["checkins"][0].update(fields)
        refused(clinic, file_for(keys, values), "invalid_content")

    @pytest.mark.parametrize("note", ["before \u202e after", "nul \u0000", "next line \u0085", "\ufeffbom first"])
    def test_20_invisible_and_control_characters(self, world, note):
        _, clinic, keys, _ = world
        values = payload(keys, seq=10**7)
        values["checkins"][0]["note"] = note
        refused(clinic, file_for(keys, values), "invalid_content")

    def test_20_lone_surrogate(self, world):
        _, clinic, keys, _ = world
        values = payload(keys, seq=10**7)
        values["checkins"][0]["note"] = "PLACEHOLDER"
        refused(clinic, file_for(keys, canonical_json(values).replace(b"PLACEHOLDER", b"\\ud800")), "malformed")

    def test_21_size_limits(self, world):
        _, clinic, keys, _ = world
        values = payload(keys, seq=10**7)
        values["checkins"][0]["note"] = "n" * 2001
        refused(clinic, file_for(keys, values), "invalid_content")
        many = payload(keys, seq=10**7)
        first = NOW.date() - timedelta(days=5001)
        many["checkins"] = [checkin(first + timedelta(days=i)) for i in range(5001)]
        refused(clinic, file_for(keys, many), "invalid_content")
        goals = payload(keys, seq=10**7, plan=None)
        goals.pop("plan")
        goals["goals"] = [{"id": f"g{i}", "title": f"Goal {i}", "type": "main"} for i in range(51)]
        refused(clinic, file_for(keys, goals), "invalid_content")

    def test_22_dates(self, world):
        _, clinic, keys, _ = world
        for day in ("1970-01-01", (NOW.date() + timedelta(days=2)).isoformat()):
            values = payload(keys, seq=10**7)
            values["checkins"][0]["day"] = day
            refused(clinic, file_for(keys, values), "invalid_content")
        ahead = payload(keys, seq=stored_seq(clinic) + 1, created_at=(NOW + timedelta(days=3)).isoformat())
        result = clinic.imports.import_bytes(file_for(keys, ahead))
        assert result.outcome == "updated" and "clock" in result.warnings[0]
        assert clinic.imports.log(limit=1)[0].warnings == ("created_in_future",)

    def test_23_deep_nesting_huge_integers_overflow(self, world):
        _, clinic, keys, _ = world
        refused(clinic, file_for(keys, b"[" * 100_000 + b"]" * 100_000), "malformed")
        raw = canonical_json(payload(keys, seq=10**7))
        refused(clinic, file_for(keys, raw.replace(b'"seq":10000000', b'"seq":' + b"9" * 5000)), "malformed")
        refused(clinic, file_for(keys, raw.replace(b'"total":12.0', b'"total":1e999999')), "malformed")

    def test_24_formula_and_markup_notes_are_imported_verbatim(self, world):
        _, clinic, keys, _ = world
        values = payload(keys, seq=stored_seq(clinic) + 1, period_start=None)
        values.pop("period_start")
        values["checkins"] = [checkin(NOW.date() - timedelta(days=i + 1), note=note)
                              for i, note in enumerate(FORMULA_NOTES)]
        assert clinic.imports.import_bytes(file_for(keys, values)).outcome == "updated"
        notes = {c.note for c in clinic.patient_record("Anna L.").checkins}
        assert set(FORMULA_NOTES) <= notes


class TestDomainRevalidation:
    """What the wire schema lets through but the app itself would never store is refused too."""

    @pytest.mark.parametrize("change,where", [
        (lambda v: v["goals"][0].update(weight=50.0), "goals[0].weight"),
        (lambda v: v["goals"][0].update(levels=[{"level": 0, "description": "only one"}]), "goals[0].levels"),
        (lambda v: v["goals"][0].update(title="t" * 150), "goals[0].title"),
        (lambda v: v["goals"][0]["ratings"][0].pop("level"), "goals[0].ratings[0].level"),
        (lambda v: v["goals"][0]["ratings"][0].update(level=0, category="not"), "goals[0].ratings[0].category"),
        (lambda v: v["questionnaires"][0].update(instrument_id="made_up"), "questionnaires[0].instrument_id"),
        (lambda v: v["questionnaires"][0].update(answers=[7] * 15), "questionnaires[0]"),
        (lambda v: v["plan"]["activities"][0].pop("intensity"), "plan.activities[0]"),
        (lambda v: v["plan"]["activities"][0].update(goal_id="elsewhere"), "plan.activities[0].goal_id"),
    ])
    def test_refused_with_the_place_never_the_content(self, world, change, where):
        _, clinic, keys, _ = world
        values = payload(keys, seq=10**7)
        change(values)
        result = refused(clinic, file_for(keys, values), "invalid_content")
        assert result.where == where and result.label == "Anna L." and "t" * 150 not in repr(result)
        entry = clinic.imports.log(limit=1)[0]
        assert entry.patient_id is not None and entry.seq == 10**7  # a verified file: attributed

    def test_the_safety_flag_is_raised_from_the_answers_whatever_the_file_says(self, world):
        _, clinic, keys, _ = world
        values = payload(keys, seq=stored_seq(clinic) + 1)
        values["questionnaires"] = [{"instrument_id": "phq9", "version": "PHQ-9 (2-week recall)",
                                     "answered_at": NOW.isoformat(), "answers": [1, 1, 1, 1, 1, 1, 1, 1, 2],
                                     "total": 10.0, "band": "moderate", "flags": []}]
        assert clinic.imports.import_bytes(file_for(keys, values)).outcome == "updated"
        phq9 = [q for q in clinic.patient_record("Anna L.").questionnaires if q.instrument_id == "phq9"][-1]
        assert "item9_positive" in phq9.result.flags
        assert "phq9_item9" in clinic.caseload.rows()[0].flags


def PASSPHRASE_RECIPIENT() -> str:  # noqa: N802 - read like the constant it returns
    from diary.services.wire import PASSPHRASE_RECIPIENT as value

    return value


@pytest.mark.parametrize("actual,stat_said", [(0, 0), (5, 5), (5, 9), (9, 5), (64, 0), (64, 40), (100, 40), (100, 63)])
def test_a_file_is_read_as_a_read_of_the_cap_plus_one_would_read_it(tmp_path, monkeypatch, actual, stat_said):
    """import_file reads what stat said plus one byte, and on only if the file grew since: the same bytes as
    read(MAX_FILE_BYTES + 1), also for a file that grew past the cap after it was checked (here 64 bytes)."""
    import diary.services.importing as importing

    monkeypatch.setattr(importing, "MAX_FILE_BYTES", 64)
    path = tmp_path / "export.diary"
    path.write_bytes(bytes(range(actual)))
    with open(path, "rb") as handle:
        expected = handle.read(64 + 1)
    assert importing._read_capped(path, stat_said) == expected
