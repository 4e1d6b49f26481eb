"""Pairing in person: a patient adds a physiotherapist's key; a clinician pins a patient's signing key.

Both screens show the same safety number (diary.exchange.keys.safety_number of the two keys); the
people compare it before confirming. A key that differs from the one paired under the same name is
refused with an explanation unless a re-pair is asked for explicitly: a new key means a new device, or
someone else's key, and only the people in the room can tell which.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from diary.domain.errors import DiaryError, NotFound, ValidationFailed
from diary.domain.names import printable_name
from diary.domain.text import clean_text
from diary.exchange.keys import (
    decode_recipient_key,
    decode_signer_key,
    encode_public_key,
    fingerprint,
    format_fingerprint,
    safety_number,
)
from diary.services.identity import Role, require_role
from diary.services.keystore import KeyStore
from diary.storage.pairing_repository import PairedPatient, PatientRepository, Recipient, RecipientRepository
from diary.services.failures import storage_boundary
from diary.i18n import N_, _

LABEL_MAX = 80
DEFAULT_RECIPIENT_LABEL = "Physiotherapist"
_KEY_IN_TEXT = re.compile(r"DIARY-(?:BOX|SIG)1:[A-Z2-7]{56}", re.IGNORECASE)
_KEY_FILE_MAX = 64 * 1024


class KeyChanged(DiaryError):
    """The key differs from the one paired under that name; a deliberate re-pair is needed."""


@dataclass(frozen=True)
class OwnKey:
    """This home's public key, to show as text and QR code (and read aloud as a fingerprint)."""

    text: str  # "DIARY-BOX1:…" (clinician) or "DIARY-SIG1:…" (patient)
    fingerprint: str
    role: Role

    @property
    def fingerprint_groups(self) -> str:
        return format_fingerprint(self.fingerprint)


@dataclass(frozen=True)
class KeyPreview:
    """What a pasted key is, before anything is stored: show the safety number and ask to confirm."""

    text: str
    fingerprint: str
    safety_number: str
    paired_as: str | None  # the label this exact key is already paired under


@dataclass(frozen=True)
class Pairing:
    label: str
    text: str
    fingerprint: str
    safety_number: str
    outcome: Literal["paired", "already_paired", "re_paired"]


def key_text_from(value: str) -> str:
    """The key in `value`: key text, text containing a key (a key file's content), or a path to a key file.

    Raises:
        KeyFormatError: (from decoding later) when no key is found; the file cannot be read: DiaryError.
    """
    value = value.strip()
    if not value.upper().startswith("DIARY-") and len(value) < 4096:
        path = Path(value).expanduser()
        if path.is_file():
            try:
                with open(path, "rb") as handle:
                    value = handle.read(_KEY_FILE_MAX).decode("utf-8", errors="replace")
            except OSError as exc:
                raise DiaryError(_("Cannot read the key file {printable_name} ({strerror}).").format(printable_name=printable_name(path), strerror=exc.strerror)) from None
    found = _KEY_IN_TEXT.search(value)
    return found.group(0).upper() if found else value


def clean_label(label: str | None, *, what: str) -> str:
    if label is None or not label.strip():
        raise ValidationFailed(_("Give {what} a name (a label) to pair under.").format(what=what), field="label")
    if "\n" in label or "\r" in label or "\t" in label:
        raise ValidationFailed(_("A label is one line of text."), field="label")
    return clean_text(label.strip(), field="label", max_chars=LABEL_MAX, label=N_("The label"), single_line=True)


