"""Who a home belongs to: a patient's diary or a clinician's caseload, fixed when the home is made.

The role is stored in the meta table ("role"). A home made before roles existed, or made without
`--clinician`, is a patient's. Asking for a clinician home where a patient's diary lives is refused with
a sentence, never converted: the two hold different data and different keys.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from diary.domain.errors import DiaryError
from diary.i18n import _

ROLE_KEY = "role"


class Role(StrEnum):
    PATIENT = "patient"
    CLINICIAN = "clinician"


class RoleMismatch(DiaryError):
    """The home is a patient's and a clinician's was needed, or the other way round."""


def resolve_role(home: Path, stored: str | None, requested: Role | None, *, has_patient_data: bool) -> Role:
    """The role of a home from what is stored and what the caller asked for.

    Args:
        home: the folder, for the sentence.
        stored: the meta value, or None for a new home or one made before roles existed.
        requested: CLINICIAN for `--clinician`; None for "whatever the home is" (a new home: a patient's).
        has_patient_data: whether an unmarked home already holds diary entries (then it is a patient's).

    Raises:
        RoleMismatch: a clinician home was asked for where a patient's diary lives.
    """
    if stored is not None:
        actual = Role(stored)
    elif has_patient_data or requested is None:
        actual = Role.PATIENT
    else:
        actual = requested
    if requested is not None and requested is not actual:
        raise RoleMismatch(
            _("{home} holds a patient's diary, so it cannot be opened as a clinician's caseload. Use --home with "
              "another folder for the clinician's data; nothing was changed.").format(home=home)
        )
    return actual


def require_role(home: Path, actual: Role, wanted: Role, *, action: str) -> None:
    """Refuse `action` (e.g. "Importing exports") on a home of the other role.

    Raises:
        RoleMismatch: with a sentence naming the folder and what to do instead.
    """
    if actual is wanted:
        return
    if wanted is Role.CLINICIAN:
        raise RoleMismatch(_("{action} needs a clinician's caseload, and {home} holds a patient's diary. Use "
                             "--clinician with --home and the clinician's folder.").format(action=action, home=home))
    raise RoleMismatch(_("{action} needs a patient's diary, and {home} holds a clinician's caseload (made with "
                         "--clinician). Use --home with the patient's own folder.").format(action=action, home=home))
