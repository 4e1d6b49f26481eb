"""Every hostile input of security.md ("Hostile inputs an acceptance test should throw at the importer").

Each case asserts the exact refusal category, a plain sentence, and a refusal in under a second.
The database half of the acceptance (clinical tables unchanged, one import-log row) belongs to the
service that stores imports; here nothing can be stored, because open_export stores nothing.
"""

from __future__ import annotations

import base64
import gzip
import io
import json
import time
import zipfile
from datetime import timedelta

import nacl.public
import pytest

from diary.exchange import (
    ExportPayloadV1,
    Refusal,
    canonical_json,
    fingerprint,
    seal_export,
    seal_export_with_passphrase,
    seq_decision,
)
from diary.exchange.envelope import MAGIC, MAX_FILE_BYTES, SEALED_LINE, sign_payload

from tests.exchange.builders import (
    as_nacl,
    FORMULA_NOTES,
    NOW,
    assert_refused,
    checkin,
    dumps_loose,
    envelope_dict,
    file_for,
    open_as_physio,
    payload_dict,
    sealed,
)

HEADER = MAGIC + SEALED_LINE


@pytest.fixture
def good(keys) -> bytes:
    return file_for(keys, payload_dict(keys))


@pytest.fixture(scope="module")
def passphrase_data(keys) -> bytes:
    payload = ExportPayloadV1.model_validate(payload_dict(keys))
    return seal_export_with_passphrase(payload, signing_key=keys.patient, passphrase="amber canoe fern kite lamp oak")


def with_checkin_fields(keys, **fields) -> bytes:
    values = payload_dict(keys)
    values["checkins"][0].update(fields)
    return file_for(keys, values)


