"""Keys: the clinician's X25519 box key, the patient's Ed25519 signing key, and how people compare them.

Text form of a public key (fits a QR code's alphanumeric mode, so it stays small)::

    DIARY-BOX1:<base32>   a clinician's (or research team's) X25519 public key: exports are sealed to it
    DIARY-SIG1:<base32>   a patient's Ed25519 public key: exports are signed with it

where <base32> is RFC 4648 base32 (A–Z, 2–7, no padding, 56 characters) of the 32 raw key bytes
followed by a 3-byte check: BLAKE2b-24 of the ASCII prefix (e.g. b"DIARY-BOX1:") and the raw key. The
check catches typing errors and keys pasted into the wrong field; it is not security — the safety
number is.

A private key at rest may be protected with a passphrase (`wrap_private_key`); the file is exactly::

    b"DIARY-KEY\n" b"v1 passphrase\n" <KDF line, see passphrase.py> <24-byte nonce> <SecretBox ciphertext>

A fingerprint is the lowercase hex SHA-256 of the raw 32-byte public key (64 characters); export files
name their recipients by it. A safety number is what both people read aloud at pairing.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Union

from diary.exchange.boxes import open_secretbox, seal_secretbox
from diary.exchange.errors import KeyFormatError, WrongPassphrase
from diary.exchange.passphrase import KdfLineError, derive_key, kdf_line, new_salt, read_kdf_line
from diary.platform import sodium
from diary.platform.crypto import CryptoError
from diary.domain.errors import Sentence

BOX_PREFIX = "DIARY-BOX1:"
SIG_PREFIX = "DIARY-SIG1:"
KEY_BYTES = 32
_CHECK_BYTES = 3
_ENCODED_CHARS = 56  # (32 + 3) bytes × 8 / 5
_SAFETY_CONTEXT = b"diary/safety-number/v1\0"
KEY_FILE_HEADER = b"DIARY-KEY\nv1 passphrase\n"


def _exactly_32(raw: bytes, what: str) -> bytes:
    raw = bytes(raw)
    if len(raw) != KEY_BYTES:
        raise KeyFormatError(Sentence("A {what} is {KEY_BYTES} bytes long.", what=what, KEY_BYTES=KEY_BYTES))
    return raw


@dataclass(frozen=True)
class _Key:
    """32 key bytes, checked on creation; `bytes(key)` gives them back."""

    raw: bytes

    def __post_init__(self) -> None:
        object.__setattr__(self, "raw", _exactly_32(self.raw, "key"))

    def __bytes__(self) -> bytes:
        return self.raw


@dataclass(frozen=True)
class BoxPublicKey(_Key):
    """An X25519 public key: a clinician's or research team's; exports are sealed to it."""


@dataclass(frozen=True)
class VerifyKey(_Key):
    """An Ed25519 public key: a patient's; their exports are signed with its private half."""


@dataclass(frozen=True)
class _SecretKey(_Key):
    raw: bytes = field(repr=False)  # never in a log or an error


@dataclass(frozen=True)
class BoxSecretKey(_SecretKey):
    """A clinician's (or research team's) X25519 private key."""

    @property
    def public_key(self) -> BoxPublicKey:
        return BoxPublicKey(sodium().box_public_key(self.raw))


@dataclass(frozen=True)
class SigningKey(_SecretKey):
    """A patient's Ed25519 signing key: its 32-byte seed (what the key file stores)."""

    @property
    def verify_key(self) -> VerifyKey:
        return VerifyKey(sodium().sign_public_key(self.raw))

    def sign(self, message: bytes) -> bytes:
        """The 64-byte Ed25519 signature of `message`."""
        return sodium().sign_detached(bytes(message), self.raw)


PublicKey = Union[BoxPublicKey, VerifyKey]
PrivateKey = Union[BoxSecretKey, SigningKey]
# Anything whose bytes are a key: our classes, raw bytes, or another library's key objects (tests build
# hostile files with PyNaCl's). A private key is told from a public one by its public half's attribute.
AnyKey = object


