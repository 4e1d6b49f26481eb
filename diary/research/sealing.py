"""Research files sealed to a research team's public key, streamed so size never matters.

A research data set can be far larger than a patient export (diary/exchange caps those at 16 MiB and
signs them with the patient's key), so each output file is sealed on its own as it is written, with
two libsodium constructions composed and nothing hand-made:

    file   = b"DIARY-RESEARCH\\n" b"v1 sealed\\n"
             SealedBox(team_x25519_pk).encrypt(file_key)          # 32-byte key → 80 bytes
             secretstream header                                   # 24 bytes
             chunk*                                                # 4-byte big-endian length ‖ ciphertext
    chunk  = crypto_secretstream_xchacha20poly1305_push(state, ≤ 64 KiB of the file, ad, tag)

`file_key` is fresh for every file; the associated data `ad` is b"diary/research/v1\\0" followed by the
file's path inside the data set (e.g. b"daily.csv"), so files cannot be swapped or renamed unnoticed;
the last chunk carries TAG_FINAL, so truncation is detected. The team's key is the text form
`DIARY-BOX1:...` of diary/exchange/keys.py. `open_sealed` reverses it (for tests and for the team).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import BinaryIO

import nacl.bindings as sodium
import nacl.exceptions
import nacl.public
import nacl.utils

MAGIC = b"DIARY-RESEARCH\n"
VERSION_LINE = b"v1 sealed\n"
AD_CONTEXT = b"diary/research/v1\0"
CHUNK_BYTES = 64 * 1024
SEALED_KEY_BYTES = sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES + 48
HEADER_BYTES = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES
SUFFIX = ".sealed"
_TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
_TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL


class SealingFailed(ValueError):
    """A sealed file is damaged, truncated, renamed or not for this key."""


class SealedWriter:
    """A binary sink that seals what is written to it, chunk by chunk, into `out`."""

    def __init__(self, out: BinaryIO, recipient: nacl.public.PublicKey, name: str):
        self._out, self._ad = out, AD_CONTEXT + name.encode("utf-8")
        key = sodium.crypto_secretstream_xchacha20poly1305_keygen()
        self._state = sodium.crypto_secretstream_xchacha20poly1305_state()
        header = sodium.crypto_secretstream_xchacha20poly1305_init_push(self._state, key)
        out.write(MAGIC + VERSION_LINE + nacl.public.SealedBox(recipient).encrypt(key) + header)
        self._buffer = bytearray()

    def _push(self, data: bytes, tag: int) -> None:
        box = sodium.crypto_secretstream_xchacha20poly1305_push(self._state, data, self._ad, tag)
        self._out.write(struct.pack(">I", len(box)) + box)

    def write(self, data: bytes) -> None:
        self._buffer += data
        while len(self._buffer) >= CHUNK_BYTES:
            self._push(bytes(self._buffer[:CHUNK_BYTES]), _TAG_MESSAGE)
            del self._buffer[:CHUNK_BYTES]

    def close(self) -> None:
        """Seal what is left with the final tag (always called once, even for an empty file)."""
        self._push(bytes(self._buffer), _TAG_FINAL)
        self._buffer.clear()


def _read_exact(stream: BinaryIO, n: int) -> bytes:
    data = stream.read(n)
    if len(data) != n:
        raise SealingFailed("The sealed file is truncated.")
    return data


def open_sealed(stream: BinaryIO, private_key: nacl.public.PrivateKey, name: str) -> Iterator[bytes]:
    """The plaintext of a sealed research file, chunk by chunk.

    Args:
        stream: the sealed file, opened for binary reading.
        private_key: the research team's X25519 private key.
        name: the file's path inside the data set, without ".sealed" (e.g. "daily.csv").

    Raises:
        SealingFailed: not a sealed research file, not for this key, renamed, damaged or truncated.
    """
    if stream.read(len(MAGIC) + len(VERSION_LINE)) != MAGIC + VERSION_LINE:
        raise SealingFailed("Not a sealed research file (or an unknown version).")
    try:
        key = nacl.public.SealedBox(private_key).decrypt(_read_exact(stream, SEALED_KEY_BYTES))
    except nacl.exceptions.CryptoError:
        raise SealingFailed("This file was not sealed to this key.") from None
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, _read_exact(stream, HEADER_BYTES), key)
    ad = AD_CONTEXT + name.encode("utf-8")
    while True:
        size = struct.unpack(">I", _read_exact(stream, 4))[0]
        if size > CHUNK_BYTES + sodium.crypto_secretstream_xchacha20poly1305_ABYTES:
            raise SealingFailed("The sealed file is damaged.")
        try:
            data, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, _read_exact(stream, size), ad)
        except nacl.exceptions.CryptoError:
            raise SealingFailed("The sealed file is damaged or was renamed.") from None
        yield data
        if tag == _TAG_FINAL:
            if stream.read(1):
                raise SealingFailed("The sealed file has data after its end.")
            return
