"""What the pseudo-locale run checks after every action of a screen test (tests/ui/conftest.py), then turns
the page back into English so the test's own expectations hold:

- no English left: a shown text that still holds a catalog message in plain English did not go through
  the catalogs (a word captured at import time, a literal in a screen);
- nothing overflows: a Row that cannot wrap must fit the page's width with its texts 40% longer, and so must
  a segment of a segmented button (estimates from the font size: Flutter lays the page out, not us).
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

import flet as ft
from flet.controls.base_control import BaseControl

from tests.i18n.catalogs import source_messages
from tests.i18n.pseudo import OPEN, english, is_pseudo

TEXT_FIELDS = ("value", "label", "text", "tooltip", "hint_text", "helper_text", "error_text", "semantics_label",
               "title", "subtitle", "content")
CHAR_EM = 0.55  # the mean advance of a Roboto letter, in ems (accented capitals included)
BODY_PADDING = 32  # the shell's 16 px either side
BUTTON_PADDING = {"FilledButton": 48, "OutlinedButton": 48, "TextButton": 24, "ElevatedButton": 48}
ICON = 26
SEGMENT_PADDING = 26  # 12 px either side and the border


@cache
def _english_fragments() -> tuple[str, ...]:
    """Pieces of catalog messages long enough to be recognised in a text (placeholders cut out)."""
    pieces = set()
    for _context, message in source_messages():
        for piece in re.split(r"\{[^{}]*\}", message):
            piece = piece.strip(" .,:;·()–—\n")
            # Long enough not to be found by chance in what a test types ("Walks to work once a week").
            if len(re.findall(r"[A-Za-z]+", piece)) >= 3 and len(piece) >= 15:
                pieces.add(piece)
    return tuple(sorted(pieces, key=len, reverse=True))


def _outside_pseudo(text: str) -> str:
    """The parts of `text` that no pseudo message covers (user data, numbers, or a leak)."""
    out, depth = [], 0
    for ch in text:
        if ch == OPEN:
            depth += 1
        elif ch == "⟧":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def _width(text: str, size: float) -> float:
    return max((len(line) for line in text.splitlines()), default=0) * size * CHAR_EM


def _text_of(control: BaseControl) -> tuple[str, float] | None:
    if isinstance(control, ft.Text) and isinstance(control.value, str):
        return control.value, control.size or 14
    content = getattr(control, "content", None)
    if isinstance(content, str):
        return content, 14
    if isinstance(content, ft.Text) and isinstance(content.value, str):
        return content.value, content.size or 14
    return None


def _min_width(control: BaseControl) -> float:
    """How narrow a Row's child can get: a text or a button does not wrap in a Row unless it expands."""
    if getattr(control, "expand", None) or getattr(control, "visible", True) is False:
        return 0
    if isinstance(getattr(control, "width", None), (int, float)):
        return control.width
    found = _text_of(control)
    if found is None:
        return 0
    text, size = found
    extra = BUTTON_PADDING.get(type(control).__name__, 0) + (ICON if getattr(control, "icon", None) else 0)
    return _width(text, size) + extra


class PseudoChecks:
    """Call after each action: returns the problems found, and turns the page's pseudo text into English."""

    def __init__(self):
        self.restored: dict[tuple[int, str], str] = {}  # (control, field) → the English put there

    def __call__(self, harness) -> list[str]:
        width = (harness.page.width or 390) - BODY_PADDING
        problems = []

        nodes = harness._walk()  # it runs on the app's loop itself

        def inspect():
            # What sits in a row that scrolls sideways cannot overflow: it scrolls.
            scrolling = {id(c) for n in nodes if isinstance(n.control, ft.Row) and n.control.scroll
                         for c in n.control.controls}
            for node in nodes:
                if node.shown:
                    problems.extend(self._leaks(node.control))
                    if id(node.control) not in scrolling:
                        problems.extend(_overflow(node.control, width))
            for node in nodes:
                self._restore(node.control)

        harness._in_loop(inspect)
        return problems

    def _leaks(self, control: BaseControl) -> list[str]:
        found = []
        for name in TEXT_FIELDS:
            value = getattr(control, name, None)
            if not isinstance(value, str) or self.restored.get((id(control), name)) == value:
                continue
            if name == "value" and isinstance(control, ft.TextField):  # what the user typed
                continue
            rest = _outside_pseudo(value)
            leaked = next((piece for piece in _english_fragments() if piece in rest), None)
            if leaked:
                found.append(f"{type(control).__name__}.{name} = {value!r}: {leaked!r} is not translated")
        return found

    def _restore(self, control: BaseControl) -> None:
        for field in dataclasses.fields(control):
            value = getattr(control, field.name, None)
            if isinstance(value, str) and is_pseudo(value):
                plain = english(value)
                setattr(control, field.name, plain)
                self.restored[(id(control), field.name)] = plain


def _overflow(control: BaseControl, width: float) -> list[str]:
    if isinstance(control, ft.Row) and not control.wrap and not control.scroll:
        children = [c for c in control.controls if getattr(c, "visible", True) is not False]
        need = sum(_min_width(c) for c in children) + (control.spacing or 10) * max(0, len(children) - 1)
        if need > width:
            texts = [t[0] for c in children if (t := _text_of(c))]
            return [f"a Row needs ~{need:.0f} px of {width:.0f}: {texts}"]
    if isinstance(control, ft.SegmentedButton) and control.segments:
        # Flutter gives every segment the width of the widest label; the button does not shrink below it.
        labels = [s.label if isinstance(s.label, str) else getattr(s.label, "value", "") or "" for s in control.segments]
        need = len(labels) * (max(_width(label, 14) for label in labels) + SEGMENT_PADDING)
        if need > width:
            return [f"a segmented button needs ~{need:.0f} px of {width:.0f}: {labels}"]
    return []
