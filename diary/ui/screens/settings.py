"""Settings and About: where the data is, reminders, backups, questionnaires, appearance, the version, and
what the app does with data (nothing leaves). On a platform without a visible data folder or backup
files (the phone app) those blocks say in a sentence what is true there instead."""

from __future__ import annotations

import flet as ft

from diary.platform import current as platform
from diary.platform.seams import BACKUPS, DATA_FOLDER
from diary.ui import text as T
from diary.ui.components.install_offer import InstallSection
from diary.ui.components.settings_blocks import (
    BrowserStorage, data_folder, language_picker, privacy, theme_picker, version,
)
from diary.ui.screens.settings_forms import FormsSettings


class SettingsScreen(ft.Column):
    def __init__(self, diary, *, on_theme, on_language=None):
        super().__init__(spacing=16, key="settings-screen")
        info, features = diary.info(), platform().features
        counts = [ft.Text(T.days_logged_and_checkins(info["days_logged"], info["checkins"]), key="counts")]
        self.controls = [
            ft.Text(T.SETTINGS_HEADING, size=22, weight=ft.FontWeight.W_600),
            data_folder(T.DATA_FOLDER, str(diary.home), counts, T.DATA_FOLDER_HELP) if DATA_FOLDER in features
            else BrowserStorage(counts),
            InstallSection(),  # shown only where the browser offers to install the app
            privacy(T.PRIVACY_HEADING, T.PRIVACY_TEXT if DATA_FOLDER in features else T.PRIVACY_TEXT_BROWSER),
            *backup_sections(diary, with_files=BACKUPS in features),
            FormsSettings(diary.questionnaires),
            *([language_picker(on_language=on_language)] if on_language else []),
            theme_picker(diary.theme(), on_theme=on_theme),
            version(),
        ]


def backup_sections(diary, *, with_files: bool = True) -> list[ft.Control]:
    """Settings → Reminder and → Backups (imported here, not at start: backups load the crypto). Without
    backup folders on this platform (the phone app), Backups makes a file to hand over and restores a picked one."""
    from diary.ui.screens.settings_backup import BackupSection, ReminderSection

    return [ReminderSection(diary), BackupSection(diary, with_folder=with_files)]
