"""Settings → Questionnaires, in-process: schedules, clinic wording from a picked file, the item 9 help text."""

import json

import pytest

from diary.services.questionnaires import DEFAULT_CRISIS_TEXT
from diary.ui import text as T
from diary.ui.app import make_main
from tests.flet_harness import FletHarness
from tests.ui.conftest import open_screen

HADS = {"instrument_id": "hads", "version": "HADS licensed copy", "language": "en", "title": "HADS",
        "instructions": "Tick the reply closest to how you have felt.",
        "items": [f"Licensed item {i}" for i in range(1, 15)], "options": [[0, "a"], [1, "b"], [2, "c"], [3, "d"]]}


@pytest.fixture
def picked(diary):
    """The app with a file dialog that 'picks' whatever the test puts in picked['bytes']."""
    chosen: dict = {"bytes": None}

    def pick_files(args):
        assert args["with_data"] and args["allowed_extensions"] == ["json"]
        data = chosen["bytes"]
        return [] if data is None else [{"id": 1, "name": "wording.json", "size": len(data), "bytes": list(data)}]

    harness = FletHarness(make_main(lambda: diary), invoke_results={"pick_files": pick_files})
    open_screen(harness, "settings")
    chosen["ui"] = harness
    yield chosen
    harness.close()


def status(ui) -> str:
    return ui.find("forms-settings-status").value


class TestSchedules:
    def test_change_how_often_a_questionnaire_is_due(self, ui, diary):
        open_screen(ui, "settings")
        assert ui.find("schedule-every-phq9").value == "14"
        ui.fire("schedule-every-phq9", "select", "28", {"value": "28"})
        assert diary.questionnaires.schedule()["phq9"] == (28, True)
        assert status(ui) == "PHQ-9 is now due every 4 weeks."

    def test_switch_a_questionnaire_off_and_on(self, ui, diary):
        open_screen(ui, "settings")
        ui.change("schedule-on-gad7", False)
        assert diary.questionnaires.schedule()["gad7"] == (14, False)
        assert "gad7" not in {d.instrument_id for d in diary.questionnaires.due()}
        assert ui.find("schedule-every-gad7").disabled
        ui.change("schedule-on-gad7", True)
        assert diary.questionnaires.schedule()["gad7"] == (14, True)


class TestClinicWording:
    def test_a_picked_wording_file_makes_the_instrument_answerable(self, picked, diary):
        ui = picked["ui"]
        assert ui.find("forms-settings").controls  # the section is there before any file
        picked["bytes"] = json.dumps(HADS).encode()
        ui.click("load-wording")
        assert status(ui) == "Loaded the wording for HADS. You can now answer it from Questionnaires."
        assert "hads" in diary.questionnaires.administrable()
        assert ui.find("wording-hads").value.startswith("HADS (en)")
        assert ui.find("schedule-on-hads")  # and it can be scheduled like the built-in ones

    def test_a_bad_file_is_refused_with_its_reason_and_nothing_changes(self, picked, diary):
        ui = picked["ui"]
        picked["bytes"] = json.dumps({**HADS, "items": HADS["items"][:13]}).encode()
        ui.click("load-wording")
        assert status(ui).startswith("This wording file was not loaded: ")
        assert "14" in status(ui)  # says how many items HADS has
        assert "hads" not in diary.questionnaires.administrable()

    def test_cancelling_the_dialog_changes_nothing(self, picked, diary):
        picked["ui"].click("load-wording")
        assert status(picked["ui"]) == ""
        assert diary.questionnaires.clinic_wordings() == []


class TestHelpText:
    def test_edit_and_reset_the_item9_help_text(self, ui, diary):
        open_screen(ui, "settings")
        ui.type("crisis-text", "Call 1813 (Livslinien) or 112 in an emergency.")
        ui.click("save-crisis")
        assert diary.questionnaires.crisis_text() == "Call 1813 (Livslinien) or 112 in an emergency."
        assert status(ui) == T.HELP_TEXT_SAVED
        ui.click("reset-crisis")
        assert diary.questionnaires.crisis_text() == DEFAULT_CRISIS_TEXT
        assert ui.find("crisis-text").value == DEFAULT_CRISIS_TEXT
