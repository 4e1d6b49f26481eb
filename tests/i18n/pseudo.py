"""A pseudo-locale for the in-process screen tests: every message of the catalogs, 40% longer and written
with accented letters ("Save" → "⟦Šávé ȧ⟧"), so that text a translation would clip or overflow shows up
before a translator does, and so does text that never went through the catalogs (it stays plain English).

It is a real gettext catalog: the messages Babel extracts, transformed, compiled with Babel and read with
gettext, registered as the language "pseudo" (dates and numbers as in English). `english()` turns pseudo text
back into the English it came from, so a test's English expectations hold after the checks have run.
"""

from __future__ import annotations

import gettext
import io
import math
import re

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo

from diary.i18n.catalogs import register_language
from tests.i18n.catalogs import KEYWORDS, ROOT

LANGUAGE = "pseudo"
OPEN, CLOSE = "⟦", "⟧"
_PLAIN = "aeiouycnszAEIOUYCNSZ"
_ACCENTED = "áéíóúýçñšžÁÉÍÓÚÝÇÑŠŽ"
_PADDING = "ȧėȯ"  # letters no message and no test data uses: they only ever pad
_TO_PSEUDO = str.maketrans(_PLAIN, _ACCENTED)
_TO_ENGLISH = str.maketrans(_ACCENTED, _PLAIN, OPEN + CLOSE + _PADDING)
_PADDED = re.compile(f" [{_PADDING}]+{CLOSE}")
_PLACEHOLDER = re.compile(r"(\{[^{}]*\})")


def pseudo(text: str) -> str:
    """ "Saved {day}." → "⟦Šávéd {day}. ȧė⟧": letters accented outside placeholders, 40% longer."""
    if not text.strip():
        return text
    parts = [part if _PLACEHOLDER.fullmatch(part) else part.translate(_TO_PSEUDO)
             for part in _PLACEHOLDER.split(text)]
    # The padding is a word of its own, so the text gets longer as a translation does (more words, longer
    # lines) without one impossibly long word.
    padding = (_PADDING * len(text))[: max(1, math.ceil(len(text) * 0.4) - 3)]
    return f"{OPEN}{''.join(parts)} {padding}{CLOSE}"


def english(text: str) -> str:
    """The English a pseudo text came from (placeholders filled in stay as they were filled)."""
    return _PADDED.sub(CLOSE, text).translate(_TO_ENGLISH) if OPEN in text else text


def is_pseudo(text: str) -> bool:
    return OPEN in text


def _catalog() -> Catalog:
    catalog = Catalog(locale="en", domain="diary")
    for _file, _line, message, _comments, context in extract_from_dir(
            str(ROOT / "diary"), method_map=[("**.py", "python")], keywords=KEYWORDS):
        if isinstance(message, tuple):
            catalog.add(message, tuple(pseudo(m) for m in message), context=context)
        else:
            catalog.add(message, pseudo(message), context=context)
    return catalog


_installed = False


def install() -> None:
    """Register the pseudo-locale (once per test run)."""
    global _installed
    if not _installed:
        data = io.BytesIO()
        write_mo(data, _catalog())
        data.seek(0)
        register_language(LANGUAGE, gettext.GNUTranslations(data), formats="en")
        _installed = True
