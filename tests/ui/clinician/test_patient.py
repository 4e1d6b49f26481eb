"""A patient's page: goals with every rating and the T-score, the physio's own rating (kept apart and
marked as theirs), the plan's adherence, charts with their sentences, questionnaire bands, the PDF."""

from __future__ import annotations

import pytest

from diary.domain.goals import Rater
from diary.ui.clinician.patient import PatientScreen
from tests.conftest import NOW


@pytest.fixture
def anna(clinic, patients):
    patients.add("Anna L.", days=60, seed=4)
    patients.send("Anna L.")
    return clinic.patient_record("Anna L.")


class Saver:
    def __init__(self, result="/home/physio/summary.pdf", fail=False):
        self.result, self.fail, self.calls = result, fail, []

    async def __call__(self, pdf, name):
        self.calls.append((pdf, name))
        if self.fail:
            raise RuntimeError("no zenity")
        return self.result


@pytest.fixture
def page(clinic, anna, screen):
    """The patient page alone; `page(saver)` opens it."""
    backs = []

    def open_(saver=None, label="Anna L."):
        ui = screen(lambda: PatientScreen(clinic, label, on_back=lambda: backs.append(1), dark=False,
                                          save_pdf=saver or Saver()))
        ui.backs = backs
        return ui
    return open_


def main_goal(record):
    return next(g for g in record.goals if g.type.value == "main")


class TestGoals:
    def test_every_goal_with_its_ratings_newest_first_and_the_t_score(self, page, anna):
        ui = page()
        assert ui.find("patient-label").value == "Anna L."
        assert ui.find("patient-export").value == ("Latest export made 15 Mar, covering everything to 15 Mar; "
                                                   "imported 15 Mar.")
        goal = main_goal(anna)
        latest = max((r for r in anna.ratings if r.goal_id == goal.id), key=lambda r: (r.rated_on, r.recorded_at))
        first_line = ui.find(f"rating-{goal.id}-0").value
        assert first_line.startswith(f"{latest.rated_on.strftime('%-d %b')} · Patient · ")
        # issue 15 §3: one rater (the trial rule's), the main goal's level apart from the steps' T-score
        assert ui.find("patient-t-score").value.startswith("From the patient's ratings: main goal ")
        assert "T-score of the intermediate goals" in ui.find("patient-t-score").value
        assert "physiotherapist –. The main goal is reported on its own" in ui.find("patient-t-score-by").value

    def test_long_histories_fold_to_the_latest_five(self, page, anna):
        ui = page()
        goal = main_goal(anna)
        total = sum(r.goal_id == goal.id for r in anna.ratings)
        assert total > 5
        with pytest.raises(AssertionError):
            ui.find(f"rating-{goal.id}-5")
        ui.click(f"more-ratings-{goal.id}")
        ui.find(f"rating-{goal.id}-{total - 1}")
        ui.click(f"more-ratings-{goal.id}")
        with pytest.raises(AssertionError):
            ui.find(f"rating-{goal.id}-5")

    def test_the_physio_adds_their_own_rating_kept_apart_and_marked_as_theirs(self, page, anna, clinic):
        ui = page()
        goal = main_goal(anna)
        ui.click(f"rate-{goal.id}")
        ui.click("physio-save")
        assert ui.find("physio-status").value == "Choose a level first."
        ui.click("physio-1")
        ui.type("physio-comment", "Walked in today")
        ui.click("physio-save")
        assert ui.find("patient-notice-text").value.startswith(f"Saved your rating of \"{goal.title}\": Fully attained")
        [mine] = clinic.caseload.clinician_ratings("Anna L.")
        assert (mine.level, mine.rater, mine.rated_on, mine.comment) == (1, Rater.PHYSIOTHERAPIST, NOW.date(),
                                                                          "Walked in today")
        assert ui.find(f"rating-{goal.id}-0").value == (f"15 Mar · You (this clinic) · Fully attained (level +1: "
                                                        f"{goal.levels[1]})")
        # the physio rated the main goal: from now on the headline is theirs (they rated no step: no T-score)
        assert ui.find("patient-t-score").value == ("From the physiotherapist's ratings: main goal fully attained "
                                                    "(level +1) · T-score of the intermediate goals – (50 = as expected)")
        # a later import of the patient's export leaves it alone
        assert any(r.id == mine.id for r in clinic.patient_record("Anna L.").ratings)

    def test_a_bad_or_future_date_is_refused_with_a_sentence(self, page, anna, clinic):
        ui = page()
        goal = main_goal(anna)
        ui.click(f"rate-{goal.id}")
        ui.click("physio-0")
        ui.type("physio-date", "15/03/2026")
        ui.click("physio-save")
        assert ui.find("physio-status").value == "The date must look like 2026-03-15 (got 15/03/2026)."
        ui.type("physio-date", "2026-04-01")
        ui.click("physio-save")
        assert "in the future" in ui.find("physio-status").value
        assert clinic.caseload.clinician_ratings("Anna L.") == []
        ui.click("physio-cancel")
        with pytest.raises(AssertionError):
            ui.find("rate-form")


