"""The caseload rows and flags, sorting and filtering, the trial figure, the physio's own ratings, and
patients as PatientRecords — all from real exports of small patient homes."""

from __future__ import annotations

import inspect
from datetime import datetime, time, timedelta

import pytest

from diary.domain.errors import NotFound, ValidationFailed
from diary.domain.goal_progress import Trend
from diary.domain.trial import Assessment, IntermediateResult, MainResult, patient_outcome, trial_figure
from diary.domain.goals import Category, Rater
from diary.services.bootstrap import open_diary
from diary.services.demo_caseload import fill_demo_caseload

from tests.conftest import NOW, FixedClock
from tests.services.exchange_fixtures import clinic, pair_homes  # noqa: F401

TODAY = NOW.date()


def at(days_ago: int, hour: int = 20) -> datetime:
    return datetime.combine(TODAY - timedelta(days=days_ago), time(hour), tzinfo=NOW.tzinfo)


def phq15(total: int) -> list[int]:
    return [1] * total + [0] * (15 - total)


def enrol(tmp_path, clinic, label: str, *, exported_days_ago: int = 0):
    """A patient home paired with the clinic; returns (home, clock, export-and-import function)."""
    clock = FixedClock(NOW - timedelta(days=exported_days_ago))
    home = open_diary(tmp_path / label, clock=clock)
    pair_homes(home, clinic, label)

    def send(**kwargs):
        summary = home.exports.export(to=["Physio Berg"], out=tmp_path / f"{label}-{clock.now:%j%H%M%S}.diary",
                                      **kwargs)
        assert clinic.imports.import_file(summary.files[0].path).ok
        return summary

    return home, clock, send


@pytest.fixture
def caseload(tmp_path, clinic):
    anna, _, send_anna = enrol(tmp_path, clinic, "Anna")
    for day in range(14):
        anna.log.record(day=TODAY - timedelta(days=day), pain=4)
    main = anna.goals.add_goal(type="main", title="Walk to work", start_date=TODAY - timedelta(days=30))
    step = anna.goals.add_goal(type="intermediate", title="Walk 10 min", main_goal_id=main.id,
                               start_date=TODAY - timedelta(days=30))
    anna.goals.rate(main.id, category="partially", rated_on=TODAY - timedelta(days=7))
    anna.goals.rate(main.id, category="fully", rated_on=TODAY)
    anna.goals.rate(step.id, category="fully", rated_on=TODAY)
    anna.questionnaires.record_completed("phq15", phq15(8), at=at(7))
    anna.questionnaires.record_completed("phq15", phq15(12), at=at(0))
    anna.questionnaires.record_completed("phq9", [0, 0, 0, 0, 0, 0, 0, 0, 1], at=at(0))
    send_anna()

    ben, ben_clock, send_ben = enrol(tmp_path, clinic, "Ben", exported_days_ago=20)
    for day in range(3):
        ben.log.record(day=ben_clock.now.date() - timedelta(days=day + 1), pain=6)
    main = ben.goals.add_goal(type="main", title="Garden again", start_date=TODAY - timedelta(days=60))
    step = ben.goals.add_goal(type="intermediate", title="Kneel 5 min", main_goal_id=main.id,
                              start_date=TODAY - timedelta(days=60))
    ben.goals.rate(main.id, category="partially", rated_on=ben_clock.now.date())
    ben.goals.rate(step.id, category="not", rated_on=ben_clock.now.date())
    ben.questionnaires.record_completed("phq15", phq15(10), at=at(21))
    send_ben()

    cleo, _, send_cleo = enrol(tmp_path, clinic, "Cleo")
    cleo.log.record(day=TODAY, pain=1)
    send_cleo()

    dan = open_diary(tmp_path / "Dan", clock=FixedClock())
    clinic.pairing.pair(dan.pairing.own_key().text, label="Dan")  # pinned, nothing imported yet
    return {"anna": anna, "ben": ben, "send_ben": send_ben, "ben_clock": ben_clock}


def row(clinic, label):
    return next(r for r in clinic.caseload.rows() if r.label == label)


