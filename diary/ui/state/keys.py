"""A home's own key as the clinician's Settings shows it: whether a passphrase protects it and what can be
done about that. Frozen values from the key store's answers. No Flet here."""

from __future__ import annotations

from dataclasses import dataclass

from diary.services.passphrases import suggest_passphrase
from diary.ui.clinician import text as T

# The words' names, read when shown (in the language of that moment).
STATE_WORDS = {"off": "PROTECT_STATE_OFF", "locked": "PROTECT_STATE_LOCKED", "unlocked": "PROTECT_STATE_UNLOCKED"}


@dataclass(frozen=True)
class ProtectionView:
    state: str  # "off", "locked" or "unlocked" (KeyStore.lock_state)
    words: str
    field_label: str
    suggested: str | None  # a new passphrase to protect the key with, when asking for one

    @property
    def asking(self) -> bool:
        return self.suggested is not None


def protection_view(state: str, *, suggested: str | None = None) -> ProtectionView:
    return ProtectionView(state, getattr(T, STATE_WORDS[state]), T.PROTECT_PASSPHRASE if state == "off" else T.KEY_PASSPHRASE,
                          suggested if state == "off" else None)


def read_protection(keys, *, asking: bool = False, typed: str | None = None) -> ProtectionView:
    """`asking`: the user chose to protect the key; offer what they typed, else a new six-word passphrase."""
    state = keys.lock_state()
    return protection_view(state, suggested=(typed or suggest_passphrase()) if asking and state == "off" else None)
