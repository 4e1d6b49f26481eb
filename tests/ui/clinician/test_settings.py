"""The clinician's Settings: the clinic's key (text, QR code, fingerprint), pairing a patient with the
safety number, a changed key, protecting the key with a passphrase, the data folder and the theme."""

from __future__ import annotations

import flet as ft
import pytest

from diary.services.bootstrap import open_diary
from diary.ui.clinician.settings import ClinicianSettings
from tests.conftest import FixedClock


@pytest.fixture
def patient(tmp_path):
    home = open_diary(tmp_path / "patient", clock=FixedClock())
    yield home
    home.close()


@pytest.fixture
def settings(clinic, screen):
    chosen = {"key_file": None, "theme": []}

    async def pick_key():
        return chosen["key_file"]

    ui = screen(lambda: ClinicianSettings(clinic, on_theme=chosen["theme"].append, pick_key=pick_key))
    chosen["ui"] = ui
    return chosen


def check(ui, key_text: str, label: str | None = "Anna L.") -> None:
    ui.type("patient-key", key_text)
    if label is not None:
        ui.type("patient-label-field", label)
    ui.click("check-key")


class TestOwnKey:
    def test_the_key_as_text_qr_code_and_fingerprint(self, clinic, settings):
        ui = settings["ui"]
        own = clinic.pairing.own_key()
        assert ui.find("own-key-text").value == own.text and own.text.startswith("DIARY-BOX1:")
        assert ui.find("own-key-fingerprint").value == own.fingerprint_groups
        assert ui.find("own-key-qr").src[:4] == b"\x89PNG"
        assert ui.find("data-folder").value == str(clinic.home)
        assert ui.find("patients-count").value == "0 paired patients."


class TestPairing:
    def test_pair_after_comparing_the_same_safety_number_as_the_patient(self, clinic, patient, settings):
        ui = settings["ui"]
        check(ui, patient.pairing.own_key().text)
        shown = ui.find("safety-number").value
        # The patient's Share screen shows the number for the clinic's key: the same digits.
        assert shown == patient.pairing.preview(clinic.pairing.own_key().text).safety_number
        assert len(shown.replace(" ", "")) >= 30
        assert ui.find("compare-label").value == "They will be \"Anna L.\" in your caseload."
        ui.click("numbers-match")
        assert ui.find("pair-done-text").value == "Paired with Anna L.. Their exports can now be imported."
        assert [p.label for p in clinic.pairing.patients()] == ["Anna L."]
        assert ui.find("patient-key").value == ""  # ready for the next patient

    def test_numbers_that_differ_pair_nothing(self, clinic, patient, settings):
        ui = settings["ui"]
        check(ui, patient.pairing.own_key().text)
        ui.click("numbers-differ")
        assert ui.find("pair-error").value.startswith("Not paired.")
        assert clinic.pairing.patients() == []

    def test_missing_key_missing_label_or_a_wrong_key_say_so(self, clinic, patient, settings):
        ui = settings["ui"]
        ui.click("check-key")
        assert ui.find("pair-error").value == "Paste the patient's key first (it starts with DIARY-SIG1:)."
        check(ui, patient.pairing.own_key().text, label=None)
        assert ui.find("pair-error").value.startswith("Give the patient a label first")
        check(ui, clinic.pairing.own_key().text)  # a clinician's key is not a patient's
        assert ui.find("pair-error").value
        check(ui, patient.pairing.own_key().text[:-4] + "AAAA")
        assert ui.find("pair-error").value
        assert clinic.pairing.patients() == []

    def test_a_changed_key_is_refused_until_re_paired_deliberately(self, clinic, patient, settings, tmp_path):
        ui = settings["ui"]
        check(ui, patient.pairing.own_key().text)
        ui.click("numbers-match")
        new_phone = open_diary(tmp_path / "new-phone", clock=FixedClock())
        check(ui, new_phone.pairing.own_key().text)
        ui.click("numbers-match")
        assert "was paired with a different key" in ui.find("key-changed").value
        assert clinic.pairing.patients()[0].fingerprint == patient.pairing.own_key().fingerprint
        ui.click("re-pair")
        assert ui.find("pair-done-text").value.startswith("Anna L. now has their new key.")
        assert clinic.pairing.patients()[0].fingerprint == new_phone.pairing.own_key().fingerprint
        new_phone.close()

    def test_the_same_key_under_another_label_is_refused(self, clinic, patient, settings):
        ui = settings["ui"]
        clinic.pairing.pair(patient.pairing.own_key().text, label="Anna L.")
        check(ui, patient.pairing.own_key().text, label="Someone else")
        assert ui.find("compare-label").value == "This key is already paired as \"Anna L.\"."
        ui.click("numbers-match")
        assert "already paired as" in ui.find("pair-error").value
        assert ui.find("patient-key").value == patient.pairing.own_key().text  # kept for a correction

    def test_a_key_file_fills_in_the_key(self, patient, settings):
        ui = settings["ui"]
        settings["key_file"] = f"Anna's key\n{patient.pairing.own_key().text}\n"
        ui.click("open-key-file")
        assert ui.find("patient-key").value.endswith(patient.pairing.own_key().text)
        ui.type("patient-label-field", "Anna L.")
        ui.click("check-key")
        ui.find("safety-number")


