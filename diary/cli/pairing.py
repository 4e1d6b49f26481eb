"""`diary key` and `diary pair`: this home's public key, and pairing with the other side in person.

A clinician's home is made or opened with the global option --clinician (`diary --clinician pair KEY`).
"""

from __future__ import annotations

import argparse
import sys

from diary.cli.common import EXIT_NOT_DONE, is_yes, open_home, passphrase_for_writing, read_passphrase_file
from diary.domain.errors import ValidationFailed
from diary.i18n import _


def add_parsers(commands) -> None:
    key = commands.add_parser(
        "key", help=_("print this home's public key and fingerprint"),
        description=_("Print this home's public key (a clinician's encryption key, or a patient's signing key) and "
                    "its fingerprint. 'diary key > my.key' makes a key file to hand over."))
    key.add_argument("--protect", action="store_true", help=_("protect the private key with the passphrase in "
                     "--passphrase-file (made there if the file does not exist)"))
    key.add_argument("--unprotect", action="store_true", help=_("remove the passphrase protection"))
    key.add_argument("--passphrase-file", metavar="F", help=_("the key's passphrase, for --protect or --unprotect"))

    pair = commands.add_parser(
        "pair", help=_("add the other side's key and print the safety number"),
        description=_("A patient adds a physiotherapist's key; a clinician (--clinician) pins a patient's signing key "
                    "under a label. Both screens then show the same safety number: compare it in person."))
    pair.add_argument("key", metavar="KEY", help=_("the key as text (DIARY-BOX1:… or DIARY-SIG1:…) or a key file"))
    pair.add_argument("--label", metavar="NAME", help=_("who this is (required for a clinician pinning a patient)"))
    pair.add_argument("--re-pair", action="store_true",
                      help=_("replace the key paired under this label (after comparing the safety number in person)"))


def run_key(args: argparse.Namespace) -> int:
    diary = open_home(args)
    try:
        return _protect(diary, args) if args.protect or args.unprotect else _show_key(diary)
    finally:
        diary.close()


def _protect(diary, args: argparse.Namespace) -> int:
    if not args.passphrase_file:
        raise ValidationFailed(_("Give the key's passphrase with --passphrase-file F."))
    if args.protect:
        words, made = passphrase_for_writing(args.passphrase_file)
        diary.keys.protect(words)
        print(_("The private key is now protected by a new passphrase, saved in {file}; keep it apart from this "
                "home.").format(file=args.passphrase_file) if made else
              _("The private key is now protected by the passphrase."))
    else:
        diary.keys.unprotect(read_passphrase_file(args.passphrase_file))
        print(_("The private key is no longer protected by a passphrase (the file stays owner-only)."))
    return 0


def _show_key(diary) -> int:
    own = diary.pairing.own_key()
    kind = (_("a clinician's encryption key: patients add it with 'diary pair KEY'") if own.role == "clinician"
            else _("a patient's signing key: the physiotherapist pins it with 'diary --clinician pair KEY --label "
                   "NAME'"))
    print(own.text)
    print(_("fingerprint {fingerprint}").format(fingerprint=own.fingerprint_groups))
    print(f"({kind})")
    return 0


def run_pair(args: argparse.Namespace) -> int:
    diary = open_home(args)
    try:
        return _pair(diary.pairing, args)
    finally:
        diary.close()


def _pair(service, args: argparse.Namespace) -> int:
    if sys.stdin.isatty() and sys.stdout.isatty():
        preview = service.preview(args.key)
        print(_("Safety number:") + f"\n    {preview.safety_number}")
        answer = input(_("Does the other screen show exactly the same number? [y/N] "))
        if not is_yes(answer):
            print(_("Not paired: the numbers must match. Check that you have the right key."))
            return EXIT_NOT_DONE
    pairing = service.pair(args.key, label=args.label, re_pair=args.re_pair)
    done = {"paired": _("Paired \"{label}\" (fingerprint {fingerprint}…)."),
            "already_paired": _("Already paired \"{label}\" (fingerprint {fingerprint}…)."),
            "re_paired": _("Re-paired \"{label}\" (fingerprint {fingerprint}…).")}[pairing.outcome]
    print(done.format(label=pairing.label, fingerprint=pairing.fingerprint[:16]))
    print(_("Safety number (both screens must show the same):") + f"\n    {pairing.safety_number}")
    return 0


COMMANDS = {"key": run_key, "pair": run_pair}
