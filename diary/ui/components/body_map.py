"""The body map: front and back figures whose 19 WPI regions are buttons.

Each region is a real button (keyboard-focusable, activated with Enter or Space) named for screen
readers ("Left shoulder, painful"). The front figure is seen face on, so the person's left side is on
the viewer's right, as on clinical pain drawings; small R/L marks say so.
"""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from diary.ui import text as T

FIGURE_W, FIGURE_H = 150, 312

# region → (left, top, width, height) on its figure, in logical pixels.
FRONT: dict[str, tuple[int, int, int, int]] = {
    "jaw_right": (51, 34, 23, 16), "jaw_left": (76, 34, 23, 16),
    "neck": (62, 52, 26, 14),
    "shoulder_right": (24, 68, 48, 20), "shoulder_left": (78, 68, 48, 20),
    "upper_arm_right": (10, 90, 34, 50), "upper_arm_left": (106, 90, 34, 50),
    "lower_arm_right": (0, 142, 38, 56), "lower_arm_left": (112, 142, 38, 56),
    "chest": (46, 90, 58, 36), "abdomen": (46, 128, 58, 34),
    "hip_right": (44, 164, 30, 28), "hip_left": (76, 164, 30, 28),
    "upper_leg_right": (44, 194, 30, 54), "upper_leg_left": (76, 194, 30, 54),
    "lower_leg_right": (46, 250, 27, 60), "lower_leg_left": (77, 250, 27, 60),
}
BACK: dict[str, tuple[int, int, int, int]] = {
    "upper_back": (40, 68, 70, 58), "lower_back": (46, 128, 58, 34),
}
# Drawn but not tappable on the back figure, so it reads as a body.
BACK_OUTLINE: list[tuple[int, int, int, int]] = [
    (62, 52, 26, 14), (10, 72, 30, 68), (110, 72, 30, 68), (0, 142, 38, 56), (112, 142, 38, 56),
    (44, 164, 62, 28), (44, 194, 30, 54), (76, 194, 30, 54), (46, 250, 27, 60), (77, 250, 27, 60),
]
HEAD = (51, 0, 48, 48)


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
                controls=[self._figure(T.FRONT, FRONT, outline=[], sides=("R", "L")),
                          self._figure(T.BACK, BACK, outline=BACK_OUTLINE, sides=("L", "R"))],
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
