"""The caseload screen: each patient's figures and flags in words, sorting, filtering, paging, the
trial's figure for everyone or a selection."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from diary.domain.errors import DiaryError, Sentence
from diary.services.demo_caseload import fill_demo_caseload
from diary.ui.clinician.caseload import PAGE_SIZE, CaseloadScreen, CaseloadView
from tests.conftest import NOW

TODAY = NOW.date()


def at(days_ago: int) -> datetime:
    return datetime.combine(TODAY - timedelta(days=days_ago), time(20), tzinfo=NOW.tzinfo)


def phq15(total: int) -> list[int]:
    return [1] * total + [0] * (15 - total)


@pytest.fixture
def caseload(clinic, patients):
    """Anna (flags: item 9, PHQ-15 up), Ben (exported 20 days ago), Cleo (one entry), Dan (paired only)."""
    anna = patients.add("Anna", days=0)
    for day in range(10):
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
    patients.send("Anna")

    ben = patients.add("Ben", days=0, ago=20)
    ben_today = TODAY - timedelta(days=20)
    for day in range(3):
        ben.log.record(day=ben_today - timedelta(days=day + 1), pain=6)
    main = ben.goals.add_goal(type="main", title="Garden again", start_date=TODAY - timedelta(days=60))
    ben.goals.rate(main.id, category="partially", rated_on=ben_today)
    ben.questionnaires.record_completed("phq15", phq15(10), at=at(21))
    patients.send("Ben")

    cleo = patients.add("Cleo", days=0)
    cleo.log.record(day=TODAY, pain=1)
    patients.send("Cleo")

    patients.add("Dan", days=0)  # paired, nothing imported yet
    return patients


def open_labels(ui) -> list[str]:
    return [str(c.key).removeprefix("open-") for c in ui.find_all(lambda c: str(c.key or "").startswith("open-"))]


def card_text(ui, label: str) -> str:
    return " | ".join(t for t in (ui.find(f"{label}-line-{i}").value for i in range(4)))


class TestRows:
    def test_each_patient_with_their_figures(self, clinic, caseload, open_clinic):
        ui = open_clinic(clinic)
        assert ui.find("caseload-count").value == "4 patients · 3 flagged"
        assert open_labels(ui) == ["Anna", "Ben", "Cleo", "Dan"]
        assert card_text(ui, "Anna") == ("Export 15 Mar · everything to 15 Mar | 10 of 14 days logged · last entry 15 Mar"
                                         " | Walk to work: Fully attained (patient), improving | PHQ-15 12, +4 since the one before")
        assert card_text(ui, "Ben") == ("Export 23 Feb · everything to 23 Feb | 0 of 14 days logged · last entry 22 Feb"
                                        " | Garden again: Partially attained (patient) | PHQ-15 10")
        assert card_text(ui, "Cleo") == ("Export 15 Mar · everything to 15 Mar | 1 of 14 days logged · last entry "
                                         "15 Mar | No main goal | No PHQ-15")
        assert card_text(ui, "Dan") == "No export yet | 0 of 14 days logged | No main goal | No PHQ-15"

    def test_flags_are_icons_and_words(self, clinic, caseload, open_clinic):
        ui = open_clinic(clinic)

        def flag_words(label):
            chips = ui.find(f"flags-{label}").controls
            return [chip.content.controls[1].value for chip in chips], [chip.content.controls[0].icon for chip in chips]

        words, icons = flag_words("Anna")
        assert words == ["PHQ-9 item 9 positive", "PHQ-15 up 3+ points"]
        assert all(icons)
        assert flag_words("Ben")[0] == ["No entry for 7+ days", "No export for 14+ days"]
        assert flag_words("Dan")[0] == ["No export for 14+ days"]
        with pytest.raises(AssertionError):
            ui.find("flags-Cleo")  # no flags, no chips

    def test_at_desktop_width_a_table_with_a_header(self, clinic, caseload, open_clinic):
        ui = open_clinic(clinic, width=1280, height=800)
        assert "Days logged (14)" in ui.texts()
        assert ui.find("Anna-export").value == "15 Mar"
        assert "everything to 15 Mar" in ui.texts()
        assert ui.find("Anna-days").value == "10 of 14"
        assert ui.find("Anna-goal").value == "Walk to work: Fully attained (patient), improving"
        assert ui.find("Anna-phq15").value == "PHQ-15 12 (+4)"
        ui.find("flags-Anna")


class TestSortAndFilter:
    def test_sort_by_phq15_either_way_missing_last(self, clinic, caseload, open_clinic):
        ui = open_clinic(clinic)
        ui.fire("caseload-sort", "select", "phq15", {"value": "phq15"})
        assert open_labels(ui) == ["Ben", "Anna", "Cleo", "Dan"]
        ui.click("caseload-direction")
        assert open_labels(ui) == ["Anna", "Ben", "Cleo", "Dan"]
        assert ui.find("caseload-direction").icon.semantics_label == "Sort direction: Descending"

    def test_sort_by_last_export_and_by_flags(self, clinic, caseload, open_clinic):
        ui = open_clinic(clinic)
        ui.fire("caseload-sort", "select", "last_export", {"value": "last_export"})
        ui.click("caseload-direction")
        assert open_labels(ui) == ["Anna", "Cleo", "Ben", "Dan"]
        ui.fire("caseload-sort", "select", "flags", {"value": "flags"})
        assert open_labels(ui)[:2] == ["Anna", "Ben"]

    def test_flagged_only_and_one_flag(self, clinic, caseload, open_clinic):
        ui = open_clinic(clinic)
        ui.fire("caseload-show", "select", "any", {"value": "any"})
        assert open_labels(ui) == ["Anna", "Ben", "Dan"]
        ui.fire("caseload-show", "select", "phq9_item9", {"value": "phq9_item9"})
        assert open_labels(ui) == ["Anna"]
        ui.fire("caseload-show", "select", "stale_export", {"value": "stale_export"})
        assert open_labels(ui) == ["Ben", "Dan"]

    def test_search_by_label(self, clinic, caseload, open_clinic):
        ui = open_clinic(clinic)
        ui.type("caseload-search", "an")
        assert open_labels(ui) == ["Anna", "Dan"]
        ui.type("caseload-search", "zz")
        assert ui.find("caseload-none").value.startswith("No patient matches")
        ui.type("caseload-search", "")
        assert len(open_labels(ui)) == 4

    def test_choices_are_kept_when_coming_back(self, clinic, caseload, open_clinic):
        ui = open_clinic(clinic)
        ui.fire("caseload-show", "select", "any", {"value": "any"})
        ui.change("nav-bar", 1)
        ui.change("nav-bar", 0)
        assert open_labels(ui) == ["Anna", "Ben", "Dan"]
        assert ui.find("caseload-show").value == "any"


class TestTrialFigure:
    def test_for_everyone_then_for_a_selection(self, clinic, caseload, open_clinic):
        ui = open_clinic(clinic)
        assert ui.find("trial-who").value == "For all 4 patients"
        # Anna: main and her one step fully attained; Ben: main partially, no steps; Cleo, Dan: no main goal
        assert ui.find("trial-line-0").value == ("Main goal fully attained: 1 of 2 (50%) of patients with a main goal "
                                                 "· 1 of 2 (50%) of those rated")
        assert ui.find("trial-line-1").value == ("All intermediate goals fully attained: 1 of 2 (50%) of patients with "
                                                 "a main goal · 1 of 1 (100%) of those with every intermediate goal rated")
        assert ui.find("trial-line-2").value.startswith("Intention to treat counts every patient with a main goal")
        assert ui.find("trial-line-3").value == ("Ratings counted: the physiotherapist's, else the patient's "
                                                 "(patient's: 2). Assessment: each patient's latest rating of their "
                                                 "current main goal.")
        ui.change("select-Ben", True)
        assert ui.find("trial-who").value == "For the 1 selected patient"
        assert ui.find("trial-line-0").value.startswith("Main goal fully attained: 0 of 1 (0%)")
        assert ui.find("trial-line-1").value.endswith("0 of 0 (–) of those with every intermediate goal rated")
        ui.change("select-Anna", True)
        assert ui.find("trial-who").value == "For the 2 selected patients"
        assert ui.find("selected-count").value == "2 selected"
        ui.click("clear-selection")
        assert ui.find("trial-who").value == "For all 4 patients"
        assert ui.find("select-Anna").value is False

    @pytest.mark.parametrize("failure, reason", [
        (RuntimeError("disk I/O error in /secret/path"), "something unexpected went wrong; nothing in your diary was "
                                                         "changed. Try again."),
        (DiaryError(Sentence("The caseload could not be read.")), "The caseload could not be read."),
    ])
    def test_a_figure_that_fails_says_so_in_place_of_the_spinner(self, clinic, caseload, open_clinic, monkeypatch,
                                                                 failure, reason):
        def fail(*args, **kwargs):
            raise failure

        monkeypatch.setattr(type(clinic.caseload), "trial_figure", fail)
        ui = open_clinic(clinic)
        assert ui.find("trial-who").value == "For all 4 patients"
        assert ui.find("trial-line-0").value == f"The figure could not be worked out: {reason}"
        assert "secret" not in ui.find("trial-line-0").value

    def test_select_the_shown_patients(self, clinic, caseload, open_clinic):
        ui = open_clinic(clinic)
        ui.type("caseload-search", "Cleo")
        ui.click("select-shown")
        assert ui.find("trial-who").value == "For the 1 selected patient"
        assert ui.find("trial-line-0").value.startswith("Main goal fully attained: 0 of 0 (–)")

    def test_counting_only_the_physiotherapists_ratings(self, clinic, caseload, open_clinic):
        goal = clinic.patient_record("Ben").goals[0]
        clinic.caseload.rate_goal("Ben", goal.id, category="fully")
        ui = open_clinic(clinic)
        ui.fire("trial-rater", "select", "physiotherapist", {"value": "physiotherapist"})
        assert ui.find("trial-line-0").value == ("Main goal fully attained: 1 of 2 (50%) of patients with a main goal "
                                                 "· 1 of 1 (100%) of those rated")
        assert "(physiotherapist's: 1)" in ui.find("trial-line-3").value


class TestManyPatients:
    def test_a_page_at_a_time(self, clinic, open_clinic):
        fill_demo_caseload(clinic, patients=PAGE_SIZE + 5, days=15, seed=2)
        ui = open_clinic(clinic)
        assert ui.find("caseload-shown").value == f"Showing 1–{PAGE_SIZE} of {PAGE_SIZE + 5}"
        assert len(open_labels(ui)) == PAGE_SIZE
        assert ui.find("page-previous").disabled
        ui.click("page-next")
        assert ui.find("caseload-shown").value == f"Showing {PAGE_SIZE + 1}–{PAGE_SIZE + 5} of {PAGE_SIZE + 5}"
        assert len(open_labels(ui)) == 5 and ui.find("page-next").disabled
        ui.click("page-previous")
        assert len(open_labels(ui)) == PAGE_SIZE

    def test_the_screen_alone_keeps_its_view(self, clinic, caseload, screen):
        view = CaseloadView(sort="label", descending=True)
        ui = screen(lambda: CaseloadScreen(clinic, view=view))
        assert open_labels(ui) == ["Dan", "Cleo", "Ben", "Anna"]
        ui.change("select-Ben", True)
        assert view.selected == {"Ben"}


class TestResearchExport:
    def test_the_selection_is_written_as_a_de_identified_data_set(self, clinic, caseload, open_clinic):
        import csv

        ui = open_clinic(clinic)
        ui.change("select-Anna", True)
        ui.click("research-export")
        ui.wait_idle()
        status = ui.find("research-status").value
        assert status.startswith("Wrote the data set of 1 patient to ") and "A new salt file was made" in status
        [out] = (clinic.home / "research").iterdir()
        assert out.stat().st_mode & 0o077 == 0 or (clinic.home / "research").stat().st_mode & 0o077 == 0
        with open(out / "daily.csv", newline="") as f:
            rows = list(csv.DictReader(f))
        assert len({r["study_id"] for r in rows}) == 1 and len(rows) >= 10
        text = "".join(p.read_text(errors="replace") for p in out.rglob("*") if p.is_file())
        assert "Anna" not in text  # no names or labels
        assert ui.find("research-progress").value == 1

    def test_everyone_when_nobody_is_selected(self, clinic, caseload, open_clinic):
        ui = open_clinic(clinic)
        ui.change("research-fhir", False)
        ui.click("research-export")
        ui.wait_idle()
        assert ui.find("research-status").value.startswith("Wrote the data set of 4 patients to ")
