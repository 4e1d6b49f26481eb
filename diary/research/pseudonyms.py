"""Study ids and date shifts from a keyed hash (HMAC-SHA256) of the patient's stable key.

The salt (32 random bytes) stays with the clinic: with it, the clinic can find a study id again
(re-identify on a valid request, add later data under the same id); without it, nobody can link a
study id to a patient key. The same salt gives the same ids and shifts in every export, so data sets
exported at different times can be joined. Domain-separation strings keep the id and the shift
independent.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from diary.domain.errors import DiaryError, Sentence

SALT_BYTES = 32
SALT_HEADER = "diary research salt v1"
ID_CONTEXT = b"diary/research/study-id/v1\0"
SHIFT_CONTEXT = b"diary/research/date-shift/v1\0"
MAX_SHIFT_WEEKS = 52


def _mac(salt: bytes, context: bytes, key: str) -> bytes:
    return hmac.new(salt, context + key.encode("utf-8"), hashlib.sha256).digest()


def study_id(salt: bytes, key: str) -> str:
    """"S" and 12 hex digits (48 bits): collisions are negligible for any clinic's caseload and
    checked for anyway."""
    return "S" + _mac(salt, ID_CONTEXT, key)[:6].hex().upper()


def shift_weeks(salt: bytes, key: str) -> int:
    """The patient's date shift: 1 to 52 whole weeks back (weekdays are kept)."""
    return -(1 + int.from_bytes(_mac(salt, SHIFT_CONTEXT, key)[:4], "big") % MAX_SHIFT_WEEKS)


def load_or_create_salt(path: Path) -> tuple[bytes, bool]:
    """The salt in `path`, creating it (owner-only, 0600) if the file does not exist.

    Returns:
        (salt, created)

    Raises:
        DiaryError: the file exists but is not a salt file.
    """
    if path.exists():
        try:
            header, value = path.read_text(encoding="ascii").split("\n")[:2]
            salt = bytes.fromhex(value.strip())
        except (ValueError, UnicodeDecodeError):
            salt, header = b"", ""
        if header != SALT_HEADER or len(salt) != SALT_BYTES:
            raise DiaryError(Sentence("{path} is not a research salt file; give the salt file made by an earlier "
                                      "research export, or a new file name to make one.", path=str(path)))
        return salt, False
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    salt = secrets.token_bytes(SALT_BYTES)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(f"{SALT_HEADER}\n{salt.hex()}\n")
    return salt, True
