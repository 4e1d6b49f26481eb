"""Secret-key boxes as every diary file stores them: a fresh 24-byte nonce, then libsodium's SecretBox
(XSalsa20-Poly1305) ciphertext — byte for byte what PyNaCl's `SecretBox.encrypt` writes.
"""

from __future__ import annotations

from diary.platform import sodium
from diary.platform.crypto import CryptoError

NONCE_BYTES = 24
MAC_BYTES = 16
KEY_BYTES = 32
SEALED_OVERHEAD = 48  # a sealed box adds an ephemeral public key (32) and a MAC (16)


def seal_secretbox(message: bytes, key: bytes) -> bytes:
    """nonce ‖ SecretBox(key).encrypt(message), with a fresh random nonce."""
    nonce = sodium().random_bytes(NONCE_BYTES)
    return nonce + sodium().secretbox(bytes(message), nonce, key)


def open_secretbox(data: bytes, key: bytes) -> bytes:
    """The message inside `seal_secretbox`'s bytes.

    Raises:
        CryptoError: the key is wrong, or the bytes were changed or cut short.
    """
    data = bytes(data)
    if len(data) < NONCE_BYTES + MAC_BYTES:
        raise CryptoError("too short to be a secret box")
    return sodium().secretbox_open(data[NONCE_BYTES:], data[:NONCE_BYTES], key)
