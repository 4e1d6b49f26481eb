"""Today's, Goals' and pairing's views as frozen values, without Flet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from diary.domain.entries import CheckIn
from diary.ui import text as T
from diary.ui.clinician import text as CT
from diary.ui.clinician.pairing_card import CLINICIAN_SIDE
from diary.ui.screens.share import PATIENT_SIDE
from diary.ui.state.goals import read_goals
from diary.ui.state.pairing import compare, done_message, input_problem
from diary.ui.state.today import DueForm, read_today, today_state

TODAY = date(2026, 3, 15)
TZ = timezone(timedelta(hours=1))


class TestToday:
    def test_a_blank_form_before_the_first_checkin_then_todays_for_correcting(self):
        blank = today_state(today=TODAY, existing=[], extra=False, due_forms=(), rating_due=False,
                            reminder_due=True, last_export=None)
        assert blank.form.checkin_id is None and not blank.logged_today and blank.heading == T.TODAY_HEADING
        saved = CheckIn.create(day=TODAY, recorded_at=datetime(2026, 3, 15, 9, tzinfo=TZ), pain=4)
        again = today_state(today=TODAY, existing=[saved], extra=False, due_forms=(DueForm("phq15", "PHQ-15"),),
                            rating_due=True, reminder_due=False, last_export="Last exported 12 Mar")
        assert again.form.checkin_id == saved.id and again.logged_today and again.due_forms[0].name == "PHQ-15"
        extra = today_state(today=TODAY, existing=[saved], extra=True, due_forms=(), rating_due=False,
                            reminder_due=False, last_export=None)
        assert extra.form.extra and not extra.logged_today and extra.heading == T.EXTRA_HEADING

    def test_read_from_a_fresh_diary(self, diary):
        state = read_today(diary)
        assert not state.logged_today and state.last_export is None and not state.reminder_due
        # Day one: the four never-answered questionnaires are one start-of-diary item, not four.
        assert state.due_forms == () and state.baseline.line == "Start-of-diary questionnaires (4, about 10 minutes)"
        assert state.baseline.first == "gad7" and not state.more_forms_due  # the shortest first
        assert not read_today(diary, forms=False).due_forms and read_today(diary, forms=False).baseline is None
        diary.questionnaires.postpone_baseline()  # "Later": gone until tomorrow
        assert read_today(diary).baseline is None and read_today(diary).due_forms == ()

    def test_never_more_than_two_questionnaires_on_today(self):
        def due(*ids, new=False):
            return tuple(DueForm(i, i.upper(), 10, new) for i in ids)

        state = today_state(today=TODAY, existing=[], extra=False, due_forms=due("phq15", "phq9", "gad7"),
                            rating_due=False, reminder_due=False, last_export=None)
        assert [d.instrument_id for d in state.due_forms] == ["phq15", "phq9"] and state.more_forms_due
        mixed = today_state(today=TODAY, existing=[], extra=False, rating_due=False, reminder_due=False,
                            last_export=None, due_forms=due("phq15") + due("hads", "ssd12", new=True))
        assert mixed.baseline.count == 2 and mixed.baseline.minutes == 3 and [d.instrument_id for d in
                                                                              mixed.due_forms] == ["phq15"]
        one_new = today_state(today=TODAY, existing=[], extra=False, rating_due=False, reminder_due=False,
                              last_export=None, due_forms=due("phq15", "phq9") + due("hads", new=True))
        assert one_new.baseline is None and len(one_new.due_forms) == 2 and one_new.more_forms_due


def test_goals_view_orders_each_main_goal_before_its_steps(diary):
    walk = diary.goals.add_goal(type="main", title="Walk to work")
    step = diary.goals.add_goal(type="intermediate", title="Walk 10 minutes", main_goal_id=walk.id)
    view = read_goals(diary.goals)
    [(main, steps)] = view.trees
    assert main.main and main.goal.id == walk.id and [s.goal.id for s in steps] == [step.id]
    assert view.goals == [main.goal, steps[0].goal] and main.rating == T.NOT_RATED
    assert view.t_score == T.T_SCORE_NONE and not view.rating_due


@dataclass
class Preview:
    safety_number: str = "12345 67890"
    fingerprint: str = "ab" * 32
    paired_as: str | None = None


@dataclass
class Paired:
    outcome: str
    label: str


class TestPairingSteps:
    def test_the_key_is_needed_first(self):
        assert input_problem(PATIENT_SIDE, "", "") == T.KEY_EMPTY
        assert input_problem(CLINICIAN_SIDE, "DIARY-SIG1:X", "") is None

    def test_a_clinician_must_name_the_patient_and_is_told_the_name(self):
        assert compare(CLINICIAN_SIDE, "K", "", Preview()) == CT.LABEL_EMPTY
        step = compare(CLINICIAN_SIDE, "K", "Anna L.", Preview())
        assert step.label_line == 'They will be "Anna L." in your caseload.' and step.safety_number == "12345 67890"
        known = compare(CLINICIAN_SIDE, "K", "Anna", Preview(paired_as="Anna L."))
        assert known.label_line == 'This key is already paired as "Anna L.".'

    def test_a_patient_may_leave_the_label_as_it_is(self):
        step = compare(PATIENT_SIDE, "K", "", Preview())
        assert step.label is None and step.label_line is None
        assert step.fingerprint_line == T.COMPARE_FINGERPRINT.format(fp="ab" * 8)

    def test_what_pairing_did(self):
        assert done_message(PATIENT_SIDE, Paired("paired", "Physio")) == T.PAIRED.format(label="Physio")
        assert done_message(CLINICIAN_SIDE, Paired("re_paired", "Anna")) == CT.RE_PAIRED.format(label="Anna")
