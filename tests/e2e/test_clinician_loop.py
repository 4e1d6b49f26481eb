"""The physiotherapist loop in two browsers: a patient pairs with a clinician (the same safety number on
both screens), logs a week, rates goals and exports (a download); the clinician imports the file (the
browser's file chooser), sees the patient in the caseload with the right figures, re-imports it (nothing
changes), imports a newer export (it replaces the older one) and the older one again (superseded).

The patient's app runs at phone size, the clinician's at desktop size; then the clinician's screens are
opened at phone size too. Screenshots of every clinician screen go to test-artifacts/.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest

from diary.exchange.keys import decode_public_key, safety_number
from tests.e2e.conftest import DESKTOP, PHONE, AppPage, AppServer, pages_of

pytestmark = pytest.mark.e2e


def diary_cli(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "diary", *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


class ClinicianServer(AppServer):
    """`diary --home HOME --clinician --port PORT --no-browser`: the clinician's app (and home)."""

    def __init__(self, home: Path):
        real = subprocess.Popen

        def popen(command, **options):
            return real([*command[:3], "--clinician", *command[3:]], **options)

        with mock.patch.object(subprocess, "Popen", popen):
            super().__init__(home)


class ClinicianPage(AppPage):
    """A tab on the clinician's app: Caseload, Import and Settings are always in the bar or rail."""

    def open(self) -> None:
        self.page.goto(self.url)
        self.page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=60_000)
        self.page.evaluate("document.querySelector('flt-semantics-placeholder').click()")
        self.nav("Caseload").wait_for(timeout=60_000)

    def tab(self, name: str) -> None:
        self.nav(name).dispatch_event("click")

    def import_files(self, *paths: Path) -> None:
        with self.page.expect_file_chooser() as chooser:
            self._settled(self.button("Choose export files")).click()
        chooser.value.set_files([str(p) for p in paths])


@pytest.fixture
def clinician_pages(browser):
    yield from pages_of(browser, ClinicianPage)


def export_from_share(patient: AppPage, target: Path) -> None:
    patient.tab("Share")
    with patient.page.expect_download() as download:
        patient.tap("Make the encrypted file")
    download.value.save_as(target)
    patient.see("Your export is ready")


def caseload_json(home: Path) -> list[dict]:
    return json.loads(diary_cli("--home", str(home), "--clinician", "caseload", "--json"))["patients"]


