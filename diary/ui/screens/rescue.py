"""The start screen when the diary file is damaged: say so, offer the latest backup, keep the file.

The damaged file is never overwritten: restoring moves the whole data folder aside (as
`<home>.replaced-<time>`, the damaged file inside it), and starting afresh moves the file into
`<home>/rescue-<time>/` first. There is no open diary here, so the backups of the home come from
`home_backups(home)`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import flet as ft

from diary.domain.errors import DiaryError
from diary.ui import text as T
from diary.ui.screens.settings_backup import BackupPicker, pick_backup_file
from diary.ui.state.backups import RescueView, home_backups, read_rescue
from diary.ui.components.named import CopyableText, passphrase_field


def show_rescue(page: ft.Page, home: Path, *, on_recovered: Callable[[], None],
                pick_file: BackupPicker = pick_backup_file) -> bool:
    """Put the rescue screen on `page` if the diary file in `home` is damaged; returns whether it did."""
    backups = home_backups(home)
    if not backups.database_damaged():
        return False
    page.add(RescueScreen(home, on_recovered=on_recovered, pick_file=pick_file))
    return True


def show_evicted(page: ft.Page, home: Path, *, on_recovered: Callable[[], None], on_start_new: Callable[[], None],
                 pick_file: BackupPicker = pick_backup_file) -> None:
    """The phone app's start screen when the browser deleted a diary that had entries (diary/pwa/entry.py
    knows from a marker outside IndexedDB): say so, restore from a backup file, or start anew knowingly."""
    page.add(EvictedScreen(home, on_recovered=on_recovered, on_start_new=on_start_new, pick_file=pick_file))
    page.update()


class RescueScreen(ft.Container):
    def __init__(self, home: Path, *, on_recovered: Callable[[], None], pick_file: BackupPicker = pick_backup_file,
                 clock=None):
        super().__init__(key="rescue-screen", padding=24)
        self._backups = home_backups(home, **({"clock": clock} if clock else {}))
        self._on_recovered, self._pick_file = on_recovered, pick_file
        self._status = ft.Text(key="rescue-status")
        self._passphrase = passphrase_field(key="rescue-passphrase", label=T.RESTORE_PASSPHRASE, dense=True, helper=T.RESTORE_PASSPHRASE_HELP)
        self._draw(read_rescue(self._backups, self._backups.now().tzinfo))

    def _draw(self, view: RescueView) -> None:
        self.content = ft.Column(spacing=12, horizontal_alignment=ft.CrossAxisAlignment.STRETCH, controls=[
            ft.Row(controls=[ft.Icon(ft.Icons.WARNING_AMBER, color=ft.Colors.ERROR),
                             ft.Text(T.RESCUE_HEADING, size=22, weight=ft.FontWeight.W_600, expand=True)]),
            CopyableText(T.RESCUE_TEXT.format(path=view.damaged_file), key="rescue-text"),
            ft.Text(view.offer, key="rescue-offer"),
            self._passphrase,
            ft.Row(wrap=True, controls=[
                *([ft.FilledButton(content=T.RESCUE_RESTORE, icon=ft.Icons.RESTORE, key="rescue-restore",
                                   on_click=self.restore_latest)] if view.has_backup else []),
                ft.OutlinedButton(content=T.RESTORE_CHOOSE, icon=ft.Icons.FILE_OPEN, key="rescue-choose",
                                  on_click=self._choose_clicked),
            ]),
            self._status,
            ft.Divider(),
            ft.Text(T.RESCUE_START_NEW_HELP.format(folder=view.rescue_folder), size=12,
                    color=ft.Colors.ON_SURFACE_VARIANT),
            ft.Row(controls=[ft.TextButton(content=T.RESCUE_START_NEW, key="rescue-start-new",
                                           on_click=self.start_new)]),
        ])

    def restore_latest(self, e=None) -> None:
        self._restore(self._backups.open_latest)

    async def _choose_clicked(self, e=None) -> None:
        try:
            picked = await self._pick_file()
        except Exception:  # noqa: BLE001 - no file dialog on this device
            return self._say(T.RESTORE_NO_PICKER)
        if picked is not None:
            self.restore_bytes(*picked)

    def restore_bytes(self, name: str, data: bytes) -> None:
        self._restore(lambda passphrase: self._backups.open_bytes(name, data, passphrase))

    def _restore(self, opener) -> None:
        self._say(T.RESTORE_CHECKING)
        self.update()  # Flet skips its own update after a handler that updated: each path below updates
        try:
            self._backups.restore(opener(self._passphrase.value))  # the damaged home is kept aside, whole
        except DiaryError as exc:
            self._say(str(exc))
            return self.update()
        self._on_recovered()

    def start_new(self, e=None) -> None:
        try:
            self._backups.start_afresh()
        except DiaryError as exc:
            return self._say(str(exc))
        self._on_recovered()

    def _say(self, message: str) -> None:
        self._status.value = message
        self._status.color = ft.Colors.ERROR


class EvictedScreen(RescueScreen):
    """The rescue screen's restore from a file, for a diary the browser deleted (no automatic backups left,
    no damaged file to keep); starting anew needs no file moved aside."""

    def __init__(self, home: Path, *, on_recovered: Callable[[], None], on_start_new: Callable[[], None],
                 pick_file: BackupPicker = pick_backup_file):
        self._on_start_new = on_start_new
        super().__init__(home, on_recovered=on_recovered, pick_file=pick_file)
        self.key = "evicted-screen"

    def _draw(self, view: RescueView) -> None:
        self._passphrase.helper = T.EVICTED_PASSPHRASE_HELP  # this device's own backup words went with the diary
        self.content = ft.Column(spacing=12, horizontal_alignment=ft.CrossAxisAlignment.STRETCH, controls=[
            ft.Row(controls=[ft.Icon(ft.Icons.WARNING_AMBER, color=ft.Colors.ERROR),
                             ft.Text(T.EVICTED_HEADING, size=22, weight=ft.FontWeight.W_600, expand=True)]),
            ft.Text(T.EVICTED_TEXT, key="evicted-text"),
            self._passphrase,
            ft.Row(wrap=True, controls=[ft.FilledButton(content=T.RESTORE_CHOOSE, icon=ft.Icons.FILE_OPEN,
                                                        key="rescue-choose", on_click=self._choose_clicked)]),
            self._status,
            ft.Divider(),
            ft.Text(T.EVICTED_START_NEW_HELP, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
            ft.Row(controls=[ft.TextButton(content=T.RESCUE_START_NEW, key="rescue-start-new",
                                           on_click=self.start_new)]),
        ])

    def start_new(self, e=None) -> None:
        self._on_start_new()
