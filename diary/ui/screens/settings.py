"""Settings and About: where the data is, reminders, backups, questionnaires, appearance, the version, and
what the app does with data (nothing leaves)."""

from __future__ import annotations

import flet as ft

from diary.ui import text as T
from diary.ui.components.settings_blocks import data_folder, language_picker, privacy, theme_picker, version
from diary.ui.screens.settings_forms import FormsSettings


class SettingsScreen(ft.Column):
    def __init__(self, diary, *, on_theme, on_language=None):
        super().__init__(spacing=16, key="settings-screen")
        info = diary.info()
        self.controls = [
            ft.Text(T.SETTINGS_HEADING, size=22, weight=ft.FontWeight.W_600),
            data_folder(T.DATA_FOLDER, str(diary.home),
                        [ft.Text(T.COUNTS.format(days=info["days_logged"], checkins=info["checkins"]), key="counts")],
                        T.DATA_FOLDER_HELP),
            privacy(T.PRIVACY_HEADING, T.PRIVACY_TEXT),
            *backup_sections(diary),
            FormsSettings(diary.questionnaires),
            *([language_picker(on_language=on_language)] if on_language else []),
            theme_picker(diary.theme(), on_theme=on_theme),
            version(),
        ]


def backup_sections(diary) -> list[ft.Control]:
    """Settings → Reminder and → Backups (imported here, not at start: backups load the crypto)."""
    from diary.ui.screens.settings_backup import BackupSection, ReminderSection

    return [ReminderSection(diary), BackupSection(diary)]
