"""Installing the phone app: Settings' section, and a hint on Today shown until the user puts it away.
Today's hint waits until the diary has a check-in: it is offered to someone who uses the diary, not on a
first look (when Today already says that the browser may delete the diary and offers the questionnaires).

What the browser offers comes from the platform (current().install, asked once shown, as the page answers
asynchronously): its own install dialog behind an "Install the app" button (Chromium), a one-line
instruction on iOS Safari, or nothing (installed, opened from the home screen, the desktop app), in which
case neither shows.
"""

from __future__ import annotations

import flet as ft

from diary.platform import current as platform
from diary.ui import text as T


def outcome_sentence(outcome: str) -> str:
    """What the install dialog's answer means for the user (read now: in the language in force)."""
    return {"accepted": T.INSTALL_ACCEPTED, "dismissed": T.INSTALL_DISMISSED}.get(outcome, T.INSTALL_UNAVAILABLE)


class _InstallOffer:
    """What both places share: asking the platform once mounted, the button or the iOS line, the outcome."""

    key_prefix = "install"

    def _start(self) -> None:
        self.visible = False
        self._status = ft.Text("", key=f"{self.key_prefix}-status", visible=False)
        self._spoken_status = ft.Semantics(content=self._status, live_region=True)  # read out when it changes

    def did_mount(self) -> None:
        self.page.run_task(self._ask)

    async def _ask(self) -> None:
        offer = await platform().install.offer()
        if offer is None or not self._wanted(offer):
            return
        self._draw(offer)
        self.visible = True
        self._refresh()

    def _wanted(self, offer) -> bool:
        return True

    def _way(self, offer) -> ft.Control:
        """The "Install the app" button, or on iOS the instruction (there is no dialog to open)."""
        if offer.how == "ios":
            return ft.Text(T.INSTALL_IOS, key=f"{self.key_prefix}-ios", weight=ft.FontWeight.W_600)
        return ft.FilledTonalButton(content=T.INSTALL_ACTION, icon=ft.Icons.INSTALL_MOBILE,
                                    key=f"{self.key_prefix}-app", on_click=self._install)

    async def _install(self, e=None) -> None:
        outcome = await platform().install.prompt()
        self._status.value, self._status.visible = outcome_sentence(outcome), True
        if outcome == "accepted":
            self._installed()
        self._refresh()

    def _installed(self) -> None:
        pass

    def _refresh(self) -> None:
        try:
            self.update()
        except RuntimeError:  # the user left the screen meanwhile
            pass


class InstallSection(_InstallOffer, ft.Column):
    """Settings: the app on the home screen, whenever the browser offers it."""

    def __init__(self):
        ft.Column.__init__(self, spacing=4, key="install-section")
        self._start()

    def _draw(self, offer) -> None:
        self.controls = [ft.Text(T.INSTALL_HEADING, weight=ft.FontWeight.W_600),
                         ft.Text(T.INSTALL_HELP, size=13), self._way(offer), self._spoken_status]

    def _installed(self) -> None:
        self.controls[2].visible = False


class InstallHint(_InstallOffer, ft.Container):
    """Today: the same offer in a line, with "Not now", which puts it away for good in this browser; only
    once `diary` holds a check-in."""

    key_prefix = "install-hint"

    def __init__(self, diary):
        ft.Container.__init__(self, key="install-hint-slot", padding=12, border_radius=10,
                              bgcolor=ft.Colors.SECONDARY_CONTAINER)
        self._diary = diary
        self._start()

    def _wanted(self, offer) -> bool:
        return not offer.hint_dismissed and bool(self._diary.info()["checkins"])

    def _draw(self, offer) -> None:
        colour = ft.Colors.ON_SECONDARY_CONTAINER
        self.content = ft.Column(key="install-hint", spacing=6, controls=[
            ft.Row(vertical_alignment=ft.CrossAxisAlignment.START, controls=[
                ft.Icon(ft.Icons.INSTALL_MOBILE, color=colour),
                ft.Text(T.INSTALL_HINT, color=colour, expand=True)]),
            ft.Row(wrap=True, alignment=ft.MainAxisAlignment.END, controls=[
                ft.TextButton(content=T.INSTALL_NOT_NOW, key="install-hint-not-now", on_click=self._not_now),
                self._way(offer)]),
            self._spoken_status,
        ])

    def _not_now(self, e=None) -> None:
        platform().install.dismiss_hint()
        self.visible = False
        self._refresh()

    def _installed(self) -> None:
        self.content.controls[1].visible = False
