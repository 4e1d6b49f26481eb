"""Round trips through the envelope, sealed and passphrase, and the format's exact bytes."""

from __future__ import annotations

import hashlib

import nacl.public
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diary.exchange import (
    ExportPayloadV1,
    ExportTooLarge,
    ImportRefused,
    ImportWarning,
    Refusal,
    fingerprint,
    generate_passphrase,
    open_export,
    parse_json_strict,
    payload_bytes,
    seal_export,
    seal_export_with_passphrase,
)
from diary.exchange.envelope import MAGIC, PASSPHRASE_LINE, SEALED_LINE

from tests.exchange.builders import NOW, as_nacl, assert_refused, file_for, open_as_physio, payload_dict
from tests.exchange.strategies import valid_payloads


@pytest.fixture(scope="module")
def passphrase_file(keys):
    """One passphrase file for the module (argon2id at MODERATE costs ~0.8 s per derivation)."""
    payload = ExportPayloadV1.model_validate(payload_dict(keys))
    phrase = generate_passphrase()
    return payload, phrase, seal_export_with_passphrase(payload, signing_key=keys.patient, passphrase=phrase)


class TestSealExport:
    def test_one_file_per_recipient_each_opens_with_its_own_key(self, keys):
        payload = ExportPayloadV1.model_validate(payload_dict(keys))
        files = seal_export(payload, signing_key=keys.patient,
                            recipient_public_keys=[keys.physio.public_key, keys.research.public_key])
        assert list(files) == [fingerprint(keys.physio), fingerprint(keys.research)]
        for private, data in zip((keys.physio, keys.research), files.values()):
            assert data.startswith(MAGIC + SEALED_LINE)
            opened = open_export(data, now=NOW, pinned_signers=keys.pinned, recipient_private_key=private)
            assert opened.payload == payload
            assert opened.mode == "sealed" and opened.warnings == ()
            assert opened.signer_fingerprint == fingerprint(keys.patient.verify_key)
            assert opened.file_sha256 == hashlib.sha256(data).hexdigest() and opened.file_size == len(data)
            assert opened.payload_sha256 == hashlib.sha256(payload_bytes(payload)).hexdigest()
            assert (opened.export_id, opened.seq) == (payload.export_id, payload.seq)
            assert opened.counts == {"checkins": 3, "questionnaires": 1, "goals": 2, "ratings": 2, "activities": 1}

    def test_the_same_export_sealed_twice_differs_as_a_file_but_not_as_a_payload(self, keys):
        payload = ExportPayloadV1.model_validate(payload_dict(keys))
        first, second = (seal_export(payload, signing_key=keys.patient, recipient_public_keys=[keys.physio.public_key])
                         for _ in range(2))
        a, b = (open_as_physio(keys, next(iter(f.values()))) for f in (first, second))
        assert a.file_sha256 != b.file_sha256 and a.payload_sha256 == b.payload_sha256

    def test_a_recipient_missing_from_the_payload_is_a_programming_error(self, keys):
        payload = ExportPayloadV1.model_validate(payload_dict(keys, recipients=[fingerprint(keys.physio)]))
        with pytest.raises(ValueError, match="recipients"):
            seal_export(payload, signing_key=keys.patient, recipient_public_keys=[keys.research.public_key])

    def test_an_export_over_16_mib_is_refused_when_sealing(self, keys, monkeypatch):
        payload = ExportPayloadV1.model_validate(payload_dict(keys))
        monkeypatch.setattr("diary.exchange.envelope.MAX_FILE_BYTES", 1000)
        with pytest.raises(ExportTooLarge, match="shorter period"):
            seal_export(payload, signing_key=keys.patient, recipient_public_keys=[keys.physio.public_key])

    def test_the_signed_envelope_inside_is_canonical_json_with_five_fields(self, keys):
        payload = ExportPayloadV1.model_validate(payload_dict(keys))
        data = seal_export(payload, signing_key=keys.patient, recipient_public_keys=[keys.physio.public_key])
        signed = nacl.public.SealedBox(as_nacl(keys.physio)).decrypt(next(iter(data.values()))[len(MAGIC + SEALED_LINE):])
        envelope = parse_json_strict(signed)
        assert sorted(envelope) == ["format", "payload", "sig", "signer", "v"]
        assert envelope["format"] == "diary-export" and envelope["v"] == 1
        assert signed.startswith(b'{"format":"diary-export","payload":"')


