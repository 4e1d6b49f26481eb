"""The browser's libsodium: the `Sodium` protocol (PLATFORM-CRYPTO.md) over npm libsodium-wrappers-sumo.

Bytes go in with pyodide.ffi.to_js and come back with .to_bytes(); failures of the library (a box that
will not open, a bad point) become CryptoError. Load once at start with `await LibsodiumJs.load(url)`;
every method after that is synchronous, like PyNaCl's. Browser only (imports pyodide).
"""

from __future__ import annotations

import json

from pyodide.code import run_js  # type: ignore[import-not-found]
from pyodide.ffi import JsException, to_js  # type: ignore[import-not-found]

from diary.platform.crypto import CryptoError

SODIUM_URL = "libsodium/sodium.mjs"  # where diary.pwa.bundle puts it, beside the worker script
ALG_ARGON2ID13 = 2


class LibsodiumJs:
    """Sodium over libsodium.js. Raw bytes in, raw bytes out; the seed is the Ed25519 signing secret."""

    def __init__(self, sodium):
        self._s = sodium

    @classmethod
    async def load(cls, url: str = SODIUM_URL) -> "LibsodiumJs":
        """Import the bundled ES module and wait until libsodium is initialised.

        `url` is resolved against the worker script's address: a bare relative import() inside run_js
        would resolve against Pyodide's own folder instead."""
        module = await run_js(f"import(new URL({json.dumps(url)}, self.location.href).href)")
        sodium = module.default
        await sodium.ready
        return cls(sodium)

    def _call(self, name: str, *args):
        converted = [to_js(a) if isinstance(a, bytes) else a for a in args]
        try:
            result = getattr(self._s, name)(*converted)
        except JsException as exc:
            raise CryptoError(f"libsodium {name} failed: {exc}") from None
        return result

    def _bytes(self, name: str, *args) -> bytes:
        return bytes(self._call(name, *args).to_bytes())

    def random_bytes(self, size: int) -> bytes:
        return self._bytes("randombytes_buf", size)

    # Ed25519
    def _keypair_from_seed(self, seed: bytes):
        if len(seed) != 32:
            raise CryptoError("An Ed25519 seed must be 32 bytes.")
        return self._call("crypto_sign_seed_keypair", seed)

    def sign_public_key(self, seed: bytes) -> bytes:
        return bytes(self._keypair_from_seed(seed).publicKey.to_bytes())

    def sign_detached(self, message: bytes, seed: bytes) -> bytes:
        secret = self._keypair_from_seed(seed).privateKey  # stays a JS Uint8Array: no copy through Python
        return bytes(self._call("crypto_sign_detached", message, secret).to_bytes())

    def verify_detached(self, signature: bytes, message: bytes, public: bytes) -> bool:
        if len(signature) != 64 or len(public) != 32:
            return False
        try:
            return bool(self._s.crypto_sign_verify_detached(to_js(signature), to_js(message), to_js(public)))
        except JsException:
            return False

    def ed25519_is_valid_point(self, public: bytes) -> bool:
        if len(public) != 32:
            return False
        try:
            return bool(self._s.crypto_core_ed25519_is_valid_point(to_js(public)))
        except JsException:
            return False

    # X25519 and sealed boxes
    def box_public_key(self, secret: bytes) -> bytes:
        if len(secret) != 32:
            raise CryptoError("An X25519 secret must be 32 bytes.")
        return self._bytes("crypto_scalarmult_base", secret)

    def scalarmult(self, scalar: bytes, point: bytes) -> bytes:
        if len(scalar) != 32 or len(point) != 32:
            raise CryptoError("X25519 scalars and points are 32 bytes.")
        return self._bytes("crypto_scalarmult", scalar, point)

    def box_seal(self, message: bytes, public: bytes) -> bytes:
        if len(public) != 32:
            raise CryptoError("An X25519 public key must be 32 bytes.")
        return self._bytes("crypto_box_seal", message, public)

    def box_seal_open(self, ciphertext: bytes, public: bytes, secret: bytes) -> bytes:
        if len(public) != 32 or len(secret) != 32:
            raise CryptoError("X25519 keys are 32 bytes.")
        return self._bytes("crypto_box_seal_open", ciphertext, public, secret)

    # Secret-key boxes and argon2id
    def secretbox(self, message: bytes, nonce: bytes, key: bytes) -> bytes:
        if len(nonce) != 24 or len(key) != 32:
            raise CryptoError("A secretbox needs a 24-byte nonce and a 32-byte key.")
        return self._bytes("crypto_secretbox_easy", message, nonce, key)

    def secretbox_open(self, ciphertext: bytes, nonce: bytes, key: bytes) -> bytes:
        if len(nonce) != 24 or len(key) != 32:
            raise CryptoError("A secretbox needs a 24-byte nonce and a 32-byte key.")
        return self._bytes("crypto_secretbox_open_easy", ciphertext, nonce, key)

    def argon2id(self, size: int, passphrase: bytes, salt: bytes, *, opslimit: int, memlimit: int) -> bytes:
        if len(salt) != 16:
            raise CryptoError("An argon2id salt must be 16 bytes.")
        return self._bytes("crypto_pwhash", size, passphrase, salt, opslimit, memlimit, ALG_ARGON2ID13)
