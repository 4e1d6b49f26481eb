"""Pairing a patient, in person: paste their signing key (or open a key file), compare the safety number
with the one on the patient's Share screen, choose their label, confirm. A key that differs from the
one paired under that label is refused with an explanation and a deliberate re-pair button."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import flet as ft

from diary.domain.errors import DiaryError
from diary.services.pairing import KeyChanged
from diary.ui.clinician import text as T
from diary.ui.components.view import fresh_view


async def pick_key_file() -> str | None:
    files = await ft.FilePicker().pick_files(dialog_title=T.KEY_FILE_PICK, with_data=True)
    return files[0].bytes.decode("utf-8", errors="replace") if files and files[0].bytes else None


class PairingCard(ft.Container):
    def __init__(self, diary, *, pick_key: Callable[[], Awaitable[str | None]] = pick_key_file):
        super().__init__(key="pair-card", padding=14, border_radius=12, bgcolor=ft.Colors.SURFACE_CONTAINER_LOW)
        self._diary, self._pick_key = diary, pick_key
        self.show_form()

    def _show(self, controls: list[ft.Control], name: str) -> None:
        self.content = fresh_view(controls, name=name, spacing=10, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)

    def _notice(self, message: str, *, key: str, error: bool = False) -> ft.Control:
        return ft.Container(padding=12, border_radius=8, key=key,
                            bgcolor=ft.Colors.ERROR_CONTAINER if error else ft.Colors.PRIMARY_CONTAINER,
                            content=ft.Text(message, key=f"{key}-text"))

    def show_form(self, message: str | None = None, *, done: str | None = None, key_value: str = "",
                  label: str = "") -> None:
        self._key = ft.TextField(label=T.THEIR_KEY, key="patient-key", multiline=True, min_lines=2, max_lines=4,
                                 hint_text=T.THEIR_KEY_HINT, value=key_value)
        self._label = ft.TextField(label=T.THEIR_LABEL, key="patient-label-field", hint_text=T.THEIR_LABEL_HINT,
                                   dense=True, value=label)
        self._error = ft.Text(message or "", key="pair-error", color=ft.Colors.ERROR)
        self._show([
            ft.Text(T.PAIR_HEADING, size=18, weight=ft.FontWeight.W_600),
            *([self._notice(done, key="pair-done")] if done else []),
            ft.Text(T.PAIR_HELP, size=13),
            self._key,
            ft.Row(controls=[ft.TextButton(content=T.OPEN_KEY_FILE, icon=ft.Icons.FILE_OPEN_OUTLINED,
                                           key="open-key-file", on_click=self._open_key_file)]),
            self._label,
            self._error,
            ft.Row(controls=[ft.FilledButton(content=T.CHECK_KEY, key="check-key", on_click=lambda e: self.check_key())]),
        ], "pair-form")

    async def _open_key_file(self, e=None) -> None:
        try:
            text = await self._pick_key()
        except Exception:  # no file dialog on this device
            self._error.value = T.NO_FILE_DIALOG
            return
        if text:
            self._key.value = text.strip()

    def check_key(self) -> None:
        value = (self._key.value or "").strip()
        label = (self._label.value or "").strip()
        if not value:
            self._error.value = T.KEY_EMPTY
            return
        try:
            preview = self._diary.pairing.preview(value)
        except DiaryError as exc:
            self._error.value = str(exc)
            return
        if not label:
            self._error.value = T.LABEL_EMPTY
            return
        self._show([
            ft.Text(T.COMPARE_HEADING, size=18, weight=ft.FontWeight.W_600),
            ft.Text(T.COMPARE_HELP, size=13),
            ft.Container(padding=14, border_radius=8, bgcolor=ft.Colors.SECONDARY_CONTAINER, content=ft.Text(
                # selectable text is invisible to screen readers on the web unless it has a semantics label
                preview.safety_number, size=22, font_family="monospace", selectable=True, key="safety-number",
                semantics_label=preview.safety_number,
                text_align=ft.TextAlign.CENTER)),
            ft.Text(T.COMPARE_FINGERPRINT.format(fp=preview.fingerprint[:16]), size=12,
                    color=ft.Colors.ON_SURFACE_VARIANT),
            ft.Text(T.ALREADY_PAIRED_AS.format(label=preview.paired_as) if preview.paired_as
                    else T.COMPARE_LABEL.format(label=label), key="compare-label"),
            ft.Row(wrap=True, controls=[
                ft.FilledButton(content=T.NUMBERS_MATCH, icon=ft.Icons.CHECK, key="numbers-match",
                                on_click=lambda e: self.pair(value, label)),
                ft.TextButton(content=T.NUMBERS_DIFFER, key="numbers-differ",
                              on_click=lambda e: self.show_form(T.PAIR_CANCELLED)),
            ]),
        ], "pair-compare")

    def pair(self, value: str, label: str, *, re_pair: bool = False) -> None:
        try:
            result = self._diary.pairing.pair(value, label=label, re_pair=re_pair)
        except KeyChanged as exc:
            return self._show([
                ft.Text(T.KEY_CHANGED_HEADING, size=18, weight=ft.FontWeight.W_600),
                ft.Text(str(exc), key="key-changed"),
                ft.Row(wrap=True, controls=[
                    ft.OutlinedButton(content=T.RE_PAIR, key="re-pair",
                                      on_click=lambda e: self.pair(value, label, re_pair=True)),
                    ft.TextButton(content=T.CANCEL, key="re-pair-cancel", on_click=lambda e: self.show_form()),
                ]),
            ], "pair-changed")
        except DiaryError as exc:
            return self.show_form(str(exc), key_value=value, label=label)
        message = {"paired": T.PAIRED, "already_paired": T.ALREADY_PAIRED, "re_paired": T.RE_PAIRED}[result.outcome]
        self.show_form(done=message.format(label=result.label))
