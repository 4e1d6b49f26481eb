"""The clinician's Settings: this home's public key (text, QR code, fingerprint), pairing a patient,
protecting the private key with a passphrase, the data folder and the theme."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from diary.domain.errors import DiaryError
from diary.platform import current as platform
from diary.ui.clinician import text as T
from diary.ui.clinician.pairing_card import PairingCard
from diary.ui.components.key_card import KeyCard
from diary.ui.components.settings_blocks import data_folder, privacy, theme_picker, version
from diary.ui.components.view import fresh_view
from diary.ui.state.keys import ProtectionView, read_protection
from diary.ui.components.named import passphrase_field


class ClinicianSettings(ft.Column):
    def __init__(self, diary, *, on_theme: Callable[[str], None], pick_key=None):
        super().__init__(key="settings-screen", spacing=16, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        own = diary.pairing.own_key()
        self.controls = [
            ft.Text(T.SETTINGS_HEADING, size=22, weight=ft.FontWeight.W_600),
            KeyCard(heading=T.OWN_KEY_HEADING, help_text=T.OWN_KEY_HELP, key_text=own.text,
                    fingerprint_groups=own.fingerprint_groups),
            PairingCard(diary, pick_key=pick_key),
            KeyProtection(diary),
            _backups(diary),  # the caseload and, above all, the private key: without it no export opens
            data_folder(T.DATA_FOLDER, str(diary.home),
                        [ft.Text(T.PATIENTS_COUNT.format(n=len(diary.caseload.patients())), key="patients-count")],
                        T.DATA_FOLDER_HELP),
            privacy(T.PRIVACY_HEADING, T.PRIVACY_TEXT),
            theme_picker(diary.theme(), on_theme=on_theme),
            version(),
        ]


def _backups(diary) -> ft.Control:
    from diary.ui.screens.settings_backup import BackupSection  # loads the backup code only here

    return BackupSection(diary)


class KeyProtection(ft.Container):
    """Protect the private key with a passphrase (optional), or remove the protection."""

    def __init__(self, diary):
        super().__init__(key="key-protection", padding=14, border_radius=12, bgcolor=ft.Colors.SURFACE_CONTAINER_LOW)
        self._keys = diary.keys
        self.show()

    def show(self, message: str | None = None, *, error: bool = False, asking: bool = False,
             typed: str | None = None) -> None:
        self._draw(read_protection(self._keys, asking=asking, typed=typed), message, error=error)

    def _draw(self, view: ProtectionView, message: str | None, *, error: bool) -> None:
        off = view.state == "off"
        self._field = (ft.TextField(label=view.field_label, key="protect-passphrase", dense=True, multiline=True)
                       if off else passphrase_field(label=view.field_label, key="protect-passphrase", dense=True))
        self._status = ft.Text(message or "", key="protect-status", color=ft.Colors.ERROR if error else None)
        controls: list[ft.Control] = [
            ft.Text(T.PROTECT_HEADING, size=18, weight=ft.FontWeight.W_600),
            ft.Text(T.PROTECT_HELP, size=13),
            ft.Text(view.words, key="protect-state"),
        ]
        if view.asking:
            self._field.value = view.suggested
            controls += [self._field, ft.Text(T.PROTECT_SUGGESTED, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
                         ft.Row(wrap=True, controls=[
                             ft.FilledButton(content=T.PROTECT_BUTTON, icon=ft.Icons.LOCK_OUTLINE, key="protect-confirm",
                                             on_click=self._protect),
                             ft.TextButton(content=T.CANCEL, key="protect-cancel", on_click=lambda e: self.show())])]
        elif off:
            controls.append(ft.Row(controls=[ft.OutlinedButton(content=T.PROTECT_BUTTON, icon=ft.Icons.LOCK_OUTLINE,
                                                                key="protect", on_click=lambda e: self.show(asking=True))]))
        else:
            controls += [self._field, ft.Row(wrap=True, controls=[
                *([ft.FilledButton(content=T.UNLOCK, icon=ft.Icons.LOCK_OPEN, key="settings-unlock",
                                   on_click=self._unlock)] if view.state == "locked" else []),
                ft.OutlinedButton(content=T.UNPROTECT_BUTTON, key="unprotect", on_click=self._unprotect)])]
        controls.append(self._status)
        self.content = fresh_view(controls, name="key-protection", spacing=8,
                                  horizontal_alignment=ft.CrossAxisAlignment.STRETCH)

    async def _run(self, work, done: str, *, asking: bool = False) -> None:
        self._status.value, self._status.color = T.PROTECT_WORKING, None
        self.update()
        typed = self._field.value or ""
        try:
            await platform().work.run(work, typed)  # argon2id: about a second, off the UI
        except DiaryError as exc:
            self.show(str(exc), error=True, asking=asking, typed=typed if asking else None)
        else:
            self.show(done)
        self.update()  # once update() was called in a handler, Flet leaves the final one to us

    async def _protect(self, e=None) -> None:
        def protect(passphrase: str) -> None:
            self._keys.protect(passphrase)
            self._keys.unlock(passphrase)  # stays usable while the app runs

        await self._run(protect, T.PROTECTED, asking=True)

    async def _unprotect(self, e=None) -> None:
        await self._run(self._keys.unprotect, T.UNPROTECTED)

    async def _unlock(self, e=None) -> None:
        await self._run(self._keys.unlock, T.UNLOCKED)