class TestPlanChartsQuestionnaires:
    def test_the_plan_with_weekly_adherence(self, page, anna):
        ui = page()
        activity = anna.plan[0]
        assert ui.find(f"plan-{activity.id}-week-0").value.startswith("Week of 9 Mar: ")
        assert ui.find(f"plan-{activity.id}-week-3").value.startswith("Week of 16 Feb: ")

    def test_charts_with_their_sentences_and_periods(self, page):
        ui = page()
        for name in ("pain", "fatigue", "stress", "activity", "phq15"):
            assert ui.find(f"chart-summary-{name}").value
            assert ui.find(f"chart-image-{name}").src[:4] == b"\x89PNG"
        assert "last 4 weeks" in ui.find("chart-summary-pain").value
        ui.fire("patient-period", "change", props={"selected": ["3m"]})
        # Anna's diary is younger than 3 months: the charts start at her first day, and say how long that is.
        assert "over the last 61 days" in ui.find("chart-summary-pain").value

    def test_questionnaire_scores_with_bands(self, page, anna):
        ui = page()
        latest = ui.find("questionnaire-phq15-latest").value
        assert "(" in latest and " on " in latest  # "11 (medium) on 12 Mar"
        assert "PHQ-15" in ui.texts()


class TestPdf:
    def test_the_one_page_pdf_is_handed_to_the_save_dialog(self, page):
        saver = Saver()
        ui = page(saver)
        ui.click("patient-pdf")
        [(pdf, name)] = saver.calls
        assert pdf.startswith(b"%PDF") and name == "summary-anna-l-2026-03-15.pdf"
        assert ui.find("pdf-status").value == "Saved the summary as /home/physio/summary.pdf."

    def test_cancelled_downloaded_or_no_dialog(self, page, clinic):
        ui = page(Saver(result=None))
        ui.click("patient-pdf")
        assert ui.find("pdf-status").value == "Not saved."
        ui = page(Saver(result=""))
        ui.click("patient-pdf")
        assert ui.find("pdf-status").value == "The summary was handed to your browser as summary-anna-l-2026-03-15.pdf."
        ui = page(Saver(fail=True))
        ui.click("patient-pdf")
        saved = clinic.home / "exports" / "summary-anna-l-2026-03-15.pdf"
        assert ui.find("pdf-status").value.endswith(str(saved)) and saved.read_bytes().startswith(b"%PDF")

    def test_in_the_app_the_dialog_gets_the_bytes(self, clinic, anna, open_clinic):
        saved = {}

        def save_file(args):
            saved.update(args)
            return "/sdcard/summary.pdf"

        ui = open_clinic(clinic, invoke_results={"save_file": save_file})
        ui.click("open-Anna L.")
        ui.click("patient-pdf")
        assert bytes(saved["src_bytes"]).startswith(b"%PDF")
        assert saved["file_name"] == "summary-anna-l-2026-03-15.pdf"
        assert ui.find("pdf-status").value == "Saved the summary as /sdcard/summary.pdf."


def test_a_patient_that_is_gone_says_so(page):
    ui = page(label="Nobody")
    assert ui.find("patient-gone").value == "This patient is no longer in the caseload."
    ui.click("back-to-caseload")
    assert ui.backs == [1]
