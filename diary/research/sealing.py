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
The primitives come from the platform (diary.platform: `sodium()` and the desktop's `secret_stream()`);
keys are anything whose bytes are the key (diary.exchange.keys classes, or raw bytes).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import BinaryIO

from diary.domain.errors import DiaryError, Sentence
from diary.platform import secret_stream, sodium
from diary.platform.crypto import CryptoError

MAGIC = b"DIARY-RESEARCH\n"
VERSION_LINE = b"v1 sealed\n"
AD_CONTEXT = b"diary/research/v1\0"
CHUNK_BYTES = 64 * 1024
STREAM_KEY_BYTES = 32  # crypto_secretstream_xchacha20poly1305_KEYBYTES
SEALED_KEY_BYTES = STREAM_KEY_BYTES + 48  # a sealed box adds an ephemeral public key and a MAC
HEADER_BYTES = 24  # crypto_secretstream_xchacha20poly1305_HEADERBYTES
CHUNK_ABYTES = 17  # crypto_secretstream_xchacha20poly1305_ABYTES
SUFFIX = ".sealed"


class SealingFailed(DiaryError, ValueError):
    """A sealed file is damaged, truncated, renamed or not for this key."""


class SealedWriter:
    """A binary sink that seals what is written to it, chunk by chunk, into `out`."""

    def __init__(self, out: BinaryIO, recipient: object, name: str):
        """`recipient`: the research team's X25519 public key (anything whose bytes are the 32-byte key)."""
        self._out, self._ad = out, AD_CONTEXT + name.encode("utf-8")
        self._stream = secret_stream()
        key = self._stream.keygen()
        self._state, header = self._stream.init_push(key)
        out.write(MAGIC + VERSION_LINE + sodium().box_seal(key, bytes(recipient)) + header)
        self._buffer = bytearray()

    def _push(self, data: bytes, *, final: bool) -> None:
        box = self._stream.push(self._state, data, self._ad, final=final)
        self._out.write(struct.pack(">I", len(box)) + box)

    def write(self, data: bytes) -> None:
        self._buffer += data
        while len(self._buffer) >= CHUNK_BYTES:
            self._push(bytes(self._buffer[:CHUNK_BYTES]), final=False)
            del self._buffer[:CHUNK_BYTES]

    def close(self) -> None:
        """Seal what is left with the final tag (always called once, even for an empty file)."""
        self._push(bytes(self._buffer), final=True)
        self._buffer.clear()


def _read_exact(stream: BinaryIO, n: int) -> bytes:
    data = stream.read(n)
    if len(data) != n:
        raise SealingFailed(Sentence("The sealed file is truncated."))
    return data


def open_sealed(stream: BinaryIO, private_key: object, name: str) -> Iterator[bytes]:
    """The plaintext of a sealed research file, chunk by chunk.

    Args:
        stream: the sealed file, opened for binary reading.
        private_key: the research team's X25519 private key.
        name: the file's path inside the data set, without ".sealed" (e.g. "daily.csv").

    Raises:
        SealingFailed: not a sealed research file, not for this key, renamed, damaged or truncated.
    """
    if stream.read(len(MAGIC) + len(VERSION_LINE)) != MAGIC + VERSION_LINE:
        raise SealingFailed(Sentence("Not a sealed research file (or an unknown version)."))
    secret = bytes(private_key)
    try:
        key = sodium().box_seal_open(_read_exact(stream, SEALED_KEY_BYTES), sodium().box_public_key(secret), secret)
    except CryptoError:
        raise SealingFailed(Sentence("This file was not sealed to this key.")) from None
    stream_cipher = secret_stream()
    try:
        state = stream_cipher.init_pull(_read_exact(stream, HEADER_BYTES), key)
    except CryptoError:
        raise SealingFailed(Sentence("The sealed file is damaged.")) from None
    ad = AD_CONTEXT + name.encode("utf-8")
    while True:
        size = struct.unpack(">I", _read_exact(stream, 4))[0]
        if size > CHUNK_BYTES + CHUNK_ABYTES:
            raise SealingFailed(Sentence("The sealed file is damaged."))
        try:
            data, final = stream_cipher.pull(state, _read_exact(stream, size), ad)
        except CryptoError:
            raise SealingFailed(Sentence("The sealed file is damaged or was renamed.")) from None
        yield data
        if final:
            if stream.read(1):
                raise SealingFailed(Sentence("The sealed file has data after its end."))
            return
