"""Keys: text form, fingerprints, safety numbers, and passphrase-protected private keys."""

from __future__ import annotations

import base64
import re

import nacl.public
import nacl.signing
import pytest

from diary.exchange import (
    KeyFormatError,
    WrongPassphrase,
    decode_public_key,
    decode_recipient_key,
    decode_signer_key,
    encode_public_key,
    fingerprint,
    format_fingerprint,
    generate_clinician_key,
    generate_patient_key,
    safety_number,
    unwrap_private_key,
    wrap_private_key,
)
from diary.exchange.keys import BOX_PREFIX, SIG_PREFIX
from tests.exchange.builders import as_nacl


class TestEncodePublicKey:
    def test_round_trip_both_kinds(self):
        box = generate_clinician_key().public_key
        sig = generate_patient_key().verify_key
        box_text, sig_text = encode_public_key(box), encode_public_key(sig)
        assert re.fullmatch(r"DIARY-BOX1:[A-Z2-7]{56}", box_text)
        assert re.fullmatch(r"DIARY-SIG1:[A-Z2-7]{56}", sig_text)
        assert decode_public_key(box_text) == box and decode_recipient_key(box_text) == box
        assert decode_public_key(sig_text) == sig and decode_signer_key(sig_text) == sig

    def test_spaces_around_and_lower_case_are_forgiven(self):
        box = generate_clinician_key().public_key
        assert decode_public_key("  " + encode_public_key(box).lower() + "\n") == box

    def test_a_stored_key_decoded_once_is_the_key_decode_gives_and_refusals_are_not_remembered(self):
        """stored_public_key / stored_signer_key (an import reads this home's .pub and the signer's pinned key
        every time): the same keys and the same refusal sentences as decoding each time."""
        from diary.exchange.keys import stored_public_key, stored_signer_key

        box_text = encode_public_key(generate_clinician_key().public_key)
        sig_text = encode_public_key(generate_patient_key().verify_key)
        def refusal(decode, text):
            with pytest.raises(KeyFormatError) as refused:
                decode(text)
            return str(refused.value)

        wrong = [box_text, sig_text[:-1] + ("A" if sig_text[-1] != "A" else "B"), sig_text[:-1], ""]
        for _ in range(2):  # the second time from the cache
            assert stored_public_key(box_text) == decode_public_key(box_text)
            assert stored_signer_key(sig_text) == decode_signer_key(sig_text)
            for text in wrong:
                assert refusal(stored_signer_key, text) == refusal(decode_signer_key, text)

    @pytest.mark.parametrize("mangle,message", [
        (lambda t: t.replace("DIARY-BOX1:", "DIARY-BOX2:"), "not a diary key"),
        (lambda t: t[len(BOX_PREFIX):], "not a diary key"),
        (lambda t: t[:-1], "incomplete"),
        (lambda t: t + "A", "incomplete"),
        (lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), "typing error"),
        (lambda t: t[:20] + ("B" if t[20] != "B" else "C") + t[21:], "typing error"),
        (lambda t: t[:-2] + "01", "characters"),
        (lambda t: t[:-2] + "==", "characters"),
        (lambda t: "", "not a diary key"),
    ])
    def test_malformed_keys_get_a_sentence(self, mangle, message):
        text = encode_public_key(generate_clinician_key().public_key)
        with pytest.raises(KeyFormatError, match=message):
            decode_public_key(mangle(text))

    def test_not_a_string(self):
        with pytest.raises(KeyFormatError):
            decode_public_key(None)  # type: ignore[arg-type]

    def test_a_key_of_the_wrong_kind(self):
        with pytest.raises(KeyFormatError, match="patient's signing key"):
            decode_recipient_key(encode_public_key(generate_patient_key().verify_key))
        with pytest.raises(KeyFormatError, match="physiotherapist's key"):
            decode_signer_key(encode_public_key(generate_clinician_key().public_key))

    def test_the_check_binds_the_kind_so_a_relabelled_key_fails(self):
        text = encode_public_key(generate_clinician_key().public_key)
        with pytest.raises(KeyFormatError, match="typing error"):
            decode_public_key(text.replace(BOX_PREFIX, SIG_PREFIX))

    @pytest.mark.parametrize("prefix", [BOX_PREFIX, SIG_PREFIX])
    def test_unusable_low_order_keys_are_refused(self, prefix):
        import hashlib

        raw = bytes(32)  # all zeros: low order for X25519, the identity-ish point for Ed25519
        check = hashlib.blake2b(prefix.encode() + raw, digest_size=3).digest()
        text = prefix + base64.b32encode(raw + check).decode()
        with pytest.raises(KeyFormatError, match="cannot be used"):
            decode_public_key(text)


