"""Showing a name that came from outside (a file name, a path) without letting it act on the screen.

A file name may hold any character but "/" and NUL: a newline can forge a line of output ("anna.diary:
imported"), an ESC sequence can recolour or erase a terminal, a right-to-left override can make
"exe.diary" look like "yraid.exe", a zero-width character can make two names look alike. Everywhere a
name the user did not type into this app reaches a terminal or a screen, it goes through
`printable_name`, which writes every such character as a visible escape.
"""

from __future__ import annotations

import os
import unicodedata

# Control (Cc), format (Cf: bidi overrides, zero-width characters, ...), line and paragraph separators
# (Zl, Zp) and surrogates (Cs: bytes a file name had that were not UTF-8).
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable_name(name: str | os.PathLike) -> str:
    """`name` with every control, format, separator or surrogate character written as an escape.

    "\\n" for a newline, "\\x1b" for ESC, "\\u202e" for a right-to-left override; a byte that was not
    UTF-8 (kept by Python as a surrogate, U+DC80–U+DCFF) as "\\xNN", the byte itself. Everything else,
    accents and other scripts included, is shown as it is.
    """
    text = os.fspath(name)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    if text.isprintable():  # the common case: nothing to escape (isprintable is False for all of them)
        return text
    return "".join(_shown(ch) for ch in text)


def _shown(ch: str) -> str:
    if unicodedata.category(ch) not in _HIDDEN_CATEGORIES:
        return ch
    if ch in _SHORT:
        return _SHORT[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
