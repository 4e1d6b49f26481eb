"""The desktop's crypto: diary.platform.crypto's contract over PyNaCl's low-level bindings (libsodium).

Each method is one libsodium call, so the bytes are exactly those PyNaCl's high-level classes produce
(SealedBox, SecretBox, SigningKey, argon2id.kdf): files made before this seam existed open unchanged.
Library exceptions become CryptoError where the contract says so; nothing else is caught.
"""

from __future__ import annotations

import nacl.bindings as sodium
import nacl.exceptions

from diary.platform.crypto import CryptoError

_LIBRARY_ERRORS = (nacl.exceptions.CryptoError, ValueError, TypeError, RuntimeError)


class PyNaclSodium:
    """Sodium (diary.platform.crypto) on PyNaCl."""

    def random_bytes(self, size: int) -> bytes:
        return sodium.randombytes(size)

    def sign_public_key(self, seed: bytes) -> bytes:
        return sodium.crypto_sign_seed_keypair(bytes(seed))[0]

    def sign_detached(self, message: bytes, seed: bytes) -> bytes:
        _, secret = sodium.crypto_sign_seed_keypair(bytes(seed))
        return sodium.crypto_sign(bytes(message), secret)[:sodium.crypto_sign_BYTES]  # what SigningKey.sign does

    def verify_detached(self, signature: bytes, message: bytes, public: bytes) -> bool:
        try:
            sodium.crypto_sign_open(bytes(signature) + bytes(message), bytes(public))
        except _LIBRARY_ERRORS:
            return False
        return True

    def ed25519_is_valid_point(self, public: bytes) -> bool:
        return bool(sodium.crypto_core_ed25519_is_valid_point(bytes(public)))

    def box_public_key(self, secret: bytes) -> bytes:
        return sodium.crypto_scalarmult_base(bytes(secret))

    def scalarmult(self, scalar: bytes, point: bytes) -> bytes:
        try:
            return sodium.crypto_scalarmult(bytes(scalar), bytes(point))
        except _LIBRARY_ERRORS:  # a low-order point makes the shared secret zero; libsodium refuses it
            raise CryptoError("bad point") from None

    def box_seal(self, message: bytes, public: bytes) -> bytes:
        return sodium.crypto_box_seal(bytes(message), bytes(public))

    def box_seal_open(self, ciphertext: bytes, public: bytes, secret: bytes) -> bytes:
        try:
            return sodium.crypto_box_seal_open(bytes(ciphertext), bytes(public), bytes(secret))
        except _LIBRARY_ERRORS:
            raise CryptoError("the sealed box does not open") from None

    def secretbox(self, message: bytes, nonce: bytes, key: bytes) -> bytes:
        return sodium.crypto_secretbox(bytes(message), bytes(nonce), bytes(key))

    def secretbox_open(self, ciphertext: bytes, nonce: bytes, key: bytes) -> bytes:
        try:
            return sodium.crypto_secretbox_open(bytes(ciphertext), bytes(nonce), bytes(key))
        except _LIBRARY_ERRORS:
            raise CryptoError("the secret box does not open") from None

    def argon2id(self, size: int, passphrase: bytes, salt: bytes, *, opslimit: int, memlimit: int) -> bytes:
        return sodium.crypto_pwhash_alg(size, bytes(passphrase), bytes(salt), opslimit, memlimit,
                                        sodium.crypto_pwhash_ALG_ARGON2ID13)


class PyNaclSecretStream:
    """SecretStream (diary.platform.crypto) on PyNaCl: the research export's streaming seal."""

    KEY_BYTES = sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES
    HEADER_BYTES = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES
    ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES

    def keygen(self) -> bytes:
        return sodium.crypto_secretstream_xchacha20poly1305_keygen()

    def init_push(self, key: bytes):
        state = sodium.crypto_secretstream_xchacha20poly1305_state()
        return state, sodium.crypto_secretstream_xchacha20poly1305_init_push(state, bytes(key))

    def push(self, state, message: bytes, ad: bytes, *, final: bool) -> bytes:
        tag = (sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL if final
               else sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE)
        return sodium.crypto_secretstream_xchacha20poly1305_push(state, bytes(message), bytes(ad), tag)

    def init_pull(self, header: bytes, key: bytes):
        state = sodium.crypto_secretstream_xchacha20poly1305_state()
        try:
            sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, bytes(header), bytes(key))
        except _LIBRARY_ERRORS:
            raise CryptoError("the stream header is not usable") from None
        return state

    def pull(self, state, ciphertext: bytes, ad: bytes) -> tuple[bytes, bool]:
        try:
            message, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, bytes(ciphertext), bytes(ad))
        except _LIBRARY_ERRORS:
            raise CryptoError("a chunk does not open") from None
        return message, tag == sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
