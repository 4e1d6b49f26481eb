"""Passphrases: generating them, normalising what people type, and one fixed argon2id setting.

Used by passphrase-mode exports and by passphrase-protected private keys. The KDF cost is fixed at
libsodium's MODERATE limits (about 0.7 s and 256 MiB): a file may not choose its own cost, because a
file that asked for more could exhaust the importer's memory or time (a "KDF-cost bomb").

The KDF parameters are written as one ASCII line, exactly::

    argon2id opslimit=3 memlimit=268435456 salt=<16 bytes, standard base64 with padding>\\n
"""

from __future__ import annotations

import base64
import re
import secrets
import unicodedata

from diary.exchange.errors import KeyFormatError
from diary.exchange.wordlist import WORDS
from diary.platform import sodium
from diary.domain.errors import Sentence

# libsodium's crypto_pwhash_argon2id MODERATE limits and sizes, as plain numbers (every platform agrees).
OPSLIMIT = 3
MEMLIMIT = 268_435_456
SALT_BYTES = 16
KEY_BYTES = 32  # a SecretBox key
MIN_WORDS = 6
KDF_LINE_MAX = 120

_KDF_LINE = re.compile(rb"argon2id opslimit=([0-9]{1,12}) memlimit=([0-9]{1,15}) salt=([A-Za-z0-9+/]{22}==)")
_SEPARATORS = re.compile(r"[\s\-_.,]+")


class KdfLineError(ValueError):
    """The KDF line is missing, cut short (`truncated`) or asks for settings other than the fixed ones."""

    def __init__(self, *, truncated: bool):
        super().__init__("truncated KDF line" if truncated else "KDF settings not allowed")
        self.truncated = truncated


def generate_passphrase(words: int = MIN_WORDS) -> str:
    """A new random passphrase of `words` words from the built-in list, separated by spaces.

    Args:
        words: how many words; at least 6 (about 65 bits with the built-in list of 1,846 words).

    Raises:
        ValueError: if fewer than 6 words are asked for.
    """
    if words < MIN_WORDS:
        raise ValueError(f"A passphrase needs at least {MIN_WORDS} words.")
    # Different words (the strength rule counts different words); drawn without replacement, about 65 bits.
    return " ".join(secrets.SystemRandom().sample(WORDS, words))


def normalize_passphrase(passphrase: str) -> bytes:
    """The bytes the KDF sees: NFKC, case-folded, any run of spaces, hyphens, dots, commas or
    underscores made one space, ends trimmed.

    So "Amber-canoe  Fern…" typed on a phone (auto-capitals, hyphens) still opens the file.
    """
    text = unicodedata.normalize("NFKC", passphrase).casefold()
    return _SEPARATORS.sub(" ", text).strip().encode("utf-8")


def derive_key(passphrase: str, salt: bytes) -> bytes:
    """A SecretBox key from a passphrase at the fixed MODERATE cost (slow on purpose, ~0.7 s).

    Raises:
        KeyFormatError: if the passphrase is empty once normalised.
    """
    secret = normalize_passphrase(passphrase)
    if not secret:
        raise KeyFormatError(Sentence("The passphrase is empty; type the words you were given."))
    if len(salt) != SALT_BYTES:
        raise ValueError(f"The salt must be {SALT_BYTES} bytes.")
    return sodium().argon2id(KEY_BYTES, secret, salt, opslimit=OPSLIMIT, memlimit=MEMLIMIT)


def new_salt() -> bytes:
    """A fresh random salt for one file."""
    return sodium().random_bytes(SALT_BYTES)


def kdf_line(salt: bytes) -> bytes:
    """The KDF parameter line (with its newline) for `salt` at the fixed limits."""
    encoded = base64.b64encode(salt)
    return b"argon2id opslimit=%d memlimit=%d salt=%s\n" % (OPSLIMIT, MEMLIMIT, encoded)


def read_kdf_line(data: bytes, start: int) -> tuple[bytes, int]:
    """Read the KDF line at `data[start:]` without deriving anything.

    Returns:
        (salt, offset just past the line's newline).

    Raises:
        KdfLineError: truncated=True if the line has no newline within reach; truncated=False if it
            is not exactly the fixed-limit form (other limits, another KDF, bad salt).
    """
    end = data.find(b"\n", start, start + KDF_LINE_MAX)
    if end < 0:
        raise KdfLineError(truncated=len(data) - start < KDF_LINE_MAX)
    match = _KDF_LINE.fullmatch(data, start, end)
    if not match or int(match[1]) != OPSLIMIT or int(match[2]) != MEMLIMIT:
        raise KdfLineError(truncated=False)
    salt = base64.b64decode(match[3], validate=True)
    if len(salt) != SALT_BYTES:
        raise KdfLineError(truncated=False)
    return salt, end + 1
