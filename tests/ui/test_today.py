"""Today screen handlers, in-process."""

import sqlite3

import flet as ft

from diary.ui import text as T


def spoken(control) -> str:
    """What a screen reader says for a body-map region or scale cell: the focusable one names itself in its
    content, the others are named by the Semantics around their tap area."""
    return control.parent.label if isinstance(control, ft.Container) else control.content.semantics_label


def status(ui) -> str:
    return ui.find("status").value


class TestQuickCheckIn:
    def test_logs_a_day_with_pain_regions_stress_activity_and_note(self, ui, diary):
        ui.click("pain-6")
        ui.click("region-neck")
        ui.click("region-lower_back")
        ui.click("stress-4")
        ui.type("moderate_min", "20")
        ui.type("note", "Walked to the shop")
        ui.click("save")

        assert status(ui) == "Saved today: pain 6, stress 4, 2 painful areas, 20 min active, a note."
        [saved] = diary.log.checkins_on(diary.log.today())
        assert (saved.pain, saved.stress, saved.moderate_min, saved.note) == (6, 4, 20, "Walked to the shop")
        assert saved.pain_regions == frozenset({"neck", "lower_back"})
        assert saved.fatigue is None and saved.light_min is None and saved.strength is None  # missing, not 0

    def test_region_buttons_say_their_state_to_screen_readers(self, ui):
        ui.click("region-neck")
        assert spoken(ui.find("region-neck")) == "Neck, painful"
        ui.click("region-neck")
        assert spoken(ui.find("region-neck")) == "Neck, not painful"

    def test_tapping_the_chosen_value_again_clears_it(self, ui):
        ui.click("pain-6")
        assert ui.find("pain-answer").value == "6 / 10"
        ui.click("pain-6")
        assert ui.find("pain-answer").value == T.NOT_ANSWERED

    def test_empty_save_explains_and_stores_nothing(self, ui, diary):
        ui.click("save")
        assert "Nothing to save yet" in status(ui)
        assert diary.checkins.count() == 0

    def test_no_pain_is_stored_as_an_empty_map(self, ui, diary):
        ui.change("no-pain", True)
        ui.click("save")
        [saved] = diary.log.checkins_on(diary.log.today())
        assert saved.pain_regions == frozenset() and saved.no_pain

    def test_saving_again_corrects_the_same_check_in(self, ui, diary):
        ui.click("pain-6")
        ui.click("save")
        ui.click("pain-4")
        ui.click("save")
        [saved] = diary.log.checkins_on(diary.log.today())
        assert saved.pain == 4

    def test_another_check_in_is_an_extra_right_now_entry(self, ui, diary):
        ui.click("pain-6")
        ui.click("save")
        ui.click("add-checkin")
        assert ui.find("editor-heading").value == T.EXTRA_HEADING
        ui.click("pain-8")
        ui.change("flare", True)
        ui.click("save")
        first, second = diary.log.checkins_on(diary.log.today())
        assert (first.pain, first.extra) == (6, False)
        assert (second.pain, second.extra, second.flare) == (8, True, True)

    def test_reopening_shows_todays_answers(self, ui, open_ui, diary):
        diary.log.record(pain=5, regions=["chest"])
        again = open_ui()
        assert again.find("pain-answer").value == "5 / 10"
        assert spoken(again.find("region-chest")) == "Chest, painful"
        assert again.find("today-logged").visible

    def test_bad_minutes_are_explained_and_nothing_saved(self, ui, diary):
        ui.click("pain-3")
        ui.type("moderate_min", "2o")
        ui.click("save")
        assert status(ui).startswith("Nothing was saved yet. Moderate: Minutes must be a whole number")
        assert diary.checkins.count() == 0

    def test_out_of_range_minutes_name_the_allowed_values(self, ui, diary):
        ui.type("light_min", "900")
        ui.click("save")
        assert status(ui) == "Light activity must be whole minutes from 0 to 600 (got 900)."
        assert diary.checkins.count() == 0

    def test_a_full_disk_gives_a_sentence_and_keeps_the_form(self, ui, diary, monkeypatch):
        def full(*args, **kwargs):
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(diary.checkins, "add_to_day", full)
        ui.click("pain-7")
        ui.click("save")
        assert status(ui).startswith("The device is full, so nothing was saved.")
        assert ui.find("pain-answer").value == "7 / 10"
        assert diary.checkins.count() == 0


