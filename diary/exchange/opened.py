"""What an accepted export yields, and the decision that needs stored state (import step 12).

Kept apart from envelope.py because the services layer uses these with the database: `OpenedExport`
is what it stores and logs, `seq_decision` tells it whether to replace the patient's snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Literal

from diary.exchange.payload import ExportPayloadV1
from diary.domain.marks import N_  # English source messages: services translate them

# created_at is informational (ordering is by seq), so a clock far ahead only earns a warning.
FUTURE_TOLERANCE = timedelta(days=1)


class ImportWarning(StrEnum):
    """Things worth telling the user about an export that was nevertheless accepted."""

    CREATED_IN_FUTURE = "created_in_future"


WARNING_SENTENCES: dict[ImportWarning, str] = {
    ImportWarning.CREATED_IN_FUTURE: N_("This export says it was made more than a day from now: the clock on the "
    "patient's device or on this one is probably wrong. The data was imported; the order of exports does "
    "not depend on the clock."),
}


def warnings_for(payload: ExportPayloadV1, *, now: datetime) -> tuple[ImportWarning, ...]:
    """Warnings for an accepted payload, given the importer's current time (timezone-aware)."""
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    if payload.created_at > now + FUTURE_TOLERANCE:
        return (ImportWarning.CREATED_IN_FUTURE,)
    return ()


@dataclass(frozen=True)
class OpenedExport:
    """An export that passed every check of steps 1–11. Nothing has been stored yet.

    Attributes:
        payload: the validated payload.
        signer_fingerprint: fingerprint of the pinned key that verified the signature.
        file_sha256: hex SHA-256 of the file as received (differs per recipient and per sealing).
        file_size: size of the file in bytes.
        payload_sha256: hex SHA-256 of the signed payload bytes (the same for every copy of one export):
            pass it to `seq_decision`.
        mode: "sealed" or "passphrase".
        warnings: reasons to tell the user something, never reasons to refuse.
    """

    payload: ExportPayloadV1
    signer_fingerprint: str
    file_sha256: str
    file_size: int
    payload_sha256: str
    mode: Literal["sealed", "passphrase"]
    warnings: tuple[ImportWarning, ...] = ()

    @property
    def export_id(self) -> str:
        return self.payload.export_id

    @property
    def seq(self) -> int:
        return self.payload.seq

    @property
    def counts(self) -> dict[str, int]:
        """How many items of each kind, for the import log (counts only, never content)."""
        p = self.payload
        return {
            "checkins": len(p.checkins),
            "questionnaires": len(p.questionnaires),
            "goals": len(p.goals),
            "ratings": sum(len(goal.ratings) for goal in p.goals),
            "activities": len(p.plan.activities) if p.plan else 0,
        }


SeqDecision = Literal["new", "stale", "already_imported", "conflict", "replace"]


def seq_decision(
    incoming_seq: int, incoming_hash: str, stored_seq: int | None, stored_hash: str | None
) -> SeqDecision:
    """What to do with an accepted export given the last one stored for the same patient key (step 12).

    Args:
        incoming_seq: the new export's seq.
        incoming_hash: its payload_sha256.
        stored_seq: the seq of the stored snapshot for this signer, or None if there is none.
        stored_hash: the payload_sha256 stored with it.

    Returns:
        "new" (no snapshot yet: store it), "stale" (an older export: change nothing), "already_imported"
        (the same export again: a no-op), "conflict" (same seq, other content: change nothing and tell
        the user; a patient's app never reuses a seq) or "replace" (newer: replace the snapshot in one
        transaction).
    """
    if stored_seq is None:
        return "new"
    if incoming_seq < stored_seq:
        return "stale"
    if incoming_seq == stored_seq:
        return "already_imported" if incoming_hash == stored_hash else "conflict"
    return "replace"