def test_1_not_an_export(keys, good):
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("../../evil.txt", "owned")
    signed = nacl.public.SealedBox(as_nacl(keys.physio)).decrypt(good[len(HEADER):])
    for data in (b"", gzip.compress(b"\0" * (10 << 20)), zipped.getvalue(),
                 b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n", signed):
        assert_refused(keys, data, Refusal.NOT_AN_EXPORT)


def test_2_a_17_mib_file_starting_with_the_magic(keys):
    data = HEADER + bytes(17 * 1024 * 1024 - len(HEADER))
    assert_refused(keys, data, Refusal.TOO_LARGE)
    assert_refused(keys, HEADER + bytes(MAX_FILE_BYTES - len(HEADER) + 1), Refusal.TOO_LARGE)
    # The stat size comes first: a caller that read only the start is still refused.
    assert_refused(keys, HEADER, Refusal.TOO_LARGE, size=17 * 1024 * 1024)


def test_3_truncated_at_several_points(keys, good, passphrase_data):
    assert_refused(keys, good[:5], Refusal.NOT_AN_EXPORT)
    for cut in (len(MAGIC), len(MAGIC) + 4, len(HEADER), len(HEADER) + 20, len(good) // 2, len(good) - 1):
        assert_refused(keys, good[:cut], Refusal.CANNOT_OPEN)
    kdf_start = passphrase_data.index(b"argon2id")
    body_start = passphrase_data.index(b"\n", kdf_start) + 1
    for cut in (kdf_start + 10, body_start - 1, body_start + 30):  # no argon2id run for any of these
        assert_refused(keys, passphrase_data[:cut], Refusal.CANNOT_OPEN, limit=0.2, passphrase="amber canoe")


def test_4_one_bit_flipped_or_one_byte_appended(keys, good):
    for position in (len(HEADER), len(HEADER) + 40, len(good) // 2, len(good) - 1):
        flipped = bytearray(good)
        flipped[position] ^= 0x01
        assert_refused(keys, bytes(flipped), Refusal.CANNOT_OPEN)
    in_magic = bytearray(good)
    in_magic[2] ^= 0x01
    assert_refused(keys, bytes(in_magic), Refusal.NOT_AN_EXPORT)
    in_version = bytearray(good)
    in_version[len(MAGIC) + 1] ^= 0x01
    assert_refused(keys, bytes(in_version), Refusal.UNSUPPORTED_VERSION)
    assert_refused(keys, good + b"\0", Refusal.CANNOT_OPEN)


def test_5_encrypted_to_another_physios_key(keys):
    data = file_for(keys, payload_dict(keys), to=keys.other_physio.public_key)
    assert_refused(keys, data, Refusal.CANNOT_OPEN)


def test_6_unknown_magic_or_version(keys, good):
    body = good[len(HEADER):]
    assert_refused(keys, b"DIARY-EXPORX\n" + SEALED_LINE + body, Refusal.NOT_AN_EXPORT)
    assert_refused(keys, b"AGE-ENCRYPTION\n" + body, Refusal.NOT_AN_EXPORT)
    for line in (b"v2 sealed\n", b"v0 sealed\n", b"v1 age\n", b"V1 SEALED\n", b"v1 sealed \n", b"x" * 200):
        assert_refused(keys, MAGIC + line + body, Refusal.UNSUPPORTED_VERSION)


@pytest.mark.parametrize("edit", [
    (b"opslimit=3 ", b"opslimit=4 "),
    (b"memlimit=268435456", b"memlimit=1073741824"),
    (b"memlimit=268435456", b"memlimit=4398046511104"),
    (b"opslimit=3 ", b"opslimit=4294967295 "),
    (b"opslimit=3 ", b"opslimit=99999999999999999999 "),
    (b"opslimit=3 ", b"opslimit=2 "),  # weaker is refused too: one allowed setting
    (b"argon2id ", b"scrypt "),
])
def test_7_kdf_limits_edited(keys, passphrase_data, edit):
    data = passphrase_data.replace(*edit, 1)
    # Refused before any key derivation: far below one argon2id run.
    assert_refused(keys, data, Refusal.KDF_LIMITS, limit=0.1, passphrase="amber canoe fern kite lamp oak")


def test_8_passphrase_missing_wrong_then_right(keys, passphrase_data):
    assert_refused(keys, passphrase_data, Refusal.PASSPHRASE_NEEDED)
    # One argon2id run (~0.6–0.8 s here) is the price of trying a passphrase; allow for a busy machine.
    assert_refused(keys, passphrase_data, Refusal.WRONG_PASSPHRASE, limit=3.0,
                   passphrase="amber canoe fern kite lamp elm")
    assert open_as_physio(keys, passphrase_data, passphrase="amber canoe fern kite lamp oak").payload.seq == 1


def test_9_forged_by_a_stranger_with_a_copied_label(keys):
    data = file_for(keys, payload_dict(keys), signer_key=keys.stranger)
    error = assert_refused(keys, data, Refusal.UNKNOWN_SENDER)
    assert error.signer_fingerprint == fingerprint(keys.stranger.verify_key)


def test_10_impersonation(keys):
    claims_patient = file_for(keys, payload_dict(keys), signer_key=keys.stranger, signer=bytes(keys.patient.verify_key))
    assert_refused(keys, claims_patient, Refusal.BAD_SIGNATURE)
    for context in (b"diary/export/v2\0", b"diary/export/v1", b"", b"diary/backup/v1\0"):
        assert_refused(keys, file_for(keys, payload_dict(keys), context=context), Refusal.BAD_SIGNATURE)


def test_11_co_recipient_modified_a_score_and_kept_the_signature(keys):
    payload = ExportPayloadV1.model_validate(payload_dict(keys))
    research_copy = seal_export(payload, signing_key=keys.patient,
                                recipient_public_keys=[keys.research.public_key])[fingerprint(keys.research)]
    envelope = json.loads(nacl.public.SealedBox(as_nacl(keys.research)).decrypt(research_copy[len(HEADER):]))
    values = json.loads(base64.b64decode(envelope["payload"]))
    values["questionnaires"][0]["total"] = 3.0
    values["checkins"][0]["pain"] = 1
    envelope["payload"] = base64.b64encode(canonical_json(values)).decode()
    assert_refused(keys, sealed(canonical_json(envelope), keys.physio.public_key), Refusal.BAD_SIGNATURE)


@pytest.mark.parametrize("version", [0, 2, True, "1", 1.0, None, [1]])
def test_12_envelope_version(keys, version):
    raw = canonical_json(payload_dict(keys))
    envelope = envelope_dict(raw, keys.patient) | {"v": version}
    assert_refused(keys, sealed(canonical_json(envelope), keys.physio.public_key), Refusal.UNSUPPORTED_VERSION)


@pytest.mark.parametrize("version", [2, 0, True, "1", None])
def test_12_schema_version_validly_signed(keys, version):
    values = payload_dict(keys) | {"schema_version": version}
    assert_refused(keys, file_for(keys, values), Refusal.UNSUPPORTED_VERSION)


def test_13_signed_for_the_research_team_only_then_re_encrypted_to_the_physio(keys):
    values = payload_dict(keys, recipients=[fingerprint(keys.research)])
    signed = sign_payload(canonical_json(values), keys.patient)
    error = assert_refused(keys, sealed(signed, keys.physio.public_key), Refusal.NOT_ADDRESSED_TO_YOU)
    assert (error.export_id, error.seq) == (values["export_id"], 1)


def test_14_15_16_replay_repeat_and_conflict(keys):
    first = open_as_physio(keys, file_for(keys, payload_dict(keys, seq=1)))
    second_file = file_for(keys, payload_dict(keys, seq=2))
    second = open_as_physio(keys, second_file)
    assert seq_decision(first.seq, first.payload_sha256, None, None) == "new"
    assert seq_decision(second.seq, second.payload_sha256, first.seq, first.payload_sha256) == "replace"
    # 14: the older export arrives again after the newer one.
    assert seq_decision(first.seq, first.payload_sha256, second.seq, second.payload_sha256) == "stale"
    # 15: the same file twice is a no-op, and a later seq then supersedes.
    again = open_as_physio(keys, second_file)
    assert seq_decision(again.seq, again.payload_sha256, second.seq, second.payload_sha256) == "already_imported"
    third = open_as_physio(keys, file_for(keys, payload_dict(keys, seq=3)))
    assert seq_decision(third.seq, third.payload_sha256, second.seq, second.payload_sha256) == "replace"
    # 16: same seq, other content.
    other = open_as_physio(keys, file_for(keys, payload_dict(keys, seq=3)))
    assert seq_decision(other.seq, other.payload_sha256, third.seq, third.payload_sha256) == "conflict"


def test_17_duplicate_keys_and_non_canonical_whitespace(keys):
    raw = canonical_json(payload_dict(keys))
    envelope = canonical_json(envelope_dict(raw, keys.patient))
    duplicate_envelope = envelope.replace(b'"v":1}', b'"v":1,"v":1}')
    assert_refused(keys, sealed(duplicate_envelope, keys.physio.public_key), Refusal.MALFORMED)
    duplicate_payload = raw.replace(b'"seq":1', b'"seq":1,"seq":9')
    assert_refused(keys, file_for(keys, duplicate_payload), Refusal.MALFORMED)
    assert_refused(keys, file_for(keys, dumps_loose(payload_dict(keys))), Refusal.NOT_CANONICAL)
    assert_refused(keys, file_for(keys, raw + b"\n"), Refusal.NOT_CANONICAL)
    assert_refused(keys, file_for(keys, raw.replace(b'"total":12.0', b'"total":12.00')), Refusal.NOT_CANONICAL)
    assert_refused(keys, file_for(keys, raw.replace(b'"total":12.0', b'"total":1.2E1')), Refusal.NOT_CANONICAL)
    assert_refused(keys, file_for(keys, raw.replace(b'Anna L.', rb'Anna\u0020L.')), Refusal.NOT_CANONICAL)
    loose_envelope = dumps_loose(envelope_dict(raw, keys.patient))
    assert_refused(keys, sealed(loose_envelope, keys.physio.public_key), Refusal.NOT_CANONICAL)


def test_18_extra_field_carrying_a_path(keys):
    path = "../../../../home/x/.bashrc"
    error = assert_refused(keys, file_for(keys, payload_dict(keys) | {"file_name": path}), Refusal.INVALID_CONTENT)
    assert path not in repr(error) and error.where == "?"
    assert_refused(keys, with_checkin_fields(keys, attachment=path), Refusal.INVALID_CONTENT)
    raw = canonical_json(payload_dict(keys))
    envelope = envelope_dict(raw, keys.patient) | {"file_name": path}
    assert_refused(keys, sealed(canonical_json(envelope), keys.physio.public_key), Refusal.MALFORMED)


@pytest.mark.parametrize("fields,where", [
    ({"pain": 11}, "checkins[0].pain"),
    ({"pain": -1}, "checkins[0].pain"),
    ({"pain": "7"}, "checkins[0].pain"),
    ({"pain": 7.5}, "checkins[0].pain"),
    ({"pain": True}, "checkins[0].pain"),
    ({"light_min": 10**6}, "checkins[0].light_min"),
    ({"day": "2026-02-30"}, "checkins[0].day"),
    ({"note": None}, "checkins[0].note"),
    ({"note": ["a", "list"]}, "checkins[0].note"),
    ({"sleep_hours": 7.3}, "checkins[0].sleep_hours"),
    ({"regions": {"tail": 3}}, "checkins[0].regions"),
    ({"recorded_at": "2026-03-10T20:00:00"}, "checkins[0].recorded_at"),
    ({"flare": "yes"}, "checkins[0].flare"),
])
def test_19_wrong_types_and_ranges(keys, fields, where):
    error = assert_refused(keys, with_checkin_fields(keys, **fields), Refusal.INVALID_CONTENT)
    assert error.where == where


@pytest.mark.parametrize("note", ["before \u202e after", "nul \u0000", "next line \u0085", "\ufeffbom first"])
def test_20_invisible_and_control_characters_in_a_note(keys, note):
    error = assert_refused(keys, with_checkin_fields(keys, note=note), Refusal.INVALID_CONTENT)
    assert error.where == "checkins[0].note"


@pytest.mark.parametrize("hidden", ["\u200b", "\u200d", "\u2060", "\u206a", "\u206f", "\U000e0041", "\u00ad"])
def test_20_invisible_format_characters_are_removed_on_import(keys, hidden):
    values = payload_dict(keys)
    values["checkins"][0]["note"] = f"walked{hidden} far"
    values["goals"][0]["title"] = f"Walk{hidden} to the shop"
    values["patient_label"] = f"An{hidden}na"
    opened = open_as_physio(keys, file_for(keys, values))
    assert opened.payload.checkins[0].to_checkin().note == "walked far"
    assert (opened.payload.goals[0].title, opened.payload.patient_label) == ("Walk to the shop", "Anna")


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
def test_20_a_line_separator_in_a_single_line_title_is_refused_and_in_a_note_is_a_line_break(keys, separator):
    values = payload_dict(keys)
    values["goals"][0]["title"] = f"Walk{separator}to the shop"
    assert assert_refused(keys, file_for(keys, values), Refusal.INVALID_CONTENT).where == "goals[0].title"
    values = payload_dict(keys)
    values["checkins"][0]["note"] = f"walked{separator}far"
    assert open_as_physio(keys, file_for(keys, values)).payload.checkins[0].to_checkin().note == "walked\nfar"


def test_20_lone_surrogate_in_a_note(keys):
    values = payload_dict(keys)
    values["checkins"][0]["note"] = "PLACEHOLDER"
    raw = canonical_json(values).replace(b"PLACEHOLDER", b"broken \\ud800 text")
    assert_refused(keys, file_for(keys, raw), Refusal.MALFORMED)
    raw_bytes = canonical_json(values).replace(b"PLACEHOLDER", b"broken \xed\xa0\x80 text")  # CESU-8 surrogate
    assert_refused(keys, file_for(keys, raw_bytes), Refusal.MALFORMED)


def test_21_size_limits(keys):
    assert_refused(keys, with_checkin_fields(keys, note="n" * 2001), Refusal.INVALID_CONTENT)
    many = payload_dict(keys)
    first = NOW.date() - timedelta(days=5001)
    many["checkins"] = [checkin(first + timedelta(days=i)) for i in range(5001)]
    error = assert_refused(keys, file_for(keys, many), Refusal.INVALID_CONTENT)
    assert error.where == "checkins"
    goals = payload_dict(keys)
    goals["goals"] = [{"id": f"g{i}", "title": f"Goal {i}", "type": "main"} for i in range(51)]
    assert_refused(keys, file_for(keys, goals), Refusal.INVALID_CONTENT)


def test_22_dates(keys):
    assert_refused(keys, with_checkin_fields(keys, day="1970-01-01"), Refusal.INVALID_CONTENT)
    future = NOW.date() + timedelta(days=2)
    assert_refused(keys, with_checkin_fields(keys, day=future.isoformat()), Refusal.INVALID_CONTENT)
    # created_at three days ahead is imported with a warning: tests/exchange/test_envelope.py::TestWarnings


def test_23_deep_nesting_huge_integers_and_overflowing_numbers(keys):
    deep = b"[" * 100_000 + b"]" * 100_000
    assert_refused(keys, file_for(keys, deep), Refusal.MALFORMED)
    assert_refused(keys, sealed(deep, keys.physio.public_key), Refusal.MALFORMED)
    raw = canonical_json(payload_dict(keys))
    assert_refused(keys, file_for(keys, raw.replace(b'"seq":1', b'"seq":' + b"9" * 5000)), Refusal.MALFORMED)
    assert_refused(keys, file_for(keys, raw.replace(b'"seq":1', b'"seq":9007199254740993')), Refusal.MALFORMED)
    assert_refused(keys, file_for(keys, raw.replace(b'"total":12.0', b'"total":1e999999')), Refusal.MALFORMED)
    assert_refused(keys, file_for(keys, raw.replace(b'"total":12.0', b'"total":NaN')), Refusal.MALFORMED)
    envelope = canonical_json(envelope_dict(raw, keys.patient)).replace(b'"v":1', b'"v":' + b"1" * 5000)
    assert_refused(keys, sealed(envelope, keys.physio.public_key), Refusal.MALFORMED)


def test_23_a_16_mib_envelope_of_tiny_values_is_refused_fast(keys):
    # Anyone can encrypt to the physio, so the unsigned envelope must not cost seconds to reject.
    for junk in (b"[" + b"1," * (7 << 20) + b"1]", b"[" + b"{}," * (5 << 20) + b"1]", (b"[" * 32 + b"]") * 400_000):
        start = time.process_time()
        data = sealed(junk, keys.physio.public_key)
        sealing = time.process_time() - start
        assert_refused(keys, data, Refusal.MALFORMED, limit=1.0)
        assert sealing < 5


def test_24_formula_and_markup_notes_are_imported_verbatim(keys):
    values = payload_dict(keys, n_checkins=len(FORMULA_NOTES))
    for entry, note in zip(values["checkins"], FORMULA_NOTES):
        entry["note"] = note
    values["patient_label"] = "=cmd|' /C calc'!A0"
    opened = open_as_physio(keys, file_for(keys, values))
    assert [c.note for c in opened.payload.checkins] == list(FORMULA_NOTES)
    assert [c.to_checkin().note for c in opened.payload.checkins] == list(FORMULA_NOTES)
    assert opened.payload.patient_label == "=cmd|' /C calc'!A0"

