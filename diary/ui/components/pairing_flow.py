"""The one pairing flow (diary/ui/state/pairing.py says what each step shows): paste the other side's key
or open a key file, compare the safety number in person, confirm; a key that differs from the one paired
under that label is explained and needs a deliberate re-pair.

Share shows it in place of its page (with a way back); the clinician's Settings shows it in a card.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import flet as ft

from diary.domain.errors import DiaryError
from diary.platform import current as platform
from diary.ui.components.saving import durable
from diary.ui.components.view import fresh_view
from diary.ui.state.pairing import Compare, PairingSide, compare, done_message, input_problem, is_key_change
from diary.ui.components.named import CopyableText

KeyPicker = Callable[[], Awaitable[str | None]]


def key_file_picker(title: str) -> KeyPicker:
    """The platform's file dialog, asking for one key file; its text (None when cancelled)."""

    async def pick() -> str | None:
        files = await platform().files.pick(title=title)
        return files[0].data.decode("utf-8", errors="replace") if files and files[0].data else None

    return pick


def notice(message: str, *, key: str, error: bool = False, text_key: str | None = None) -> ft.Control:
    return ft.Container(padding=12, border_radius=8, key=key,
                        bgcolor=ft.Colors.ERROR_CONTAINER if error else ft.Colors.PRIMARY_CONTAINER,
                        content=ft.Text(message, key=text_key))


class PairingFlow(ft.Container):
    """Pairing for one side. `on_done(sentence)`: paired (or already); `on_cancel()`: left at the
    key-changed page; `back`: (label, key, callback) for a way back shown on every page, or None."""

    def __init__(self, pairing, side: PairingSide, *, on_done: Callable[[str], None],
                 on_cancel: Callable[[], None] | None = None, pick_key: KeyPicker | None = None,
                 back: tuple[str, str, Callable[[], None]] | None = None, spacing: float = 12, **container):
        super().__init__(**container)
        self._pairing, self._side, self._on_done, self._back = pairing, side, on_done, back
        self._on_cancel = on_cancel or (lambda: self.show_form())
        self._pick_key = pick_key or key_file_picker(side.words.KEY_FILE_PICK)
        self._spacing = spacing
        self.show_form()

    def _show(self, controls: list[ft.Control], name: str) -> None:
        back = []
        if self._back:
            label, key, go = self._back
            back = [ft.Row(controls=[ft.TextButton(content=label, icon=ft.Icons.ARROW_BACK, key=key,
                                                   on_click=lambda e: go())])]
        self.content = fresh_view(back + controls, name=name, spacing=self._spacing,
                                  horizontal_alignment=ft.CrossAxisAlignment.STRETCH)

    def _heading(self, text: str) -> ft.Control:
        return ft.Text(text, size=self._side.heading_size, weight=ft.FontWeight.W_600)

    # Step 1: the key
    def show_form(self, message: str | None = None, *, done: str | None = None, key_value: str = "",
                  label: str | None = None) -> None:
        side, w = self._side, self._side.words
        self._key = ft.TextField(label=w.THEIR_KEY, key=side.key_field, multiline=True, min_lines=2, max_lines=4,
                                 hint_text=side.key_hint, value=key_value)
        self._label = ft.TextField(label=w.THEIR_LABEL, key=side.label_field, hint_text=side.label_hint, dense=True,
                                   value=side.default_label if label is None else label)
        self._error = ft.Text(message or "", key="pair-error", color=ft.Colors.ERROR)
        text_key = "pair-done-text" if side.done_key_text else None
        self._show([
            self._heading(w.PAIR_HEADING),
            *([notice(done, key="pair-done", text_key=text_key)] if done else []),
            ft.Text(w.PAIR_HELP, size=13 if side.heading_size < 22 else None),
            self._key,
            ft.Row(controls=[ft.TextButton(content=w.OPEN_KEY_FILE, icon=ft.Icons.FILE_OPEN_OUTLINED,
                                           key="open-key-file", on_click=self._open_key_file)]),
            self._label,
            self._error,
            ft.Row(controls=[ft.FilledButton(content=w.CHECK_KEY, key="check-key", on_click=lambda e: self.check_key())]),
        ], "pair-form")

    async def _open_key_file(self, e=None) -> None:
        try:
            text = await self._pick_key()
        except Exception:  # noqa: BLE001 - no file dialog on this device
            self._error.value = self._side.words.NO_FILE_DIALOG
            return
        if text:
            self._key.value = text.strip()

    # Step 2: the safety number
    def check_key(self) -> None:
        """Show the safety number for the pasted key and ask to compare it in person."""
        value, label = (self._key.value or "").strip(), (self._label.value or "").strip()
        problem = input_problem(self._side, value, label)
        if problem:
            self._error.value = problem
            return
        try:
            preview = self._pairing.preview(value)
        except DiaryError as exc:
            self._error.value = str(exc)
            return
        step = compare(self._side, value, label, preview)
        if isinstance(step, str):
            self._error.value = step
            return
        self._show_compare(step)

    def _show_compare(self, step: Compare) -> None:
        w = self._side.words

        async def confirm(e=None) -> None:
            await self.pair(step.value, step.label)

        self._show([
            self._heading(w.COMPARE_HEADING),
            ft.Text(w.COMPARE_HELP, size=13 if self._side.heading_size < 22 else None),
            ft.Container(padding=14, border_radius=8, bgcolor=ft.Colors.SECONDARY_CONTAINER, content=CopyableText(
                step.safety_number, size=22, font_family="monospace", key="safety-number",
                text_align=ft.TextAlign.CENTER)),
            ft.Text(step.fingerprint_line, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
            *([ft.Text(step.label_line, key="compare-label")] if step.label_line else []),
            ft.Row(wrap=True, controls=[
                ft.FilledButton(content=w.NUMBERS_MATCH, icon=ft.Icons.CHECK, key="numbers-match",
                                on_click=confirm),
                ft.TextButton(content=w.NUMBERS_DIFFER, key="numbers-differ",
                              on_click=lambda e: self.show_form(w.PAIR_CANCELLED)),
            ]),
        ], "pair-compare")

    # Step 3: pairing
    async def pair(self, value: str, label: str | None, *, re_pair: bool = False) -> None:
        try:
            result = self._pairing.pair(value, label=label, re_pair=re_pair)
        except DiaryError as exc:
            if is_key_change(exc):
                return self._show_key_changed(str(exc), value, label)
            keep = self._side.keep_input_on_error
            return self.show_form(str(exc), key_value=value if keep else "", label=label if keep else None)
        await durable()
        self._on_done(done_message(self._side, result))

    def _show_key_changed(self, message: str, value: str, label: str | None) -> None:
        w = self._side.words

        async def re_pair(e=None) -> None:
            await self.pair(value, label, re_pair=True)

        self._show([
            self._heading(w.KEY_CHANGED_HEADING),
            ft.Text(message, key="key-changed"),
            ft.Row(wrap=True, controls=[
                ft.OutlinedButton(content=w.RE_PAIR, key="re-pair", on_click=re_pair),
                ft.TextButton(content=w.CANCEL, key="re-pair-cancel", on_click=lambda e: self._on_cancel()),
            ]),
        ], "pair-changed")
