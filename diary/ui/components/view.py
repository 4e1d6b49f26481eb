"""Fresh views for screens that re-render.

Flet 1.0 diffs a replaced list of controls by key: when an old and a new control share a key, it keeps
the old instance and freezes the new one, so the screen's references to the new controls can no
longer be changed ("Frozen controls cannot be updated"). A screen that rebuilds its content
therefore wraps each rendering in a column whose key is never reused: the old subtree is removed and
the new one added whole, and the keys inside (which tests look up) can stay the same.
"""

import itertools

import flet as ft

_serial = itertools.count(1)


def fresh_view(controls: list[ft.Control], *, name: str, spacing: float = 12, **kwargs) -> ft.Column:
    return ft.Column(controls=controls, key=f"{name}#{next(_serial)}", spacing=spacing, **kwargs)


class Screen(ft.Column):
    """A screen whose pages (a list, a form, a result) replace each other: `_show` puts one up in a fresh view."""

    page_spacing: float = 12

    def _show(self, controls: list[ft.Control], name: str) -> None:
        self.controls = [fresh_view(controls, name=name, spacing=self.page_spacing,
                                    horizontal_alignment=ft.CrossAxisAlignment.STRETCH)]
