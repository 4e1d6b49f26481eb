"""The body map: front and back figures whose 19 WPI regions are buttons.

Every region is a named button for screen readers ("Left shoulder, painful"), on both figures: the
back's neck, arms, hips (buttocks) and legs are the same regions as the front's, with the same names
and states. For the keyboard the whole map is one Tab stop: the arrow keys visit the regions in a fixed
order (the front top to bottom, then the back), Space or Enter marks one, Home and End jump to the
first and last. The front figure is seen face on, so the person's left side is on the viewer's right,
as on clinical pain drawings; small R/L marks say so.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import flet as ft

from diary.domain.body_layout import (
    BACK_LIMBS, BACK_OUTLINE, BACK_TAPPABLE, FIGURE_H, FIGURE_W, FRONT, HEAD, reading_order,
)
from diary.ui import text as T
from diary.ui.components.handlers import on
from diary.ui.components.keyboard import Roving, step_index
from diary.ui.theme import focus_side

# (figure, region) in the order the arrow keys visit them.
ORDER = [("front", r) for r in reading_order(FRONT)] + [("back", r) for r in reading_order(BACK_TAPPABLE)]
LAYOUT = {"front": FRONT, "back": BACK_TAPPABLE}
# Drawn but not tappable on the back: the outline pieces that are now regions are left out.
BACK_SHAPES = [box for box in BACK_OUTLINE if box not in BACK_LIMBS.values() and box != (44, 164, 62, 28)]
_serial = itertools.count()


def region_key(figure: str, region: str) -> str:
    """A region's key; the back's copy of a front region gets "-back"."""
    return f"region-{region}-back" if figure == "back" and region in FRONT else f"region-{region}"


class BodyMap(Roving, ft.Column):
    """`on_toggle(region)` runs when a region is tapped; `on_no_pain(bool)` for the explicit choice."""

    def __init__(self, *, selected: frozenset[str], no_pain: bool,
                 on_toggle: Callable[[str], None], on_no_pain: Callable[[bool], None]):
        super().__init__(spacing=8, key="body-map", horizontal_alignment=ft.CrossAxisAlignment.CENTER)
        self._on_toggle = on_toggle
        self._selected = selected
        self.active = 0
        self._no_pain = ft.Checkbox(label=T.NO_PAIN, value=no_pain, key="no-pain",
                                    on_change=lambda e: on_no_pain(bool(e.control.value)))
        self._chosen = ft.Text(size=13, key="regions-chosen", color=ft.Colors.ON_SURFACE_VARIANT)
        self._figures = ft.Container()
        self.controls = [self._figures, self._chosen, self._no_pain]
        self.show(selected, no_pain)

    def show(self, selected: frozenset[str], no_pain: bool) -> None:
        """Repaint for the given selection."""
        self._selected = selected
        self._no_pain.value = no_pain
        names = [T.REGION_NAMES[r] for r in T.REGION_NAMES if r in selected]
        self._chosen.value = ", ".join(names) if names else T.BODY_MAP_HELP
        self._paint()

    # The keyboard
    async def arrow_key(self, name: str) -> bool:
        index = step_index(name, self.active, len(ORDER))
        if index is None:
            return False
        await self.move_to(index)
        return True

    def moved(self, index: int) -> None:
        self._paint()

    def door(self) -> ft.Control:
        return self._door

    async def _tap(self, index: int) -> None:
        self.active = index
        self._on_toggle(ORDER[index][1])
        await self.keep_focus()

    # Drawing
    def _paint(self) -> None:
        self._figures.content = ft.Row(
            key=f"body-figures#{next(_serial)}", alignment=ft.MainAxisAlignment.CENTER, spacing=24,
            controls=[self._figure("front", T.FRONT, outline=[], sides=(T.SIDE_RIGHT, T.SIDE_LEFT)),
                      self._figure("back", T.BACK, outline=BACK_SHAPES, sides=(T.SIDE_LEFT, T.SIDE_RIGHT))])

    def _figure(self, figure: str, title: str, *, outline, sides) -> ft.Control:
        shapes: list[ft.Control] = [
            ft.Container(left=x, top=y, width=w, height=h, border_radius=24 if (x, y, w, h) == HEAD else 8,
                         bgcolor=ft.Colors.SURFACE_CONTAINER_HIGH) for x, y, w, h in [HEAD, *outline]]
        shapes += [self._region(i, figure, region) for i, (f, region) in enumerate(ORDER) if f == figure]
        return ft.Column(spacing=2, horizontal_alignment=ft.CrossAxisAlignment.CENTER, controls=[
            ft.Text(title, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
            ft.Stack(controls=shapes, width=FIGURE_W, height=FIGURE_H),
            ft.Row(controls=[ft.Text(s, size=11, color=ft.Colors.ON_SURFACE_VARIANT) for s in sides],
                   width=FIGURE_W, alignment=ft.MainAxisAlignment.SPACE_BETWEEN),
        ])

    def _region(self, index: int, figure: str, region: str) -> ft.Control:
        x, y, w, h = LAYOUT[figure][region]
        painful = region in self._selected
        name = T.REGION_NAMES[region]
        label = (T.REGION_SELECTED if painful else T.REGION_NOT_SELECTED).format(region=name)
        fill = ft.Colors.ERROR if painful else ft.Colors.SURFACE_CONTAINER_HIGHEST
        edge = ft.BorderSide(width=1, color=ft.Colors.OUTLINE_VARIANT)
        key = region_key(figure, region)
        if index == self.active:  # the map's one Tab stop
            self._door = ft.FilledButton(
                key=key, left=x, top=y, width=w, height=h, bgcolor=fill,
                content=ft.Text("", semantics_label=label), on_click=on(self._tap, index),
                on_focus=self.focused, on_blur=self.blurred,
                style=ft.ButtonStyle(padding=ft.Padding.all(0), shape=ft.RoundedRectangleBorder(radius=8),
                                     side=focus_side(edge)))
            return self._door
        # The inner Container's on_click (no ink) is Flutter's GestureDetector with the click cursor, not focusable.
        return ft.Container(left=x, top=y, width=w, height=h, content=ft.Semantics(
            container=True, button=True, selected=painful, label=label, content=ft.Container(
                key=key, on_click=on(self._tap, index), width=w, height=h, border_radius=8, bgcolor=fill,
                border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT))))
