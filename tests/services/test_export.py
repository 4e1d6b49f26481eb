"""The patient's export: the file opens for its recipients only, seq only grows, the period, atomic writes."""

from __future__ import annotations

import errno
import os
import stat
from datetime import date, timedelta

import pytest

from diary.domain.errors import ValidationFailed
from diary.exchange import fingerprint, open_export, parse_payload
from diary.exchange.canonical import canonical_json
from diary.services.demo import fill_demo
from diary.services.export import seq_floor
from diary.platform.durable import FileNotWritten
from diary.services.keystore import KeyLocked
from diary.services.wire import PASSPHRASE_RECIPIENT, payload_bytes, payload_values

from tests.conftest import NOW
from tests.services.exchange_fixtures import clinic, open_clinic, paired  # noqa: F401


def opened(clinic_home, patient_home, data: bytes, **kwargs):
    """Open a file as the clinician would (checks 1–11), pinning the patient's key."""
    key = patient_home.keys.public_key()
    kwargs.setdefault("recipient_private_key", clinic_home.keys.private_key())
    return open_export(data, now=NOW, pinned_signers={fingerprint(key): bytes(key)}, **kwargs)


class TestTheFile:
    def test_everything_the_first_time_with_a_summary(self, paired, tmp_path):
        patient, clinician = paired
        fill_demo(patient, days=60, seed=2)
        summary = patient.exports.export(to=["Physio Berg"], out=tmp_path / "anna.diary")
        file = summary.files[0]
        assert file.path == tmp_path / "anna.diary" and file.size == file.path.stat().st_size
        assert stat.S_IMODE(file.path.stat().st_mode) == 0o600
        assert summary.recipients == ("Physio Berg",) and summary.period_start is None
        assert summary.period_end == NOW.date() and summary.counts["checkins"] == len(patient.checkins.all())
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        payload = opened(clinician, patient, file.path.read_bytes()).payload
        assert payload.seq == summary.seq and payload.export_id == summary.export_id
        assert payload.recipients == [clinician.keys.fingerprint()] and payload.notes_included

    def test_the_built_payload_is_exactly_what_the_parser_accepts(self, diary):
        fill_demo(diary, days=400, seed=5)
        diary.log.record(day=NOW.date(), pain=4, note="=HYPERLINK(\"x\") caf\u00e9 <b>",
                         regions={"neck": 3, "jaw_left": None, "abdomen": 1})
        rand36 = [1] * 36
        diary.questionnaires.record_completed("rand36", rand36, at=NOW)  # subscales
        main = diary.goals.add_goal(type="main", title="Every optional field", measure="m", baseline="b", target="t",
                                    target_date=NOW.date() + timedelta(days=9), weight=2.5, baseline_level=-2,
                                    levels={-2: "a", -1: "b", 0: "c", 1: "d", 2: "e"})
        diary.goals.rate(main.id, level=1, comment="a comment")
        diary.goals.add_activity(name="Swim", intensity="vigorous", minutes=20, times_per_week=1, goal_id=main.id)
        values = payload_values(diary.record(), seq=7, created_at=NOW, recipients=["ab" * 32], patient_label="Anna",
                                period_end=NOW.date())
        raw = payload_bytes(values)
        assert raw == canonical_json(values)  # every dict was built with its keys in canonical order
        parsed = parse_payload(raw)  # canonical bytes, schema and domain rules all pass
        assert [c.to_checkin() for c in parsed.checkins] == diary.checkins.all()
        assert len(parsed.questionnaires) == len(diary.questionnaires.all_completed())
        assert sum(len(g.ratings) for g in parsed.goals) == len(diary.goals.all_ratings())

    def test_notes_can_be_left_out_and_the_file_says_so(self, paired, tmp_path):
        patient, clinician = paired
        patient.log.record(pain=3, note="private")
        summary = patient.exports.export(to=["Physio Berg"], out=tmp_path / "x.diary", include_notes=False)
        payload = opened(clinician, patient, summary.files[0].path.read_bytes()).payload
        assert not payload.notes_included and all(c.note is None for c in payload.checkins)
        assert b"private" not in summary.files[0].path.read_bytes()

    def test_one_file_per_recipient_each_for_its_key_only(self, diary, tmp_path, clock):
        first, second = open_clinic(tmp_path, clock, "physio"), open_clinic(tmp_path, clock, "research")
        diary.pairing.pair(first.pairing.own_key().text, label="Physio Berg")
        diary.pairing.pair(second.pairing.own_key().text, label="Research team")
        diary.log.record(pain=5)
        summary = diary.exports.export(to=["Physio Berg", "Research team"], out=tmp_path / "anna.diary")
        assert [f.name for f in summary.files] == ["anna-physio-berg.diary", "anna-research-team.diary"]
        for file, home in zip(summary.files, (first, second)):
            payload = opened(home, diary, file.path.read_bytes()).payload
            assert set(payload.recipients) == {first.keys.fingerprint(), second.keys.fingerprint()}
        from diary.exchange import ImportRefused

        with pytest.raises(ImportRefused):
            opened(second, diary, summary.files[0].path.read_bytes())
        first.close()
        second.close()

    def test_passphrase_mode_with_a_generated_passphrase(self, diary, tmp_path):
        diary.log.record(pain=5)
        summary = diary.exports.export(passphrase=True, out=tmp_path / "anna.diary")
        assert len(summary.passphrase.split()) >= 6 and summary.files[0].recipient == "passphrase"
        key = diary.keys.public_key()
        payload = open_export(summary.files[0].path.read_bytes(), now=NOW, own_fingerprint=PASSPHRASE_RECIPIENT,
                              pinned_signers={fingerprint(key): bytes(key)}, passphrase=summary.passphrase).payload
        assert payload.recipients == [PASSPHRASE_RECIPIENT]

    def test_in_memory_for_a_browser_download(self, paired):
        patient, _ = paired
        patient.log.record(pain=5)
        summary = patient.exports.export(to=["Physio Berg"])
        assert summary.files[0].path is None and summary.data[summary.files[0].name].startswith(b"DIARY-EXPORT\n")


