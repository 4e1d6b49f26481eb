"""Share: pair with a physiotherapist (safety numbers compared in person) and make an encrypted export file.

The file is made by diary.services.export (signed, then sealed to each chosen recipient). Where it goes:
in a browser it is downloaded; in the desktop window the user picks the place first and the service
writes it there atomically. A passphrase file is for someone the patient has not paired with; its
passphrase is shown once, to be sent another way than the file.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

import flet as ft

from diary.domain.errors import DiaryError
from diary.domain.names import printable_name
from diary.services.bootstrap import Diary
from diary.services.pairing import KeyChanged
from diary.ui import text as T
from diary.ui.components.key_card import KeyCard
from diary.ui.components.view import fresh_view
from diary.ui.state.share import export_done_lines, short_day

PERIOD_SINCE_LAST, PERIOD_ALL, PERIOD_FROM = "since_last", "all", "from"


async def pick_key_file() -> str | None:
    files = await ft.FilePicker().pick_files(dialog_title=T.KEY_FILE_PICK, with_data=True)
    return files[0].bytes.decode("utf-8", errors="replace") if files and files[0].bytes else None


async def ask_save_path(name: str) -> str | None:
    """Desktop: where to save (None if cancelled)."""
    return await ft.FilePicker().save_file(dialog_title=T.EXPORT_SAVE_TITLE, file_name=name)


async def download(name: str, data: bytes) -> None:
    """Browser: hand the bytes to the browser as a download."""
    await ft.FilePicker().save_file(dialog_title=T.EXPORT_SAVE_TITLE, file_name=name, src_bytes=data)


class ShareScreen(ft.Column):
    def __init__(self, diary: Diary, *, on_exported: Callable[[], None] | None = None,
                 pick_key: Callable[[], Awaitable[str | None]] = pick_key_file,
                 save_path: Callable[[str], Awaitable[str | None]] = ask_save_path,
                 download: Callable[[str, bytes], Awaitable[None]] = download, in_memory: bool | None = None):
        super().__init__(key="share-screen", spacing=14, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._diary, self._on_exported = diary, on_exported
        self._pick_key, self._save_path, self._download = pick_key, save_path, download
        self._in_memory = in_memory  # None: decide from the platform when exporting
        self.show()

    @property
    def _today(self) -> date:
        return self._diary.clock().date()

    # The main page
    def show(self, done: ft.Control | None = None) -> None:
        exports, pairing = self._diary.exports, self._diary.pairing
        recipients = exports.recipients()
        self._chosen = {r.label: ft.Checkbox(label=f"{r.label} · {r.fingerprint[:8]}", value=True,
                                             key=f"to-{r.label}") for r in recipients}
        self._passphrase = ft.Checkbox(label=T.PASSPHRASE_OPTION, value=not recipients, key="passphrase-file")
        since = exports.default_since([r.label for r in recipients]) if recipients else None
        self._period = ft.RadioGroup(key="period", value=PERIOD_SINCE_LAST if since else PERIOD_ALL,
                                     content=ft.Column(spacing=0, controls=[
            *([ft.Radio(value=PERIOD_SINCE_LAST, label=T.PERIOD_SINCE_LAST.format(day=short_day(since, self._today)))]
              if since else []),
            ft.Radio(value=PERIOD_ALL, label=T.PERIOD_ALL),
            ft.Radio(value=PERIOD_FROM, label=T.PERIOD_FROM),
        ]))
        self._from = ft.TextField(label=T.PERIOD_FROM_DATE, hint_text="YYYY-MM-DD", key="period-from", dense=True,
                                  width=200)
        self._notes = ft.Switch(label=T.INCLUDE_NOTES, value=True, key="include-notes")
        self._error = ft.Text(key="share-error", color=ft.Colors.ERROR)
        last = exports.last_export()
        own = pairing.own_key()
        self._show([
            ft.Text(T.SHARE_HEADING, size=22, weight=ft.FontWeight.W_600),
            ft.Text(T.SHARE_INTRO),
            *([done] if done else []),
            ft.Card(content=ft.Container(padding=14, content=ft.Column(spacing=8, controls=[
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
                *([ft.Text(T.LAST_EXPORTED_FULL.format(day=short_day(last.at.date(), self._today),
                                                       who=", ".join(last.recipients)),
                           size=12, color=ft.Colors.ON_SURFACE_VARIANT, key="share-last-export")] if last else []),
            ]))),
            self._recipients_card(recipients),
            KeyCard(heading=T.YOUR_KEY_HEADING, help_text=T.YOUR_KEY_HELP, key_text=own.text,
                    fingerprint_groups=own.fingerprint_groups),
        ], "share-main")

    def _recipients_card(self, recipients) -> ft.Control:
        rows = [ft.Row(controls=[
            ft.Icon(ft.Icons.VERIFIED_USER_OUTLINED, color=ft.Colors.PRIMARY),
            ft.Text(f"{r.label}\n{T.PAIRED_ON.format(day=short_day(r.paired_at.date(), self._today))}",
                    expand=True, key=f"recipient-{r.label}"),
            ft.IconButton(icon=ft.Icons.DELETE_OUTLINE, tooltip=f"{T.REMOVE} {r.label}", key=f"remove-{r.label}",
                          on_click=lambda e, label=r.label: self.remove(label)),
        ]) for r in recipients]
        return ft.Card(content=ft.Container(padding=14, content=ft.Column(spacing=8, controls=[
            ft.Text(T.RECIPIENTS_HEADING, size=18, weight=ft.FontWeight.W_600),
            *rows,
            ft.Row(controls=[ft.OutlinedButton(content=T.PAIR_BUTTON, icon=ft.Icons.QR_CODE_2, key="pair",
                                               on_click=lambda e: self.show_pairing())]),
        ])))

    # Pairing
    def show_pairing(self, message: str | None = None) -> None:
        self._key_field = ft.TextField(label=T.THEIR_KEY, key="their-key", multiline=True, min_lines=2, max_lines=4,
                                       hint_text="DIARY-BOX1:…")
        self._label_field = ft.TextField(label=T.THEIR_LABEL, key="their-label", value=T.DEFAULT_RECIPIENT, dense=True)
        self._pair_error = ft.Text(message or "", key="pair-error", color=ft.Colors.ERROR)
        self._show([
            self._back(),
            ft.Text(T.PAIR_HEADING, size=22, weight=ft.FontWeight.W_600),
            ft.Text(T.PAIR_HELP),
            self._key_field,
            ft.Row(controls=[ft.TextButton(content=T.OPEN_KEY_FILE, icon=ft.Icons.FILE_OPEN_OUTLINED,
                                           key="open-key-file", on_click=self._open_key_file)]),
            self._label_field,
            self._pair_error,
            ft.Row(controls=[ft.FilledButton(content=T.CHECK_KEY, key="check-key", on_click=lambda e: self.check_key())]),
        ], "share-pair")

    async def _open_key_file(self, e=None) -> None:
        try:
            text = await self._pick_key()
        except Exception:  # no file dialog on this device
            self._pair_error.value = T.NO_FILE_DIALOG
            return
        if text:
            self._key_field.value = text.strip()

    def check_key(self) -> None:
        """Show the safety number for the pasted key and ask the user to compare it in person."""
        value = (self._key_field.value or "").strip()
        if not value:
            self._pair_error.value = T.KEY_EMPTY
            return
        try:
            preview = self._diary.pairing.preview(value)
        except DiaryError as exc:
            self._pair_error.value = str(exc)
            return
        label = (self._label_field.value or "").strip() or None
        self._show([
            self._back(),
            ft.Text(T.COMPARE_HEADING, size=22, weight=ft.FontWeight.W_600),
            ft.Text(T.COMPARE_HELP),
            ft.Container(padding=14, border_radius=8, bgcolor=ft.Colors.SECONDARY_CONTAINER, content=ft.Text(
                preview.safety_number, size=22, font_family="monospace", selectable=True,
                key="safety-number", text_align=ft.TextAlign.CENTER, semantics_label=preview.safety_number)),
            ft.Text(T.COMPARE_FINGERPRINT.format(fp=preview.fingerprint[:16]), size=12,
                    color=ft.Colors.ON_SURFACE_VARIANT),
            ft.Row(wrap=True, controls=[
                ft.FilledButton(content=T.NUMBERS_MATCH, icon=ft.Icons.CHECK, key="numbers-match",
                                on_click=lambda e: self.pair(value, label)),
                ft.TextButton(content=T.NUMBERS_DIFFER, key="numbers-differ",
                              on_click=lambda e: self.show_pairing(T.PAIR_CANCELLED)),
            ]),
        ], "share-compare")

    def pair(self, value: str, label: str | None, *, re_pair: bool = False) -> None:
        try:
            result = self._diary.pairing.pair(value, label=label, re_pair=re_pair)
        except KeyChanged as exc:
            return self._show([
                self._back(),
                ft.Text(T.KEY_CHANGED_HEADING, size=22, weight=ft.FontWeight.W_600),
                ft.Text(str(exc), key="key-changed"),
                ft.Row(wrap=True, controls=[
                    ft.OutlinedButton(content=T.RE_PAIR, key="re-pair",
                                      on_click=lambda e: self.pair(value, label, re_pair=True)),
                    ft.TextButton(content=T.CANCEL, key="re-pair-cancel", on_click=lambda e: self.show()),
                ]),
            ], "share-key-changed")
        except DiaryError as exc:
            return self.show_pairing(str(exc))
        message = {"paired": T.PAIRED, "already_paired": T.ALREADY_PAIRED, "re_paired": T.RE_PAIRED}[result.outcome]
        self.show(self._notice(message.format(label=result.label), key="pair-done"))

    def remove(self, label: str) -> None:
        try:
            self._diary.pairing.remove_recipient(label)
        except DiaryError as exc:
            return self.show(self._notice(str(exc), key="pair-done", error=True))
        self.show(self._notice(T.REMOVED_RECIPIENT.format(label=label), key="pair-done"))

    # Exporting
    def _since(self) -> date | None | str:
        choice = self._period.value
        if choice == PERIOD_ALL:
            return None
        if choice == PERIOD_FROM:
            raw = (self._from.value or "").strip()
            try:
                return date.fromisoformat(raw)
            except ValueError:
                raise DiaryError(T.BAD_FROM_DATE.format(value=raw or "nothing")) from None
        return "last"

    async def make_export(self, e=None) -> None:
        self._error.value = ""
        to = [label for label, box in self._chosen.items() if box.value]
        try:
            since = self._since()
            web = self.page.web
            # Browsers and phones need the bytes up front (a download / the system's save sheet); the
            # desktop window asks where first, so the service can write the file there atomically.
            in_memory = (web or self.page.platform.is_mobile()) if self._in_memory is None else self._in_memory
            name = self._diary.exports.suggested_file_name(self._today)
            options = dict(to=to, since=since, include_notes=bool(self._notes.value),
                           passphrase=True if self._passphrase.value else None)
            if in_memory:
                summary = self._diary.exports.export(out=None, **options)
                for file_name, data in summary.data.items():
                    await self._download(file_name, data)
            else:
                path = await self._save_path(name)
                if not path:
                    return  # the user closed the dialog: nothing was made
                summary = self._diary.exports.export(out=Path(path), **options)
        except DiaryError as exc:
            self._error.value = str(exc)
            return
        if self._on_exported:
            self._on_exported()
        self.show(self._done_card(summary, web=web))

    def _done_card(self, summary, *, web: bool) -> ft.Control:
        lines = export_done_lines(summary, self._today)
        path = summary.files[0].path if summary.files else None
        where = (T.EXPORT_SAVED_TO.format(folder=printable_name(path.parent)) if path
                 else T.EXPORT_DOWNLOADED if web else T.EXPORT_SAVED_DEVICE)
        controls = [ft.Text(T.EXPORT_DONE, size=16, weight=ft.FontWeight.W_600),
                    *[ft.Text(line, key=f"export-line-{i}") for i, line in enumerate(lines)],
                    ft.Text(where, size=13)]
        if summary.passphrase:
            controls += [ft.Text(T.PASSPHRASE_IS, weight=ft.FontWeight.W_600),
                         ft.Text(summary.passphrase, size=20, font_family="monospace", selectable=True,
                                 key="export-passphrase", semantics_label=summary.passphrase),
                         ft.Text(T.PASSPHRASE_SEPARATELY, size=13)]
        return ft.Container(key="export-done", padding=14, border_radius=8, bgcolor=ft.Colors.PRIMARY_CONTAINER,
                            content=ft.Column(spacing=6, controls=controls))

    # Helpers
    def _notice(self, message: str, *, key: str, error: bool = False) -> ft.Control:
        return ft.Container(padding=12, border_radius=8, key=key,
                            bgcolor=ft.Colors.ERROR_CONTAINER if error else ft.Colors.PRIMARY_CONTAINER,
                            content=ft.Text(message))

    def _back(self) -> ft.Control:
        return ft.Row(controls=[ft.TextButton(content=T.BACK_TO_SHARE, icon=ft.Icons.ARROW_BACK, key="back-to-share",
                                              on_click=lambda e: self.show())])

    def _show(self, controls: list[ft.Control], name: str) -> None:
        self.controls = [fresh_view(controls, name=name, spacing=12,
                                    horizontal_alignment=ft.CrossAxisAlignment.STRETCH)]