@storage_boundary
class PairingService:
    """Keys and pairings of one home (a patient's recipients, or a clinician's pinned patients)."""

    def __init__(self, *, home: Path, role: Role, keys: KeyStore, recipients: RecipientRepository,
                 patients: PatientRepository, clock: Callable[[], datetime]):
        self._home, self._role, self._keys = home, role, keys
        self._recipients, self._patients, self._clock = recipients, patients, clock

    def own_key(self) -> OwnKey:
        """This home's public key: a clinician's box key, or a patient's signing key."""
        return OwnKey(text=self._keys.public_key_text(), fingerprint=self._keys.fingerprint(), role=self._role)

    def _decode(self, value: str):
        text = key_text_from(value)
        return decode_signer_key(text) if self._role is Role.CLINICIAN else decode_recipient_key(text)

    def preview(self, value: str) -> KeyPreview:
        """Read the other side's key (text, key-file content or a key file's path) and its safety number.

        Raises:
            KeyFormatError: not a key, a typing error, or the wrong kind of key for this home.
        """
        key = self._decode(value)
        fp = fingerprint(key)
        if self._role is Role.CLINICIAN:
            paired = next((p.label for p in self._patients.all() if p.fingerprint == fp), None)
        else:
            paired = next((r.label for r in self._recipients.all() if r.fingerprint == fp), None)
        return KeyPreview(text=encode_public_key(key), fingerprint=fp,
                          safety_number=safety_number(self._keys.public_key(), key), paired_as=paired)

    def pair(self, value: str, *, label: str | None = None, re_pair: bool = False) -> Pairing:
        """Store the other side's key under `label` after the safety numbers were compared.

        A patient home adds a recipient (label defaults to "Physiotherapist"); a clinician home pins a
        patient (label required: it names the patient in the caseload).

        Raises:
            KeyFormatError: not a usable key of the right kind.
            KeyChanged: `label` is paired with another key and `re_pair` is False.
            ValidationFailed: a missing or bad label, or this key is already paired under another label.
        """
        preview = self.preview(value)
        if self._role is Role.CLINICIAN:
            label = clean_label(label, what="the patient")
            existing = {p.label: p.fingerprint for p in self._patients.all()}
        else:
            existing = {r.label: r.fingerprint for r in self._recipients.all()}
            label = clean_label(label, what="the recipient") if label else (preview.paired_as or self._free_label(existing))
        if preview.paired_as is not None and preview.paired_as != label:
            raise ValidationFailed(_('This key is already paired as "{paired_as}"; nothing was changed.').format(paired_as=preview.paired_as),
                                   field="key")
        outcome = "paired"
        if label in existing:
            if existing[label] == preview.fingerprint:
                return Pairing(label, preview.text, preview.fingerprint, preview.safety_number, "already_paired")
            if not re_pair:
                raise KeyChanged(self._changed_sentence(label, existing[label]))
            outcome = "re_paired"
        now = self._clock()
        if self._role is Role.CLINICIAN:
            if outcome == "re_paired":
                self._patients.replace_key(label, signing_key=preview.text, fingerprint=preview.fingerprint, paired_at=now)
            else:
                self._patients.add(label=label, signing_key=preview.text, fingerprint=preview.fingerprint, paired_at=now)
        else:
            recipient = Recipient(label, preview.text, preview.fingerprint, now)
            if outcome == "re_paired":
                self._recipients.replace_key(label, recipient)
            else:
                self._recipients.add(recipient)
        return Pairing(label, preview.text, preview.fingerprint, preview.safety_number, outcome)

    def _changed_sentence(self, label: str, old_fingerprint: str) -> str:
        fingerprint = format_fingerprint(old_fingerprint)[:19]
        if self._role is Role.CLINICIAN:
            sentence = _("\"{label}\" was paired with a different key (fingerprint {fingerprint}…), so nothing was "
                         "changed. A new key means this patient has a new device, or the key is someone else's: compare "
                         "the safety number in person, then re-pair deliberately (--re-pair, or Re-pair in the app).")
        else:
            sentence = _("\"{label}\" was paired with a different key (fingerprint {fingerprint}…), so nothing was "
                         "changed. A new key means this recipient has a new device, or the key is someone else's: "
                         "compare the safety number in person, then re-pair deliberately (--re-pair, or Re-pair in the "
                         "app).")
        return sentence.format(label=label, fingerprint=fingerprint)

    @staticmethod
    def _free_label(existing: dict[str, str]) -> str:
        label, n = DEFAULT_RECIPIENT_LABEL, 1
        while label in existing:
            n += 1
            label = f"{DEFAULT_RECIPIENT_LABEL} {n}"
        return label

    # Listing
    def recipients(self) -> list[Recipient]:
        """A patient's paired recipients, in the order they were added."""
        require_role(self._home, self._role, Role.PATIENT, action="Adding recipients")
        return self._recipients.all()

    def patients(self) -> list[PairedPatient]:
        """A clinician's pinned patients, by label."""
        require_role(self._home, self._role, Role.CLINICIAN, action="Pinning patients")
        return self._patients.all()

    def remove_recipient(self, label: str) -> None:
        require_role(self._home, self._role, Role.PATIENT, action="Removing recipients")
        if not self._recipients.remove(label):
            raise NotFound(_('No recipient is called "{label}".').format(label=label))

    def rename_patient(self, label: str, new_label: str) -> None:
        require_role(self._home, self._role, Role.CLINICIAN, action="Renaming patients")
        new_label = clean_label(new_label, what="the patient")
        if self._patients.by_label(label) is None:
            raise NotFound(_('No patient is called "{label}".').format(label=label))
        if new_label != label and self._patients.by_label(new_label) is not None:
            raise ValidationFailed(_('Another patient is already called "{new_label}".').format(new_label=new_label), field="label")
        self._patients.rename(label, new_label)
