"""Installing the phone app on the home screen (diary.platform.seams.AppInstall for the browser).

Only the page hears the browser's offer: Chromium's `beforeinstallprompt` event (Android, desktop), which
the page keeps until the user taps Install, and whether it runs from the home screen already. iOS Safari
fires no event; there the page answers "ios" and the app tells the user how (Share, Add to Home Screen).
The page's side is diary.pwa.site.INSTALL_JS; this side asks it on the "diary-page" channel. Browser only.
"""

from __future__ import annotations

from diary.platform.seams import InstallOffer

OUTCOMES = ("accepted", "dismissed", "unavailable")
PROMPT_WAIT = 600.0  # seconds: the browser's dialog waits for the user, who may take their time


class PageInstall:
    """The page's install offer, asked for when a screen shows it."""

    async def offer(self, timeout: float = 3.0) -> InstallOffer | None:
        from diary.platform.browser_page import ask_page

        answer = await ask_page({"ask": "diary-install"}, timeout=timeout)
        return offer_from(answer)

    async def prompt(self) -> str:
        from diary.platform.browser_page import ask_page

        answer = await ask_page({"do": "diary-install-prompt"}, timeout=PROMPT_WAIT) or {}
        outcome = answer.get("outcome")
        return outcome if outcome in OUTCOMES else "unavailable"

    def dismiss_hint(self) -> None:
        from diary.platform.browser_page import tell_page

        tell_page({"do": "diary-install-dismiss-hint"})


def offer_from(answer: dict | None) -> InstallOffer | None:
    """The page's answer (None: no page answered) as an offer; None when it offers nothing."""
    how = (answer or {}).get("offer")
    if how not in ("prompt", "ios"):
        return None
    return InstallOffer(how, hint_dismissed=bool(answer.get("hintDismissed")))
