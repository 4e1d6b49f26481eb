"""This home's own key: a patient's Ed25519 signing key or a clinician's X25519 box key, in the home.

Files (owner-only, 0600; included in backups of the home):

    signing.key   a patient's key      box.key   a clinician's key
    <name>.pub    the public half as text ("DIARY-SIG1:…" / "DIARY-BOX1:…"), readable without a passphrase

A private key file is either plain,

    b"DIARY-KEY\\n" b"v1 plain\\n" <standard base64 of the 32-byte private key> b"\\n"

or protected by a passphrase in the format of `diary.exchange.keys.wrap_private_key`
(b"DIARY-KEY\\n" b"v1 passphrase\\n" …, argon2id at fixed limits + SecretBox). The key is made the first
time the home is opened; nothing here imports PyNaCl until a key is made or used, so opening a home
stays fast.
"""

from __future__ import annotations

import base64
import binascii
import os
from pathlib import Path

from diary.domain.errors import DiaryError
from diary.i18n import _
from diary.platform.durable import write_atomically
from diary.services.identity import Role

KEY_FILES = {Role.PATIENT: "signing.key", Role.CLINICIAN: "box.key"}
PLAIN_HEADER = b"DIARY-KEY\nv1 plain\n"
PROTECTED_HEADER = b"DIARY-KEY\nv1 passphrase\n"
_MAX_KEY_FILE = 4096


class KeyUnusable(DiaryError):
    """This home's key file is missing, damaged, or locked with a passphrase not given."""


class KeyLocked(KeyUnusable):
    """The private key is protected by a passphrase and has not been unlocked."""

    def __init__(self) -> None:
        super().__init__("This home's key is protected by a passphrase. Enter the key's passphrase to unlock it "
                         "(on the command line: --key-passphrase-file F).")


def _damaged(path: Path) -> KeyUnusable:
    return KeyUnusable(f"The key file {path} is damaged. Restore it from a backup of this home; until then "
                       "exports cannot be made or opened here.")


