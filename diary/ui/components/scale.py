"""A 0–10 rating row: eleven buttons, one tap to answer, tap again to clear (back to missing)."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from diary.ui import text as T
from diary.ui.theme import TOUCH


class ScalePicker(ft.Column):
    """Label, the current answer, and 0…10 buttons. `on_pick(value | None)` runs on every change."""

    def __init__(self, *, name: str, label: str, help_text: str, value: int | None,
                 on_pick: Callable[[int | None], None]):
        super().__init__(spacing=4, key=f"scale-{name}")
        self._name, self._label, self._on_pick = name, label, on_pick
        self.value = value
        self._answer = ft.Text(size=14, key=f"{name}-answer")
        self._buttons = [self._button(n) for n in range(11)]
        self.controls = [
            ft.Row(
                # The label takes the room left and wraps: a longer translation must not push the answer off.
                controls=[ft.Text(label, weight=ft.FontWeight.W_600, size=16, expand=True), self._answer],
                alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
            ),
            ft.Text(help_text, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
            ft.Row(controls=self._buttons, spacing=3),
        ]
        self._paint()

    def _button(self, n: int) -> ft.Control:
        return ft.TextButton(
            content=ft.Text(str(n), semantics_label=f"{self._label} {n}", size=15),
            key=f"{self._name}-{n}",
            expand=1,
            height=TOUCH,
            on_click=lambda e, n=n: self._pick(n),
        )

    def _pick(self, n: int) -> None:
        self.value = None if self.value == n else n
        self._paint()
        self._on_pick(self.value)

    def _paint(self) -> None:
        self._answer.value = T.NOT_ANSWERED if self.value is None else f"{self.value} / 10"
        self._answer.color = ft.Colors.ON_SURFACE_VARIANT if self.value is None else ft.Colors.PRIMARY
        for n, button in enumerate(self._buttons):
            chosen = n == self.value
            # Styles are values that Flet freezes once sent: replace them, never mutate.
            button.style = ft.ButtonStyle(
                padding=ft.Padding.all(0), shape=ft.RoundedRectangleBorder(radius=8),
                bgcolor=ft.Colors.PRIMARY if chosen else ft.Colors.SURFACE_CONTAINER_HIGHEST,
                color=ft.Colors.ON_PRIMARY if chosen else ft.Colors.ON_SURFACE,
            )
            button.content.semantics_label = f"{self._label} {n}" + (", selected" if chosen else "")
