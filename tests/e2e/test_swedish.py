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
from tests.e2e.test_accessibility import TALL, Audit, _click, _demo

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


class WelcomedSwedishPage(SwedishPage):
    welcome = True


def test_a_new_diarys_welcome_and_start_of_diary_forms_in_swedish(start_app, browser):
    """The first-run welcome and day one's start-of-diary item in Swedish at phone size, named for screen
    readers in Swedish (axe), and the shortest form started from Today's "Nu"."""
    server = start_app()
    pages = pages_of(browser, WelcomedSwedishPage)
    app = next(pages)(server.url, PHONE, "svenska-welcome-phone")
    app.see("Välkommen till din symtomdagbok")
    app.see("Din dagbok stannar på den här enheten")
    app.screenshot("welcome")
    assert app.axe() == []
    app.page.get_by_role("switch", name="Påminn mig om jag inte har loggat senast").dispatch_event("click")
    app.tap("Börja min dagbok")
    app.see("Hur har dagen varit?")
    app.see("Startformulär (4, cirka 10 minuter)")
    app.see("De ger utgångsläget som dina senare svar jämförs med.")
    app.screenshot("today-start-of-diary")
    assert app.axe() == []
    app.tap("Nu")
    app.see(re.compile(r"^Fråga 1 av \d+$"))
    app.screenshot("start-of-diary-first-question")
    assert app.axe() == []
    next(pages, None)


def test_every_patient_screen_is_named_in_swedish(tmp_path, browser, start_app):
    """axe-core's name rules on the patient's screens with the app in Swedish (390 px, tall pages): the
    accessible names, tooltips and semantics labels come from the catalogs too."""
    home = tmp_path / "patient"
    _demo(home, "demo", "--days", "120")
    server = start_app(home)
    pages = pages_of(browser, SwedishPage)
    app = next(pages)(server.url, {"width": 390, "height": TALL}, "svenska-axe-390")
    audit = Audit(app, "patient-sv-390")
    app.see("Hur har dagen varit?")
    audit("today")
    app.tab("Historik")
    app.see("Dina dagar")
    audit("history")
    app.page.get_by_text(re.compile(r"^I går, ")).first.click()
    app.see("Tillbaka till historiken")
    audit("history-day")
    app.tab("Trender")
    app.page.get_by_role("img", name=re.compile(r"^Diagram: ")).first.wait_for(timeout=60_000)
    audit("trends")
    app.tab("Mål")
    app.see("Dina mål")
    audit("goals")
    app.tap("Skatta mina mål")
    app.see("Hur långt har du kommit?")
    audit("goal-rating")
    app.tab("Formulär")
    app.see("Frågeformulär")
    audit("forms")
    _click(app, "button", re.compile(r"^(Starta|Fortsätt)"))
    audit("questionnaire")
    app.tab("Dela")
    app.see("Dela med din fysioterapeut")
    audit("share")
    app.tab("Inställningar")
    app.see("Inställningar och om appen")
    audit("settings")
    audit.finish()
    next(pages, None)
