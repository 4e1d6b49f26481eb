"""Across runtimes: the phone app (Pyodide, libsodium.js, IndexedDB) pairs with a physiotherapist whose
caseload is a desktop home, exports (a download), and `diary --clinician import` on the desktop (PyNaCl)
takes the file unchanged: the caseload shows the phone's day, its PHQ-15 and its goal rating.

The safety number the phone shows is the desktop's for the same two keys: the phone's key is read from its
Share screen, the clinic's from `diary --clinician key`.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date

import pytest

from diary.exchange.keys import decode_public_key, safety_number

pytestmark = pytest.mark.e2e
KEY = re.compile(r"DIARY-SIG1:[A-Z2-7]+")


def diary_cli(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "diary", *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_an_export_made_on_the_phone_is_imported_by_the_desktop_caseload(pwa_site, open_pwa, tmp_path):
    clinic = tmp_path / "clinic"
    clinic_key = diary_cli("--home", str(clinic), "--clinician", "key").split()[0]
    phone = open_pwa("pwa-cross-runtime", None, pwa_site.url)
    phone.open()

    phone.tap("Pain 7")
    phone.tap("Neck, not painful")
    phone.tap("Save")
    phone.see("Saved today: pain 7, 1 painful area")
    phone.answer_phq15(lambda question: "Not bothered at all" if question % 2 else "Bothered a little")
    phone.see("Score 8 of 30")
    phone.tab("Goals")
    phone.tap("Add a main goal")
    phone.fill("Goal", "Walk to the shop")
    phone.tap("Save")
    phone.tap("Rate my goals")
    phone.tap("Walk to the shop: Fully attained")
    phone.tap("Save ratings")
    phone.see("Saved 1 rating")

    # Pairing: the phone's key to the clinic (the command line), the clinic's key to the phone.
    phone.tab("Share")
    own_key = phone.page.get_by_text(KEY).last  # selectable text: in the page as text, not as a label
    for _ in range(8):  # the key card is at the bottom; Flutter lists only what is near the screen
        if own_key.count():
            break
        phone.scroll(500)
    phone_key = KEY.search(own_key.text_content())[0]
    phone.scroll(-4000)
    diary_cli("--home", str(clinic), "--clinician", "pair", phone_key, "--label", "Phone patient")
    number = safety_number(decode_public_key(phone_key), decode_public_key(clinic_key))
    phone.tap("Pair with a physiotherapist")
    phone.fill("Physiotherapist's key", clinic_key)
    phone.tap("Check the key")
    phone.see(number)  # the same safety number as the desktop's for these two keys
    phone.screenshot("safety-number")
    phone.tap("The numbers match: pair")
    phone.see("Paired with Physiotherapist")

    with phone.page.expect_download(timeout=60_000) as download:
        phone.tap("Make the encrypted file")
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    phone.see("Your export is ready")
    phone.screenshot("exported")

    imported = diary_cli("--home", str(clinic), "--clinician", "import", str(exported))
    assert ": imported - Imported Phone patient's export" in imported, imported
    caseload = json.loads(diary_cli("--home", str(clinic), "--clinician", "caseload", "--json"))
    [row] = caseload["patients"]
    assert row["label"] == "Phone patient" and row["days_logged_14"] == 1
    assert row["last_day"] == date.today().isoformat() and row["phq15"] == 8
    assert row["main_goal"] == "Walk to the shop" and row["main_goal_category"] == "fully"
    assert caseload["trial_figure"]["main_fully_itt"]["k"] == caseload["trial_figure"]["patients"] == 1
    phone.check()
