"""Settings and About: where the data is, the version, and what the app does with data (nothing leaves)."""

from __future__ import annotations

import flet as ft

from diary import __version__
from diary.services.bootstrap import Diary
from diary.ui import text as T
from diary.ui.screens.settings_forms import FormsSettings


class SettingsScreen(ft.Column):
    def __init__(self, diary: Diary, *, on_theme):
        super().__init__(spacing=16, key="settings-screen")
        info = diary.info()
        self.controls = [
            ft.Text(T.SETTINGS_HEADING, size=22, weight=ft.FontWeight.W_600),
            ft.Column(spacing=4, controls=[
                ft.Text(T.DATA_FOLDER, weight=ft.FontWeight.W_600),
                ft.Text(str(diary.home), selectable=True, key="data-folder", font_family="monospace"),
                ft.Text(T.COUNTS.format(days=info["days_logged"], checkins=info["checkins"]), key="counts"),
                ft.Text(T.DATA_FOLDER_HELP, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
            ]),
            ft.Column(spacing=4, controls=[
                ft.Text(T.PRIVACY_HEADING, weight=ft.FontWeight.W_600),
                ft.Text(T.PRIVACY_TEXT, key="privacy"),
            ]),
            *backup_sections(diary),
            FormsSettings(diary.questionnaires),
            ft.Column(spacing=4, controls=[
                ft.Text(T.THEME, weight=ft.FontWeight.W_600),
                ft.SegmentedButton(
                    key="theme", selected=[diary.meta.get("theme") or "system"], allow_empty_selection=False,
                    segments=[ft.Segment(value="system", label=T.THEME_SYSTEM),
                              ft.Segment(value="light", label=T.THEME_LIGHT),
                              ft.Segment(value="dark", label=T.THEME_DARK)],
                    on_change=lambda e: on_theme(e.control.selected[0]),
                ),
            ]),
            ft.Text(T.VERSION.format(version=__version__), key="version", color=ft.Colors.ON_SURFACE_VARIANT),
        ]


def backup_sections(diary: Diary) -> list[ft.Control]:
    """Settings → Backups and → Reminder (imported here, not at start: backups load PyNaCl)."""
    from diary.ui.screens.settings_backup import BackupSection, ReminderSection

    return [ReminderSection(diary), BackupSection(diary)]