class TestSeqAndPeriod:
    def test_seq_only_grows_and_starts_above_the_minutes_since_2024(self, paired, tmp_path, clock):
        patient, _ = paired
        patient.log.record(pain=5)
        first = patient.exports.export(to=["Physio Berg"], out=tmp_path / "a.diary")
        second = patient.exports.export(to=["Physio Berg"], out=tmp_path / "b.diary")
        assert first.seq >= seq_floor(NOW) and second.seq == first.seq + 1
        clock.now = NOW - timedelta(days=30)  # a clock set back never lowers the seq
        assert patient.exports.export(to=["Physio Berg"], out=tmp_path / "c.diary").seq == second.seq + 1

    def test_the_default_period_is_since_the_last_export_to_these_recipients(self, paired, tmp_path, clock):
        patient, _ = paired
        fill_demo(patient, days=30, seed=1)
        assert patient.exports.default_since(["Physio Berg"]) is None
        patient.exports.export(to=["Physio Berg"], out=tmp_path / "a.diary")
        clock.now = NOW + timedelta(days=5)
        patient.log.record(pain=2)
        summary = patient.exports.export(to=["Physio Berg"], out=tmp_path / "b.diary")
        assert summary.period_start == NOW.date() and summary.counts["checkins"] == 1
        assert patient.exports.last_export().period_start == NOW.date()
        everything = patient.exports.export(to=["Physio Berg"], out=tmp_path / "c.diary", since=None)
        assert everything.counts["checkins"] == len(patient.checkins.all())

    def test_last_export_for_the_today_screen(self, paired, tmp_path):
        patient, _ = paired
        assert patient.exports.last_export() is None
        patient.log.record(pain=5)
        summary = patient.exports.export(to=["Physio Berg"], out=tmp_path / "a.diary")
        last = patient.exports.last_export()
        assert (last.at, last.recipients, last.seq) == (NOW, ("Physio Berg",), summary.seq)

    @pytest.mark.parametrize("kwargs,message", [
        ({}, "Choose who the export is for"),
        ({"to": ["Nobody"]}, "No paired recipient matches \"Nobody\""),
        ({"to": ["Physio Berg"], "since": NOW.date() + timedelta(days=1)}, "cannot start in the future"),
        ({"to": ["Physio Berg"], "passphrase": "too short"}, "at least 6 different words"),
    ])
    def test_bad_requests_are_refused_before_a_seq_is_used(self, paired, tmp_path, kwargs, message):
        patient, _ = paired
        with pytest.raises(ValidationFailed, match=message):
            patient.exports.export(out=tmp_path / "x.diary", **kwargs)
        assert patient.exports.history() == [] and list(tmp_path.glob("*.diary")) == []


