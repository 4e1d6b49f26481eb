"""Questionnaire screen handlers, in-process: answering on a phone and a desktop, drafts, results,
the PHQ-9 item 9 help page, and Today's due prompts."""

from diary.domain.instruments import INSTRUMENTS
from tests.ui.conftest import open_screen



def open_forms(ui):
    open_screen(ui, "forms")


class TestPhone:
    def test_phq15_one_question_per_page_then_result(self, ui, diary):
        open_forms(ui)
        ui.click("q-start-phq15")
        assert ui.find("q-position").value == "Question 1 of 15"
        assert "7 days" in ui.find("q-instructions").value
        for i in range(15):
            key = "q-option-3-na" if i == 3 else f"q-option-{i}-1"
            ui.click(key)
        ui.click("q-finish")
        assert ui.find("q-result-score").value == "Score 14 of 30"
        # PHQ-15 bands: minimal, low, medium, high; asked weekly, so with the 4-week caveat (issue 15 §4)
        assert ui.find("q-result-band").value == "Medium (bands validated for the 4-week version)"
        [done] = diary.questionnaires.history("phq15")
        assert done.options["exclude_item4"] and done.answers[3] is None and done.result.total == 14.0

    def test_leave_and_resume_keeps_answers(self, ui, diary):
        open_forms(ui)
        ui.click("q-start-gad7")
        ui.click("q-option-0-2")
        ui.click("q-option-1-3")
        ui.click("q-leave")
        assert ui.find("forms-message").value == "Your answers are kept; continue any time."
        assert ui.find("q-start-gad7").content == "Resume (2 of 7 answered)"
        ui.click("q-start-gad7")
        assert ui.find("q-position").value == "Question 3 of 7"
        ui.click("q-back")
        assert "selected" in ui.find("q-option-1-3").content.semantics_label

    def test_item9_shows_help_at_once_and_flags(self, ui, diary):
        open_forms(ui)
        ui.click("q-start-phq9")
        for i in range(9):
            ui.click(f"q-option-{i}-{1 if i == 8 else 0}")
        ui.click("q-finish")
        assert "emergency" in ui.find("crisis-text").value
        ui.click("crisis-continue")
        assert ui.find("q-result-band").value == "Minimal"
        assert "item9_positive" in diary.questionnaires.history("phq9")[0].result.flags

    def test_change_since_first_time(self, ui, diary, clock):
        from datetime import timedelta

        q = diary.questionnaires
        r = q.start("gad7")
        for i in range(7):
            r = q.answer(r.id, i, 2)
        q.complete(r.id)
        clock.now += timedelta(days=14)
        open_forms(ui)
        ui.click("q-start-gad7")
        for i in range(7):
            ui.click(f"q-option-{i}-1")
        ui.click("q-finish")
        assert ui.find("q-result-change").value.startswith("−7 since your first time (14 on")

    def test_finish_without_answers_says_what_to_do(self, open_ui, diary):
        ui = open_ui(width=1280, height=800)
        open_screen(ui, "forms", rail=True)
        ui.click("q-start-gad7")
        ui.click("q-finish")
        assert ui.find("q-error").value == "Answer at least one question before finishing."


class TestDesktop:
    def test_whole_form_on_wide_screens(self, open_ui, diary):
        ui = open_ui(width=1280, height=800)
        open_screen(ui, "forms", rail=True)
        ui.click("q-start-rand36")
        for i in range(36):
            assert ui.find(f"q-item-{i}")
        ui.click("q-option-0-1")
        ui.click("q-finish")
        assert diary.questionnaires.history("rand36")[0].answers[0] == 1


class TestTodayPrompts:
    def test_the_start_of_diary_questionnaires_are_one_item_with_now_and_later(self, ui, open_ui, diary):
        assert ui.find("baseline-line").value == "Start-of-diary questionnaires (4, about 10 minutes)"
        ui.click("baseline-now")  # the shortest first
        assert ui.find("q-position").value == "Question 1 of 7"
        again = open_ui()
        again.click("baseline-later")
        assert "Start-of-diary questionnaires (4, about 10 minutes)" not in again.texts()

    def test_due_questionnaires_are_offered_on_today(self, open_ui, diary, clock):
        from datetime import timedelta

        for instrument in ("phq15", "phq9", "gad7", "rand36"):  # the baseline done a month ago: all due again
            first = 1 if instrument == "rand36" else 0  # RAND-36 answers start at 1
            diary.questionnaires.record_completed(instrument, [first] * INSTRUMENTS[instrument].n_items,
                                                  at=clock() - timedelta(days=100))
        ui = open_ui()
        assert ui.find("forms-prompt") and ui.find("forms-more")  # two on Today, the rest on Questionnaires
        assert len(ui.find_all(lambda c: str(getattr(c, "key", "")).startswith("start-form-"))) == 2
        ui.click("start-form-gad7")
        assert ui.find("q-position").value == "Question 1 of 7"
