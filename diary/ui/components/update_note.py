"""Today's one line after the phone app was updated: "Updated to version N", with a button that dismisses
it (diary.ui.state.updates words it; diary.services.app_updates decides when it is due)."""

from __future__ import annotations

import flet as ft

from diary.ui import text as T
from diary.ui.components.named import icon_button
from diary.ui.state.updates import dismiss, update_sentence


class UpdateNote(ft.Container):
    """The note; `meta` is the diary's MetaRepository, where dismissing it is remembered."""

    def __init__(self, meta, sentence: str):
        super().__init__(key="update-note", padding=ft.Padding.only(left=12, right=4, top=4, bottom=4),
                         border_radius=10, bgcolor=ft.Colors.SECONDARY_CONTAINER)
        self._meta = meta
        self.content = ft.Row(spacing=8, vertical_alignment=ft.CrossAxisAlignment.CENTER, controls=[
            ft.Icon(ft.Icons.SYSTEM_UPDATE, color=ft.Colors.ON_SECONDARY_CONTAINER, size=20),
            ft.Semantics(live_region=True, expand=True, content=ft.Text(
                sentence, key="update-note-text", color=ft.Colors.ON_SECONDARY_CONTAINER)),
            icon_button(ft.Icons.CLOSE, T.UPDATE_NOTE_DISMISS, key="update-note-dismiss", tooltip=T.UPDATE_NOTE_DISMISS,
                        icon_color=ft.Colors.ON_SECONDARY_CONTAINER, on_click=self.dismiss),
        ])

    def dismiss(self, e=None) -> None:
        dismiss(self._meta)
        self.visible = False
        if e is not None:
            self.update()


def update_notes(meta) -> list[ft.Control]:
    """The note in a list, ready to splice into Today's controls; empty when nothing is due."""
    sentence = update_sentence(meta)
    return [UpdateNote(meta, sentence)] if sentence else []
