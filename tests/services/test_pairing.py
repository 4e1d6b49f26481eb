"""Roles, keys in the home, and pairing: safety numbers, idempotence, changed keys refused unless re-paired."""

from __future__ import annotations

import stat

import pytest

from diary.domain.errors import ValidationFailed
from diary.exchange import KeyFormatError, WrongPassphrase, encode_public_key, generate_clinician_key, generate_patient_key
from diary.services.bootstrap import open_diary
from diary.services.identity import RoleMismatch
from diary.services.keystore import KeyLocked
from diary.services.pairing import KeyChanged

from tests.services.exchange_fixtures import clinic, open_clinic, paired  # noqa: F401


class TestRoles:
    def test_a_new_home_is_a_patients_and_clinician_makes_a_caseload(self, diary, clinic):
        assert diary.role == "patient" and clinic.role == "clinician"
        assert diary.meta.get("role") == "patient" and clinic.meta.get("role") == "clinician"

    def test_a_clinician_home_reopens_as_one_without_the_option(self, clinic, tmp_path, clock):
        again = open_diary(clinic.home, clock=clock)
        assert again.role == "clinician"
        again.close()

    def test_a_patient_home_is_never_opened_as_a_clinicians(self, diary, clock):
        diary.log.record(pain=3)
        with pytest.raises(RoleMismatch, match="holds a patient's diary"):
            open_diary(diary.home, clock=clock, role="clinician")

    def test_an_unmarked_home_with_entries_is_a_patients(self, tmp_path, clock):
        home = open_diary(tmp_path / "old", clock=clock)
        home.log.record(pain=3)
        with home.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM meta WHERE key = 'role'")
        home.close()
        with pytest.raises(RoleMismatch):
            open_diary(tmp_path / "old", clock=clock, role="clinician")

    def test_patient_and_clinician_services_refuse_the_other_role(self, diary, clinic):
        with pytest.raises(RoleMismatch, match="needs a clinician's caseload"):
            diary.caseload.rows()
        with pytest.raises(RoleMismatch, match="needs a clinician's caseload"):
            diary.imports.import_bytes(b"x")
        with pytest.raises(RoleMismatch, match="needs a patient's diary"):
            clinic.exports.export(to=["x"])


class TestKeys:
    def test_each_home_gets_its_kind_of_key_owner_only(self, diary, clinic):
        assert diary.pairing.own_key().text.startswith("DIARY-SIG1:")  # (writes the .pub file)
        assert clinic.pairing.own_key().text.startswith("DIARY-BOX1:")
        for home, name in ((diary, "signing.key"), (clinic, "box.key")):
            path = home.home / name
            assert path.exists() and stat.S_IMODE(path.stat().st_mode) == 0o600
            assert stat.S_IMODE(path.with_suffix(".pub").stat().st_mode) == 0o600

    def test_the_key_survives_reopening(self, diary, clock):
        before = diary.pairing.own_key()
        again = open_diary(diary.home, clock=clock)
        assert again.pairing.own_key() == before
        again.close()

    def test_passphrase_protection(self, clinic):
        fp = clinic.keys.fingerprint()
        clinic.keys.protect("amber canoe fern kite lamp oak")
        assert clinic.keys.protected and b"v1 passphrase" in (clinic.home / "box.key").read_bytes()
        with pytest.raises(KeyLocked):
            clinic.keys.private_key()
        assert clinic.keys.fingerprint() == fp  # the public half needs no passphrase
        with pytest.raises(WrongPassphrase):
            clinic.keys.unlock("amber canoe fern kite lamp elm")
        clinic.keys.unlock("Amber-Canoe fern kite lamp oak")
        assert clinic.keys.private_key().public_key == clinic.keys.public_key()
        clinic.keys.unprotect("amber canoe fern kite lamp oak")
        assert not clinic.keys.protected

    def test_a_key_protected_before_its_public_half_was_shown_still_shows_it(self, clinic):
        clinic.keys.public_path.unlink(missing_ok=True)  # as on first start: the .pub file is written on first use
        clinic.keys.protect("amber canoe fern kite lamp oak")
        assert clinic.keys.public_key_text().startswith("DIARY-BOX1:")

    def test_a_damaged_key_file_says_so(self, diary):
        (diary.home / "signing.key").write_bytes(b"DIARY-KEY\nv1 plain\nnot base64!\n")
        with pytest.raises(Exception, match="damaged"):
            diary.keys.private_key()


