"""Pairing in person, the same steps for a patient (Share) and a physiotherapist (Settings): what each
step shows, as frozen values, and the few decisions between them. No Flet here.

A side differs only in words and field keys (`PairingSide`): the patient pastes a physiotherapist's box
key and may leave the label as "Physiotherapist"; the physiotherapist pastes a patient's signing key and
must give a label, and is told what the patient will be called.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from diary.domain.errors import DiaryError
from diary.services.pairing import KeyChanged


@dataclass(frozen=True)
class PairingSide:
    words: ModuleType  # the side's text catalogue (diary.ui.text or diary.ui.clinician.text)
    key_field: str  # the control keys tests and the browser find
    label_field: str
    key_hint: str  # the key's prefix ("DIARY-BOX1:…"), the same in every language
    label_hint: str | None = None  # the name of the words' hint for the label field, read when shown
    default_label: str | None = None  # the name of the words' default label
    label_required: bool = False
    names_the_label: bool = False  # "They will be "Anna L." in your caseload."
    heading_size: int = 22
    done_key_text: bool = False  # the notice's text has its own key ("pair-done-text")
    keep_input_on_error: bool = False  # a refused pairing shows the key and label again, to correct


@dataclass(frozen=True)
class Compare:
    """The safety number to read aloud, and what pairing will do."""

    value: str
    label: str | None
    safety_number: str
    fingerprint_line: str
    label_line: str | None


def input_problem(side: PairingSide, value: str, label: str) -> str | None:
    """What is missing before the key can be checked (the key is checked first, then the label)."""
    return side.words.KEY_EMPTY if not value else None


def compare(side: PairingSide, value: str, label: str, preview) -> Compare | str:
    """The comparison page for a previewed key, or the sentence saying what is still missing."""
    if side.label_required and not label:
        return side.words.LABEL_EMPTY
    label_line = None
    if side.names_the_label:
        label_line = (side.words.ALREADY_PAIRED_AS.format(label=preview.paired_as) if preview.paired_as
                      else side.words.COMPARE_LABEL.format(label=label))
    return Compare(value, label or None, preview.safety_number,
                   side.words.COMPARE_FINGERPRINT.format(fp=preview.fingerprint[:16]), label_line)


def done_message(side: PairingSide, pairing) -> str:
    words = {"paired": side.words.PAIRED, "already_paired": side.words.ALREADY_PAIRED,
             "re_paired": side.words.RE_PAIRED}[pairing.outcome]
    return words.format(label=pairing.label)


def is_key_change(exc: DiaryError) -> bool:
    """Whether pairing was refused because the label is paired with another key (re-pair deliberately)."""
    return isinstance(exc, KeyChanged)
