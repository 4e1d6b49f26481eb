"""Encrypted exchange of exports between a patient's app and a clinician's: bytes in, bytes out.

No database, files or clock here: callers pass bytes and `now`. The design and the attacks it
answers are in shared/reference/security.md; the file format in docs/export-format.md.
"""

from diary.exchange.canonical import canonical_json, parse_json_strict
from diary.exchange.envelope import (
    MAX_FILE_BYTES,
    open_export,
    seal_export,
    seal_export_with_passphrase,
    sign_payload,
)
from diary.exchange.errors import (
    SENTENCES,
    ExportTooLarge,
    ImportRefused,
    KeyFormatError,
    Refusal,
    WrongPassphrase,
)
from diary.exchange.keys import (
    BoxPublicKey,
    BoxSecretKey,
    SigningKey,
    VerifyKey,
    decode_public_key,
    decode_recipient_key,
    decode_signer_key,
    encode_public_key,
    fingerprint,
    format_fingerprint,
    generate_clinician_key,
    generate_patient_key,
    safety_number,
    unwrap_private_key,
    wrap_private_key,
)
from diary.exchange.opened import WARNING_SENTENCES, ImportWarning, OpenedExport, seq_decision
from diary.exchange.passphrase import generate_passphrase, normalize_passphrase
from diary.exchange.payload import CheckInWire, ExportPayloadV1, parse_payload, payload_bytes

__all__ = [
    "MAX_FILE_BYTES", "SENTENCES", "WARNING_SENTENCES",
    "BoxPublicKey", "BoxSecretKey", "SigningKey", "VerifyKey",
    "CheckInWire", "ExportPayloadV1", "ExportTooLarge", "ImportRefused", "ImportWarning", "KeyFormatError",
    "OpenedExport", "Refusal", "WrongPassphrase",
    "canonical_json", "decode_public_key", "decode_recipient_key", "decode_signer_key", "encode_public_key",
    "fingerprint", "format_fingerprint", "generate_clinician_key", "generate_passphrase", "generate_patient_key",
    "normalize_passphrase", "open_export", "parse_json_strict", "parse_payload", "payload_bytes",
    "safety_number", "seal_export", "seal_export_with_passphrase", "seq_decision", "sign_payload",
    "unwrap_private_key", "wrap_private_key",
]
