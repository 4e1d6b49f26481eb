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


def test_the_snippet_reads_key_text_in_any_case(keys, snippet):
    text = encode_public_key(keys.patient.verify_key)
    for typed in (text, text.lower(), f"  {text.title()}\n"):
        assert snippet["key_from_text"](typed) == bytes(keys.patient.verify_key)
    with pytest.raises(ValueError):
        snippet["key_from_text"]("DIARY-XYZ1:" + text.split(":", 1)[1])


@pytest.mark.parametrize("value, text", [
    ({"b": 1, "a": [True, None]}, '{"a":[true,null],"b":1}'),
    ({"note": 'q" b\\ \x00 \x1f \n\t\x7f é 😀 \u2028 /'}, '{"note":"q\\" b\\\\ \\u0000 \\u001f \\n\\t\x7f é 😀 \u2028 /"}'),
    ({"x": 12.0, "y": 7.5, "z": 0.0001, "w": 1e-05, "v": 1e16, "u": 1.5e16, "t": 1e15, "s": -0.0},
     '{"s":-0.0,"t":1000000000000000.0,"u":1.5e+16,"v":1e+16,"w":1e-05,"x":12.0,"y":7.5,"z":0.0001}'),
    ({"n": -9007199254740991}, '{"n":-9007199254740991}'),
])
def test_the_canonical_json_rules_of_the_document_are_the_code_s(value, text):
    from diary.exchange.canonical import canonical_json

    assert canonical_json(value) == text.encode("utf-8")
    assert "Unicode code point order" in DOC.read_text() and "`1e-05`, `1.5e+16`" in DOC.read_text()
