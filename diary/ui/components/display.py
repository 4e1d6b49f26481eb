"""What the client's display is like, as far as layout must know: the user's text size.

Flutter scales text by the browser's (or phone's) text-size setting, but Flet does not tell the app.
So the shell measures it: a probe text of a known size reports its laid-out height (on_size_change),
and its ratio to the height at 100% is the text scale. Layouts that must change with large text (the
0–10 scales wrap, charts draw bigger lettering) read `Display.of(page)`.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable

import flet as ft

PROBE_SIZE = 20
PROBE_HEIGHT_AT_100 = 29.0  # Flutter's line height for the probe at 100%, measured in Chromium
LARGE_FROM = 1.5  # 150% text and more: the scales wrap
_display_of: "weakref.WeakKeyDictionary[ft.Page, Display]" = weakref.WeakKeyDictionary()


def text_scale_from(height: float) -> float:
    """The text scale for the probe's laid-out height, to the nearest 0.25 (1.0 at least)."""
    return max(1.0, round(height / PROBE_HEIGHT_AT_100 * 4) / 4)


class Display:
    text_scale: float = 1.0
    measured: "asyncio.Event | None" = None  # set when the probe first reports: the client has laid out the page

    async def laid_out(self, page: ft.Page, *, timeout: float = 1.0) -> None:
        """Wait until the browser has laid out and drawn the page once (the probe's first report), at most
        `timeout` seconds. Only a browser is waited for: the in-process tests have no client to report."""
        if not page.web:
            return
        if self.measured is None:
            self.measured = asyncio.Event()
        try:
            await asyncio.wait_for(self.measured.wait(), timeout)
        except TimeoutError:
            pass

    @classmethod
    def of(cls, page: ft.Page) -> "Display":
        if page not in _display_of:
            _display_of[page] = cls()
        return _display_of[page]

    @property
    def large_text(self) -> bool:
        return self.text_scale >= LARGE_FROM


def text_scale_probe(page: ft.Page, *, on_change: Callable[[float], None]) -> ft.Control:
    """An invisible text whose size tells the text scale; `on_change(scale)` when it changes."""
    display = Display.of(page)

    def sized(e) -> None:
        if display.measured is None:
            display.measured = asyncio.Event()
        display.measured.set()
        scale = text_scale_from(e.height)
        if scale != display.text_scale:
            display.text_scale = scale
            on_change(scale)

    return ft.Semantics(exclude_semantics=True, content=ft.Text(
        "Ag", size=PROBE_SIZE, opacity=0, key="text-scale-probe", on_size_change=sized))
