"""The app in Swedish, in a real browser at phone size (390×844): a browser whose language is Swedish gets
the app in Swedish with nothing chosen. Log a day, answer PHQ-15 (its English form with the Swedish note),
rate a goal, and make the PDF for a visit, whose text is Swedish with å, ä and ö intact."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e.conftest import ARTIFACTS, PHONE, AppPage, pages_of

pytestmark = pytest.mark.e2e


class SwedishPage(AppPage):
    LOCALE = "sv-SE"
    TODAY, MORE = "I dag", "Mer"
    SKIP, WELCOME, TODAY_HEADING = "Hoppa över", "Välkommen till din symtomdagbok", "Hur har dagen varit?"


@pytest.fixture
def swedish_page(browser):
    yield from pages_of(browser, SwedishPage)


def test_a_day_a_form_a_goal_and_the_pdf_in_swedish(start_app, swedish_page, tmp_path):
    server = start_app()
    app = swedish_page(server.url, PHONE, "svenska-phone")
    app.see("Hur har dagen varit?")

    # Log a day.
    app.tap("Smärta 6")
    app.tap("Nacke, gör inte ont")
    app.button("Nacke, gör ont").wait_for()
    app.screenshot("today")
    app.tap("Stress 4")
    app.tap("Spara")
    app.see("Sparade i dag: smärta 6, stress 4, 1 område med smärta.")
    app.screenshot("today-saved")

    # PHQ-15: the form's licensed English wording, a Swedish note, our own words in Swedish.
    app.see("Startformulär (4, cirka 10 minuter)")  # day one: the four never-answered forms as one item
    app.tab("Formulär")
    app.page.get_by_role("button", name="Starta").first.dispatch_event("click")  # PHQ-15 comes first
    app.see("Fråga 1 av 15")
    app.see("Formuläret visas på engelska")
    app.screenshot("phq15-question")
    for question in range(15):
        app.see(f"Fråga {question + 1} av 15")
        app.tap("Gäller inte mig" if question == 3 else "Bothered a little")
    app.tap("Avsluta och se min poäng")
    app.see("Poäng 14 av 30")
    app.see("Medel")
    app.screenshot("phq15-result")

    # A goal, rated.
    app.tab("Mål")
    app.tap("Lägg till ett huvudmål")
    app.fill(re.compile(r"^Mål(?!datum)"), "Gå till jobbet igen")  # not "Måldatum", the target date's field
    app.tap("Spara")
    app.see("Sparade målet \"Gå till jobbet igen\".")
    app.tap("Skatta mina mål")
    app.tap("Gå till jobbet igen: Delvis uppnått")
    app.tap("Spara skattningarna")
    app.see("Sparade 1 skattning.")
    app.screenshot("goal-rated")

    # The PDF for the visit, from Trends: a download whose text is Swedish.
    app.tab("Trender")
    app.see("Inför ditt besök", timeout=30_000)
    app.screenshot("trends")
    with app.page.expect_download(timeout=60_000) as download:
        app.tap("PDF inför mitt besök")
    pdf = tmp_path / "besok.pdf"
    download.value.save_as(pdf)
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(pdf, ARTIFACTS / "svenska-phone-visit.pdf")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        for words in ("Sammanfattning av symtomdagbok", "Självrapporterade data", "Gå till jobbet igen",
                      "Frågeformulär", "Förändring", "Dagboken förd"):
            assert words in text, words
    for _ in range(8):  # the status line ("… lämnades till din webbläsare …") is at the foot of the screen;
        app.scroll(1500)  # it is not in the accessibility tree by name, so the screenshot shows it
    app.screenshot("pdf-made")
    app.check()