class TestPassphraseMode:
    def test_round_trip(self, keys, passphrase_file):
        payload, phrase, data = passphrase_file
        assert data.startswith(MAGIC + PASSPHRASE_LINE + b"argon2id opslimit=3 memlimit=268435456 salt=")
        opened = open_export(data, now=NOW, pinned_signers=keys.pinned, passphrase=phrase,
                             own_fingerprint=fingerprint(keys.physio))
        assert opened.payload == payload and opened.mode == "passphrase"

    def test_typing_variations_still_open_the_file(self, keys, passphrase_file):
        payload, phrase, data = passphrase_file
        typed = "  " + phrase.title().replace(" ", "-") + " "
        opened = open_as_physio(keys, data, passphrase=typed)
        assert opened.payload == payload

    @pytest.mark.parametrize("weak", ["amber canoe fern", "aaaaaaaaaaaaaaaaaaaaaaaa", "amber amber amber amber amber amber"])
    def test_weak_passphrases_are_not_used_for_exports(self, keys, weak):
        payload = ExportPayloadV1.model_validate(payload_dict(keys))
        with pytest.raises(ValueError, match="6 different words"):
            seal_export_with_passphrase(payload, signing_key=keys.patient, passphrase=weak)


class TestWarnings:
    def test_created_three_days_ahead_is_imported_with_a_warning(self, keys):
        # Hostile input 22 (last part): clock skew is not a reason to refuse.
        from datetime import timedelta

        from tests.exchange.builders import file_for

        values = payload_dict(keys)
        values["created_at"] = (NOW + timedelta(days=3)).isoformat()
        opened = open_as_physio(keys, file_for(keys, values))
        assert opened.warnings == (ImportWarning.CREATED_IN_FUTURE,)

    def test_naive_now_is_a_programming_error(self, keys):
        from tests.exchange.builders import file_for

        with pytest.raises(ValueError, match="timezone-aware"):
            open_export(file_for(keys, payload_dict(keys)), now=NOW.replace(tzinfo=None), pinned_signers=keys.pinned,
                        recipient_private_key=keys.physio)


class TestWhoVerifies:
    def test_the_file_never_chooses_the_verifying_key(self, keys):
        # The pinned key is used even when the fingerprint lookup would match a key the file carries.
        data = file_for(keys, payload_dict(keys))
        wrong_pin = {fingerprint(keys.patient.verify_key): bytes(keys.stranger.verify_key)}
        with pytest.raises(ImportRefused) as caught:
            open_export(data, now=NOW, pinned_signers=wrong_pin, recipient_private_key=keys.physio)
        assert caught.value.category == Refusal.BAD_SIGNATURE

    def test_a_missing_key_or_fingerprint(self, keys):
        good = file_for(keys, payload_dict(keys))
        with pytest.raises(TypeError):
            open_export(good, now=NOW, pinned_signers=keys.pinned)
        assert_refused(keys, good, Refusal.CANNOT_OPEN, recipient_private_key=None,
                       own_fingerprint=fingerprint(keys.physio))


class TestProperties:
    @settings(max_examples=200, deadline=None)
    @given(st.sampled_from([b"", MAGIC, MAGIC + SEALED_LINE, MAGIC + PASSPHRASE_LINE,
                            MAGIC + PASSPHRASE_LINE + b"argon2id opslimit=3 memlimit=268435456 salt="]),
           st.binary(max_size=400))
    def test_random_files_are_refused_only_with_import_refused(self, keys, header, tail):
        with pytest.raises(ImportRefused) as caught:
            open_export(header + tail, now=NOW, pinned_signers=keys.pinned, recipient_private_key=keys.physio,
                        passphrase="amber canoe fern kite lamp oak")
        assert caught.value.category != Refusal.WRONG_PASSPHRASE  # never reached argon2id on junk

    @settings(max_examples=100, deadline=None)
    @given(st.binary(max_size=2000))
    def test_any_signed_bytes_sealed_to_the_physio_are_refused_only_with_import_refused(self, keys, signed):
        with pytest.raises(ImportRefused):
            open_as_physio(keys, MAGIC + SEALED_LINE + nacl.public.SealedBox(as_nacl(keys.physio.public_key)).encrypt(signed))

    @settings(max_examples=50, deadline=None)
    @given(st.data())
    def test_valid_payloads_seal_and_open_unchanged(self, keys, data):
        values = data.draw(valid_payloads())
        values["recipients"] = [fingerprint(keys.physio)]
        payload = ExportPayloadV1.model_validate(values)
        files = seal_export(payload, signing_key=keys.patient, recipient_public_keys=[keys.physio.public_key])
        assert open_as_physio(keys, files[fingerprint(keys.physio)]).payload == payload
