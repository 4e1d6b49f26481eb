"""Import: open one or many export files, see what became of each (imported, already here, superseded,
refused with its reason and what to do), and the import log.

Every check is diary.imports' (security.md, in order, failing closed); this screen only hands it the
files' bytes, one at a time off the UI (the platform's background work), with a progress bar when there
are several.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import flet as ft

from diary.domain.errors import DiaryError
from diary.domain.names import printable_name
from diary.platform import current as platform
from diary.platform.seams import PickedFile
from diary.ui.components.saving import durable
from diary.ui.state import imports
from diary.ui.clinician import text as T
from diary.ui.components.view import fresh_view
from diary.ui.components.named import passphrase_field

LOG_LINES = 50
OUTCOME_ICONS = {
    "imported": (ft.Icons.CHECK_CIRCLE_OUTLINE, ft.Colors.PRIMARY),
    "updated": (ft.Icons.UPDATE, ft.Colors.PRIMARY),
    "already_imported": (ft.Icons.DONE_ALL, ft.Colors.ON_SURFACE_VARIANT),
    "stale": (ft.Icons.HISTORY, ft.Colors.ON_SURFACE_VARIANT),
    "conflict": (ft.Icons.ERROR_OUTLINE, ft.Colors.ERROR),
    "refused": (ft.Icons.BLOCK, ft.Colors.ERROR),
}

REFUSED = ("refused", "conflict")
__all__ = ["ImportScreen", "PickedFile", "pick_export_files"]


async def pick_export_files() -> list[PickedFile]:
    return await platform().files.pick(title=T.PICK_TITLE, multiple=True)


class ImportScreen(ft.Column):
    def __init__(self, diary, *, pick_files: Callable[[], Awaitable[list[PickedFile]]] = pick_export_files):
        super().__init__(key="import-screen", spacing=14, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._diary, self._pick = diary, pick_files
        self._passphrase = passphrase_field(label=T.IMPORT_PASSPHRASE, key="import-passphrase", dense=True, helper=T.IMPORT_PASSPHRASE_HELP)
        self._button = ft.FilledButton(content=T.PICK_FILES, icon=ft.Icons.FILE_OPEN_OUTLINED, key="pick-files",
                                       on_click=self._choose)
        self._progress = ft.ProgressBar(key="import-progress", value=0, visible=False)
        self._status = ft.Text(key="import-status")
        self._results = ft.Column(key="import-results", spacing=8)
        self._unlock = ft.Container(key="import-unlock")
        self._log = ft.Container(key="import-log")
        self.controls = [
            ft.Text(T.IMPORT_HEADING, size=22, weight=ft.FontWeight.W_600),
            ft.Text(T.IMPORT_HELP),
            self._unlock,
            self._passphrase,
            ft.Row(controls=[self._button]),
            self._progress,
            self._status,
            self._results,
            ft.Container(padding=14, border_radius=12, bgcolor=ft.Colors.SURFACE_CONTAINER_LOW, content=ft.Column(
                spacing=6, controls=[ft.Text(T.LOG_HEADING, size=18, weight=ft.FontWeight.W_600),
                                     ft.Text(T.LOG_HELP, size=12, color=ft.Colors.ON_SURFACE_VARIANT), self._log])),
        ]
        self._show_unlock_if_locked()
        self._show_log()

    # Choosing and importing
    async def _choose(self, e=None) -> None:
        try:
            files = await self._pick()
        except Exception:  # no file dialog on this device
            self._status.value = T.IMPORT_NO_DIALOG
            return
        if not files:
            self._status.value = T.IMPORT_NONE_CHOSEN
            return
        await self.import_files(files)

    async def import_files(self, files: list[PickedFile]) -> None:
        passphrase = (self._passphrase.value or "").strip() or None
        total = len(files)
        self._button.disabled = True
        self._progress.visible, self._progress.value = total > 1, 0
        self._results.controls = []
        results = []
        try:
            for done, picked in enumerate(files):
                self._status.value = T.IMPORTING.format(done=done + 1, total=total)
                self.update()
                try:
                    result = await platform().work.run(self._import_one, picked, passphrase)
                except DiaryError as exc:
                    if self._diary.keys.lock_state() == "locked":
                        self._status.value = T.KEY_LOCKED_HELP
                        self._show_unlock_if_locked()
                    else:
                        self._status.value = str(exc)
                    return
                results.append(result)
                self._results.controls.append(self._result_row(result, done))
                self._progress.value = (done + 1) / total
            self._status.value = imports.import_summary(results)
            await durable()
        finally:
            self._button.disabled = False
            self._progress.visible = False
            self._show_log()
            self.update()

    def _import_one(self, picked: PickedFile, passphrase: str | None):
        if picked.data is None and not picked.path:  # the dialog gave neither the bytes nor a path
            raise DiaryError(T.FILE_NOT_GIVEN.format(name=printable_name(picked.name)))
        if picked.data is not None:
            return self._diary.imports.import_bytes(picked.data, name=picked.name, passphrase=passphrase)
        return self._diary.imports.import_file(Path(picked.path), passphrase=passphrase)

    def _result_row(self, result, index: int) -> ft.Control:
        icon, colour = OUTCOME_ICONS[result.outcome]
        details = [result.sentence, *result.warnings]
        return ft.Container(
            key=f"result-{index}", padding=10, border_radius=10,
            bgcolor=ft.Colors.ERROR_CONTAINER if result.outcome in REFUSED else ft.Colors.SURFACE_CONTAINER_LOW,
            content=ft.Row(spacing=10, vertical_alignment=ft.CrossAxisAlignment.START, controls=[
                ft.Icon(icon, color=colour, semantics_label=T.OUTCOME_NAMES[result.outcome]),
                ft.Column(spacing=2, expand=True, controls=[
                    ft.Text(imports.result_line(result, index), weight=ft.FontWeight.W_600, key=f"result-{index}-line"),
                    *[ft.Text(line, size=13, key=f"result-{index}-sentence-{i}") for i, line in enumerate(details)],
                ]),
            ]))

    # A passphrase-protected key
    def _show_unlock_if_locked(self) -> None:
        keys = self._diary.keys
        if keys.lock_state() != "locked":  # a missing or damaged key: the import says so, with what to do
            self._unlock.content = None
            return
        field = passphrase_field(label=T.KEY_PASSPHRASE, key="unlock-passphrase", dense=True)
        status = ft.Text(key="unlock-status", color=ft.Colors.ERROR)

        async def unlock(e=None) -> None:
            try:
                await platform().work.run(keys.unlock, field.value or "")
            except DiaryError as exc:
                status.value = str(exc)
                return
            self._unlock.content = ft.Text(T.UNLOCKED, key="unlocked")
            self._status.value = ""

        self._unlock.content = fresh_view([
            ft.Text(T.KEY_LOCKED_HELP, weight=ft.FontWeight.W_600), field, status,
            ft.Row(controls=[ft.FilledButton(content=T.UNLOCK, icon=ft.Icons.LOCK_OPEN, key="unlock", on_click=unlock)]),
        ], name="unlock", spacing=8)

    # The log
    def _show_log(self) -> None:
        lines = [ft.Text(line, size=12, key=f"log-{i}")
                 for i, line in enumerate(imports.read_import_log(self._diary, limit=LOG_LINES))]
        self._log.content = fresh_view(lines or [ft.Text(T.LOG_EMPTY, key="log-empty")], name="import-log", spacing=4)