class TestPairing:
    def test_both_sides_see_the_same_60_digit_safety_number(self, diary, clinic):
        mine = diary.pairing.pair(clinic.pairing.own_key().text)
        theirs = clinic.pairing.pair(diary.pairing.own_key().text, label="Anna L.")
        assert mine.safety_number == theirs.safety_number
        assert len(mine.safety_number.replace(" ", "")) == 60
        assert mine.label == "Physiotherapist" and mine.outcome == theirs.outcome == "paired"

    def test_a_key_file_or_text_containing_the_key_is_read(self, diary, clinic, tmp_path):
        key_file = tmp_path / "physio.key"
        key_file.write_text(f"Key of Physio Berg:\n{clinic.pairing.own_key().text.lower()}\nfingerprint ...\n")
        assert diary.pairing.pair(str(key_file), label="Berg").fingerprint == clinic.keys.fingerprint()

    def test_pairing_again_with_the_same_key_is_a_no_op(self, paired):
        patient, clinician = paired
        again = clinician.pairing.pair(patient.pairing.own_key().text, label="Anna L.")
        assert again.outcome == "already_paired" and len(clinician.pairing.patients()) == 1

    def test_a_changed_key_is_refused_with_an_explanation_unless_re_paired(self, paired):
        _, clinician = paired
        newcomer = encode_public_key(generate_patient_key().verify_key)
        with pytest.raises(KeyChanged, match="different key.*safety number in person.*re-pair"):
            clinician.pairing.pair(newcomer, label="Anna L.")
        before = clinician.pairing.patients()[0]
        done = clinician.pairing.pair(newcomer, label="Anna L.", re_pair=True)
        after = clinician.pairing.patients()[0]
        assert done.outcome == "re_paired" and after.signing_key == newcomer
        assert after.record_key == before.record_key  # research ids stay the same
        assert after.last_seq is None  # seq counts per key

    def test_a_changed_physio_key_is_refused_on_the_patient_side(self, paired):
        patient, _ = paired
        other = encode_public_key(generate_clinician_key().public_key)
        with pytest.raises(KeyChanged):
            patient.pairing.pair(other, label="Physio Berg")
        assert patient.pairing.pair(other, label="Physio Berg", re_pair=True).outcome == "re_paired"

    def test_one_key_under_two_labels_is_refused(self, paired):
        patient, clinician = paired
        with pytest.raises(ValidationFailed, match="already paired as \"Anna L.\""):
            clinician.pairing.pair(patient.pairing.own_key().text, label="Someone else")

    @pytest.mark.parametrize("label", [None, "", "  ", "two\nlines", "x" * 81, "bidi \u202e trick"])
    def test_a_clinician_must_give_a_plain_one_line_label(self, diary, clinic, label):
        with pytest.raises(ValidationFailed):
            clinic.pairing.pair(diary.pairing.own_key().text, label=label)
        assert clinic.pairing.patients() == []

    def test_the_wrong_kind_of_key_is_named(self, diary, clinic):
        with pytest.raises(KeyFormatError, match="patient's signing key"):
            diary.pairing.pair(diary.pairing.own_key().text)
        with pytest.raises(KeyFormatError, match="physiotherapist's key"):
            clinic.pairing.pair(clinic.pairing.own_key().text, label="Me")
        with pytest.raises(KeyFormatError, match="typing error"):
            text = clinic.pairing.own_key().text
            diary.pairing.pair(text[:-1] + ("A" if text[-1] != "A" else "B"))

    def test_rename_and_remove(self, paired):
        patient, clinician = paired
        clinician.pairing.rename_patient("Anna L.", "P-017")
        assert [p.label for p in clinician.pairing.patients()] == ["P-017"]
        patient.pairing.remove_recipient("Physio Berg")
        assert patient.pairing.recipients() == []


def test_a_second_clinician_home_has_its_own_key(tmp_path, clock, clinic):
    other = open_clinic(tmp_path, clock, "other")
    assert other.keys.fingerprint() != clinic.keys.fingerprint()
    other.close()
