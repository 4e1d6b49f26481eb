"""Export files: sign, then encrypt; and the importer's checks 1–11, bytes in, bytes out.

File format v1 (exact bytes; docs/export-format.md has a worked example)::

    sealed file      = b"DIARY-EXPORT\\n" b"v1 sealed\\n" SealedBox(recipient_x25519_pk).encrypt(signed)
    passphrase file  = b"DIARY-EXPORT\\n" b"v1 passphrase\\n"
                       b"argon2id opslimit=3 memlimit=268435456 salt=<16 bytes, base64>\\n"
                       SecretBox(argon2id(passphrase, salt)).encrypt(signed)    # 24-byte nonce ‖ ciphertext

    signed  = canonical JSON of {"format": "diary-export", "v": 1, "signer": b64(Ed25519 public key),
                                 "payload": b64(payload), "sig": b64(Ed25519 signature)}
    sig     = Ed25519(patient_signing_key, b"diary/export/v1\\0" ‖ payload)
    payload = canonical JSON of ExportPayloadV1 (payload.py)

b64 is standard base64 with padding. Canonical JSON: keys sorted, no whitespace, UTF-8 without
escapes, no NaN/Infinity (canonical.py). The passphrase is normalised first (passphrase.py). Only
these two version lines and exactly these KDF limits are accepted. One file per recipient: the
research team gets its own sealed file; the payload names every intended recipient's fingerprint.

Why sign: encryption to a public key proves nothing about who wrote the file — anyone has the key.
The signature is checked under the patient key pinned at pairing, never the key the file carries.
The context string binds the format version into the signature, so a downgrade cannot reuse one.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterable, Mapping
from datetime import datetime

from diary.exchange.boxes import MAC_BYTES, NONCE_BYTES, SEALED_OVERHEAD, open_secretbox, seal_secretbox
from diary.exchange.canonical import canonical_json, parse_json_strict
from diary.exchange.errors import ExportTooLarge, ImportRefused, KeyFormatError, Refusal
from diary.exchange.keys import AnyKey, fingerprint, raw_private_key, raw_public_key
from diary.exchange.opened import OpenedExport, warnings_for
from diary.exchange.passphrase import (
    KdfLineError,
    derive_key,
    generate_passphrase,
    kdf_line,
    new_salt,
    normalize_passphrase,
    read_kdf_line,
)
from diary.exchange.payload import ExportPayloadV1, parse_payload, payload_bytes
from diary.exchange.strength import passphrase_weakness
from diary.platform import sodium
from diary.platform.crypto import CryptoError

__all__ = ["generate_passphrase", "open_export", "seal_export", "seal_export_with_passphrase", "seal_signed",
           "seal_signed_with_passphrase", "sign_payload"]

MAX_FILE_BYTES = 16 * 1024 * 1024
MAGIC = b"DIARY-EXPORT\n"
SEALED_LINE = b"v1 sealed\n"
PASSPHRASE_LINE = b"v1 passphrase\n"
SIGNATURE_CONTEXT = b"diary/export/v1\0"
ENVELOPE_FORMAT = "diary-export"
ENVELOPE_VERSION = 1
_ENVELOPE_KEYS = frozenset({"format", "v", "signer", "payload", "sig"})
_VERSION_LINE_MAX = 32
# SealedBox adds an ephemeral key and a MAC; SecretBox a nonce and a MAC: shorter cannot be a box.
_SEALED_MIN = SEALED_OVERHEAD
_SECRETBOX_MIN = NONCE_BYTES + MAC_BYTES


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def sign_payload(payload: bytes, signing_key: AnyKey) -> bytes:
    """The signed envelope (canonical JSON bytes) for payload bytes; exposed for tests and tools.

    `signing_key` is the patient's Ed25519 key (a keys.SigningKey, or its 32-byte seed)."""
    seed = raw_private_key(signing_key)
    signature = sodium().sign_detached(SIGNATURE_CONTEXT + payload, seed)
    envelope = {
        "format": ENVELOPE_FORMAT,
        "v": ENVELOPE_VERSION,
        "signer": _b64(sodium().sign_public_key(seed)),
        "payload": _b64(payload),
        "sig": _b64(signature),
    }
    return canonical_json(envelope)


def _checked_size(file: bytes) -> bytes:
    if len(file) > MAX_FILE_BYTES:
        raise ExportTooLarge()
    return file


def seal_export(
    payload: ExportPayloadV1,
    *,
    signing_key: AnyKey,
    recipient_public_keys: Iterable[AnyKey],
) -> dict[str, bytes]:
    """Sign the payload once and seal one file per recipient.

    Args:
        payload: the export; its `recipients` must list every recipient key's fingerprint.
        signing_key: the patient's Ed25519 key.
        recipient_public_keys: X25519 public keys (physiotherapist, research team).

    Returns:
        {recipient fingerprint: file bytes}, in the order given.

    Raises:
        ValueError: a recipient key is not named in payload.recipients (its owner would refuse the file).
        ExportTooLarge: a file would exceed the importer's 16 MiB cap.
    """
    signed = sign_payload(payload_bytes(payload), signing_key)
    files: dict[str, bytes] = {}
    for key in recipient_public_keys:
        fp = fingerprint(key)
        if fp not in payload.recipients:
            raise ValueError("Every recipient key must be listed in payload.recipients.")
        files[fp] = seal_signed(signed, key)
    return files


