"""Rules for free text (notes, labels): plain text only, no invisible tricks.

Notes travel to a clinician and into spreadsheets, so characters that hide or reorder text (bidi
overrides), that terminals or parsers treat specially (control characters) or that cannot be encoded
(lone surrogates) are refused with a sentence, and the text is stored in NFC.
"""

import unicodedata

from diary.domain.errors import ValidationFailed

NOTE_MAX_CHARS = 2000

_ALLOWED_CONTROLS = {"\n", "\t"}
_BIDI_CONTROLS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)}


def _problem(ch: str) -> str | None:
    code = ord(ch)
    if 0xD800 <= code <= 0xDFFF:
        return "a broken character"
    if ch in _BIDI_CONTROLS:
        return "a hidden text-direction character"
    if ch == "\ufeff":
        return "an invisible byte-order mark"
    if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc":
        return "a control character"
    return None


def clean_text(value: str, *, field: str, max_chars: int, label: str) -> str:
    """Return `value` normalised to NFC with line endings as \\n, or raise ValidationFailed.

    Args:
        value: the text as typed or imported.
        field: the field name, for the error.
        max_chars: the longest text allowed, counted after normalising.
        label: how the field is called in the sentence ("The note").
    """
    for ch in value:
        problem = _problem(ch) if ch not in "\r" else None
        if problem:
            raise ValidationFailed(
                f"{label} contains {problem} (U+{ord(ch):04X}); remove it and try again.", field=field
            )
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    if len(text) > max_chars:
        raise ValidationFailed(
            f"{label} is {len(text):,} characters long; the most allowed is {max_chars:,}.", field=field
        )
    return text
