"""The first-run welcome, in-process: shown once to a new diary, skippable, with an optional reminder and
an optional way into pairing."""

from datetime import time

from diary.ui import text as T


def test_a_new_diary_opens_on_the_welcome_and_skip_goes_to_today_for_good(open_ui, diary):
    ui = open_ui(welcome=True)
    assert ui.find("welcome-screen")
    texts = " ".join(ui.texts())
    assert T.WELCOME_HEADING in texts and str(diary.home) in ui.find("welcome-where").value
    assert "never leaves this device unless you export" in ui.find("welcome-where").value
    ui.click("welcome-skip")
    assert ui.find("today-screen") and not diary.reminders.settings().enabled
    assert not diary.welcome_due()
    again = open_ui(welcome=True)
    assert again.find("today-screen")


def test_start_with_a_reminder_turns_it_on_at_the_chosen_time(open_ui, diary):
    ui = open_ui(welcome=True)
    ui.change("welcome-remind", True)
    ui.change("welcome-time", "19:30")
    ui.click("welcome-start")
    settings = diary.reminders.settings()
    assert settings.enabled and settings.at == time(19, 30) and ui.find("today-screen")


def test_pairing_from_the_welcome_opens_share_on_its_pairing_step(open_ui, diary):
    ui = open_ui(welcome=True)
    ui.click("welcome-pair")
    assert ui.find("share-screen") and T.PAIR_HEADING in ui.texts()
    assert ui.find("nav-bar").selected_index == 4  # Share lives under More on a phone


def test_a_diary_with_check_ins_is_never_welcomed(open_ui, diary):
    diary.log.record(pain=3)
    assert not diary.welcome_due()
    assert open_ui(welcome=True).find("today-screen")
