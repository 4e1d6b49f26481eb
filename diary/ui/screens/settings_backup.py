"""Settings → Backups (back up now, automatic backups, the passphrase, restore) and → Reminder.

Slow steps (argon2id takes about a second on purpose) show a "working" line first. A restore is
checked completely before the confirmation dialog appears, so the user only ever confirms a backup
that will restore. What each section shows comes from diary/ui/state/backups.py and reminders.py.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import time

import flet as ft

from diary.domain.errors import DiaryError
from diary.domain.names import printable_name
from diary.platform import current as platform
from diary.platform.seams import deliver
from diary.ui import text as T
from diary.ui.components.saving import durable
from diary.ui.components.view import fresh_view
from diary.ui.state.backups import (
    DEFAULT_KEEP, BackupsView, confirm_text, counts, read_backups, restored_text, settings_saved, when,
)
from diary.ui.state.reminders import ReminderView, reminder_saved, reminder_view
from diary.ui.components.named import CopyableText, NamedDropdown, passphrase_field

__all__ = ["BackupSection", "BackupPicker", "ReminderSection", "pick_backup_file", "when"]
PickedFile = tuple[str, bytes]  # (name, bytes)
BackupPicker = Callable[[], Awaitable[PickedFile | None]]


async def pick_backup_file() -> PickedFile | None:
    """Ask for one backup file and return (name, bytes), or None if cancelled. Works on web and desktop."""
    files = await platform().files.pick(title=T.RESTORE_CHOOSE, extensions=["diarybackup"])
    return (files[0].name, files[0].data) if files and files[0].data is not None else None


def _muted(text: str, **kwargs) -> ft.Text:
    return ft.Text(text, size=12, color=ft.Colors.ON_SURFACE_VARIANT, **kwargs)


class BackupSection(ft.Column):
    """A Settings section. `pick_file` is replaceable so tests need no file dialog. `with_folder` False (the
    phone app: no folder of the user's, no automatic backups): "Make a backup file" hands the file over as a
    download, and a restore is from a picked file."""

    def __init__(self, diary, *, pick_file: BackupPicker = pick_backup_file, with_folder: bool = True):
        super().__init__(spacing=8, key="backup-settings", horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._diary, self._backups, self._pick_file = diary, diary.backups, pick_file
        self._with_folder = with_folder
        self._clinician = getattr(diary.role, "value", "patient") == "clinician"
        self._messages: dict[str, tuple[str, bool]] = {}  # where → (sentence, is an error), kept across renders
        self._words_shown = False
        self._pending = None  # a checked backup waiting for the user's confirmation
        self._passphrase = None
        self.render()

    def render(self) -> None:
        """Build the section afresh (in a fresh view: Flet freezes re-used keys, see components/view.py)."""
        self._draw(read_backups(self._diary))

    def _draw(self, view: BackupsView) -> None:
        # One status line under each group of buttons, so the answer appears where the user tapped.
        self._lines = {where: self._line(where) for where in ("backup", "settings", "restore")}
        self._auto = ft.Switch(key="auto-backup", label=T.BACKUP_AUTO, value=view.enabled)
        self._folder = ft.TextField(key="backup-folder", label=T.BACKUP_FOLDER, dense=True, value=view.folder,
                                    hint_text=T.BACKUP_FOLDER_HINT)
        self._keep = NamedDropdown(
            key="backup-keep", label=T.BACKUP_KEEP, dense=True, value=str(view.keep),
            options=[ft.DropdownOption(key=str(n), text=T.BACKUP_KEEP_N.format(n=n)) for n in view.keep_choices])
        typed = self._passphrase.value if self._passphrase else ""
        self._passphrase = passphrase_field(key="restore-passphrase", label=T.RESTORE_PASSPHRASE, dense=True, helper=T.RESTORE_PASSPHRASE_HELP,
                                        value=typed)
        words = CopyableText(self._words_value() if self._words_shown else "", key="backup-words",
                             font_family="monospace", visible=self._words_shown)
        making = self._folder_controls(view) if self._with_folder else self._file_controls()
        restoring = ft.Row(wrap=True, controls=[
            *([ft.OutlinedButton(content=T.RESTORE_LATEST, icon=ft.Icons.RESTORE, key="restore-latest",
                                 on_click=self.restore_latest)] if self._with_folder else []),
            ft.TextButton(content=T.RESTORE_CHOOSE, icon=ft.Icons.FILE_OPEN, key="restore-choose",
                          on_click=self._choose_clicked),
        ])
        self.controls = [fresh_view(name="backup-settings-view", spacing=8,
                                    horizontal_alignment=ft.CrossAxisAlignment.STRETCH, controls=[
            ft.Text(T.BACKUP_HEADING, weight=ft.FontWeight.W_600),
            *making,
            _muted(T.BACKUP_WORDS_HELP),
            ft.Row(wrap=True, controls=[ft.TextButton(
                content=T.BACKUP_HIDE_WORDS if self._words_shown else T.BACKUP_SHOW_WORDS,
                icon=ft.Icons.KEY, key="show-words", on_click=self.toggle_words)]),
            words,
            ft.Container(height=4),
            ft.Text(T.RESTORE_HEADING, weight=ft.FontWeight.W_600),
            _muted(T.RESTORE_HELP),
            self._passphrase,
            restoring,
            self._lines["restore"],
        ])]

    def _folder_controls(self, view: BackupsView) -> list[ft.Control]:
        """The desktop's: the newest backup, where they go, back up now, automatic backups."""
        return [
            ft.Text(view.last, key="last-backup"),
            CopyableText(view.where, key="backup-where", size=12, color=ft.Colors.ON_SURFACE_VARIANT),
            *([_muted(T.BACKUP_INSIDE_HOME)] if view.inside_home else []),
            *([ft.Text(view.last_error, color=ft.Colors.ERROR, key="backup-last-error")] if view.last_error else []),
            ft.Row(wrap=True, controls=[ft.FilledTonalButton(content=T.BACKUP_NOW, icon=ft.Icons.BACKUP,
                                                             key="backup-now", on_click=self.back_up_now)]),
            self._lines["backup"],
            self._auto,
            self._folder,
            self._keep,
            ft.Row(wrap=True, controls=[ft.OutlinedButton(content=T.BACKUP_SAVE_SETTINGS, key="save-backup-settings",
                                                          on_click=self.save_settings)]),
            self._lines["settings"],
        ]

    def _file_controls(self) -> list[ft.Control]:
        """The phone app's: what a backup file is for, the last one made, make one (a download)."""
        last = self._backups.last_backup_file()
        return [
            _muted(T.BACKUP_FILE_HELP),
            ft.Text(T.BACKUP_FILE_LAST.format(when=when(last, self._tz)) if last else T.BACKUP_FILE_NONE,
                    key="last-backup-file"),
            ft.Row(wrap=True, controls=[ft.FilledTonalButton(content=T.BACKUP_FILE_MAKE, icon=ft.Icons.DOWNLOAD,
                                                             key="make-backup-file", on_click=self.make_file)]),
            self._lines["backup"],
        ]

    def _line(self, where: str) -> ft.Text:
        message, error = self._messages.get(where, ("", False))
        return ft.Text(message, key=f"{where}-status", visible=bool(message),
                       color=ft.Colors.ERROR if error else ft.Colors.PRIMARY)

    def _words_value(self) -> str:
        try:
            return self._backups.passphrase()
        except DiaryError as exc:
            return str(exc)

    # Backing up
    def _working(self, message: str, where: str) -> None:
        """Show `message` at once. Flet then skips its own update after the handler (it saw this one),
        so every handler that calls this ends with `self.update()` too."""
        self._say(message, where=where)
        self.update()

    def back_up_now(self, e=None) -> None:
        self._working(T.BACKUP_WORKING, "backup")
        try:
            info = self._backups.back_up_now()
        except DiaryError as exc:
            self._say(str(exc), error=True)
        else:
            self.render()
            self._say(T.BACKUP_DONE.format(counts=counts(info.manifest, clinician=self._clinician)))
        self.update()

    async def make_file(self, e=None) -> None:
        """The phone app: a backup file of the whole diary, handed over (share sheet or download)."""
        self._working(T.BACKUP_WORKING, "backup")
        try:
            name, data, manifest = await platform().work.run(self._backups.backup_file)
            delivered = await deliver(platform(), data, name=name, title=T.BACKUP_FILE_TITLE, home=self._diary.home,
                                      folder="backups", extensions=["diarybackup"])
        except DiaryError as exc:
            self._say(str(exc), error=True)
            return self.update()
        if delivered.outcome == "cancelled":
            self._say(T.BACKUP_FILE_CANCELLED)
            return self.update()
        self._backups.note_backup_file(manifest.created_at)
        await durable()
        self.render()
        self._say(T.BACKUP_FILE_DONE.format(name=name, counts=counts(manifest, clinician=self._clinician)))
        self.update()

    def save_settings(self, e=None) -> None:
        try:
            status = self._backups.save_settings(enabled=bool(self._auto.value),
                                                 folder=(self._folder.value or "").strip() or None,
                                                 keep=int(self._keep.value or DEFAULT_KEEP))
        except DiaryError as exc:
            return self._say(str(exc), error=True, where="settings")
        self.render()
        self._say(settings_saved(status), where="settings")

    def toggle_words(self, e=None) -> None:
        self._words_shown = not self._words_shown
        self.render()

    # Restoring
    def restore_latest(self, e=None) -> None:
        if not self._backups.backups():
            return self._say(T.RESTORE_NONE_FOUND.format(folder=printable_name(self._backups.folder())), error=True,
                             where="restore")
        self._check(self._backups.open_latest)

    async def _choose_clicked(self, e=None) -> None:
        try:
            picked = await self._pick_file()
        except Exception:  # noqa: BLE001 - the client could not open a file dialog (e.g. no zenity on Linux)
            return self._say(T.RESTORE_NO_PICKER, error=True, where="restore")
        if picked is not None:
            self.restore_bytes(*picked)

    def restore_bytes(self, name: str, data: bytes) -> None:
        self._check(lambda passphrase: self._backups.open_bytes(name, data, passphrase))

    def _check(self, opener) -> None:
        self._working(T.RESTORE_CHECKING, "restore")
        try:
            self._pending = opener(self._passphrase.value)
        except DiaryError as exc:
            self._say(str(exc), error=True, where="restore")
            return self.update()
        manifest = self._pending.manifest
        self.page.show_dialog(ft.AlertDialog(
            key="restore-dialog", modal=True, title=T.RESTORE_CONFIRM_TITLE,
            content=ft.Text(confirm_text(manifest, tz=self._tz, clinician=self._clinician)),
            actions=[ft.TextButton(content=T.CANCEL, key="restore-cancel", on_click=self.cancel_restore),
                     ft.FilledButton(content=T.RESTORE_DO, key="restore-confirm", on_click=self.confirm_restore)]))
        self._say("", where="restore")
        self.update()

    @property
    def _tz(self):
        return self._diary.clock().tzinfo

    def cancel_restore(self, e=None) -> None:
        self._pending = None
        self.page.pop_dialog()  # an update of its own, so Flet will not update after this handler: we do
        self._say(T.RESTORE_CANCELLED, where="restore")
        self.update()

    async def confirm_restore(self, e=None) -> None:
        opened, self._pending = self._pending, None
        self.page.pop_dialog()  # an update of its own, so Flet will not update after this handler: we do
        if opened is None:
            return
        try:
            aside = self._backups.restore(opened)
        except DiaryError as exc:
            self._say(str(exc), error=True, where="restore")
            return self.update()
        await durable()
        self._passphrase.value = ""
        self.render()
        self._say(restored_text(opened.manifest, aside, tz=self._tz, clinician=self._clinician,
                                aside_shown=self._with_folder), where="restore")
        self.update()

    def _say(self, message: str, *, error: bool = False, where: str = "backup") -> None:
        self._messages[where] = (message, error)
        line = self._lines[where]
        line.value, line.visible = message, bool(message)
        line.color = ft.Colors.ERROR if error else ft.Colors.PRIMARY


class ReminderSection(ft.Column):
    """Settings → Reminder: on/off with a time, and quiet mode for flare days. Saved at every change."""

    def __init__(self, diary):
        super().__init__(spacing=8, key="reminder-settings", horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._service = diary.reminders
        self._message = ""
        self.render()

    def render(self) -> None:
        self._draw(reminder_view(self._service.settings(), today=self._service.today()))

    def _draw(self, view: ReminderView) -> None:
        self._on = ft.Switch(key="reminder-on", label=T.REMINDER_ON, value=view.enabled, on_change=self._changed)
        self._time = NamedDropdown(key="reminder-time", label=T.REMINDER_TIME, dense=True, value=view.at,
                                 disabled=not view.enabled, on_select=self._changed,
                                 options=[ft.DropdownOption(key=t) for t in view.times])
        self._quiet = NamedDropdown(key="reminder-quiet", label=T.REMINDER_QUIET, dense=True, value=view.quiet,
                                  on_select=self._changed,
                                  options=[ft.DropdownOption(key=k, text=words) for k, words in view.quiet_choices])
        self._status = ft.Text(self._message, key="reminder-status")
        self.controls = [fresh_view(name="reminder-settings-view", spacing=8, controls=[
            ft.Text(T.REMINDER_HEADING, weight=ft.FontWeight.W_600), self._on, self._time, self._quiet,
            _muted(T.REMINDER_WHERE), self._status], horizontal_alignment=ft.CrossAxisAlignment.STRETCH)]

    def _changed(self, e=None) -> None:
        self.set(enabled=bool(self._on.value), at=time.fromisoformat(self._time.value), quiet=self._quiet.value)

    def set(self, *, enabled: bool, at: time, quiet: str) -> None:
        """Save the choices (public so tests and other screens can drive it) and say what they mean."""
        before = self._service.settings()
        settings = replace(before, enabled=enabled, at=at).with_quiet(quiet, today=self._service.today())
        self._service.save(settings)
        self._message = reminder_saved(before, settings, quiet=quiet)
        self.render()