def seal_signed(signed: bytes, recipient_public_key: AnyKey) -> bytes:
    """A sealed export file around an already signed envelope (from `sign_payload`).

    For callers that build the canonical payload bytes themselves; they must list the recipient's
    fingerprint in the payload's `recipients`, or its owner will refuse the file.

    Raises:
        ExportTooLarge: the file would exceed 16 MiB.
    """
    return _checked_size(MAGIC + SEALED_LINE + sodium().box_seal(signed, raw_public_key(recipient_public_key)))


def seal_signed_with_passphrase(signed: bytes, passphrase: str) -> bytes:
    """A passphrase export file around an already signed envelope (see `seal_export_with_passphrase`).

    Raises:
        ValueError: the passphrase is too weak (diary.exchange.strength: six words, or 20 hard characters).
        ExportTooLarge: the file would exceed 16 MiB.
    """
    if weakness := passphrase_weakness(passphrase):
        raise ValueError(weakness)
    salt = new_salt()
    box = seal_secretbox(signed, derive_key(passphrase, salt))
    return _checked_size(MAGIC + PASSPHRASE_LINE + kdf_line(salt) + box)


def seal_export_with_passphrase(
    payload: ExportPayloadV1, *, signing_key: AnyKey, passphrase: str
) -> bytes:
    """Sign the payload and encrypt it under a passphrase (argon2id at the fixed limits + SecretBox).

    Args:
        payload: the export; the importer still checks that it names the importer in `recipients`.
        signing_key: the patient's Ed25519 key.
        passphrase: six words (normally from `generate_passphrase()`) or 20 hard-to-guess characters
            (`passphrase_weakness`); send it by another channel than the file.

    Raises:
        ValueError: the passphrase is too weak (diary.exchange.strength: six words, or 20 hard characters).
        ExportTooLarge: the file would exceed 16 MiB.
    """
    if weakness := passphrase_weakness(passphrase):
        raise ValueError(weakness)
    return seal_signed_with_passphrase(sign_payload(payload_bytes(payload), signing_key), passphrase)


def _unbox(data: bytes, private_key: AnyKey | None, passphrase: str | None) -> tuple[bytes, str]:
    """Steps 2–4: magic and version, KDF limits, then open the box. Returns (signed bytes, mode)."""
    if not data.startswith(MAGIC):
        raise ImportRefused(Refusal.NOT_AN_EXPORT)
    start = len(MAGIC)
    end = data.find(b"\n", start, start + _VERSION_LINE_MAX)
    line = data[start:end + 1] if end >= 0 else data[start:]
    if line == SEALED_LINE:
        body = data[end + 1:]
        if private_key is None or len(body) < _SEALED_MIN:
            raise ImportRefused(Refusal.CANNOT_OPEN)
        try:
            secret = raw_private_key(private_key)
            return sodium().box_seal_open(body, sodium().box_public_key(secret), secret), "sealed"
        except (CryptoError, KeyFormatError):
            raise ImportRefused(Refusal.CANNOT_OPEN) from None
    if line == PASSPHRASE_LINE:
        try:
            salt, body_start = read_kdf_line(data, end + 1)
        except KdfLineError as exc:
            raise ImportRefused(Refusal.CANNOT_OPEN if exc.truncated else Refusal.KDF_LIMITS) from None
        if len(data) - body_start < _SECRETBOX_MIN:
            raise ImportRefused(Refusal.CANNOT_OPEN)  # before argon2: no need to spend 0.7 s
        if not passphrase or not normalize_passphrase(passphrase):
            raise ImportRefused(Refusal.PASSPHRASE_NEEDED)
        key = derive_key(passphrase, salt)
        try:
            return open_secretbox(data[body_start:], key), "passphrase"
        except CryptoError:
            raise ImportRefused(Refusal.WRONG_PASSPHRASE) from None
    if end < 0 and any(known.startswith(line) for known in (SEALED_LINE, PASSPHRASE_LINE)):
        raise ImportRefused(Refusal.CANNOT_OPEN)  # cut short inside the header
    raise ImportRefused(Refusal.UNSUPPORTED_VERSION)


def _b64_field(value: object, size: int | None = None) -> bytes:
    """Strict standard base64 (canonical padding, no whitespace) of an exact size."""
    try:
        if not isinstance(value, str) or not value.isascii():
            raise ValueError
        raw = binascii.a2b_base64(value, strict_mode=True)  # the alphabet and padding, in one pass
    except (ValueError, binascii.Error):
        raise ImportRefused(Refusal.MALFORMED) from None
    # Canonical: the unused bits of the last group are zero, i.e. the last bytes encode to the last characters
    # (the rest of the text is fixed by the bytes already).
    tail = len(raw) % 3 or 3
    if _b64(raw[-tail:])[-4:] != value[-4:] or (size is not None and len(raw) != size):
        raise ImportRefused(Refusal.MALFORMED)
    return raw