class KeyStore:
    """The key of one home. Build with the home and its role; call `ensure()` once when opening."""

    def __init__(self, home: Path, role: Role):
        self.home, self.role = home, role
        self.path = home / KEY_FILES[role]
        self.public_path = self.path.with_suffix(".pub")
        self._unlocked = None  # a private key unlocked with its passphrase, for this session only

    # Making and reading
    def ensure(self) -> bool:
        """Make the key if the home has none yet. Returns True if a key was made.

        Both kinds of private key are 32 random bytes (an X25519 secret; an Ed25519 seed), which is all
        libsodium's key generation does; taking them from os.urandom here keeps the first start of the app
        from loading the exchange code and the crypto library. The .pub file is written the first
        time the public key is asked for.
        """
        if self.path.exists():
            return False
        try:
            write_atomically(self.path, PLAIN_HEADER + base64.b64encode(os.urandom(32)) + b"\n", exclusive=True)
        except FileExistsError:  # another process made it a moment ago: theirs stands
            return False
        return True

    def _read(self) -> bytes:
        try:
            with open(self.path, "rb") as handle:
                return handle.read(_MAX_KEY_FILE + 1)
        except FileNotFoundError:
            raise KeyUnusable(_("This home has no key file ({name}); restore it from a backup of this home, or pair "
                                "again with a new home.").format(name=self.path.name)) from None
        except OSError as exc:
            raise KeyUnusable(_("The key file {path} cannot be read ({strerror}).").format(
                path=self.path, strerror=exc.strerror)) from None

    @property
    def protected(self) -> bool:
        """Whether the private key is protected by a passphrase."""
        return self._read().startswith(PROTECTED_HEADER)

    def lock_state(self) -> str:
        """"off" (no passphrase, or a key file that cannot be read: using it says why), "locked" (a
        passphrase is needed first) or "unlocked" (protected, and opened in this session)."""
        try:
            if not self.protected:
                return "off"
            self.private_key()
        except KeyLocked:
            return "locked"
        except DiaryError:
            return "off"
        return "unlocked"

    def _raw_private(self, passphrase: str | None = None) -> bytes:
        blob = self._read()
        if blob.startswith(PLAIN_HEADER):
            try:
                raw = base64.b64decode(blob[len(PLAIN_HEADER):].strip(), validate=True)
            except (binascii.Error, ValueError):
                raise _damaged(self.path) from None
            if len(raw) != 32:
                raise _damaged(self.path)
            return raw
        if blob.startswith(PROTECTED_HEADER):
            if passphrase is None:
                raise KeyLocked()
            from diary.exchange.keys import unwrap_private_key

            return unwrap_private_key(blob, passphrase)  # WrongPassphrase / KeyFormatError: sentences
        raise _damaged(self.path)

    def _as_key(self, raw: bytes):
        from diary.exchange.keys import BoxSecretKey, SigningKey

        return BoxSecretKey(raw) if self.role is Role.CLINICIAN else SigningKey(raw)

    def private_key(self):
        """The private key (diary.exchange.keys: BoxSecretKey for a clinician, SigningKey for a patient).

        Raises:
            KeyLocked: protected and not unlocked in this session.
            KeyUnusable: missing or damaged.
        """
        if self._unlocked is not None:
            return self._unlocked
        return self._as_key(self._raw_private())

    def public_key(self):
        """The public half (BoxPublicKey or VerifyKey), read from the .pub file without any passphrase."""
        from diary.exchange.keys import stored_public_key

        try:
            text = self.public_path.read_text(encoding="ascii")
            return stored_public_key(text)  # read every time (the file is the truth), decoded once per text
        except (OSError, UnicodeDecodeError, DiaryError):
            pass
        if self.protected:  # the .pub file is gone and the key is locked: cannot rebuild it silently
            raise KeyUnusable(_("The file {name} is missing or damaged. Unlock the key once to rebuild it, or restore "
                                "the home from a backup.").format(name=self.public_path.name))
        key = self._as_key(self._raw_private())
        public = key.public_key if self.role is Role.CLINICIAN else key.verify_key
        self._write_public(public)
        return public

    def _write_public(self, public) -> None:
        from diary.exchange.keys import encode_public_key

        write_atomically(self.public_path, (encode_public_key(public) + "\n").encode("ascii"))

    def public_key_text(self) -> str:
        from diary.exchange.keys import encode_public_key

        return encode_public_key(self.public_key())

    def fingerprint(self) -> str:
        from diary.exchange.keys import fingerprint

        return fingerprint(self.public_key())

    # Passphrase protection
    def unlock(self, passphrase: str) -> None:
        """Unlock a protected key for this session (kept in memory only).

        Raises:
            WrongPassphrase: the passphrase does not open it.
        """
        key = self._as_key(self._raw_private(passphrase))
        public = key.public_key if self.role is Role.CLINICIAN else key.verify_key
        if bytes(public) != bytes(self.public_key()):
            self._write_public(public)  # the .pub file was stale: the private key is the truth
        self._unlocked = key

    def protect(self, passphrase: str) -> None:
        """Protect the private key with a passphrase (six words, e.g. from generate_passphrase, or 20 hard
        characters: diary.exchange.strength).

        Raises:
            KeyUnusable: already protected (unprotect first), or the passphrase is too weak.
        """
        from diary.exchange.keys import wrap_private_key
        from diary.exchange.strength import passphrase_weakness

        if self.protected:
            raise KeyUnusable(_("This key is already protected by a passphrase; remove the protection first to "
                                "change it."))
        if weakness := passphrase_weakness(passphrase):
            raise KeyUnusable(weakness)
        self.public_key()  # writes the .pub file while the key is still readable: it is needed once locked
        raw = self._raw_private()
        write_atomically(self.path, wrap_private_key(raw, passphrase))

    def unprotect(self, passphrase: str) -> None:
        """Store the key without a passphrase again (owner-only file permissions still apply)."""
        raw = self._raw_private(passphrase)
        write_atomically(self.path, PLAIN_HEADER + base64.b64encode(raw) + b"\n")

    def check_permissions(self) -> bool:
        """Whether the key file is readable by its owner only."""
        return (os.stat(self.path).st_mode & 0o077) == 0
