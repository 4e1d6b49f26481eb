"""A one-of-several answer drawn as a wide button (a goal's levels, for the patient and the
physiotherapist alike). The chosen one is filled, outlined, ticked and bold, and its name says
"selected": never colour alone, never bold alone."""

from __future__ import annotations

import flet as ft

SELECTED = ", selected"


def choice_button(words: str, *, spoken: str, key: str, on_click) -> ft.OutlinedButton:
    """`spoken` is what a screen reader says for it ("Walk to work again: 0  Walks 3 days a week")."""
    button = ft.OutlinedButton(key=key, content=ft.Text(words, semantics_label=spoken), on_click=on_click)
    mark(button, False)
    return button


def mark(button: ft.OutlinedButton, chosen: bool) -> None:
    """Show whether this answer is the chosen one (a new style each time: Flet freezes a style once sent)."""
    button.style = ft.ButtonStyle(
        shape=ft.RoundedRectangleBorder(radius=10), alignment=ft.Alignment.CENTER_LEFT,
        padding=ft.Padding.symmetric(horizontal=14, vertical=12),
        bgcolor=ft.Colors.PRIMARY_CONTAINER if chosen else None,
        color=ft.Colors.ON_PRIMARY_CONTAINER if chosen else None,
        side={ft.ControlState.FOCUSED: ft.BorderSide(3, ft.Colors.ON_SURFACE),
              ft.ControlState.DEFAULT: ft.BorderSide(2 if chosen else 1,
                                                     ft.Colors.PRIMARY if chosen else ft.Colors.OUTLINE)})
    button.icon = ft.Icons.CHECK_CIRCLE if chosen else None
    button.content.weight = ft.FontWeight.W_600 if chosen else None
    button.content.semantics_label = button.content.semantics_label.removesuffix(SELECTED) + (
        SELECTED if chosen else "")
