"""Settings → Questionnaires: how often each one is due, clinic-supplied wording, and the PHQ-9 item 9 help text."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import flet as ft

from diary.domain.errors import DiaryError
from diary.domain.instruments import INSTRUMENTS
from diary.services.questionnaires import DEFAULT_CRISIS_TEXT, QuestionnaireService
from diary.ui import text as T

# The intervals people actually use; a custom interval set elsewhere (CLI) is kept and shown as well.
INTERVALS = {7: "Every week", 14: "Every 2 weeks", 28: "Every 4 weeks", 91: "Every 3 months", 182: "Every 6 months"}

FilePicker = Callable[[], Awaitable[bytes | None]]


async def pick_json_file() -> bytes | None:
    """Ask the user for one JSON file and return its bytes (None if they cancelled). Works on web and desktop."""
    files = await ft.FilePicker().pick_files(
        dialog_title=T.WORDING_PICK_TITLE, file_type=ft.FilePickerFileType.CUSTOM, allowed_extensions=["json"],
        with_data=True)
    return files[0].bytes if files else None


class FormsSettings(ft.Column):
    """A Settings section; every change is saved at once and confirmed in a line under the section."""

    def __init__(self, service: QuestionnaireService, *, pick_file: FilePicker = pick_json_file):
        super().__init__(spacing=8, key="forms-settings")
        self._q, self._pick_file = service, pick_file
        self._status = ft.Text(key="forms-settings-status")
        self._crisis = ft.TextField(key="crisis-text", label=T.CRISIS_FIELD, multiline=True, min_lines=3,
                                    max_lines=8, max_length=2000, value=service.crisis_text())
        self.render()

    def render(self) -> None:
        schedule = self._q.schedule()
        rows = [self._schedule_row(instrument_id, every, on) for instrument_id, (every, on) in schedule.items()]
        clinic = self._q.clinic_wordings()
        wordings = [ft.Text(T.WORDING_LOADED.format(name=INSTRUMENTS[w.instrument_id].name, language=w.language,
                                                    source=w.sources[0]), key=f"wording-{w.instrument_id}", size=13)
                    for w in clinic] or [ft.Text(T.WORDING_NONE, size=13, color=ft.Colors.ON_SURFACE_VARIANT)]
        self.controls = [
            ft.Text(T.FORMS_SETTINGS_HEADING, weight=ft.FontWeight.W_600),
            ft.Text(T.FORMS_SETTINGS_HELP, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
            *rows,
            ft.Text(T.WORDING_HEADING, weight=ft.FontWeight.W_600),
            ft.Text(T.WORDING_HELP, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
            *wordings,
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

    def _schedule_row(self, instrument_id: str, every: int, on: bool) -> ft.Control:
        options = dict(INTERVALS)
        options.setdefault(every, f"Every {every} days")
        return ft.ResponsiveRow(vertical_alignment=ft.CrossAxisAlignment.CENTER, controls=[
            ft.Switch(label=INSTRUMENTS[instrument_id].name, value=on, key=f"schedule-on-{instrument_id}",
                      col={"xs": 5},
                      on_change=lambda e: self.set_schedule(instrument_id, every, enabled=e.control.value)),
            ft.Dropdown(key=f"schedule-every-{instrument_id}", value=str(every), dense=True, disabled=not on,
                        col={"xs": 7}, label=T.SCHEDULE_EVERY,
                        options=[ft.DropdownOption(key=str(d), text=t) for d, t in sorted(options.items())],
                        on_select=lambda e: self.set_schedule(instrument_id, int(e.control.value), enabled=on)),
        ])

    # Handlers (public so tests and the harness can drive them)
    def set_schedule(self, instrument_id: str, every_days: int, *, enabled: bool) -> None:
        try:
            self._q.set_schedule(instrument_id, every_days, enabled=enabled)
        except DiaryError as exc:
            return self._say(str(exc), error=True)
        name = INSTRUMENTS[instrument_id].name
        self.render()
        self._say(T.SCHEDULE_SAVED.format(name=name, every=INTERVALS.get(every_days, f"every {every_days} days").lower())
                  if enabled else T.SCHEDULE_OFF.format(name=name))

    async def _load_clicked(self, e=None) -> None:
        try:
            data = await self._pick_file()
        except Exception:  # the client could not open a file dialog (e.g. no zenity on Linux desktop)
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
        self._q.set_crisis_text(DEFAULT_CRISIS_TEXT)
        self._crisis.value = DEFAULT_CRISIS_TEXT
        self._say(T.HELP_TEXT_RESET)

    def _say(self, message: str, *, error: bool = False) -> None:
        self._status.value = message
        self._status.color = ft.Colors.ERROR if error else ft.Colors.PRIMARY  # Flet redraws after each handler