class TestRows:
    def test_the_figures_of_each_patient(self, clinic, caseload):
        anna = row(clinic, "Anna")
        assert anna.days_logged == 14 and anna.last_day == TODAY and anna.exported_at == NOW
        assert anna.main_goal_title == "Walk to work" and anna.main_goal_category is Category.FULLY
        assert anna.main_goal_trend is Trend.IMPROVING
        assert (anna.phq15, anna.phq15_change, anna.phq15_on) == (12.0, 4.0, TODAY)
        assert anna.flags == ("phq9_item9", "phq15_up_3")
        ben = row(clinic, "Ben")
        assert ben.days_logged == 0 and ben.flags == ("no_entry_7_days", "stale_export")
        assert ben.main_goal_trend is None and ben.phq15 == 10.0 and ben.phq15_change is None
        cleo = row(clinic, "Cleo")
        assert cleo.main_goal_category is None and cleo.phq15 is None and cleo.flags == ()
        dan = row(clinic, "Dan")
        assert dan.exported_at is None and dan.days_logged == 0 and dan.flags == ("stale_export",)
        assert "PHQ-9 item 9 positive" in anna.flag_texts

    def test_sorting_puts_missing_values_last_either_way(self, clinic, caseload):
        labels = lambda **kw: [r.label for r in clinic.caseload.rows(**kw)]  # noqa: E731
        assert labels() == ["Anna", "Ben", "Cleo", "Dan"]
        assert labels(sort="phq15", descending=True) == ["Anna", "Ben", "Cleo", "Dan"]
        assert labels(sort="phq15") == ["Ben", "Anna", "Cleo", "Dan"]
        assert labels(sort="last_export", descending=True) == ["Anna", "Cleo", "Ben", "Dan"]
        assert labels(sort="flags", descending=True)[:2] == ["Anna", "Ben"]

    def test_filtering(self, clinic, caseload):
        assert [r.label for r in clinic.caseload.rows(flags=["stale_export"])] == ["Ben", "Dan"]
        assert [r.label for r in clinic.caseload.rows(search="AN")] == ["Anna", "Dan"]
        with pytest.raises(ValidationFailed, match="Unknown flag"):
            clinic.caseload.rows(flags=["nope"])
        with pytest.raises(ValidationFailed, match="Sort by one of"):
            clinic.caseload.rows(sort="nope")


class TestTrialFigure:
    def test_both_denominators_for_everyone_and_a_selection(self, clinic, caseload):
        figure = clinic.caseload.trial_figure()
        assert figure.patients == 4  # Cleo and Dan have no main goal: in neither denominator
        assert (figure.main_itt.text, figure.main_complete.text) == ("1 of 2 (50%)", "1 of 2 (50%)")
        assert (figure.intermediate_itt.text, figure.intermediate_complete.text) == ("1 of 2 (50%)", "1 of 2 (50%)")
        assert figure.raters_used == {"patient": 2}
        only_anna = clinic.caseload.trial_figure(["Anna"])
        assert only_anna.main_itt.text == "1 of 1 (100%)" and only_anna.intermediate_complete.text == "1 of 1 (100%)"
        assert clinic.caseload.trial_figure(["Cleo", "Dan"]).main_itt.text == "0 of 0 (–)"

    def test_the_physios_rating_takes_the_whole_patient_and_can_be_left_out(self, clinic, caseload):
        goal = next(g for g in clinic.patient_record("Ben").goals if g.type.value == "main")
        clinic.caseload.rate_goal("Ben", goal.id[:8], category="fully")
        figure = clinic.caseload.trial_figure()
        assert figure.main_itt.text == "2 of 2 (100%)" and figure.raters_used == {"patient": 1, "physiotherapist": 1}
        # Ben's step was rated by the patient only: with the physiotherapist's ratings it is unrated, not mixed in
        assert (figure.intermediate_itt.text, figure.intermediate_complete.text) == ("1 of 2 (50%)", "1 of 1 (100%)")
        outcomes = dict(clinic.caseload.trial_outcomes(["Ben"]))
        assert outcomes["Ben"].intermediate is IntermediateResult.INCOMPLETE
        assert clinic.caseload.trial_figure(rule="patient").main_itt.text == "1 of 2 (50%)"
        physio = clinic.caseload.trial_figure(rule="physiotherapist")
        assert (physio.main_itt.text, physio.main_complete.text) == ("1 of 2 (50%)", "1 of 1 (100%)")
        with pytest.raises(ValidationFailed, match="Whose ratings count"):
            clinic.caseload.trial_figure(rule="anyone")

    def test_at_a_date(self, clinic, caseload):
        week_ago = clinic.caseload.trial_figure(assessment=Assessment.create(TODAY - timedelta(days=7)))
        assert week_ago.main_itt.text == "0 of 2 (0%)"  # Anna: partially then; Ben: not yet rated
        assert dict(clinic.caseload.trial_outcomes(["Anna"], assessment=Assessment.create(
            TODAY - timedelta(days=7))))["Anna"].main is MainResult.PARTIALLY

    def test_it_agrees_with_the_domain_on_a_demo_caseload(self, clinic):
        fill_demo_caseload(clinic, patients=12, days=60, seed=4)
        expected = trial_figure([patient_outcome(list(r.goals), list(r.ratings)) for r in clinic.patient_records()])
        figure = clinic.caseload.trial_figure()
        assert (figure.main_itt, figure.main_complete, figure.intermediate_itt, figure.intermediate_complete) == (
            expected.main_itt, expected.main_complete, expected.intermediate_itt, expected.intermediate_complete)
        assert figure.main_itt.n == 12


