"""The crypto seam: every libsodium primitive the app uses, raw bytes in, raw bytes out.

The agreed contract (PLATFORM-CRYPTO.md) between the desktop and the phone app: PyNaCl does not exist in
Pyodide, so no module outside diary/platform/ imports `nacl`. The desktop implementation is
`crypto_pynacl.PyNaclSodium`; the browser's (issue 13) implements the same Protocol over libsodium.js.
Sizes and the argon2id limits are plain numbers in the calling modules, not read from the library.

`SecretStream` is an addition for the desktop only: the research export (clinician homes) streams files
through crypto_secretstream_xchacha20poly1305, which the browser never needs.
"""

from __future__ import annotations

from typing import Any, Protocol


class CryptoError(Exception):
    """A box that will not open, a signature that does not verify, a malformed key."""


class Sodium(Protocol):
    def random_bytes(self, size: int) -> bytes: ...
    # Ed25519. A signing secret is the 32-byte SEED (what the key files store today).
    def sign_public_key(self, seed: bytes) -> bytes: ...  # 32 bytes
    def sign_detached(self, message: bytes, seed: bytes) -> bytes: ...  # 64 bytes
    def verify_detached(self, signature: bytes, message: bytes, public: bytes) -> bool: ...
    def ed25519_is_valid_point(self, public: bytes) -> bool: ...
    # X25519 + sealed boxes (anonymous sender).
    def box_public_key(self, secret: bytes) -> bytes: ...  # crypto_scalarmult_base
    def scalarmult(self, scalar: bytes, point: bytes) -> bytes: ...  # raises CryptoError on a bad point
    def box_seal(self, message: bytes, public: bytes) -> bytes: ...
    def box_seal_open(self, ciphertext: bytes, public: bytes, secret: bytes) -> bytes: ...  # raises CryptoError
    # Secret-key boxes (XSalsa20-Poly1305) and argon2id (crypto_pwhash, ALG_ARGON2ID13).
    def secretbox(self, message: bytes, nonce: bytes, key: bytes) -> bytes: ...  # ciphertext (MAC ‖ data), no nonce
    def secretbox_open(self, ciphertext: bytes, nonce: bytes, key: bytes) -> bytes: ...  # raises CryptoError
    def argon2id(self, size: int, passphrase: bytes, salt: bytes, *, opslimit: int, memlimit: int) -> bytes: ...


class SecretStream(Protocol):
    """crypto_secretstream_xchacha20poly1305 (desktop only: research exports). States are opaque."""

    KEY_BYTES: int
    HEADER_BYTES: int
    ABYTES: int

    def keygen(self) -> bytes: ...
    def init_push(self, key: bytes) -> tuple[Any, bytes]: ...  # (state, header)
    def push(self, state: Any, message: bytes, ad: bytes, *, final: bool) -> bytes: ...
    def init_pull(self, header: bytes, key: bytes) -> Any: ...  # raises CryptoError
    def pull(self, state: Any, ciphertext: bytes, ad: bytes) -> tuple[bytes, bool]: ...  # (message, final); CryptoError
