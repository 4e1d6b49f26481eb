"""Blocks both Settings screens show: the light/dark choice, the data folder (or, in the phone app, the
browser's storage and whether the browser agreed to keep it), the privacy note, the version."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from diary import __version__
from diary.platform import current as platform
from diary.ui import text as T
from diary.ui.components.named import CopyableText


def theme_picker(current: str, *, on_theme: Callable[[str], None]) -> ft.Control:
    """System, light or dark: saved for the next start and applied at once."""
    return ft.Column(spacing=4, controls=[
        ft.Text(T.THEME, weight=ft.FontWeight.W_600),
        ft.SegmentedButton(
            key="theme", selected=[current], allow_empty_selection=False,
            segments=[ft.Segment(value="system", label=T.THEME_SYSTEM),
                      ft.Segment(value="light", label=T.THEME_LIGHT),
                      ft.Segment(value="dark", label=T.THEME_DARK)],
            on_change=lambda e: on_theme(e.control.selected[0]),
        ),
    ])


def data_folder(heading: str, folder: str, lines: list[ft.Control], help_text: str) -> ft.Control:
    """Where the data lives (selectable, with a label so screen readers read it), and what is there."""
    return ft.Column(spacing=4, controls=[
        ft.Text(heading, weight=ft.FontWeight.W_600),
        CopyableText(folder, key="data-folder", font_family="monospace"),
        *lines,
        ft.Text(help_text, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
    ])


class BrowserStorage(ft.Column):
    """Where a phone app's diary is kept, and whether the browser granted durable storage (asked once
    shown: the answer is the platform's, navigator.storage.persisted())."""

    def __init__(self, lines: list[ft.Control]):
        self._persistence = ft.Text(T.PERSISTENCE_CHECKING, key="persistence")
        super().__init__(spacing=4, key="browser-storage", controls=[
            ft.Text(T.KEPT_IN_BROWSER, weight=ft.FontWeight.W_600),
            ft.Text(T.KEPT_IN_BROWSER_TEXT, key="kept-in-browser"),
            *lines,
            self._persistence,
        ])

    def did_mount(self) -> None:
        self.page.run_task(self._ask)

    async def _ask(self) -> None:
        granted = await platform().home.persisted()
        self._persistence.value = T.PERSISTENCE_GRANTED if granted else T.PERSISTENCE_NOT_GRANTED
        self._persistence.visible = granted is not None
        try:
            self.update()
        except RuntimeError:  # the user left Settings meanwhile
            pass


def privacy(heading: str, text: str) -> ft.Control:
    return ft.Column(spacing=4, controls=[ft.Text(heading, weight=ft.FontWeight.W_600),
                                          ft.Text(text, key="privacy")])


def version() -> ft.Control:
    return ft.Text(T.VERSION.format(version=__version__), key="version", color=ft.Colors.ON_SURFACE_VARIANT)