class TestFingerprint:
    def test_sha256_hex_of_the_raw_key_and_grouped(self):
        import hashlib

        key = generate_clinician_key()
        fp = fingerprint(key.public_key)
        assert fp == hashlib.sha256(bytes(key.public_key)).hexdigest()
        assert fp == fingerprint(key) == fingerprint(bytes(key.public_key))
        grouped = format_fingerprint(fp)
        assert grouped.replace(" ", "") == fp and len(grouped.split()) == 16

    def test_bad_raw_length(self):
        with pytest.raises(KeyFormatError):
            fingerprint(b"short")


class TestSafetyNumber:
    def test_same_on_both_sides_and_60_digits_in_groups_of_5(self):
        physio, patient = generate_clinician_key().public_key, generate_patient_key().verify_key
        number = safety_number(physio, patient)
        assert number == safety_number(patient, physio) == safety_number(bytes(patient), bytes(physio))
        assert re.fullmatch(r"(\d{5} ){11}\d{5}", number)

    def test_changes_when_either_key_changes(self):
        physio, patient = generate_clinician_key().public_key, generate_patient_key().verify_key
        number = safety_number(physio, patient)
        assert safety_number(generate_clinician_key().public_key, patient) != number
        assert safety_number(physio, generate_patient_key().verify_key) != number

    def test_each_key_owns_30_digits(self):
        # A substituted key changes its own half; the other half stays (as in Signal), so both can be compared.
        physio, patient, mitm = (generate_clinician_key().public_key, generate_patient_key().verify_key,
                                 generate_patient_key().verify_key)
        real = set(safety_number(physio, patient).replace(" ", "")[i:i + 30] for i in (0, 30))
        fake = set(safety_number(physio, mitm).replace(" ", "")[i:i + 30] for i in (0, 30))
        assert len(real & fake) == 1

    def test_known_answer_is_stable(self):
        # Pinned so a refactor cannot silently change what two screens show.
        assert safety_number(bytes(range(32)), bytes(range(32, 64))) == KNOWN_SAFETY_NUMBER


KNOWN_SAFETY_NUMBER = "28245 35392 91458 88117 75090 96507 29060 56229 86274 03183 39095 42130"


class TestWrapPrivateKey:
    def test_round_trip_wrong_passphrase_and_not_a_key_file(self):
        key = generate_clinician_key()
        blob = wrap_private_key(bytes(key), "my own long passphrase")
        assert blob.startswith(b"DIARY-KEY\nv1 passphrase\nargon2id opslimit=3 memlimit=268435456 salt=")
        assert nacl.public.PrivateKey(unwrap_private_key(blob, "My  Own-Long passphrase")) == as_nacl(key)
        with pytest.raises(WrongPassphrase):
            unwrap_private_key(blob, "another passphrase")
        with pytest.raises(KeyFormatError, match="not a diary key file"):
            unwrap_private_key(bytes(key), "x")

    def test_kdf_limits_edited_are_refused_before_deriving(self):
        signing = generate_patient_key()
        blob = wrap_private_key(bytes(signing), "pass phrase words")
        with pytest.raises(KeyFormatError, match="damaged"):
            unwrap_private_key(blob.replace(b"memlimit=268435456", b"memlimit=8589934592"), "pass phrase words")
        assert nacl.signing.SigningKey(unwrap_private_key(blob, "pass phrase words")) == as_nacl(signing)

    def test_empty_passphrase(self):
        with pytest.raises(KeyFormatError, match="empty"):
            wrap_private_key(bytes(generate_clinician_key()), " - ")