def generate_clinician_key() -> BoxSecretKey:
    """A new X25519 key pair for a physiotherapist (or research team) to receive exports."""
    return BoxSecretKey(sodium().random_bytes(KEY_BYTES))


def generate_patient_key() -> SigningKey:
    """A new Ed25519 signing key for a patient's app to sign its exports."""
    return SigningKey(sodium().random_bytes(KEY_BYTES))


def raw_public_key(key: AnyKey) -> bytes:
    """The 32 raw bytes of a public key; a private key (anything with a public half) gives its public half."""
    for half in ("public_key", "verify_key"):
        public = getattr(key, half, None)
        if public is not None:
            key = public
            break
    raw = bytes(key)
    if len(raw) != KEY_BYTES:
        raise KeyFormatError(Sentence("A public key is 32 bytes long."))
    return raw


def raw_private_key(key: AnyKey) -> bytes:
    """The 32 secret bytes of a private key (an X25519 secret or an Ed25519 seed)."""
    return _exactly_32(bytes(key), "private key")


def _check(prefix: str, raw: bytes) -> bytes:
    return hashlib.blake2b(prefix.encode("ascii") + raw, digest_size=_CHECK_BYTES).digest()


def encode_public_key(key: PublicKey) -> str:
    """The text form of a public key: "DIARY-BOX1:…" for a box key, "DIARY-SIG1:…" for a signing key."""
    if isinstance(key, BoxPublicKey):
        prefix = BOX_PREFIX
    elif isinstance(key, VerifyKey):
        prefix = SIG_PREFIX
    else:
        raise TypeError("encode_public_key needs a BoxPublicKey or a VerifyKey")
    raw = key.raw
    return prefix + base64.b32encode(raw + _check(prefix, raw)).decode("ascii")


def decode_public_key(text: str) -> PublicKey:
    """Read a key written by `encode_public_key` (surrounding spaces and letter case are ignored).

    Raises:
        KeyFormatError: with a sentence saying what is wrong (not a diary key, cut short or typing
            error, or an unusable key).
    """
    text = text.strip().upper() if isinstance(text, str) else ""
    prefix = next((p for p in (BOX_PREFIX, SIG_PREFIX) if text.startswith(p)), None)
    if prefix is None:
        raise KeyFormatError(Sentence("This is not a diary key: a key starts with {BOX_PREFIX} or {SIG_PREFIX}", BOX_PREFIX=BOX_PREFIX, SIG_PREFIX=SIG_PREFIX))
    body = text[len(prefix):]
    if len(body) != _ENCODED_CHARS:
        raise KeyFormatError(Sentence("This key is incomplete or too long. Copy it again or scan its QR code."))
    try:
        blob = base64.b32decode(body)
    except (binascii.Error, ValueError):
        raise KeyFormatError(Sentence("This key contains characters a key never has (only A–Z and 2–7). Copy it again or scan its QR code.")) from None
    raw, check = blob[:32], blob[32:]
    if check != _check(prefix, raw):
        raise KeyFormatError(Sentence("This key has a typing error: its last characters do not match. Copy it again or scan its QR code."))
    if prefix == SIG_PREFIX:
        if not sodium().ed25519_is_valid_point(raw):
            raise KeyFormatError(Sentence("This signing key cannot be used. Ask for a new one."))
        return VerifyKey(raw)
    try:
        # A low-order X25519 key makes every shared secret zero: libsodium refuses it here.
        sodium().scalarmult(sodium().random_bytes(KEY_BYTES), raw)
    except CryptoError:
        raise KeyFormatError(Sentence("This key cannot be used. Ask for a new one.")) from None
    return BoxPublicKey(raw)


_WRONG_KIND = {
    BoxPublicKey: Sentence("This is a patient's signing key; here a physiotherapist's key (DIARY-BOX1:…) is needed."),
    VerifyKey: Sentence("This is a physiotherapist's key; here a patient's signing key (DIARY-SIG1:…) is needed."),
}


def _decode_kind(text: str, kind: type):
    key = decode_public_key(text)
    if not isinstance(key, kind):
        raise KeyFormatError(_WRONG_KIND[kind])
    return key


