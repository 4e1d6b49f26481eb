"""What leaves the app in Swedish: the one-page PDF (å, ä and ö searchable: the font is embedded), the
research codebook's label_sv and README.sv.md, the PHQ-9 item 9 help text, and the questionnaire forms (the
English form with a Swedish note until the clinic loads the official Swedish wording)."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from dataclasses import replace
from datetime import timedelta

import pytest

from diary.domain.instruments import gad7, phq9, phq15, rand36
from diary.i18n import in_language, use_language
from diary.reports.summary_pdf import clinician_pdf
from diary.ui.state.questionnaires import answer_view
from tests.conftest import NOW
from tests.reports.conftest import demo_record
from tests.research.conftest import export, records  # noqa: F401 - the research tests' fixtures

poppler = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdffonts")),
                             reason="poppler-utils (pdftotext, pdffonts) not installed")


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    return replace(demo_record(tmp_path_factory, days=120, seed=3, name="sv-demo"), key="k", label="Åsa Öberg")


def _pdf(record, tmp_path, language: str):
    with in_language(language):
        pdf = clinician_pdf(record, today=NOW.date(), start=NOW.date() - timedelta(weeks=12) + timedelta(days=1))
    path = tmp_path / f"summary-{language}.pdf"
    path.write_bytes(pdf)
    return path


@poppler
def test_the_swedish_pdf_keeps_a_ring_and_umlauts_searchable(record, tmp_path):
    path = _pdf(record, tmp_path, "sv")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    for words in ("Sammanfattning av symtomdagbok", "Åsa Öberg", "Självrapporterade data", "Frågeformulär",
                  "Förändring", "Utgångsläge (första)", "Smärta (senaste dygnet), trötthet, stress", "Studiens utfall",
                  "Dagboken förd", "skovdagar", "Aktivitet, minuter per vecka"):
        assert words in text, words
    assert "Symptom diary summary" not in text and "Questionnaires" not in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "DejaVu" in fonts and all(" yes " in line for line in fonts.splitlines()[2:]), fonts  # embedded


@poppler
def test_the_language_of_the_moment_decides_and_english_stays_english(record, tmp_path):
    text = subprocess.run(["pdftotext", str(_pdf(record, tmp_path, "en")), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Symptom diary summary" in text and "Sammanfattning" not in text


def test_the_cli_report_takes_lang(tmp_path, capsys):
    from diary.cli import main

    home = tmp_path / "home"
    assert main(["--home", str(home), "demo", "--days", "30"]) == 0
    out = tmp_path / "visit.pdf"
    assert main(["--home", str(home), "report", "--lang", "sv", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF") and b"Sammanfattning av symtomdagbok" in out.read_bytes()
    capsys.readouterr()


def test_a_clinician_s_pdf_follows_the_clinician_s_language(tmp_path):
    from diary.cli import main
    from diary.services.bootstrap import open_diary

    home = tmp_path / "home"
    assert main(["--home", str(home), "demo", "--days", "30"]) == 0
    opened = open_diary(home)
    opened.set_language("sv")  # Settings → Language in this home
    opened.close()
    out = tmp_path / "visit.pdf"
    assert main(["--home", str(home), "report", "--out", str(out)]) == 0
    assert b"Sammanfattning av symtomdagbok" in out.read_bytes()
    assert main(["--home", str(home), "--lang", "en", "report", "--out", str(out)]) == 0
    assert b"Symptom diary summary" in out.read_bytes()


def test_the_codebook_has_swedish_labels_and_the_data_set_a_swedish_readme(export):
    out = export()
    with open(out / "codebook.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert all(row["label_sv"] for row in rows)
    by_name = {(row["file"], row["variable"]): row for row in rows}
    pain = by_name[("daily.csv", "pain")]
    assert (pain["label"], pain["label_sv"]) == (
        "The day's pain: the 24-hour rating of the day's first check-in ('last 24 hours'); empty when not answered, "
        "whatever the momentary ratings",
        "Dagens smärta: dygnsskattningen i dagens första registrering ('senaste 24 timmarna'); tom när den inte "
        "besvarats, oavsett skattningar just nu")
    assert by_name[("daily.csv", "pain_jaw_left")]["label_sv"].startswith("Smärta i vänster käke")
    readme = (out / "README.sv.md").read_text(encoding="utf-8")
    assert readme.startswith("# ") and "Saknat värde är en tom cell" in readme and "English version: README.md" in readme
    assert "Svensk version: README.sv.md" in (out / "README.md").read_text(encoding="utf-8")


def test_the_item9_help_text_defaults_to_swedish_help_and_stays_editable(diary):
    use_language("sv")
    default = diary.questionnaires.crisis_text()
    assert "112" in default and "1177" in default and "Du har svarat" in default
    diary.questionnaires.set_crisis_text("Ring vårdcentralen i Mölndal: 031-00 00 00.")
    assert diary.questionnaires.crisis_text() == "Ring vårdcentralen i Mölndal: 031-00 00 00."
    diary.questionnaires.set_crisis_text(default)  # saving the default as shown keeps following the language
    use_language("en")
    assert diary.questionnaires.crisis_text().startswith("You said")


def _wording_file(language: str) -> bytes:
    # A made-up test wording (not any instrument's text): what a clinic's file looks like.
    return json.dumps({"instrument_id": "gad7", "language": language, "version": f"test wording ({language})",
                       "title": f"GAD-7 ({language})", "instructions": "Testinstruktion",
                       "items": [f"Testfråga {n}" for n in range(1, 8)],
                       "options": [[0, "noll"], [1, "ett"], [2, "två"], [3, "tre"]]}).encode()


def test_forms_are_english_with_a_swedish_note_until_the_clinic_loads_swedish(diary):
    forms = diary.questionnaires
    use_language("sv")
    english = forms.wording("gad7")
    view = answer_view(english, forms.start("gad7"), page_no=0, wide=False)
    assert english.language == "en" and view.language_note.startswith("Formuläret visas på engelska")
    forms.add_wording(_wording_file("sv"))
    swedish = forms.wording("gad7")
    assert swedish.language == "sv" and swedish.items[0] == "Testfråga 1"
    assert answer_view(swedish, forms.start("gad7"), page_no=0, wide=False).language_note is None
    use_language("en")
    assert forms.wording("gad7").language == "en"  # the built-in English form again


def test_each_free_instrument_cites_its_official_swedish_version():
    for module in (phq9, phq15, gad7, rand36):
        assert module.OFFICIAL_SWEDISH and "Swedish" in module.__doc__ and "wording file" in module.__doc__
