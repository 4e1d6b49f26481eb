"""History screen handlers, in-process."""

from datetime import timedelta

from diary.ui import text as T
from tests.ui.conftest import open_screen


def open_history(ui):
    open_screen(ui, "history")
    assert ui.find("history-screen")


class TestHistory:
    def test_missing_days_are_visible(self, ui, diary):
        today = diary.log.today()
        diary.log.record(day=today - timedelta(days=2), pain=4)
        open_history(ui)
        assert ui.find(f"day-{(today - timedelta(days=2)).isoformat()}").subtitle.value == "pain 4"
        assert ui.find(f"day-{(today - timedelta(days=1)).isoformat()}").subtitle.value == T.NOT_LOGGED

    def test_weeks_are_headed_by_their_weekly_figures(self, ui, diary):
        today = diary.log.today()  # Sunday 15 March 2026
        for back in range(5):
            diary.log.record(day=today - timedelta(days=back), pain=6, moderate_min=40)
        open_history(ui)
        line = ui.find("week-2026-03-09").content.value
        assert line == ("Week of 9 Mar · pain 6.0 on average (5 days) · 200 active minutes · "
                        "WHO aerobic target met in the 5 days logged (leisure-time activity only)")

    def test_back_fill_an_empty_day(self, ui, diary):
        yesterday = diary.log.today() - timedelta(days=1)
        open_history(ui)
        ui.click(f"day-{yesterday.isoformat()}")
        assert ui.find("editor-heading").value.startswith("Fill in Yesterday")
        ui.click("pain-3")
        ui.click("save")
        assert ui.find("status").value.startswith("Saved ")
        [saved] = diary.log.checkins_on(yesterday)
        assert saved.pain == 3 and not saved.extra

    def test_correct_an_earlier_day(self, ui, diary):
        day = diary.log.today() - timedelta(days=3)
        checkin = diary.log.record(day=day, pain=4, note="first")
        open_history(ui)
        ui.click(f"day-{day.isoformat()}")
        ui.click(f"edit-{checkin.id}")
        ui.click("pain-2")
        ui.click("save")
        [saved] = diary.log.checkins_on(day)
        assert saved.id == checkin.id and saved.pain == 2 and saved.note == "first"

    def test_delete_with_undo(self, ui, diary):
        day = diary.log.today() - timedelta(days=1)
        checkin = diary.log.record(day=day, pain=4, regions=["neck"])
        open_history(ui)
        ui.click(f"day-{day.isoformat()}")
        ui.click(f"delete-{checkin.id}")
        assert diary.checkins.count() == 0
        assert "Deleted the check-in" in " ".join(ui.texts())
        ui.click("snack-action")
        [restored] = diary.log.checkins_on(day)
        assert restored == checkin

    def test_show_more_pages_back(self, ui, diary):
        today = diary.log.today()
        diary.log.record(day=today - timedelta(days=45), pain=4)
        open_history(ui)
        old_key = f"day-{(today - timedelta(days=45)).isoformat()}"
        assert not ui.find_all(lambda c: getattr(c, "key", None) == old_key)
        ui.click("show-more")
        assert ui.find(old_key)


class TestShellAndSettings:
    def test_bar_on_phones_rail_on_wide_screens(self, ui):
        assert ui.find("nav-bar").visible and not ui.find("nav-rail").visible
        ui.resize(1280, 800)
        assert ui.find("nav-rail").visible and not ui.find("nav-bar").visible

    def test_reopening_the_same_tab_gives_a_working_screen(self, ui, diary):
        ui.change("nav-bar", 0)
        ui.change("nav-bar", 0)
        ui.click("pain-2")
        ui.click("save")
        assert diary.checkins.count() == 1

    def test_settings_show_folder_counts_and_privacy(self, ui, diary):
        diary.log.record(pain=2)
        open_screen(ui, "settings")
        assert ui.find("data-folder").value == str(diary.home)
        assert ui.find("counts").value == "1 day logged, 1 check-in"
        assert "never connects to the internet" in ui.find("privacy").value

    def test_theme_choice_is_kept(self, ui, diary, open_ui):
        open_screen(ui, "settings")
        ui.fire("theme", "change", props={"selected": ["dark"]})
        assert diary.meta.get("theme") == "dark"
        again = open_ui()
        assert again.page.theme_mode.value == "dark"
        open_screen(again, "settings")
        assert again.find("theme").selected == ["dark"]


def test_each_week_has_a_line_with_its_weekly_figures():
    from datetime import date

    from diary.domain.days import DayValues
    from diary.ui.state.history import week_line

    monday = date(2026, 3, 9)
    days = [DayValues(day=date(2026, 3, 9 + i), n_checkins=1, pain=p, moderate_min=m, strength=s)
            for i, (p, m, s) in enumerate([(4, 20, True), (5, 20, False), (6, 30, True), (5, 30, False)])]
    line = week_line(days, monday=monday)
    assert line == ("Week of 9 Mar · pain 5.0 on average (4 days) · 100 active minutes · below the WHO aerobic "
                    "target in the 4 days logged (leisure-time activity only) · strength exercises on ≥ 2 days")
    both = week_line([d.__class__(**{**d.__dict__, "moderate_min": 40}) for d in days], monday=monday)
    assert "WHO aerobic target met in the 4 days logged (leisure-time activity only)" in both
    too_few = week_line(days[:3], monday=monday)
    assert "3 of 7 days logged, too few for a weekly average" in too_few
    assert "active minutes" not in too_few and "activity: 3 of 7 days logged" in too_few  # 4 days per field
    assert "strength" not in too_few  # strength answered on 3 days: no figure either


def test_four_days_of_only_strength_no_are_not_a_week_of_0_minutes():
    """Issue 15 §4: each field counts its own reported days."""
    from datetime import date

    from diary.domain.days import DayValues
    from diary.ui.state.history import week_line

    days = [DayValues(day=date(2026, 3, 9 + i), n_checkins=1, strength=False) for i in range(4)]
    line = week_line(days, monday=date(2026, 3, 9))
    assert line == ("Week of 9 Mar · pain: 0 of 7 days logged, too few for a weekly average · strength exercises on "
                    "fewer than 2 of 4 days")
