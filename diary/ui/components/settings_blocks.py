"""Blocks both Settings screens show: the language, the light/dark choice, the data folder, the privacy note,
the version."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from diary import __version__
from diary.i18n import LANGUAGES, SOURCE_LANGUAGE, current_language
from diary.ui import text as T
from diary.ui.components.named import CopyableText


def language_picker(*, on_language: Callable[[str], None]) -> ft.Control:
    """Svenska or English, each named in its own language: saved in the home and applied at once (the
    open screen is drawn again in the new words)."""
    return ft.Column(spacing=4, controls=[
        ft.Text(T.LANGUAGE, weight=ft.FontWeight.W_600),
        ft.SegmentedButton(
            key="language", selected=[current_language() if current_language() in LANGUAGES else SOURCE_LANGUAGE],
            allow_empty_selection=False,
            segments=[ft.Segment(value=code, label=name) for code, name in LANGUAGES.items()],
            on_change=lambda e: on_language(e.control.selected[0]),
        ),
    ])


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


def privacy(heading: str, text: str) -> ft.Control:
    return ft.Column(spacing=4, controls=[ft.Text(heading, weight=ft.FontWeight.W_600),
                                          ft.Text(text, key="privacy")])


def version() -> ft.Control:
    return ft.Text(T.VERSION.format(version=__version__), key="version", color=ft.Colors.ON_SURFACE_VARIANT)
