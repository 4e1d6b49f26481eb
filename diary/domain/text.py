"""Rules for free text (notes, titles, labels): plain text only, no invisible tricks.

Notes travel to a clinician and into spreadsheets, and labels tell patients apart, so one rule applies to
every text the app takes in, typed or imported:

- Refused with a sentence: characters that change how the text reads or is parsed: control characters
  (but line feed and tab; a carriage return becomes a line feed), bidi overrides and marks, a byte-order
  mark, lone surrogates.
- Removed: invisible format characters (Unicode category Cf), which show nothing but can make two texts
  that look alike differ, or hide text: zero-width space (U+200B), word joiner (U+2060), soft hyphen,
  U+206A–U+206F, tag characters (U+E0000–U+E007F), invisible operators, and the like. Removing them loses
  nothing anyone can see, so a text pasted from a web page is kept rather than refused.
- Kept, because a language or an emoji needs them: a zero-width joiner (U+200D) between two emoji (👩‍⚕️,
  ❤️‍🔥), a zero-width joiner or non-joiner after a virama (Devanagari, Bengali, Malayalam and the other
  Indic scripts: RFC 5892's rule), a zero-width non-joiner between two letters of an Arabic-script language
  (Persian, Urdu); and the tag characters of the three subdivision flags Unicode recommends (England,
  Scotland, Wales). Anywhere else the joiners are removed like the rest.
- Line and paragraph separators (U+2028, U+2029) become line feeds; a single-line text (a title, a label)
  refuses any line break.
- The text is stored in NFC.
"""

import re
import unicodedata

from diary.domain.errors import Sentence, ValidationFailed, Word, word
from diary.domain.marks import N_

NOTE_MAX_CHARS = 2000

_ALLOWED_CONTROLS = {"\n", "\t"}
_BIDI_CONTROLS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)}
_LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n"}
ZWNJ, ZWJ = "\u200c", "\u200d"
_VIRAMA = 9  # canonical combining class of a virama
_EMOJI_MODIFIERS = {"\ufe0e", "\ufe0f", *map(chr, range(0x1F3FB, 0x1F400))}  # variation selectors, skin tones
_ARABIC_SCRIPT = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_BLACK_FLAG, _CANCEL_TAG = "\U0001F3F4", "\U000E007F"
_SUBDIVISION_FLAGS = frozenset(_BLACK_FLAG + "".join(chr(0xE0000 + ord(c)) for c in region) + _CANCEL_TAG
                               for region in ("gbeng", "gbsct", "gbwls"))


def _problem(ch: str) -> str | None:
    code = ord(ch)
    if 0xD800 <= code <= 0xDFFF:
        return N_("a broken character")
    if ch in _BIDI_CONTROLS:
        return N_("a hidden text-direction character")
    if ch == "\ufeff":
        return N_("an invisible byte-order mark")
    if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc":
        return N_("a control character")
    return None


# Every character `_problem` refuses (Cc is exactly U+0000–U+001F and U+007F–U+009F), but the allowed line
# feed and tab and the carriage return (which becomes a line feed): one scan in C finds the first, where
# a loop of `_problem` over every character cost more than the rest of saving a note.
_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff"
                      + "".join(sorted(_BIDI_CONTROLS)) + "]")


def clean_text(value: str, *, field: str, max_chars: int, label: str, single_line: bool = False) -> str:
    """Return `value` by the rules above: NFC, line breaks as \\n, invisible characters removed; or raise.

    Args:
        value: the text as typed or imported.
        field: the field name, for the error.
        max_chars: the longest text allowed, counted after cleaning.
        label: how the field is called in the sentence ("The note"): an English source message, marked N_.
        single_line: refuse line breaks and tabs (titles, labels, names).

    Raises:
        ValidationFailed: a refused character, a line break in a single-line text, or too long.
    """
    refused = _REFUSED.search(value)
    if refused:
        ch = refused.group()
        problem = _problem(ch)
        raise ValidationFailed(
                Sentence("{label} contains {problem} (U+{code:04X}); remove it and try again.", label=word(label),
                         problem=Word(problem), code=ord(ch)), field=field
            )
    for old, new in _LINE_BREAKS.items():
        value = value.replace(old, new)
    if single_line and ("\n" in value or "\t" in value):
        raise ValidationFailed(Sentence("{label} must be one line of text.", label=word(label)), field=field)
    text = unicodedata.normalize("NFC", without_invisible(value))
    if len(text) > max_chars:
        raise ValidationFailed(
            Sentence("{label} is {n:,} characters long; the most allowed is {most:,}.", label=word(label), n=len(text),
                     most=max_chars), field=field
        )
    return text


def without_invisible(text: str) -> str:
    """`text` without the invisible format characters no language or emoji needs (see the module doc)."""
    if text.isprintable() or not any(unicodedata.category(ch) == "Cf" for ch in text):
        return text
    kept, i = [], 0
    while i < len(text):
        if text[i] == _BLACK_FLAG and (flag := _flag_at(text, i)):
            kept.append(flag)
            i += len(flag)
            continue
        ch = text[i]
        if unicodedata.category(ch) != "Cf" or ch in _BIDI_CONTROLS or ch == "\ufeff" or _joiner_needed(text, i):
            kept.append(ch)
        i += 1
    return "".join(kept)


def _flag_at(text: str, i: int) -> str | None:
    end = text.find(_CANCEL_TAG, i, i + 8)
    flag = text[i:end + 1] if end >= 0 else ""
    return flag if flag in _SUBDIVISION_FLAGS else None


def _joiner_needed(text: str, i: int) -> bool:
    if text[i] not in (ZWNJ, ZWJ) or i == 0 or i + 1 >= len(text):
        return False
    if unicodedata.combining(text[i - 1]) == _VIRAMA:
        return True
    before, after = _base_before(text, i), text[i + 1]
    if text[i] == ZWJ:
        return _is_emoji(before) and _is_emoji(after)
    return _in_arabic_script(before) and _in_arabic_script(after)


def _base_before(text: str, i: int) -> str:
    """The character before position `i`, skipping emoji variation selectors and skin-tone modifiers."""
    j = i - 1
    while j > 0 and text[j] in _EMOJI_MODIFIERS:
        j -= 1
    return text[j]


def _is_emoji(ch: str) -> bool:
    return unicodedata.category(ch) == "So"


def _in_arabic_script(ch: str) -> bool:
    code = ord(ch)
    return unicodedata.category(ch)[0] in "LM" and any(low <= code <= high for low, high in _ARABIC_SCRIPT)
