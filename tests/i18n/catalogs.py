"""The messages in the source, as Babel extracts them (`make messages` does the same), and the catalogs."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "diary" / "locale"
SWEDISH_PO = LOCALE / "sv" / "LC_MESSAGES" / "diary.po"
SWEDISH_MO = SWEDISH_PO.with_suffix(".mo")
TEMPLATE = LOCALE / "diary.pot"
# The Makefile's `-k P_:1,2 -k C_:1c,2 -k Sentence` on top of Babel's defaults (_, gettext, ngettext, pgettext,
# N_, ...); Sentence is the domain's deferred sentence (diary.domain.errors).
KEYWORDS = {**DEFAULT_KEYWORDS, "P_": (1, 2), "C_": ((1, "c"), 2), "Sentence": None}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")

Key = tuple[str | None, str]  # (context, msgid; the singular for a plural message)


def key_of(message_id, context: str | None) -> Key:
    return context, message_id[0] if isinstance(message_id, tuple) else message_id


@cache
def source_messages() -> dict[Key, str]:
    """Every marked message of diary/ → where it first appears."""
    found: dict[Key, str] = {}
    for filename, line, message, _comments, context in extract_from_dir(
            str(ROOT / "diary"), method_map=[("**.py", "python")], keywords=KEYWORDS):
        found.setdefault(key_of(message, context), f"diary/{filename}:{line}")
    return found


def read_catalog(path: Path, locale: str | None = None):
    with open(path, "rb") as f:
        return read_po(f, locale=locale)


def compiled(path: Path) -> bytes:
    """The .mo that `pybabel compile` makes of the .po at `path` (fuzzy entries left out)."""
    out = io.BytesIO()
    write_mo(out, read_catalog(path, "sv"))
    return out.getvalue()


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))
