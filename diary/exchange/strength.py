"""How strong a passphrase must be to lock an export, a private key or a backup: one rule for all three.

A passphrase is accepted when, as the KDF sees it (diary.exchange.passphrase.normalize_passphrase:
NFKC, case-folded, separators made single spaces), it has

- at least six different words of three or more characters (the app's own are six random words), or
- at least 20 characters whose estimated strength reaches 60 bits.

The estimate is deliberately simple, so that the README can state it: each character counts log2 of the
size of the alphabets the passphrase uses (26 letters, 10 digits, the space, 33 other symbols); a space,
or a character that repeats the one before, continues a run (abc, 321) or completes three characters
typed earlier, counts 1 bit; a word from the app's word list counts 11 bits as a whole (and 1 bit when
typed again). Six generated words are
about 65 bits; a KDF guess costs about 0.7 s and 256 MiB, so 60 bits is out of reach of any attacker.
"""

from __future__ import annotations

import math

from diary.exchange.passphrase import MIN_WORDS, normalize_passphrase
from diary.exchange.wordlist import WORDS
from diary.domain.errors import Sentence

MIN_CHARS = 20
MIN_BITS = 60
MIN_WORD_CHARS = 3
_WORD_BITS = math.log2(len(WORDS))
_LIST = frozenset(WORDS)
_OTHER_SYMBOLS = 33
WEAK = Sentence("Use a passphrase of at least {words} different words, or at least {chars} characters that are "
                "hard to guess (not repeats, runs like abc or 123, or a few words); or let the app make one.",
                words=MIN_WORDS, chars=MIN_CHARS)


def passphrase_weakness(passphrase: str) -> str | None:
    """None when `passphrase` may lock a file, else the sentence to show (the same everywhere)."""
    text = normalize_passphrase(passphrase).decode("utf-8")
    words = {word for word in text.split(" ") if len(word) >= MIN_WORD_CHARS}
    if len(words) >= MIN_WORDS:
        return None
    if len(text) >= MIN_CHARS and estimated_bits(text) >= MIN_BITS:
        return None
    return WEAK


def estimated_bits(text: str) -> float:
    """The strength estimate described above, of a normalised passphrase."""
    per_char = math.log2(_alphabet(text))
    bits, listed, counted, position = 0.0, set(), set(), 0
    for word in text.split(" "):
        if word in _LIST:  # a whole word from the list: one guess among its words (once, however often typed)
            bits += 1 if word in counted else _WORD_BITS
            counted.add(word)
            listed.update(range(position, position + len(word)))
        position += len(word) + 1
    seen: set[str] = set()
    for i in range(len(text)):
        if i not in listed:
            bits += 1 if text[i] == " " or _predictable(text, i, seen) else per_char
        if i >= 2:
            seen.add(text[i - 2:i + 1])
    return bits


def _alphabet(text: str) -> int:
    size = 26 if any(c.isalpha() for c in text) else 0
    size += 10 if any(c.isdigit() for c in text) else 0
    size += 1 if " " in text else 0
    size += _OTHER_SYMBOLS if any(not (c.isalnum() or c == " ") for c in text) else 0
    return max(size, 2)


def _predictable(text: str, i: int, seen: set[str]) -> bool:
    if i >= 1 and text[i] == text[i - 1]:
        return True
    if i >= 2:
        step, before = ord(text[i]) - ord(text[i - 1]), ord(text[i - 1]) - ord(text[i - 2])
        if step == before and abs(step) == 1:
            return True
        return text[i - 2:i + 1] in seen
    return False