def _canonical_envelope(envelope: dict) -> bytes:
    """canonical_json(envelope), without re-encoding its payload text (the envelope's bulk: up to 16 MiB)."""
    mark = "@payload@"  # "@" is not base64, and every other member was checked to be base64 or fixed text
    parts = canonical_json({**envelope, "payload": mark}).split(mark.encode(), 1)
    return parts[0] + envelope["payload"].encode("ascii") + parts[1]


def _envelope(signed: bytes) -> dict:
    """Steps 5–6: strict JSON of the expected small shape, then the envelope version."""
    # Read before the signature is checked: anyone can get here, so keep it tiny and shallow.
    envelope = parse_json_strict(signed, max_depth=2, max_punctuation=64)
    if not isinstance(envelope, dict):
        raise ImportRefused(Refusal.MALFORMED)
    version = envelope.get("v")
    if type(version) is not int or version != ENVELOPE_VERSION:  # `true == 1` in Python
        raise ImportRefused(Refusal.UNSUPPORTED_VERSION)
    if set(envelope) != _ENVELOPE_KEYS or envelope["format"] != ENVELOPE_FORMAT:
        raise ImportRefused(Refusal.MALFORMED)
    return envelope


def open_export(
    data: bytes,
    *,
    now: datetime,
    pinned_signers: Mapping[str, AnyKey],
    own_fingerprint: str | None = None,
    recipient_private_key: AnyKey | None = None,
    passphrase: str | None = None,
    size: int | None = None,
) -> OpenedExport:
    """Run import checks 1–11 of security.md on an export file, failing closed at the first problem.

    Nothing is stored here. Step 12 (seq) needs the database: call `seq_decision` with the result.

    Args:
        data: the file's bytes. Callers should stat the file and refuse above 16 MiB before reading.
        now: the importer's time (timezone-aware), only to warn about a created_at far ahead.
        pinned_signers: {fingerprint: patient public key} pinned at pairing; the signature is checked
            under this stored key, never the key in the file.
        own_fingerprint: the importer's own box-key fingerprint (check 11); defaults to that of
            `recipient_private_key`; required for passphrase files opened without a key.
        recipient_private_key: the importer's X25519 key, for sealed files.
        passphrase: for passphrase files.
        size: the file size from stat, if known (checked before anything else); default len(data).

    Returns:
        The validated export with its hashes and any warnings.

    Raises:
        ImportRefused: with the category of the first failed check (see errors.Refusal). When known,
            `signer_fingerprint`, `export_id` and `seq` are set on it for the import log.
    """
    if own_fingerprint is None:
        if recipient_private_key is None:
            raise TypeError("open_export needs own_fingerprint or recipient_private_key")
        own_fingerprint = fingerprint(recipient_private_key)
    file_size = len(data) if size is None else max(size, len(data))
    if file_size > MAX_FILE_BYTES:  # 1. size first: nothing else is read
        raise ImportRefused(Refusal.TOO_LARGE)
    data = bytes(data)
    signed, mode = _unbox(data, recipient_private_key, passphrase)  # 2–4
    envelope = _envelope(signed)  # 5–6
    signer = _b64_field(envelope["signer"], 32)
    signature = _b64_field(envelope["sig"], 64)
    payload_raw = _b64_field(envelope["payload"])
    signer_fp = fingerprint(signer)
    try:
        pinned = pinned_signers.get(signer_fp)  # 7. the file's key only selects a pinned key
        if pinned is None:
            raise ImportRefused(Refusal.UNKNOWN_SENDER)
        if not sodium().verify_detached(signature, SIGNATURE_CONTEXT + payload_raw, raw_public_key(pinned)):
            raise ImportRefused(Refusal.BAD_SIGNATURE)  # 8. under the stored key
        if _canonical_envelope(envelope) != signed:  # 9. the envelope too has one byte form
            raise ImportRefused(Refusal.NOT_CANONICAL)
        payload = parse_payload(payload_raw)  # 9–10
        if own_fingerprint not in payload.recipients:  # 11
            exc = ImportRefused(Refusal.NOT_ADDRESSED_TO_YOU)
            exc.export_id, exc.seq = payload.export_id, payload.seq
            raise exc
    except ImportRefused as exc:
        exc.signer_fingerprint = signer_fp
        raise
    return OpenedExport(
        payload=payload,
        signer_fingerprint=signer_fp,
        file_sha256=hashlib.sha256(data).hexdigest(),
        file_size=len(data),
        payload_sha256=hashlib.sha256(payload_raw).hexdigest(),
        mode=mode,
        warnings=warnings_for(payload, now=now),
    )
