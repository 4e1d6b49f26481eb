"""Share: pair with a physiotherapist (safety numbers compared in person) and make an encrypted export file.

The file is made by the export service (signed, then sealed to each chosen recipient). How it reaches the
user is the platform's (diary.platform files): in a browser or on a phone the bytes are made first and
handed over as a download; in the desktop window the user picks the place first and the service writes
it there atomically. A passphrase file is for someone the patient has not paired with; its passphrase
is shown once, to be sent another way than the file.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import flet as ft

from diary.domain.errors import DiaryError
from diary.platform import current as platform
from diary.ui import text as T
from diary.ui.components.handlers import on
from diary.ui.components.key_card import KeyCard
from diary.ui.components.named import CopyableText, icon_button
from diary.ui.components.pairing_flow import PairingFlow, notice
from diary.ui.components.saving import durable
from diary.ui.components.view import Screen
from diary.ui.state.pairing import PairingSide
from diary.ui.state.share import (
    PERIOD_ALL, PERIOD_FROM, PERIOD_SINCE_LAST, ShareView, export_done_lines, read_share, saved_where, since_choice,
)

PATIENT_SIDE = PairingSide(words=T, key_field="their-key", label_field="their-label", key_hint="DIARY-BOX1:…",
                           default_label=T.DEFAULT_RECIPIENT)


async def ask_save_path(name: str) -> str | None:
    """Desktop window: where to save (None if cancelled)."""
    return await platform().files.ask_path(title=T.EXPORT_SAVE_TITLE, name=name)


async def download(name: str, data: bytes) -> None:
    """Browser and phone: hand the bytes over (a download, the system's save sheet)."""
    await platform().files.offer(data, title=T.EXPORT_SAVE_TITLE, name=name)


class ShareScreen(Screen):
    """`pick_key`, `save_path`, `download` and `in_memory` stand in for the platform's (tests)."""

    page_spacing = 12

    def __init__(self, diary, *, on_exported: Callable[[], None] | None = None,
                 pick_key: Callable[[], Awaitable[str | None]] | None = None,
                 save_path: Callable[[str], Awaitable[str | None]] = ask_save_path,
                 download: Callable[[str, bytes], Awaitable[None]] = download, in_memory: bool | None = None):
        super().__init__(key="share-screen", spacing=14, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._diary, self._on_exported = diary, on_exported
        self._pick_key, self._save_path, self._download = pick_key, save_path, download
        self._in_memory = in_memory  # None: the platform decides when exporting
        self.show()

    # The main page
    def show(self, done: ft.Control | None = None) -> None:
        self._draw(read_share(self._diary), done)

    def _draw(self, view: ShareView, done: ft.Control | None) -> None:
        self._chosen = {r.label: ft.Checkbox(label=r.choice, value=True, key=f"to-{r.label}") for r in view.recipients}
        self._passphrase = ft.Checkbox(label=T.PASSPHRASE_OPTION, value=view.passphrase_first, key="passphrase-file")
        self._period = ft.RadioGroup(key="period", value=PERIOD_SINCE_LAST if view.since_last else PERIOD_ALL,
                                     content=ft.Column(spacing=0, controls=[
            *([ft.Radio(value=PERIOD_SINCE_LAST, label=view.since_last)] if view.since_last else []),
            ft.Radio(value=PERIOD_ALL, label=T.PERIOD_ALL),
            ft.Radio(value=PERIOD_FROM, label=T.PERIOD_FROM),
        ]))
        self._from = ft.TextField(label=T.PERIOD_FROM_DATE, hint_text="YYYY-MM-DD", key="period-from", dense=True,
                                  width=200)
        self._notes = ft.Switch(label=T.INCLUDE_NOTES, value=True, key="include-notes")
        self._error = ft.Text(key="share-error", color=ft.Colors.ERROR)
        self._show([
            ft.Text(T.SHARE_HEADING, size=22, weight=ft.FontWeight.W_600),
            ft.Text(T.SHARE_INTRO),
            *([done] if done else []),
            self._export_card(view),
            self._recipients_card(view),
            KeyCard(heading=T.YOUR_KEY_HEADING, help_text=T.YOUR_KEY_HELP, key_text=view.own_key,
                    fingerprint_groups=view.own_fingerprint),
        ], "share-main")

    def _export_card(self, view: ShareView) -> ft.Control:
        return ft.Card(content=ft.Container(padding=14, content=ft.Column(spacing=8, controls=[
            ft.Text(T.EXPORT_HEADING, size=18, weight=ft.FontWeight.W_600),
            ft.Text(T.SEND_TO, weight=ft.FontWeight.W_600),
            *(self._chosen.values() or [ft.Text(T.NO_RECIPIENTS, size=13)]),
            self._passphrase,
            ft.Text(T.PASSPHRASE_OPTION_HELP, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
            ft.Text(T.PERIOD, weight=ft.FontWeight.W_600),
            self._period,
            self._from,
            self._notes,
            self._error,
            ft.Row(controls=[ft.FilledButton(content=T.MAKE_EXPORT, icon=ft.Icons.LOCK_OUTLINE, key="make-export",
                                             on_click=self.make_export)]),
            *([ft.Text(view.last_export, size=12, color=ft.Colors.ON_SURFACE_VARIANT, key="share-last-export")]
              if view.last_export else []),
        ])))

    def _recipients_card(self, view: ShareView) -> ft.Control:
        rows = [ft.Row(controls=[
            ft.Icon(ft.Icons.VERIFIED_USER_OUTLINED, color=ft.Colors.PRIMARY),
            ft.Text(r.paired, expand=True, key=f"recipient-{r.label}"),
            icon_button(ft.Icons.DELETE_OUTLINE, f"{T.REMOVE} {r.label}", key=f"remove-{r.label}",
                          on_click=on(self.remove, r.label)),
        ]) for r in view.recipients]
        return ft.Card(content=ft.Container(padding=14, content=ft.Column(spacing=8, controls=[
            ft.Text(T.RECIPIENTS_HEADING, size=18, weight=ft.FontWeight.W_600),
            *rows,
            ft.Row(controls=[ft.OutlinedButton(content=T.PAIR_BUTTON, icon=ft.Icons.QR_CODE_2, key="pair",
                                               on_click=lambda e: self.show_pairing())]),
        ])))

    # Pairing (diary/ui/components/pairing_flow.py)
    def show_pairing(self) -> None:
        flow = PairingFlow(self._diary.pairing, PATIENT_SIDE, pick_key=self._pick_key,
                           on_done=lambda message: self.show(notice(message, key="pair-done")),
                           on_cancel=lambda: self.show(), back=(T.BACK_TO_SHARE, "back-to-share", self.show))
        self._show([flow], "share-pair")

    async def remove(self, label: str) -> None:
        try:
            self._diary.pairing.remove_recipient(label)
        except DiaryError as exc:
            return self.show(notice(str(exc), key="pair-done", error=True))
        await durable()
        self.show(notice(T.REMOVED_RECIPIENT.format(label=label), key="pair-done"))

    # Exporting
    async def make_export(self, e=None) -> None:
        self._error.value = ""
        to = [label for label, box in self._chosen.items() if box.value]
        web = self.page.web
        try:
            options = dict(to=to, since=since_choice(self._period.value, self._from.value),
                           include_notes=bool(self._notes.value), passphrase=True if self._passphrase.value else None)
            # Browsers and phones need the bytes up front (a download / the system's save sheet); the
            # desktop window asks where first, so the service can write the file there atomically.
            in_memory = platform().files.needs_bytes_first(self.page) if self._in_memory is None else self._in_memory
            if in_memory:
                summary = self._diary.exports.export(out=None, **options)
                for file_name, data in summary.data.items():
                    await self._download(file_name, data)
            else:
                path = await self._save_path(self._diary.exports.suggested_file_name(self._diary.clock().date()))
                if not path:
                    return  # the user closed the dialog: nothing was made
                summary = self._diary.exports.export(out=Path(path), **options)
        except DiaryError as exc:
            self._error.value = str(exc)
            return
        await durable()
        if self._on_exported:
            self._on_exported()
        self.show(self._done_card(summary, web=web))

    def _done_card(self, summary, *, web: bool) -> ft.Control:
        today = self._diary.clock().date()
        controls = [ft.Text(T.EXPORT_DONE, size=16, weight=ft.FontWeight.W_600),
                    *[ft.Text(line, key=f"export-line-{i}") for i, line in enumerate(export_done_lines(summary, today))],
                    ft.Text(saved_where(summary, web=web), size=13)]
        if summary.passphrase:
            controls += [ft.Text(T.PASSPHRASE_IS, weight=ft.FontWeight.W_600),
                         CopyableText(summary.passphrase, size=20, font_family="monospace", key="export-passphrase"),
                         ft.Text(T.PASSPHRASE_SEPARATELY, size=13)]
        return ft.Container(key="export-done", padding=14, border_radius=8, bgcolor=ft.Colors.PRIMARY_CONTAINER,
                            content=ft.Column(spacing=6, controls=controls))

