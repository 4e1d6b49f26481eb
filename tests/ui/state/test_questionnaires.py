"""The Questionnaires screen's views (list, one page of answering, a result) from the service's answers,
without Flet."""

from __future__ import annotations

from diary.ui.state.questionnaires import PHQ15_ITEM4, answer_view, forms_settings_view, read_forms_list, result_view


class TestFormsList:
    def test_every_administrable_form_with_what_is_due_and_a_draft_to_resume(self, diary):
        forms = read_forms_list(diary.questionnaires)
        assert [r.instrument_id for r in forms.rows] == ["phq15", "phq9", "gad7", "rand36"]
        assert all(r.due and r.action == "Start" and r.latest is None for r in forms.rows)
        assert forms.due_line == "Due now: PHQ-15, PHQ-9, GAD-7, RAND-36"
        draft = diary.questionnaires.start("phq9")
        diary.questionnaires.answer(draft.id, 0, 2)
        row = next(r for r in read_forms_list(diary.questionnaires).rows if r.instrument_id == "phq9")
        assert row.action == "Resume (1 of 9 answered)"


class TestAnswering:
    def test_a_phone_gets_one_question_a_page_and_phq15_item_4_can_be_left_out(self, diary):
        q = diary.questionnaires
        response, wording = q.start("phq15"), q.wording("phq15")
        page = answer_view(wording, response, page_no=PHQ15_ITEM4, wide=False)
        assert page.position == "Question 4 of 15" and not page.first and not page.last
        [item] = page.items
        assert item.index == PHQ15_ITEM4 and item.text.startswith("4. ")
        assert item.not_applicable is not None and not item.not_applicable.chosen
        assert [o.key for o in item.options][:1] == ["q-option-3-0"] and not any(o.chosen for o in item.options)
        last = answer_view(wording, response, page_no=14, wide=False)
        assert last.last and last.items[0].not_applicable is None

    def test_a_wide_screen_gets_the_whole_form_and_each_group_stem_once(self, diary):
        q = diary.questionnaires
        response, wording = q.start("phq15"), q.wording("phq15")
        response = q.answer(response.id, 0, 1)
        page = answer_view(wording, response, page_no=0, wide=True)
        assert page.position is None and page.last and len(page.items) == 15 and page.answered == 1
        assert page.items[0].options[1].chosen
        stems = [item.stem for item in page.items if item.stem]
        assert len(stems) == len(set(stems))


def test_a_result_with_its_band_change_and_history(diary):
    q = diary.questionnaires
    response = q.start("gad7")
    for i in range(7):
        response = q.answer(response.id, i, 1)
    done = q.complete(response.id)
    view = result_view(done, q.history("gad7"))
    assert (view.name, view.score, view.band) == ("GAD-7", "Score 7 of 21", "Mild")
    assert view.change == "This is your first GAD-7; later results will show the change."
    assert view.earlier == ()  # the result just shown is not an earlier one
    again = q.start("gad7")
    for i in range(7):
        again = q.answer(again.id, i, 2)
    second = result_view(q.complete(again.id), q.history("gad7"))
    assert second.earlier == ("15 Mar 2026: Score 7 of 21 · Mild",)


def test_settings_rows_keep_a_custom_interval(diary):
    view = forms_settings_view({"phq15": (10, True), "phq9": (14, False)}, [])
    phq15, phq9 = view.schedule
    assert (10, "Every 10 days") in phq15.choices and (7, "Every week") in phq15.choices
    assert not phq9.enabled and view.wordings == ()
