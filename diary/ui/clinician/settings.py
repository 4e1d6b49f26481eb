"""The clinician's Settings: this home's public key (text, QR code, fingerprint), pairing a patient,
protecting the private key with a passphrase, the data folder and the theme."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import flet as ft

from diary import __version__
from diary.domain.errors import DiaryError
from diary.services.keystore import KeyLocked
from diary.ui import text as PT
from diary.ui.clinician import text as T
from diary.ui.clinician.pairing_card import PairingCard
from diary.ui.components.key_card import KeyCard
from diary.ui.components.view import fresh_view


class ClinicianSettings(ft.Column):
    def __init__(self, diary, *, on_theme: Callable[[str], None], pick_key=None):
        super().__init__(key="settings-screen", spacing=16, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        own = diary.pairing.own_key()
        self.controls = [
            ft.Text(T.SETTINGS_HEADING, size=22, weight=ft.FontWeight.W_600),
            KeyCard(heading=T.OWN_KEY_HEADING, help_text=T.OWN_KEY_HELP, key_text=own.text,
                    fingerprint_groups=own.fingerprint_groups),
            PairingCard(diary, **({"pick_key": pick_key} if pick_key else {})),
            KeyProtection(diary),
            _backups(diary),  # the caseload and, above all, the private key: without it no export opens
            ft.Column(spacing=4, controls=[
                ft.Text(T.DATA_FOLDER, weight=ft.FontWeight.W_600),
                ft.Text(str(diary.home), selectable=True, key="data-folder", font_family="monospace",
                        semantics_label=str(diary.home)),  # selectable text needs a label to be read aloud
                ft.Text(T.PATIENTS_COUNT.format(n=len(diary.caseload.patients())), key="patients-count"),
                ft.Text(T.DATA_FOLDER_HELP, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
            ]),
            ft.Column(spacing=4, controls=[
                ft.Text(T.PRIVACY_HEADING, weight=ft.FontWeight.W_600),
                ft.Text(T.PRIVACY_TEXT, key="privacy"),
            ]),
            ft.Column(spacing=4, controls=[
                ft.Text(PT.THEME, weight=ft.FontWeight.W_600),
                ft.SegmentedButton(
                    key="theme", selected=[diary.meta.get("theme") or "system"], allow_empty_selection=False,
                    segments=[ft.Segment(value="system", label=PT.THEME_SYSTEM),
                              ft.Segment(value="light", label=PT.THEME_LIGHT),
                              ft.Segment(value="dark", label=PT.THEME_DARK)],
                    on_change=lambda e: on_theme(e.control.selected[0]),
                ),
            ]),
            ft.Text(PT.VERSION.format(version=__version__), key="version", color=ft.Colors.ON_SURFACE_VARIANT),
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

    def _state(self) -> str:
        try:
            if not self._keys.protected:
                return "off"
            self._keys.private_key()
            return "unlocked"
        except KeyLocked:
            return "locked"
        except DiaryError:
            return "off"

    def show(self, message: str | None = None, *, error: bool = False, asking: bool = False,
             typed: str | None = None) -> None:
        protected = self._state()
        words = {"off": T.PROTECT_STATE_OFF, "locked": T.PROTECT_STATE_LOCKED, "unlocked": T.PROTECT_STATE_UNLOCKED}
        self._field = ft.TextField(label=T.PROTECT_PASSPHRASE if protected == "off" else T.KEY_PASSPHRASE,
                                   key="protect-passphrase", dense=True, multiline=protected == "off",
                                   password=protected != "off", can_reveal_password=protected != "off")
        self._status = ft.Text(message or "", key="protect-status", color=ft.Colors.ERROR if error else None)
        controls: list[ft.Control] = [
            ft.Text(T.PROTECT_HEADING, size=18, weight=ft.FontWeight.W_600),
            ft.Text(T.PROTECT_HELP, size=13),
            ft.Text(words[protected], key="protect-state"),
        ]
        if protected == "off" and asking:
            from diary.exchange.passphrase import generate_passphrase

            self._field.value = typed or generate_passphrase()
            controls += [self._field, ft.Text(T.PROTECT_SUGGESTED, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
                         ft.Row(wrap=True, controls=[
                             ft.FilledButton(content=T.PROTECT_BUTTON, icon=ft.Icons.LOCK_OUTLINE, key="protect-confirm",
                                             on_click=self._protect),
                             ft.TextButton(content=T.CANCEL, key="protect-cancel", on_click=lambda e: self.show())])]
        elif protected == "off":
            controls.append(ft.Row(controls=[ft.OutlinedButton(content=T.PROTECT_BUTTON, icon=ft.Icons.LOCK_OUTLINE,
                                                                key="protect", on_click=lambda e: self.show(asking=True))]))
        else:
            controls += [self._field, ft.Row(wrap=True, controls=[
                *([ft.FilledButton(content=T.UNLOCK, icon=ft.Icons.LOCK_OPEN, key="settings-unlock",
                                   on_click=self._unlock)] if protected == "locked" else []),
                ft.OutlinedButton(content=T.UNPROTECT_BUTTON, key="unprotect", on_click=self._unprotect)])]
        controls.append(self._status)
        self.content = fresh_view(controls, name="key-protection", spacing=8,
                                  horizontal_alignment=ft.CrossAxisAlignment.STRETCH)

    async def _run(self, work, done: str, *, asking: bool = False) -> None:
        self._status.value, self._status.color = T.PROTECT_WORKING, None
        self.update()
        typed = self._field.value or ""
        try:
            await asyncio.to_thread(work, typed)
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