class TestKeyProtection:
    def test_protect_with_a_suggested_passphrase_then_remove_it(self, clinic, settings):
        ui = settings["ui"]
        assert ui.find("protect-state").value.startswith("Your key is not protected")
        ui.click("protect")
        words = ui.find("protect-passphrase").value
        assert len(words.split()) >= 6
        ui.click("protect-confirm")
        assert clinic.keys.protected
        assert ui.find("protect-state").value == ("Your key is protected by a passphrase and unlocked while the app "
                                                  "runs.")
        assert ui.find("protect-status").value.startswith("The key is protected.")
        clinic.keys.private_key()  # still usable in this session
        ui.type("protect-passphrase", "wrong words here and there now")
        ui.click("unprotect")
        assert "does not unlock" in ui.find("protect-status").value
        ui.type("protect-passphrase", words)
        ui.click("unprotect")
        assert not clinic.keys.protected
        assert ui.find("protect-status").value == "The key is stored without a passphrase again."

    def test_a_short_passphrase_is_refused_and_kept_for_a_correction(self, clinic, settings):
        ui = settings["ui"]
        ui.click("protect")
        ui.type("protect-passphrase", "too short")
        ui.click("protect-confirm")
        assert "at least 6 different words" in ui.find("protect-status").value
        assert ui.find("protect-passphrase").value == "too short"
        assert not clinic.keys.protected

    def test_a_locked_key_can_be_unlocked_here(self, clinic, screen):
        words = "orbit velvet canyon maple tiger lantern"
        clinic.pairing.own_key()  # as on a real start: the public key is shown (and its .pub written) first
        clinic.keys.protect(words)
        fresh = open_diary(clinic.home, clock=FixedClock())
        ui = screen(lambda: ClinicianSettings(fresh, on_theme=lambda mode: None))
        assert ui.find("protect-state").value == "Your key is protected by a passphrase and locked."
        ui.type("protect-passphrase", words)
        ui.click("settings-unlock")
        assert ui.find("protect-state").value.endswith("unlocked while the app runs.")
        fresh.close()


class TestTheme:
    def test_the_theme_is_chosen_and_kept(self, clinic, open_clinic):
        ui = open_clinic(clinic)
        ui.change("nav-bar", 2)
        ui.fire("theme", "change", props={"selected": ["dark"]})
        assert ui.page.theme_mode == ft.ThemeMode.DARK
        assert clinic.meta.get("theme") == "dark"


class TestBackups:
    def test_a_caseload_is_backed_up_with_its_private_key(self, clinic, settings, monkeypatch):
        from diary.services.auto_backup import backup_passphrase
        from diary.services.backup import read_backup
        from tests.backup_support import use_fast_kdf

        use_fast_kdf(monkeypatch)
        settings["ui"].click("backup-now")
        assert settings["ui"].find("backup-status").value == "Saved a backup: the caseload, its import log and this clinic's key."
        [backup] = sorted((clinic.home / "backups").glob("*"))
        opened = read_backup(backup, backup_passphrase(clinic.home))
        assert "box.key" in opened.files  # without it, no export made for this clinic could be opened