def test_pair_export_import_and_review(tmp_path, start_app, app_page, clinician_pages):
    patient_home, clinic_home, files = tmp_path / "patient", tmp_path / "clinic", tmp_path / "files"
    files.mkdir()
    diary_cli("--home", str(patient_home), "demo", "--days", "7")
    patient_server = start_app(patient_home)
    clinic_server = ClinicianServer(clinic_home)
    try:
        patient_key = diary_cli("--home", str(patient_home), "key").split()[0]
        clinic_key = diary_cli("--home", str(clinic_home), "--clinician", "key").split()[0]
        number = safety_number(decode_public_key(patient_key), decode_public_key(clinic_key))

        patient = app_page(patient_server.url, PHONE, "loop-patient-phone")
        clinic = clinician_pages(clinic_server.url, DESKTOP, "loop-clinic-desktop")

        # An empty caseload says how to begin.
        clinic.see("No patients yet")
        clinic.screenshot("caseload-empty")

        # Pairing, in person: each side enters the other's key and both screens show the same number.
        clinic.tab("Settings")
        clinic.see("Your clinic's key")  # the key's text itself is selectable, so not in the accessibility tree
        clinic.screenshot("settings")
        patient.tab("Share")
        patient.tap("Pair with a physiotherapist")
        patient.fill("Physiotherapist's key", clinic_key)
        patient.tap("Check the key")
        patient.see("Compare the safety number")  # the patient's number is selectable text: see the screenshot;
        patient.screenshot("safety-number")       # tests/ui/test_share.py checks its digits in-process
        clinic.fill("Patient's key", patient_key)
        clinic.fill("Label for the patient", "Anna L.")
        clinic.tap("Check the key")
        clinic.see(number)
        clinic.screenshot("safety-number")
        clinic.tap("The numbers match: pair")
        clinic.see("Paired with Anna L.. Their exports can now be imported.")
        patient.tap("The numbers match: pair")
        patient.see("Paired with Physiotherapist")

        # The patient rates their goals (on top of the demo week) and exports: a download.
        patient.tab("Goals")
        patient.tap("Rate my goals")
        patient.tap("Walk to work again: 0  Walks to work 3 days a week")
        patient.tap("Stretch every morning: Fully attained")
        patient.tap("Save ratings")
        patient.see("Saved 2 ratings.")
        first = files / "export-1.diary"
        export_from_share(patient, first)
        patient.screenshot("exported")

        # The clinician imports it through the browser's file chooser.
        clinic.tab("Import")
        clinic.import_files(first)
        clinic.see("export-1.diary: Imported")
        clinic.see("1 imported.")
        clinic.screenshot("imported")

        # The caseload: Anna with her figures.
        days = json.loads(diary_cli("--home", str(patient_home), "info", "--json"))["days_logged"]
        [row] = caseload_json(clinic_home)
        clinic.tab("Caseload")
        clinic.see("Anna L.")
        clinic.see(f"{days} of 14")
        clinic.see("Walk to work again: Fully attained")
        clinic.see(f"PHQ-15 {row['phq15']:g}")  # the demo week has one PHQ-15
        clinic.see("Main goal fully attained: 1 of 1 (100%) of patients with a main goal · 1 of 1 (100%) of those rated")
        clinic.screenshot("caseload")
        assert row["label"] == "Anna L." and row["days_logged_14"] == days

        # Her page: goals, and the physio's own rating of the main goal.
        clinic.tap("Anna L.")
        clinic.see("Walk to work again")
        clinic.see("From the patient's ratings: main goal fully attained (level 0)", timeout=20_000)
        clinic.screenshot("patient")
        clinic.page.get_by_role("button", name=re.compile(r"^Add your rating")).first.dispatch_event("click")
        clinic.tap("Walk to work again: +1  Walks to work 4 days a week")
        clinic.screenshot("rating-form")
        clinic.tap("Save my rating")
        clinic.see("Saved your rating of \"Walk to work again\": Fully attained (level +1")
        clinic.see("You (this clinic)")
        clinic.screenshot("patient-rated")
        clinic.see("Pain averaged", timeout=30_000)
        clinic.page.get_by_role("img", name=re.compile(r"^Chart: ")).first.wait_for(timeout=30_000)
        clinic.page.wait_for_timeout(1500)  # the charts were drawn again with the new rating
        clinic.scroll(1400)
        clinic.screenshot("patient-charts")
        clinic.tap("Back to the caseload")

        # The same file again changes nothing.
        before = caseload_json(clinic_home)
        clinic.tab("Import")
        clinic.import_files(first)
        clinic.see("export-1.diary: Already here")
        assert caseload_json(clinic_home) == before

        # A newer export replaces the older one; the older one again is superseded.
        second = files / "export-2.diary"
        export_from_share(patient, second)
        clinic.import_files(second)
        clinic.see("export-2.diary: Newer export: replaced the older one")
        clinic.import_files(first)
        clinic.see("export-1.diary: Superseded: a newer export is already here (older export)")
        clinic.see("Import log")
        clinic.screenshot("import-log")
        [after] = caseload_json(clinic_home)
        assert after["days_logged_14"] == days and after["exported_at"] >= before[0]["exported_at"]

        # The clinician's screens at phone size.
        phone = clinician_pages(clinic_server.url, PHONE, "loop-clinic-phone")
        phone.see("Anna L.")
        phone.page.wait_for_timeout(2000)  # a new tab paints its first frame a moment after its accessibility tree
        phone.screenshot("caseload")
        phone.tap("Anna L.")
        phone.see("Walk to work again")
        phone.screenshot("patient")
        phone.page.get_by_role("button", name=re.compile(r"^Add your rating")).first.dispatch_event("click")
        phone.see("Your rating of \"Walk to work again\"")
        phone.screenshot("rating-form")
        phone.tab("Import")
        phone.see("Import log")
        phone.screenshot("import")
        phone.tab("Settings")
        phone.see("Your clinic's key")
        phone.screenshot("settings")
        patient.check()
    finally:
        clinic_server.stop()
