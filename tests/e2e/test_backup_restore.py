"""Never lose a day: back up from Settings, delete a day, restore the backup, the day is back (phone size)."""

import subprocess
import sys
from datetime import date, timedelta

import pytest

from tests.e2e.conftest import PHONE

pytestmark = pytest.mark.e2e


def test_back_up_delete_a_day_restore_it(start_app, app_page, tmp_path):
    home = tmp_path / "home"
    day = date.today() - timedelta(days=2)
    subprocess.run([sys.executable, "-m", "diary", "--home", str(home), "log", "--pain", "7", "--fatigue", "3",
                    "--note", "Bike ride", "--date", day.isoformat()], check=True, capture_output=True)
    server = start_app(home)
    app = app_page(server.url, PHONE, "backup-restore")

    # Back up now, from Settings.
    app.tab("Settings")
    app.see("No backup yet.")
    app.tap("Back up now")
    app.see("Saved a backup: 1 day, 1 check-in.")
    app.see("Last backup: ")
    app.screenshot("settings-backed-up")

    # Delete the day in History.
    title = day.strftime("%a %-d %b")
    app.tab("History")
    app.see("pain 7, fatigue 3, a note")
    app.page.get_by_text(title).first.click()
    app.see("20:00")  # the day's check-in card (the note itself is selectable text, not in the a11y tree)
    app.tap("Delete")
    app.see("Deleted the check-in of")
    app.tab("History")
    assert app.page.get_by_text("pain 7, fatigue 3, a note").count() == 0

    # Restore the latest backup, confirming in the dialog.
    app.tab("Settings")
    app.tap("Restore the latest backup")
    app.see("Replace your diary?")
    app.screenshot("restore-dialog")
    app.tap("Replace with the backup")
    app.see("Restored the backup from")
    app.screenshot("settings-restored")

    # The day is back.
    app.tab("History")
    app.see("pain 7, fatigue 3, a note")
    app.page.get_by_text(title).first.click()
    app.button("Delete").wait_for()
    app.screenshot("day-back")
    assert len(list(tmp_path.glob("home.replaced-*"))) == 1  # the diary it replaced was kept