class TestNothingHalfWritten:
    def test_a_full_device_leaves_no_file_and_the_seq_stays_used(self, paired, tmp_path, monkeypatch):
        patient, _ = paired
        patient.log.record(pain=5)

        def full(fd):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr("diary.platform.durable.os.fsync", full)
        with pytest.raises(FileNotWritten, match="is full, so the export was not written and no partial file"):
            patient.exports.export(to=["Physio Berg"], out=tmp_path / "a.diary")
        assert list(tmp_path.iterdir()) == [p for p in tmp_path.iterdir() if p.is_dir()]  # no file, no temp file
        failed = patient.exports.history()[0]
        assert failed.status == "failed" and patient.exports.last_export() is None
        monkeypatch.undo()
        assert patient.exports.export(to=["Physio Berg"], out=tmp_path / "a.diary").seq == failed.seq + 1

    def test_a_missing_folder_is_named_before_anything_happens(self, paired, tmp_path):
        patient, _ = paired
        patient.log.record(pain=5)
        with pytest.raises(FileNotWritten, match="does not exist"):
            patient.exports.export(to=["Physio Berg"], out=tmp_path / "nowhere" / "a.diary")
        assert patient.exports.history() == []

    def test_a_locked_key_stops_before_a_seq_is_used(self, paired, tmp_path):
        patient, _ = paired
        patient.log.record(pain=5)
        patient.keys.protect("amber canoe fern kite lamp oak")
        with pytest.raises(KeyLocked):
            patient.exports.export(to=["Physio Berg"], out=tmp_path / "a.diary")
        assert patient.exports.history() == []
        patient.keys.unlock("amber canoe fern kite lamp oak")
        assert patient.exports.export(to=["Physio Berg"], out=tmp_path / "a.diary").files


def test_too_much_for_one_file_is_a_sentence():
    from diary.domain.patient_record import PatientRecord
    from diary.services.wire import TooMuchForOneFile

    crowded = PatientRecord(key="self", label=None, checkins=tuple(range(5001)))  # counted before anything is built
    with pytest.raises(TooMuchForOneFile, match="5,001 check-ins.*shorter period"):
        payload_values(crowded, seq=1, created_at=NOW, recipients=["ab" * 32], patient_label="A",
                       period_end=date(2026, 3, 15))


def test_the_write_is_atomic_without_a_failure_too(tmp_path):
    from diary.platform.durable import write_atomically

    target = tmp_path / "f"
    write_atomically(target, b"one")
    write_atomically(target, b"two")
    assert target.read_bytes() == b"two" and sorted(os.listdir(tmp_path)) == ["f"]
    with pytest.raises(FileExistsError):
        write_atomically(target, b"three", exclusive=True)
    assert target.read_bytes() == b"two" and sorted(os.listdir(tmp_path)) == ["f"]
