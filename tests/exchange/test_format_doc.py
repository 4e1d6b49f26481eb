"""docs/export-format.md: its PyNaCl snippet opens real files, so the document cannot drift from the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from diary.exchange import (
    ExportPayloadV1,
    encode_public_key,
    fingerprint,
    payload_bytes,
    seal_export,
    seal_export_with_passphrase,
)
from diary.exchange.canonical import parse_json_strict

from tests.exchange.builders import payload_dict

DOC = Path(__file__).resolve().parents[2] / "docs" / "export-format.md"


@pytest.fixture(scope="module")
def snippet() -> dict:
    code = re.search(r"## 6\. Opening a file with PyNaCl.*?```python\n(.*?)```", DOC.read_text(), re.DOTALL)
    namespace: dict = {}
    exec(compile(code.group(1), str(DOC), "exec"), namespace)  # noqa: S102 - our own document
    return namespace


def test_the_snippet_opens_a_sealed_file(keys, snippet):
    payload = ExportPayloadV1.model_validate(payload_dict(keys))
    data = seal_export(payload, signing_key=keys.patient, recipient_public_keys=[keys.physio.public_key])
    patient = snippet["key_from_text"](encode_public_key(keys.patient.verify_key))
    opened = snippet["open_diary_export"](data[fingerprint(keys.physio)], patient_key=patient,
                                          private_key=bytes(keys.physio))
    assert opened == parse_json_strict(payload_bytes(payload))


def test_the_snippet_opens_a_passphrase_file(keys, snippet):
    payload = ExportPayloadV1.model_validate(payload_dict(keys))
    data = seal_export_with_passphrase(payload, signing_key=keys.patient, passphrase="amber canoe fern kite lamp oak")
    opened = snippet["open_diary_export"](data, patient_key=bytes(keys.patient.verify_key),
                                          passphrase="Amber-Canoe fern kite lamp oak")
    assert opened["export_id"] == payload.export_id


def test_the_snippet_rejects_another_patients_signature(keys, snippet):
    import nacl.exceptions

    payload = ExportPayloadV1.model_validate(payload_dict(keys))
    data = seal_export(payload, signing_key=keys.patient, recipient_public_keys=[keys.physio.public_key])
    with pytest.raises(nacl.exceptions.BadSignatureError):
        snippet["open_diary_export"](data[fingerprint(keys.physio)], patient_key=bytes(keys.stranger.verify_key),
                                     private_key=bytes(keys.physio))
