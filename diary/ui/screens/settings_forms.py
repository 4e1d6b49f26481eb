"""Settings → Questionnaires: how often each one is due, clinic-supplied wording, and the PHQ-9 item 9 help text."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import flet as ft

from diary.domain.errors import DiaryError
from diary.domain.instruments import INSTRUMENTS
from diary.platform import current as platform
from diary.ui import text as T
from diary.ui.components.named import NamedDropdown
from diary.ui.state.questionnaires import (
    FormsSettingsView, ScheduleRow, default_crisis_text, read_forms_settings, schedule_saved,
)

WordingPicker = Callable[[], Awaitable[bytes | None]]


async def pick_json_file() -> bytes | None:
    """Ask the user for one JSON file and return its bytes (None if they cancelled). Works on web and desktop."""
    files = await platform().files.pick(title=T.WORDING_PICK_TITLE, extensions=["json"])
    return files[0].data if files else None


class FormsSettings(ft.Column):
    """A Settings section; every change is saved at once and confirmed in a line under the section."""

    def __init__(self, service, *, pick_file: WordingPicker = pick_json_file):
        super().__init__(spacing=8, key="forms-settings")
        self._q, self._pick_file = service, pick_file
        self._status = ft.Text(key="forms-settings-status")
        self._crisis = ft.TextField(key="crisis-text", label=T.CRISIS_FIELD, multiline=True, min_lines=3,
                                    max_lines=8, max_length=2000, value=service.crisis_text())
        self.render()

    def render(self) -> None:
        self._draw(read_forms_settings(self._q))

    def _draw(self, view: FormsSettingsView) -> None:
        wordings = [ft.Text(line, key=f"wording-{instrument_id}", size=13) for instrument_id, line in view.wordings]
        self.controls = [
            ft.Text(T.FORMS_SETTINGS_HEADING, weight=ft.FontWeight.W_600),
            ft.Text(T.FORMS_SETTINGS_HELP, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
            *map(self._schedule_row, view.schedule),
            ft.Text(T.WORDING_HEADING, weight=ft.FontWeight.W_600),
            ft.Text(T.WORDING_HELP, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
            *(wordings or [ft.Text(T.WORDING_NONE, size=13, color=ft.Colors.ON_SURFACE_VARIANT)]),
            ft.Row(controls=[ft.OutlinedButton(content=T.WORDING_LOAD, icon=ft.Icons.UPLOAD_FILE, key="load-wording",
                                               on_click=self._load_clicked)]),
            ft.Container(height=4),
            ft.Text(T.CRISIS_SETTING, weight=ft.FontWeight.W_600),
            self._crisis,
            ft.Row(wrap=True, controls=[
                ft.OutlinedButton(content=T.SAVE_HELP_TEXT, key="save-crisis", on_click=self._save_crisis),
                ft.TextButton(content=T.RESET_HELP_TEXT, key="reset-crisis", on_click=self._reset_crisis),
            ]),
            self._status,
        ]

    def _schedule_row(self, row: ScheduleRow) -> ft.Control:
        instrument_id, every, on = row.instrument_id, row.every, row.enabled
        return ft.ResponsiveRow(vertical_alignment=ft.CrossAxisAlignment.CENTER, controls=[
            ft.Switch(label=row.name, value=on, key=f"schedule-on-{instrument_id}", col={"xs": 5},
                      on_change=lambda e: self.set_schedule(instrument_id, every, enabled=e.control.value)),
            NamedDropdown(key=f"schedule-every-{instrument_id}", value=str(every), dense=True, disabled=not on,
                        col={"xs": 7}, label=T.SCHEDULE_EVERY,
                        options=[ft.DropdownOption(key=str(d), text=t) for d, t in row.choices],
                        on_select=lambda e: self.set_schedule(instrument_id, int(e.control.value), enabled=on)),
        ])

    # Handlers (public so tests and the harness can drive them)
    def set_schedule(self, instrument_id: str, every_days: int, *, enabled: bool) -> None:
        try:
            self._q.set_schedule(instrument_id, every_days, enabled=enabled)
        except DiaryError as exc:
            return self._say(str(exc), error=True)
        self.render()
        self._say(schedule_saved(instrument_id, every_days, enabled=enabled))

    async def _load_clicked(self, e=None) -> None:
        try:
            data = await self._pick_file()
        except Exception:  # noqa: BLE001 - the client could not open a file dialog (e.g. no zenity on Linux)
            return self._say(T.WORDING_NO_PICKER, error=True)
        if data is not None:
            self.load_wording(data)

    def load_wording(self, data: bytes) -> None:
        try:
            wording = self._q.add_wording(data)
        except DiaryError as exc:
            return self._say(T.WORDING_REFUSED.format(reason=exc), error=True)
        self.render()
        self._say(T.WORDING_ADDED.format(name=INSTRUMENTS[wording.instrument_id].name))

    def _save_crisis(self, e=None) -> None:
        try:
            self._q.set_crisis_text(self._crisis.value or "")
        except DiaryError as exc:
            return self._say(str(exc), error=True)
        self._crisis.value = self._q.crisis_text()
        self._say(T.HELP_TEXT_SAVED)

    def _reset_crisis(self, e=None) -> None:
        self._q.set_crisis_text(default_crisis_text())
        self._crisis.value = default_crisis_text()
        self._say(T.HELP_TEXT_RESET)

    def _say(self, message: str, *, error: bool = False) -> None:
        self._status.value = message
        self._status.color = ft.Colors.ERROR if error else ft.Colors.PRIMARY  # Flet redraws after each handler
