"""The keyboard, page-wide: Ctrl+S / Cmd+S saves the open form, and arrow keys move within a group.

A 0–10 scale and the body map are one Tab stop each (the "roving" pattern of ARIA's radio group and
toolbar): only one of their cells is a focusable button at a time, and the arrow keys move it. Flet
sends key presses to `page.on_keyboard_event` only, so one `Keys` per page routes them: to the group
whose focusable cell has focus (`arrow_key`) (it says so with on_focus / on_blur), and Ctrl+S to the form that
registered itself as the page's save action.
"""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Awaitable, Callable
from typing import Protocol

import flet as ft

STEPS = {"Arrow Right": 1, "Arrow Down": 1, "Arrow Left": -1, "Arrow Up": -1}
FIRST_LAST = {"Home": 0, "End": -1}
_keys_of: "weakref.WeakKeyDictionary[ft.Page, Keys]" = weakref.WeakKeyDictionary()


class Group(Protocol):
    """A group of cells reached by one Tab stop; `arrow_key(name)` handles a key while the group has focus and
    says whether it did."""

    def arrow_key(self, name: str) -> "bool | Awaitable[bool]": ...


class Keys:
    """The page's keyboard handler (one per page: `Keys.of(page)`)."""

    def __init__(self, page: ft.Page):
        self.group: Group | None = None
        self.save: Callable[[], object] | None = None
        page.on_keyboard_event = self.on_key

    @classmethod
    def of(cls, page: ft.Page) -> "Keys":
        if page not in _keys_of:
            _keys_of[page] = cls(page)
        return _keys_of[page]

    async def on_key(self, e: ft.KeyboardEvent) -> None:
        if e.key == "S" and (e.ctrl or e.meta) and self.save is not None:
            await _maybe_await(self.save())
        elif self.group is not None and not (e.ctrl or e.meta or e.alt):
            await _maybe_await(self.group.arrow_key(e.key))


async def _maybe_await(result) -> object:
    return await result if inspect.isawaitable(result) else result


def step_index(key: str, index: int, count: int) -> int | None:
    """Where an arrow, Home or End key moves the focus in a group of `count` cells (None: not ours)."""
    if key in STEPS:
        return max(0, min(count - 1, index + STEPS[key]))
    if key in FIRST_LAST:
        return FIRST_LAST[key] % count
    return None


class Roving:
    """Mixin for a control drawing a group of cells of which one (`self.active`) is a focusable button.

    Subclasses call `focused(e)` / `blurred(e)` from that button's on_focus / on_blur, and implement
    `moved(index)` (repaint with the new active cell) and `door()` (the focusable button now drawn).
    """

    active: int = 0
    has_focus: bool = False

    def focused(self, e=None) -> None:
        self.has_focus = True
        Keys.of(self.page).group = self

    def blurred(self, e=None) -> None:
        self.has_focus = False
        keys = Keys.of(self.page)
        if keys.group is self:
            keys.group = None

    async def keep_focus(self) -> None:
        """After a repaint that replaced the focusable cell (Space or Enter on it), give it the focus back."""
        if self.has_focus:
            self.update()
            await self.door().focus()

    async def move_to(self, index: int) -> None:
        self.active = index
        self.moved(index)
        self.update()
        await self.door().focus()

    def moved(self, index: int) -> None:  # pragma: no cover - every group overrides it
        raise NotImplementedError

    def door(self) -> ft.Control:  # pragma: no cover
        raise NotImplementedError
