"""The "Not logged yet today" banner at the top of Today (shown on open when a reminder is due).

"Log today" hides it and hands over to the check-in right below it (`on_open`); "Quiet today" turns on
quiet mode for the rest of the day, for flare days when logging is one thing too many.
"""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from diary.ui import text as T


class ReminderBanner(ft.Container):
    """`service`: the diary's reminders (Diary.reminders), for "Quiet today"."""

    def __init__(self, service, *, on_open: Callable[[], None] | None = None):
        super().__init__(key="reminder-banner", padding=12, border_radius=10, bgcolor=ft.Colors.TERTIARY_CONTAINER)
        self._service, self._on_open = service, on_open
        self.content = ft.Row(wrap=True, spacing=8, run_spacing=4,
                              vertical_alignment=ft.CrossAxisAlignment.CENTER, controls=[
            ft.Icon(ft.Icons.NOTIFICATIONS_ACTIVE, color=ft.Colors.ON_TERTIARY_CONTAINER),
            ft.Semantics(live_region=True, content=ft.Text(T.REMINDER_BANNER, key="reminder-text",
                                                           color=ft.Colors.ON_TERTIARY_CONTAINER,
                                                           weight=ft.FontWeight.W_600)),
            ft.FilledTonalButton(content=T.REMINDER_BANNER_ACTION, icon=ft.Icons.EDIT_NOTE, key="reminder-open",
                                 on_click=self.open_checkin),
            ft.TextButton(content=T.REMINDER_BANNER_QUIET, icon=ft.Icons.BEDTIME, key="reminder-quiet-today",
                          on_click=self.quiet_today),
        ])

    def open_checkin(self, e=None) -> None:
        self.visible = False
        if self._on_open:
            self._on_open()

    def quiet_today(self, e=None) -> None:
        self._service.save(self._service.settings().with_quiet("today", today=self._service.today()))
        self.visible = False


def reminder_banner(service, *, on_open: Callable[[], None] | None = None) -> list[ft.Control]:
    """The banner in a list, ready to splice into a screen's controls (show it when a reminder is due)."""
    return [ReminderBanner(service, on_open=on_open)]
