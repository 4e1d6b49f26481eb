"""The start screen when the diary file is damaged: say so, offer the latest backup, keep the file.

The damaged file is never overwritten: restoring moves the whole data folder aside (as
`<home>.replaced-<time>`, the damaged file inside it), and starting afresh moves the file into
`<home>/rescue-<time>/` first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import flet as ft

from diary.domain.errors import DiaryError
from diary.services import auto_backup
from diary.services.backup import OpenedBackup, open_backup, read_backup
from diary.services.bootstrap import local_now
from diary.services.restore import database_damaged, database_file, install_backup, rescue_corrupt_database
from diary.ui import text as T
from diary.ui.screens.settings_backup import FilePicker, pick_backup_file, when


def show_rescue(page: ft.Page, home: Path, *, on_recovered: Callable[[], None],
                pick_file: FilePicker = pick_backup_file) -> bool:
    """Put the rescue screen on `page` if the diary file in `home` is damaged; returns whether it did."""
    if not database_damaged(home):
        return False
    page.add(RescueScreen(home, on_recovered=on_recovered, pick_file=pick_file))
    return True


class RescueScreen(ft.Container):
    def __init__(self, home: Path, *, on_recovered: Callable[[], None], pick_file: FilePicker = pick_backup_file,
                 clock=local_now):
        super().__init__(key="rescue-screen", padding=24)
        self._home, self._on_recovered, self._pick_file, self._clock = home, on_recovered, pick_file, clock
        self._status = ft.Text(key="rescue-status")
        self._passphrase = ft.TextField(key="rescue-passphrase", label=T.RESTORE_PASSPHRASE, password=True,
                                        can_reveal_password=True, dense=True, helper=T.RESTORE_PASSPHRASE_HELP)
        folder = auto_backup.backup_folder(home)
        self._latest = auto_backup.latest_backup(folder)
        offer = self._offer(folder)
        self.content = ft.Column(spacing=12, horizontal_alignment=ft.CrossAxisAlignment.STRETCH, controls=[
            ft.Row(controls=[ft.Icon(ft.Icons.WARNING_AMBER, color=ft.Colors.ERROR),
                             ft.Text(T.RESCUE_HEADING, size=22, weight=ft.FontWeight.W_600, expand=True)]),
            ft.Text(T.RESCUE_TEXT.format(path=database_file(home)), key="rescue-text", selectable=True),
            *offer,
            self._passphrase,
            ft.Row(wrap=True, controls=[
                *([ft.FilledButton(content=T.RESCUE_RESTORE, icon=ft.Icons.RESTORE, key="rescue-restore",
                                   on_click=self.restore_latest)] if self._latest else []),
                ft.OutlinedButton(content=T.RESTORE_CHOOSE, icon=ft.Icons.FILE_OPEN, key="rescue-choose",
                                  on_click=self._choose_clicked),
            ]),
            self._status,
            ft.Divider(),
            ft.Text(T.RESCUE_START_NEW_HELP.format(folder=home / "rescue-…"), size=12,
                    color=ft.Colors.ON_SURFACE_VARIANT),
            ft.Row(controls=[ft.TextButton(content=T.RESCUE_START_NEW, key="rescue-start-new",
                                           on_click=self.start_new)]),
        ])

    def _offer(self, folder: Path) -> list[ft.Control]:
        if self._latest is None:
            return [ft.Text(T.RESCUE_NO_BACKUP.format(folder=folder), key="rescue-offer")]
        moment = auto_backup.list_backups(folder)[-1][0]
        return [ft.Text(T.BACKUP_LAST.format(when=when(moment, self._clock().tzinfo),
                                             count=len(auto_backup.list_backups(folder))), key="rescue-offer")]

    def _passphrase_or_device_key(self) -> str:
        return (self._passphrase.value or "").strip() or auto_backup.backup_passphrase(self._home)

    def restore_latest(self, e=None) -> None:
        self._restore(lambda passphrase: read_backup(self._latest, passphrase))

    async def _choose_clicked(self, e=None) -> None:
        try:
            picked = await self._pick_file()
        except Exception:
            return self._say(T.RESTORE_NO_PICKER)
        if picked is not None:
            self.restore_bytes(*picked)

    def restore_bytes(self, name: str, data: bytes) -> None:
        self._restore(lambda passphrase: open_backup(data, passphrase, name=name))

    def _restore(self, opener: Callable[[str], OpenedBackup]) -> None:
        self._say(T.RESTORE_CHECKING)
        self.update()  # Flet skips its own update after a handler that updated: each path below updates
        try:
            opened = opener(self._passphrase_or_device_key())
            install_backup(opened, self._home, now=self._clock())  # the damaged home is kept aside, whole
        except DiaryError as exc:
            self._say(str(exc))
            return self.update()
        self._on_recovered()

    def start_new(self, e=None) -> None:
        try:
            rescue_corrupt_database(self._home, now=self._clock())
        except DiaryError as exc:
            return self._say(str(exc))
        self._on_recovered()

    def _say(self, message: str) -> None:
        self._status.value = message
        self._status.color = ft.Colors.ERROR
