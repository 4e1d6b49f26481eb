"""Why an import was refused: a fixed set of categories, each with one sentence that says what to do.

The importer never shows library error text (it can leak internals and means nothing to a
physiotherapist); every failure is mapped to one of these categories. The category is also what the
import log stores, so it must never carry file content.
"""

from __future__ import annotations

from enum import StrEnum

from diary.domain.errors import DiaryError
from diary.domain.marks import N_  # English source messages: services translate them


class Refusal(StrEnum):
    """Categories of refused imports, in the order the importer checks them."""

    TOO_LARGE = "too_large"
    NOT_AN_EXPORT = "not_an_export"
    UNSUPPORTED_VERSION = "unsupported_version"
    KDF_LIMITS = "kdf_limits"
    CANNOT_OPEN = "cannot_open"
    PASSPHRASE_NEEDED = "passphrase_needed"
    WRONG_PASSPHRASE = "wrong_passphrase"
    MALFORMED = "malformed"
    UNKNOWN_SENDER = "unknown_sender"
    BAD_SIGNATURE = "bad_signature"
    NOT_CANONICAL = "not_canonical"
    INVALID_CONTENT = "invalid_content"
    NOT_ADDRESSED_TO_YOU = "not_addressed_to_you"


SENTENCES: dict[Refusal, str] = {
    Refusal.TOO_LARGE: N_("This file is larger than 16 MiB, so it is not a diary export; nothing was imported. "
    "Ask the patient to export a shorter period."),
    Refusal.NOT_AN_EXPORT: N_("This file is not a diary export; nothing was imported. "
    "Choose the export file the patient sent you."),
    Refusal.UNSUPPORTED_VERSION: N_("This export was made by a version of the diary app that this app does not "
    "understand; nothing was imported. Update both apps and ask the patient to export again."),
    Refusal.KDF_LIMITS: N_("This passphrase-protected file asks for unusual protection settings, so it was not "
    "opened; it was not made by the diary app. Ask the patient to export it again."),
    Refusal.CANNOT_OPEN: N_("This file could not be opened: it was made for a different key, or it was damaged "
    "or cut short on the way. Ask the patient to export it to you again and send the new file."),
    Refusal.PASSPHRASE_NEEDED: N_("This file is protected with a passphrase. Enter the passphrase the patient "
    "gave you separately from the file."),
    Refusal.WRONG_PASSPHRASE: N_("The passphrase does not open this file. Check the words and try again; if it "
    "still fails, the file may be damaged: ask the patient for a new export."),
    Refusal.MALFORMED: N_("This file is damaged or was not written by the diary app; nothing was imported. "
    "Ask the patient to export it again."),
    Refusal.UNKNOWN_SENDER: N_("This file is signed by someone you have not paired with, so it was not imported. "
    "Pair with the patient in person first, then import the file again."),
    Refusal.BAD_SIGNATURE: N_("This file's signature does not match the patient's paired key: it was changed "
    "after the patient made it. Nothing was imported; ask the patient to export it again."),
    Refusal.NOT_CANONICAL: N_("This file was changed after it was made or written by another program; nothing "
    "was imported. Ask the patient to export it again."),
    Refusal.INVALID_CONTENT: N_("This export contains values the diary does not accept; nothing was imported. "
    "Ask the patient to update the app and export again."),
    Refusal.NOT_ADDRESSED_TO_YOU: N_("This file was made for another physiotherapist's key — ask the patient to "
    "export it to you."),
}


class ImportRefused(DiaryError):
    """An export file was refused; nothing from it may be stored.

    Attributes:
        category: the fixed reason, safe to store in the import log.
        message: the plain sentence for the user (also `str(error)`).
        where: for INVALID_CONTENT, the place of the first problem built from schema field names and
            positions only (e.g. "checkins[12].pain"), never from file content; otherwise None.
        signer_fingerprint: fingerprint of the key the file claims as signer, once read (step 7 on;
            verified only if the refusal came after step 8), for the import log; else None.
        export_id, seq: set when the payload was valid but refused (not addressed to you); else None.
    """

    def __init__(self, category: Refusal, *, where: str | None = None):
        self.category = Refusal(category)
        self.message = SENTENCES[self.category]
        self.where = where
        self.signer_fingerprint: str | None = None
        self.export_id: str | None = None
        self.seq: int | None = None
        super().__init__(self.message)

    def __repr__(self) -> str:
        return f"ImportRefused({self.category.value!r}, where={self.where!r})"


class KeyFormatError(DiaryError):
    """A key written as text, or a protected key file, is not in a form this app reads."""


class WrongPassphrase(DiaryError):
    """The passphrase does not unlock a protected private key."""

    def __init__(self) -> None:
        super().__init__("The passphrase does not unlock this key. Check it and try again.")


class ExportTooLarge(DiaryError):
    """The export would not fit in one file under the importer's size cap."""

    def __init__(self) -> None:
        super().__init__("This export is too large for one file (over 16 MiB). Export a shorter period.")
