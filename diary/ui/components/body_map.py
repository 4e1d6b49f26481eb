"""The body map: front and back figures whose 19 WPI regions are buttons.

Each region is a real button (keyboard-focusable, activated with Enter or Space) named for screen
readers ("Left shoulder, painful"). The front figure is seen face on, so the person's left side is on
the viewer's right, as on clinical pain drawings; small R/L marks say so.
"""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from diary.domain.body_layout import BACK, BACK_OUTLINE, FIGURE_H, FIGURE_W, FRONT, HEAD
from diary.ui import text as T




class BodyMap(ft.Column):
    """`on_toggle(region)` runs when a region is tapped; `on_no_pain(bool)` for the explicit choice."""

    def __init__(self, *, selected: frozenset[str], no_pain: bool,
                 on_toggle: Callable[[str], None], on_no_pain: Callable[[bool], None]):
        super().__init__(spacing=8, key="body-map", horizontal_alignment=ft.CrossAxisAlignment.CENTER)
        self._on_toggle = on_toggle
        self._buttons: dict[str, ft.Control] = {}
        self._no_pain = ft.Checkbox(label=T.NO_PAIN, value=no_pain, key="no-pain",
                                    on_change=lambda e: on_no_pain(bool(e.control.value)))
        self._chosen = ft.Text(size=13, key="regions-chosen", color=ft.Colors.ON_SURFACE_VARIANT)
        self.controls = [
            ft.Row(
                controls=[self._figure(T.FRONT, FRONT, outline=[], sides=(T.SIDE_RIGHT, T.SIDE_LEFT)),
                          self._figure(T.BACK, BACK, outline=BACK_OUTLINE, sides=(T.SIDE_LEFT, T.SIDE_RIGHT))],
                alignment=ft.MainAxisAlignment.CENTER, spacing=24,
            ),
            self._chosen,
            self._no_pain,
        ]
        self.show(selected, no_pain)

    def _figure(self, title, regions, *, outline, sides) -> ft.Control:
        shapes: list[ft.Control] = [
            ft.Container(left=HEAD[0], top=HEAD[1], width=HEAD[2], height=HEAD[3], border_radius=24,
                         bgcolor=ft.Colors.SURFACE_CONTAINER_HIGH),
        ]
        shapes += [ft.Container(left=x, top=y, width=w, height=h, border_radius=8, bgcolor=ft.Colors.SURFACE_CONTAINER_HIGH)
                   for x, y, w, h in outline]
        for region, (x, y, w, h) in regions.items():
            button = ft.FilledButton(
                key=f"region-{region}", left=x, top=y, width=w, height=h,
                content=ft.Text("", semantics_label=T.REGION_NAMES[region]),
                tooltip=T.REGION_NAMES[region],
                on_click=lambda e, r=region: self._on_toggle(r),
            )
            self._buttons[region] = button
            shapes.append(button)
        return ft.Column(
            spacing=2, horizontal_alignment=ft.CrossAxisAlignment.CENTER,
            controls=[
                ft.Text(title, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
                ft.Stack(controls=shapes, width=FIGURE_W, height=FIGURE_H),
                ft.Row(controls=[ft.Text(s, size=11, color=ft.Colors.ON_SURFACE_VARIANT) for s in sides],
                       width=FIGURE_W, alignment=ft.MainAxisAlignment.SPACE_BETWEEN),
            ],
        )

    def show(self, selected: frozenset[str], no_pain: bool) -> None:
        """Repaint for the given selection."""
        for region, button in self._buttons.items():
            on = region in selected
            name = T.REGION_NAMES[region]
            button.bgcolor = ft.Colors.ERROR if on else ft.Colors.SURFACE_CONTAINER_HIGHEST
            button.content.semantics_label = (T.REGION_SELECTED if on else T.REGION_NOT_SELECTED).format(region=name)
            button.style = ft.ButtonStyle(  # a new value each time: Flet freezes styles once sent
                padding=ft.Padding.all(0), shape=ft.RoundedRectangleBorder(radius=8),
                side=ft.BorderSide(width=1, color=ft.Colors.OUTLINE_VARIANT),
            )
        self._no_pain.value = no_pain
        names = [T.REGION_NAMES[r] for r in T.REGION_NAMES if r in selected]
        self._chosen.value = ", ".join(names) if names else T.BODY_MAP_HELP
