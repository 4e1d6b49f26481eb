"""Test support for backups: a fast stand-in for argon2id.

The real KDF costs ~0.7 s and 256 MiB per file on purpose; most tests are about files, snapshots and
restores, not the KDF, so they swap in a keyed BLAKE2b with the same contract (normalised passphrase,
empty refused, wrong passphrase → wrong key). A few tests in tests/services/test_backup.py keep the
real argon2id.
"""

import hashlib

from diary.exchange.errors import KeyFormatError
from diary.exchange.passphrase import normalize_passphrase

PASSPHRASE = "amber canoe fern glide harbor ivory"


def fast_derive_key(passphrase: str, salt: bytes) -> bytes:
    secret = normalize_passphrase(passphrase)
    if not secret:
        raise KeyFormatError("The passphrase is empty; type the words you were given.")
    return hashlib.blake2b(secret, salt=salt, digest_size=32, person=b"test-only-kdf").digest()


def use_fast_kdf(monkeypatch) -> None:
    import diary.services.backup

    monkeypatch.setattr(diary.services.backup, "derive_key", fast_derive_key)