class TestKeyboardAndTheBackOfTheMap:
    def test_the_back_figures_limbs_are_the_same_regions_with_the_same_names(self, ui, diary):
        ui.click("region-upper_arm_left-back")
        assert spoken(ui.find("region-upper_arm_left")) == "Left upper arm, painful"
        assert spoken(ui.find("region-upper_arm_left-back")) == "Left upper arm, painful"
        ui.click("region-hip_right-back")
        ui.click("pain-3")
        ui.click("save")
        assert sorted(diary.log.checkins_on(diary.log.today())[0].regions) == ["hip_right", "upper_arm_left"]

    def test_arrows_choose_on_a_scale_and_walk_the_map(self, ui):
        import asyncio

        from diary.ui.components.body_map import ORDER, BodyMap
        from diary.ui.components.scale import ScalePicker

        pain = next(c for c in ui.find_all(lambda c: isinstance(c, ScalePicker)) if c.key == "scale-pain")
        body = ui.find_all(lambda c: isinstance(c, BodyMap))[0]
        pain.move_to = body.move_to = lambda index: asyncio.sleep(0, result=setattr(pain, "active", index))
        from tests.test_server_guard import run_async as run  # a loop of its own: an e2e test may hold this one
        assert run(pain.arrow_key("Arrow Right")) and pain.value == 1
        assert run(pain.arrow_key("End")) and pain.value == 10
        assert run(pain.arrow_key("7")) and pain.value == 7
        assert run(pain.arrow_key("Delete")) and pain.value is None
        assert not run(pain.arrow_key("Tab"))
        assert [figure for figure, _ in ORDER[:2]] == ["front", "front"] and ORDER[-1][0] == "back"
        assert len(ORDER) == 17 + 13  # every front region, then the back's own and its copies of the limbs

    def test_ctrl_s_or_cmd_s_saves_the_day(self, ui, diary):
        ui.click("pain-4")
        ui.fire(ui.page, "keyboard_event", {"key": "S", "ctrl": True, "shift": False, "alt": False, "meta": False})
        assert status(ui) == "Saved today: pain 4."
        ui.click("pain-5")
        ui.fire(ui.page, "keyboard_event", {"key": "S", "ctrl": False, "shift": False, "alt": False, "meta": True})
        assert status(ui) == "Saved today: pain 5."
        ui.fire(ui.page, "keyboard_event", {"key": "S", "ctrl": False, "shift": False, "alt": False, "meta": False})
        assert diary.log.checkins_on(diary.log.today())[0].pain == 5


class TestUpdateNote:
    """The phone app's one line after an update (diary.services.app_updates records the versions)."""

    def test_today_says_updated_to_version_n_once_and_it_can_be_dismissed(self, open_ui, diary):
        from diary.services.app_updates import record_opening

        record_opening(diary.meta, "0.1.0+aaaaaaa")
        record_opening(diary.meta, "0.2.0+bbbbbbb")
        ui = open_ui()
        assert ui.find("update-note-text").value == "Updated to version 0.2.0"
        dismiss = ui.find("update-note-dismiss")
        assert dismiss.icon.semantics_label == "Dismiss the update note"  # its accessible name
        ui.click("update-note-dismiss")
        assert not ui.find("update-note").visible
        ui.close()
        assert "update-note" not in keys_of(open_ui())

    def test_a_rebuild_of_the_same_release_names_its_build(self, open_ui, diary):
        from diary.services.app_updates import record_opening

        record_opening(diary.meta, "0.1.0+aaaaaaa")
        record_opening(diary.meta, "0.1.0+ccccccc")
        assert open_ui().find("update-note-text").value == "Updated to version 0.1.0 (build ccccccc)"

    def test_no_note_on_a_first_start(self, open_ui, diary):
        from diary.services.app_updates import record_opening

        record_opening(diary.meta, "0.1.0+aaaaaaa")
        assert "update-note" not in keys_of(open_ui())


def keys_of(ui) -> set:
    return {key for c in ui.find_all(lambda c: True) if isinstance(key := getattr(c, "key", None), str)}