def decode_recipient_key(text: str) -> BoxPublicKey:
    """Read a clinician's box key ("DIARY-BOX1:…"); any other kind raises KeyFormatError."""
    return _decode_kind(text, BoxPublicKey)


def decode_signer_key(text: str) -> VerifyKey:
    """Read a patient's signing key ("DIARY-SIG1:…"); any other kind raises KeyFormatError."""
    return _decode_kind(text, VerifyKey)


@lru_cache(maxsize=1024)
def stored_public_key(text: str) -> PublicKey:
    """`decode_public_key` for a key text this app stored itself and reads again and again (this home's own
    .pub file, each pinned patient's key: every import reads both): the same text always decodes to the
    same immutable key, so it is decoded once; the curve-point check costs ~50 µs. A refusal is never
    remembered (it raises again next time)."""
    return decode_public_key(text)


def stored_signer_key(text: str) -> VerifyKey:
    """`decode_signer_key` of a stored (pinned) key, decoded once (see stored_public_key)."""
    key = stored_public_key(text)
    if not isinstance(key, VerifyKey):
        raise KeyFormatError(_WRONG_KIND[VerifyKey])
    return key


def fingerprint(key: AnyKey) -> str:
    """Lowercase hex SHA-256 of the raw public key (64 characters); a private key gives its public half's."""
    return hashlib.sha256(raw_public_key(key)).hexdigest()


def format_fingerprint(fp: str) -> str:
    """A fingerprint in groups of four for reading: "3f2a 9c01 …"."""
    return " ".join(fp[i:i + 4] for i in range(0, len(fp), 4))


def _digits(raw: bytes) -> str:
    # As Signal does: 30 bytes of a hash, six 5-byte chunks, each mod 100,000 → 30 digits (~100 bits).
    digest = hashlib.sha512(_SAFETY_CONTEXT + raw).digest()
    chunks = (int.from_bytes(digest[i:i + 5], "big") % 100_000 for i in range(0, 30, 5))
    return "".join(f"{chunk:05d}" for chunk in chunks)


def safety_number(key_a: AnyKey, key_b: AnyKey) -> str:
    """The 60-digit number both screens show at pairing, in twelve groups of five digits.

    Each key gives 30 digits from a SHA-512 of it; the two halves are sorted, so both sides get the
    same number whatever the order. Faking a match needs a key whose 30 digits equal the real one's
    (about 2^100 tries), so no iteration count is needed, unlike a short code.

    Args:
        key_a: one public key (box or signing key, or its 32 raw bytes).
        key_b: the other.
    """
    halves = sorted((_digits(raw_public_key(key_a)), _digits(raw_public_key(key_b))))
    number = "".join(halves)
    return " ".join(number[i:i + 5] for i in range(0, len(number), 5))


def wrap_private_key(private_key: bytes, passphrase: str) -> bytes:
    """Protect private key bytes (either kind, 32 bytes) with a passphrase, for storing at rest.

    Raises:
        KeyFormatError: if the passphrase is empty.
    """
    salt = new_salt()
    return KEY_FILE_HEADER + kdf_line(salt) + seal_secretbox(bytes(private_key), derive_key(passphrase, salt))


def unwrap_private_key(blob: bytes, passphrase: str) -> bytes:
    """The private key bytes inside a file made by `wrap_private_key`.

    The KDF line is checked against the fixed limits before any key derivation.

    Raises:
        KeyFormatError: if this is not a protected key file, or it asks for other KDF settings.
        WrongPassphrase: if the passphrase is wrong or the file was damaged.
    """
    if not isinstance(blob, (bytes, bytearray)) or not bytes(blob).startswith(KEY_FILE_HEADER):
        raise KeyFormatError(Sentence("This is not a diary key file."))
    try:
        salt, start = read_kdf_line(bytes(blob), len(KEY_FILE_HEADER))
    except KdfLineError:
        raise KeyFormatError(Sentence("This key file is damaged or was not made by the diary app.")) from None
    key = derive_key(passphrase, salt)
    try:
        return open_secretbox(bytes(blob[start:]), key)
    except CryptoError:
        raise WrongPassphrase() from None
