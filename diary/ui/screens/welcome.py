"""The first-run welcome: one screen, skippable. What the diary is for, where the data lives (and that
it never leaves the device unless exported), an optional daily reminder, optional pairing. Shown once,
before the first check-in; Skip, Start or Pair all end it (diary.finish_welcome)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

import flet as ft

from diary.ui import text as T
from diary.ui.components.named import NamedDropdown
from diary.ui.state.welcome import WelcomeView, read_welcome


def _section(heading: str, *controls: ft.Control) -> ft.Control:
    return ft.Column(spacing=6, controls=[ft.Text(heading, size=16, weight=ft.FontWeight.W_600), *controls])


class WelcomeScreen(ft.Column):
    """`on_done(destination, **options)` opens where the user goes next (Today, or Share's pairing)."""

    def __init__(self, diary, *, on_done: Callable[..., None]):
        super().__init__(key="welcome-screen", spacing=18, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._diary, self._on_done = diary, on_done
        self._draw(read_welcome(diary))

    def _draw(self, view: WelcomeView) -> None:
        self._remind = ft.Switch(key="welcome-remind", label=T.WELCOME_REMINDER, value=False,
                                 on_change=lambda e: setattr(self._time, "disabled", not e.control.value))
        self._time = NamedDropdown(key="welcome-time", label=T.REMINDER_TIME, value=view.suggested, dense=True,
                                   disabled=True, width=160, options=[ft.DropdownOption(key=t) for t in view.times])
        self.controls = [
            ft.Text(T.WELCOME_HEADING, size=24, weight=ft.FontWeight.W_600),
            ft.Text(T.WELCOME_WHAT, key="welcome-what"),
            _section(T.WELCOME_WHERE_HEADING, ft.Text(view.where, key="welcome-where")),
            _section(T.WELCOME_REMINDER_HEADING, self._remind, self._time, ft.Text(
                T.REMINDER_WHERE, size=12, color=ft.Colors.ON_SURFACE_VARIANT)),
            _section(T.WELCOME_PAIR_HEADING, ft.Text(T.WELCOME_PAIR_HELP), ft.Row(wrap=True, controls=[
                ft.OutlinedButton(content=T.WELCOME_PAIR, icon=ft.Icons.QR_CODE_2, key="welcome-pair",
                                  on_click=lambda e: self.finish("share", pair=True))])),
            ft.Row(wrap=True, alignment=ft.MainAxisAlignment.END, controls=[
                ft.TextButton(content=T.WELCOME_SKIP, key="welcome-skip", on_click=lambda e: self.skip()),
                ft.FilledButton(content=T.WELCOME_START, icon=ft.Icons.ARROW_FORWARD, key="welcome-start",
                                on_click=lambda e: self.finish("today")),
            ]),
        ]

    def skip(self) -> None:
        """Nothing chosen is kept: no reminder."""
        self._diary.finish_welcome()
        self._on_done("today")

    def finish(self, destination: str, **options) -> None:
        remind_at = time.fromisoformat(self._time.value) if self._remind.value and self._time.value else None
        self._diary.finish_welcome(remind_at=remind_at)
        self._on_done(destination, **options)