class TestPhysioRatings:
    def test_kept_apart_and_never_overwritten_by_an_import(self, clinic, caseload):
        goal = clinic.patient_record("Ben").goals[0]
        rating = clinic.caseload.rate_goal("Ben", goal.id, category="fully", comment="seen at the visit")
        assert rating.rater is Rater.PHYSIOTHERAPIST and rating.recorded_at == NOW
        assert rating in clinic.patient_record("Ben").ratings
        assert clinic.caseload.clinician_ratings("Ben") == [rating]
        caseload["ben_clock"].now = NOW
        caseload["ben"].log.record(pain=2)
        caseload["send_ben"](since=None)
        assert rating in clinic.patient_record("Ben").ratings
        assert row(clinic, "Ben").main_goal_category is Category.FULLY

    @pytest.mark.parametrize("kwargs,error,message", [
        ({"goal_id": "zzz", "category": "fully"}, NotFound, "no goal"),
        ({"category": "fully", "rated_on": TODAY + timedelta(days=1)}, ValidationFailed, "in the future"),
        ({"category": "fully", "rated_on": TODAY - timedelta(days=400)}, ValidationFailed, "before the goal started"),
        ({"category": "sort of"}, ValidationFailed, "fully, partially or not"),
    ])
    def test_bad_ratings_are_refused(self, clinic, caseload, kwargs, error, message):
        goal_id = kwargs.pop("goal_id", clinic.patient_record("Ben").goals[0].id)
        with pytest.raises(error, match=message):
            clinic.caseload.rate_goal("Ben", goal_id, **kwargs)
        assert clinic.caseload.clinician_ratings("Ben") == []


class TestPatientRecords:
    def test_one_record_per_patient_streamed(self, clinic, caseload):
        records = clinic.patient_records()
        assert inspect.isgenerator(records)
        got = list(records)
        assert [r.label for r in got] == ["Anna", "Ben", "Cleo", "Dan"]
        assert got[0].key == caseload["anna"].keys.fingerprint() and len(got[0].checkins) == 14
        assert got[3].checkins == () and got[3].exported_at is None

    def test_a_selection_in_its_order_and_unknown_labels_refused_up_front(self, clinic, caseload):
        assert [r.label for r in clinic.patient_records(["Cleo", "Anna"])] == ["Cleo", "Anna"]
        with pytest.raises(NotFound, match="Nobody"):
            clinic.patient_records(["Anna", "Nobody"])
        assert clinic.patient_record("Anna").label == "Anna"
