"""`diary backup --out FILE` and `diary restore FILE`: encrypted backups of the whole home.

A thin veneer over diary.services.backup and .restore: parse, ask when needed, call one service, print a
summary. Every failure is a DiaryError whose sentence `diary.cli.main` prints before exiting with status 2.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from diary.cli.common import EXIT_NOT_DONE, home_folder, is_yes, read_passphrase_file
from diary.domain.errors import DiaryError
from diary.domain.names import printable_name
from diary.i18n import _, ngettext
from diary.i18n.formats import number
from diary.services.restore_recovery import KEY_FILE  # a name only: the backup code loads when a command runs
from diary.services.clock import local_now


def add_parsers(commands) -> None:
    backup = commands.add_parser(
        "backup", help=_("write an encrypted backup of the whole diary to a file"),
        description=_("Write an encrypted backup of the data folder (diary, keys, settings); safe while the app "
                    "runs. Without --passphrase-file a new passphrase is made and printed once."))
    backup.add_argument("--out", required=True, metavar="FILE", help=_("the backup file to write"))
    backup.add_argument("--passphrase-file", metavar="F",
                        help=_("a file holding the passphrase on one line (default: a new one is made and printed)"))
    restore = commands.add_parser(
        "restore", help=_("replace the diary with a backup (the current one is kept aside)"),
        description=_("Check a backup completely, then put it in place of the data folder. The replaced folder "
                    "is kept beside it as HOME.replaced-TIME. Close the app first."),
        epilog=_("Automatic backups open with the words in the data folder's {file} file: "
                 "--passphrase-file HOME/{file}.").format(file=KEY_FILE))
    restore.add_argument("file", metavar="FILE", help=_("the backup file"))
    restore.add_argument("--passphrase-file", metavar="F", help=_("a file holding the passphrase (default: ask)"))
    restore.add_argument("--yes", action="store_true", help=_("replace without asking"))


def _summary(manifest) -> str:
    days, checkins = manifest.days_logged, manifest.checkins
    return (ngettext("{n} day logged", "{n} days logged", days).format(n=days) + ", "
            + ngettext("{n} check-in", "{n} check-ins", checkins).format(n=checkins) + ", "
            + _("made {when} by diary {version}").format(when=f"{manifest.created_at:%Y-%m-%d %H:%M}",
                                                         version=manifest.app_version))


def run_backup(args: argparse.Namespace) -> int:
    from diary.services.backup import create_backup, generate_passphrase

    home = home_folder(args)
    out = Path(args.out).expanduser().absolute()
    passphrase = read_passphrase_file(args.passphrase_file) if args.passphrase_file else generate_passphrase()
    info = create_backup(home, out, passphrase, now=local_now())
    print(_("Wrote {file} ({size} bytes): {summary}.").format(file=printable_name(info.path), size=number(info.size),
                                                              summary=_summary(info.manifest)))
    if not args.passphrase_file:
        print(_("The passphrase for this backup, shown only now. Write it down and keep it apart from the file;\n"
                "without it the backup cannot be opened by anyone, you included:") + f"\n\n    {passphrase}\n")
    return 0


def _ask(prompt: str, *, secret: bool = False) -> str | None:
    try:
        return getpass.getpass(prompt) if secret else input(prompt)
    except EOFError:
        return None


def run_restore(args: argparse.Namespace) -> int:
    from diary.services.backup import read_backup
    from diary.services.restore import install_backup

    home = home_folder(args)
    replacing = home.exists() and any(home.iterdir())
    interactive = sys.stdin.isatty()
    if replacing and not args.yes and not interactive:
        raise DiaryError(_("Restoring would replace the diary in {home}; run it in a terminal to confirm, or add "
                           "--yes. Nothing was changed.").format(home=home))
    if args.passphrase_file:
        passphrase = read_passphrase_file(args.passphrase_file)
    elif interactive:
        passphrase = _ask(_("Passphrase of the backup: "), secret=True) or ""
    else:
        raise DiaryError(_("The backup's passphrase is needed: give it with --passphrase-file F. Nothing was "
                           "changed."))
    opened = read_backup(Path(args.file).expanduser(), passphrase)  # every check, before asking or touching
    when = f"{opened.manifest.created_at:%Y-%m-%d %H:%M}"
    if replacing and not args.yes:
        answer = _ask(_("Replace the diary in {home} with the backup from {when}? [y/N] ").format(
            home=printable_name(home), when=when)) or ""
        if not is_yes(answer):
            print(_("Nothing was changed."))
            return EXIT_NOT_DONE
    aside = install_backup(opened, home, now=local_now())
    print(_("Restored the backup from {when} into {home}: {summary}.").format(
        when=when, home=printable_name(home), summary=_summary(opened.manifest)))
    if aside:
        print(_("The diary it replaced was kept in {folder}.").format(folder=printable_name(aside)))
    return 0


COMMANDS = {"backup": run_backup, "restore": run_restore}
