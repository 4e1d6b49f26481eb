"""A 0–10 rating row: eleven cells, one tap to answer, tap again to clear (back to missing).

For the keyboard the row is one Tab stop, like a radio group: the chosen cell (or 0) is the focusable
button, the arrow keys choose the next or previous value, Home and End choose 0 and 10, a digit
chooses itself, and Delete clears. Every cell is a named button for screen readers ("Pain 6,
selected"). With large text (150% and more) the row wraps into two, so "10" is never cut.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import flet as ft

from diary.ui import text as T
from diary.ui.components.display import Display
from diary.ui.components.handlers import on
from diary.ui.components.keyboard import Roving, step_index
from diary.ui.theme import TOUCH, focus_side

VALUES = range(11)
_serial = itertools.count()


class ScalePicker(Roving, ft.Column):
    """Label, the current answer, and 0…10 cells. `on_pick(value | None)` runs on every change."""

    def __init__(self, *, name: str, label: str, help_text: str, value: int | None,
                 on_pick: Callable[[int | None], None]):
        super().__init__(spacing=4, key=f"scale-{name}")
        self._name, self._label, self._on_pick = name, label, on_pick
        self.value = value
        self.active = value or 0
        self._large = False
        self._answer = ft.Text(size=14, key=f"{name}-answer")
        self._cells = ft.Container()
        self.controls = [
            # A label too long for the line (a longer translation, large text) wraps, and the answer moves
            # under it rather than off the screen.
            ft.Row(controls=[ft.Text(label, weight=ft.FontWeight.W_600, size=16), self._answer],
                   alignment=ft.MainAxisAlignment.SPACE_BETWEEN, wrap=True),
            ft.Text(help_text, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
            self._cells,
        ]
        self._paint()

    def did_mount(self) -> None:
        if Display.of(self.page).large_text != self._large:
            self._large = not self._large
            self._paint()
            self.update()

    # Choosing
    async def _pick(self, n: int) -> None:
        self.value = None if self.value == n else n
        self.active = n
        self._paint()
        self._on_pick(self.value)
        await self.keep_focus()

    async def arrow_key(self, name: str) -> bool:
        if name in ("Delete", "Backspace"):
            self.value = None
            self._paint()
            self._on_pick(None)
            return True
        index = int(name) if name.isdigit() else step_index(name, self.active, len(VALUES))
        if index is None:
            return False
        self.value = index
        self._on_pick(index)
        await self.move_to(index)
        return True

    # Drawing
    def moved(self, index: int) -> None:
        self._paint()

    def door(self) -> ft.Control:
        return self._door

    def _paint(self) -> None:
        self._answer.value = T.NOT_ANSWERED if self.value is None else f"{self.value} / 10"
        self._answer.color = ft.Colors.ON_SURFACE_VARIANT if self.value is None else ft.Colors.PRIMARY
        cells = [self._cell(n) for n in VALUES]
        rows = [cells[:6], cells[6:]] if self._large else [cells]
        # A fresh key per drawing: the focusable cell changes type, and Flet must not reconcile by key. One row
        # needs no column around it.
        key = f"{self._name}-cells#{next(_serial)}"
        self._cells.content = ft.Column(spacing=3, key=key, controls=[ft.Row(controls=row, spacing=3) for row in rows]
                                        ) if self._large else ft.Row(controls=cells, spacing=3, key=key)

    def _cell(self, n: int) -> ft.Control:
        chosen = n == self.value
        label = f"{self._label} {n}" + (", selected" if chosen else "")
        background = ft.Colors.PRIMARY if chosen else ft.Colors.SURFACE_CONTAINER_HIGHEST
        colour = ft.Colors.ON_PRIMARY if chosen else ft.Colors.ON_SURFACE
        digit = ft.Text(str(n), semantics_label=label, size=15, color=colour, no_wrap=True)
        if n == self.active:  # the one Tab stop of the row
            self._door = ft.TextButton(
                content=digit, key=f"{self._name}-{n}", expand=1, height=TOUCH,
                on_click=on(self._pick, n), on_focus=self.focused, on_blur=self.blurred,
                style=ft.ButtonStyle(padding=ft.Padding.all(0), shape=ft.RoundedRectangleBorder(radius=8),
                                     bgcolor=background, color=colour, side=focus_side()))
            return self._door
        # A Container with on_click (and no ink) is Flutter's GestureDetector with the click cursor, not focusable:
        # the same cell as a GestureDetector around a Container, in one control less (the first screen has 50).
        return ft.Semantics(container=True, button=True, selected=chosen, expand=1, content=ft.Container(
            key=f"{self._name}-{n}", on_click=on(self._pick, n), height=TOUCH, border_radius=8, bgcolor=background,
            alignment=ft.Alignment.CENTER, content=digit))
