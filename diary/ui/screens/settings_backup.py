"""Settings → Backups (back up now, automatic backups, the passphrase, restore) and → Reminder.

Slow steps (argon2id takes about a second on purpose) show a "working" line first. A restore is
checked completely before the confirmation dialog appears, so the user only ever confirms a backup
that will restore.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime, time

import flet as ft

from diary.domain.errors import DiaryError
from diary.domain.names import printable_name
from diary.domain.reminders import QUIET_CHOICES
from diary.services import auto_backup
from diary.services.backup import Manifest, OpenedBackup, open_backup, read_backup
from diary.services.bootstrap import Diary
from diary.services.reminders import reminders_for
from diary.services.restore import restore_open_diary
from diary.ui import text as T
from diary.ui.components.view import fresh_view

KEEP_CHOICES = (3, 7, 14, 30, 90)
REMINDER_TIMES = [time(h, m) for h in range(6, 24) for m in (0, 30)]

PickedFile = tuple[str, bytes]  # (name, bytes)
FilePicker = Callable[[], Awaitable[PickedFile | None]]


async def pick_backup_file() -> PickedFile | None:
    """Ask for one backup file and return (name, bytes), or None if cancelled. Works on web and desktop."""
    files = await ft.FilePicker().pick_files(dialog_title=T.RESTORE_CHOOSE, file_type=ft.FilePickerFileType.CUSTOM,
                                             allowed_extensions=["diarybackup"], with_data=True)
    return (files[0].name, bytes(files[0].bytes)) if files and files[0].bytes is not None else None


def when(moment: datetime, tz) -> str:
    return moment.astimezone(tz).strftime("%a %-d %b %Y, %H:%M")


def _counts(manifest: Manifest) -> str:
    return T.days_and_checkins(manifest.days_logged, manifest.checkins)


def _muted(text: str, **kwargs) -> ft.Text:
    return ft.Text(text, size=12, color=ft.Colors.ON_SURFACE_VARIANT, **kwargs)


class BackupSection(ft.Column):
    """A Settings section. `pick_file` is replaceable so tests need no file dialog."""

    def __init__(self, diary: Diary, *, pick_file: FilePicker = pick_backup_file):
        super().__init__(spacing=8, key="backup-settings", horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._diary, self._pick_file = diary, pick_file
        self._messages: dict[str, tuple[str, bool]] = {}  # where → (sentence, is an error), kept across renders
        self._words_shown = False
        self._pending: OpenedBackup | None = None
        self._passphrase = None
        self.render()

    def render(self) -> None:
        """Build the section afresh (in a fresh view: Flet freezes re-used keys, see components/view.py)."""
        status = auto_backup.status(self._diary.home)
        tz = self._diary.clock().tzinfo
        last = (T.BACKUP_LAST.format(when=when(status.last_backup, tz), count=status.count)
                if status.last_backup else T.BACKUP_NONE)
        # One status line under each group of buttons, so the answer appears where the user tapped.
        self._lines = {where: self._line(where) for where in ("backup", "settings", "restore")}
        self._auto = ft.Switch(key="auto-backup", label=T.BACKUP_AUTO, value=status.settings.enabled)
        self._folder = ft.TextField(key="backup-folder", label=T.BACKUP_FOLDER, dense=True,
                                    value=status.settings.folder or "", hint_text=T.BACKUP_FOLDER_HINT)
        keep = sorted({*KEEP_CHOICES, status.settings.keep})
        self._keep = ft.Dropdown(
            key="backup-keep", label=T.BACKUP_KEEP, dense=True, value=str(status.settings.keep),
            options=[ft.DropdownOption(key=str(n), text=T.BACKUP_KEEP_N.format(n=n)) for n in keep])
        typed = self._passphrase.value if self._passphrase else ""
        self._passphrase = ft.TextField(key="restore-passphrase", label=T.RESTORE_PASSPHRASE, password=True,
                                        can_reveal_password=True, dense=True, helper=T.RESTORE_PASSPHRASE_HELP,
                                        value=typed)
        words = ft.Text(self._words_value() if self._words_shown else "", key="backup-words", selectable=True,
                        font_family="monospace", visible=self._words_shown)
        inside = status.folder.is_relative_to(self._diary.home)
        self.controls = [fresh_view(name="backup-settings-view", spacing=8,
                                    horizontal_alignment=ft.CrossAxisAlignment.STRETCH, controls=[
            ft.Text(T.BACKUP_HEADING, weight=ft.FontWeight.W_600),
            ft.Text(last, key="last-backup"),
            _muted(T.BACKUP_WHERE.format(folder=printable_name(status.folder)), key="backup-where", selectable=True),
            *([_muted(T.BACKUP_INSIDE_HOME)] if inside else []),
            *([ft.Text(T.BACKUP_FAILED_LAST.format(reason=status.last_error), color=ft.Colors.ERROR,
                       key="backup-last-error")] if status.last_error else []),
            ft.Row(wrap=True, controls=[ft.FilledTonalButton(content=T.BACKUP_NOW, icon=ft.Icons.BACKUP,
                                                             key="backup-now", on_click=self.back_up_now)]),
            self._lines["backup"],
            self._auto,
            self._folder,
            self._keep,
            ft.Row(wrap=True, controls=[ft.OutlinedButton(content=T.BACKUP_SAVE_SETTINGS, key="save-backup-settings",
                                                          on_click=self.save_settings)]),
            self._lines["settings"],
            _muted(T.BACKUP_WORDS_HELP),
            ft.Row(wrap=True, controls=[ft.TextButton(
                content=T.BACKUP_HIDE_WORDS if self._words_shown else T.BACKUP_SHOW_WORDS,
                icon=ft.Icons.KEY, key="show-words", on_click=self.toggle_words)]),
            words,
            ft.Container(height=4),
            ft.Text(T.RESTORE_HEADING, weight=ft.FontWeight.W_600),
            _muted(T.RESTORE_HELP),
            self._passphrase,
            ft.Row(wrap=True, controls=[
                ft.OutlinedButton(content=T.RESTORE_LATEST, icon=ft.Icons.RESTORE, key="restore-latest",
                                  on_click=self.restore_latest),
                ft.TextButton(content=T.RESTORE_CHOOSE, icon=ft.Icons.FILE_OPEN, key="restore-choose",
                              on_click=self._choose_clicked),
            ]),
            self._lines["restore"],
        ])]

    def _line(self, where: str) -> ft.Text:
        message, error = self._messages.get(where, ("", False))
        return ft.Text(message, key=f"{where}-status", visible=bool(message),
                       color=ft.Colors.ERROR if error else ft.Colors.PRIMARY)

    def _words_value(self) -> str:
        try:
            return auto_backup.backup_passphrase(self._diary.home)
        except DiaryError as exc:
            return str(exc)

    # Backing up
    def _working(self, message: str, where: str) -> None:
        """Show `message` at once. Flet then skips its own update after the handler (it saw this one),
        so every handler that calls this ends with `self.update()` too."""
        self._say(message, where=where)
        self.update()

    def _counts(self, manifest: Manifest) -> str:
        # A clinician's home keeps its patients apart from the diary tables the manifest counts.
        if getattr(self._diary.role, "value", "patient") == "clinician":
            return T.CASELOAD_IN_BACKUP
        return _counts(manifest)

    def back_up_now(self, e=None) -> None:
        self._working(T.BACKUP_WORKING, "backup")
        try:
            info = auto_backup.back_up_now(self._diary.home, now=self._diary.clock())
        except DiaryError as exc:
            self._say(str(exc), error=True)
        else:
            self.render()
            self._say(T.BACKUP_DONE.format(counts=self._counts(info.manifest)))
        self.update()

    def save_settings(self, e=None) -> None:
        try:
            settings = auto_backup.BackupSettings(enabled=bool(self._auto.value),
                                                  folder=(self._folder.value or "").strip() or None,
                                                  keep=int(self._keep.value or auto_backup.DEFAULT_KEEP))
            auto_backup.save_settings(self._diary.home, settings)
        except DiaryError as exc:
            return self._say(str(exc), error=True, where="settings")
        status = auto_backup.status(self._diary.home)
        self.render()
        self._say(T.BACKUP_SETTINGS_SAVED.format(state=T.BACKUP_ON if status.settings.enabled else T.BACKUP_OFF,
                                                 keep=status.settings.keep, folder=printable_name(status.folder)),
                  where="settings")

    def toggle_words(self, e=None) -> None:
        self._words_shown = not self._words_shown
        self.render()

    # Restoring
    def _passphrase_or_device_key(self) -> str:
        typed = (self._passphrase.value or "").strip()
        return typed or auto_backup.backup_passphrase(self._diary.home)

    def restore_latest(self, e=None) -> None:
        folder = auto_backup.backup_folder(self._diary.home)
        latest = auto_backup.latest_backup(folder)
        if latest is None:
            return self._say(T.RESTORE_NONE_FOUND.format(folder=printable_name(folder)), error=True, where="restore")
        self._check(lambda passphrase: read_backup(latest, passphrase))

    async def _choose_clicked(self, e=None) -> None:
        try:
            picked = await self._pick_file()
        except Exception:  # the client could not open a file dialog (e.g. no zenity on a Linux desktop)
            return self._say(T.RESTORE_NO_PICKER, error=True, where="restore")
        if picked is not None:
            self.restore_bytes(*picked)

    def restore_bytes(self, name: str, data: bytes) -> None:
        self._check(lambda passphrase: open_backup(data, passphrase, name=name))

    def _check(self, opener: Callable[[str], OpenedBackup]) -> None:
        self._working(T.RESTORE_CHECKING, "restore")
        try:
            self._pending = opener(self._passphrase_or_device_key())
        except DiaryError as exc:
            self._say(str(exc), error=True, where="restore")
            return self.update()
        manifest = self._pending.manifest
        self.page.show_dialog(ft.AlertDialog(
            key="restore-dialog", modal=True, title=T.RESTORE_CONFIRM_TITLE,
            content=ft.Text(T.RESTORE_CONFIRM.format(when=self._when(manifest), counts=self._counts(manifest))),
            actions=[ft.TextButton(content=T.CANCEL, key="restore-cancel", on_click=self.cancel_restore),
                     ft.FilledButton(content=T.RESTORE_DO, key="restore-confirm", on_click=self.confirm_restore)]))
        self._say("", where="restore")
        self.update()

    def cancel_restore(self, e=None) -> None:
        self._pending = None
        self.page.pop_dialog()  # an update of its own, so Flet will not update after this handler: we do
        self._say(T.RESTORE_CANCELLED, where="restore")
        self.update()

    def confirm_restore(self, e=None) -> None:
        opened, self._pending = self._pending, None
        self.page.pop_dialog()  # an update of its own, so Flet will not update after this handler: we do
        if opened is None:
            return
        try:
            aside = restore_open_diary(self._diary, opened)
        except DiaryError as exc:
            self._say(str(exc), error=True, where="restore")
            return self.update()
        manifest = opened.manifest
        self._passphrase.value = ""
        self.render()
        done = T.RESTORE_DONE if aside else T.RESTORE_DONE_NEW
        self._say(done.format(when=self._when(manifest), counts=self._counts(manifest), aside=aside), where="restore")
        self.update()

    def _when(self, manifest: Manifest) -> str:
        return when(manifest.created_at, self._diary.clock().tzinfo)

    def _say(self, message: str, *, error: bool = False, where: str = "backup") -> None:
        self._messages[where] = (message, error)
        line = self._lines[where]
        line.value, line.visible = message, bool(message)
        line.color = ft.Colors.ERROR if error else ft.Colors.PRIMARY


class ReminderSection(ft.Column):
    """Settings → Reminder: on/off with a time, and quiet mode for flare days. Saved at every change."""

    def __init__(self, diary: Diary):
        super().__init__(spacing=8, key="reminder-settings", horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._service = reminders_for(diary)
        self._message = ""
        self.render()

    def render(self) -> None:
        settings, today = self._service.settings(), self._service.today()
        times = sorted({*REMINDER_TIMES, settings.at})
        self._on = ft.Switch(key="reminder-on", label=T.REMINDER_ON, value=settings.enabled, on_change=self._changed)
        self._time = ft.Dropdown(key="reminder-time", label=T.REMINDER_TIME, dense=True,
                                 value=settings.at.strftime("%H:%M"), disabled=not settings.enabled,
                                 on_select=self._changed,
                                 options=[ft.DropdownOption(key=t.strftime("%H:%M")) for t in times])
        self._quiet = ft.Dropdown(key="reminder-quiet", label=T.REMINDER_QUIET, dense=True,
                                  value=settings.quiet_choice(today=today), on_select=self._changed,
                                  options=[ft.DropdownOption(key=k, text=T.REMINDER_QUIET_CHOICES[k])
                                           for k in QUIET_CHOICES])
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
        if settings.quiet_until != before.quiet_until:
            message = T.REMINDER_SAVED_QUIET.format(choice=T.REMINDER_QUIET_CHOICES[quiet].lower())
        elif enabled:
            message = T.REMINDER_SAVED_ON.format(time=at.strftime("%H:%M"))
        else:
            message = T.REMINDER_SAVED_OFF
        self._message = message
        self.render()
