"""`diary export` and `diary import`: the files that carry a patient's diary to the physiotherapist.

A thin veneer over diary.services.export and .importing: parse, call, print. A clinician's home is opened
with the global option --clinician (`diary --clinician import F`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from diary.cli.common import EXIT_NOT_DONE, open_home, parse_day, passphrase_for_writing, read_passphrase_file
from diary.domain.names import printable_name
from diary.i18n import _, ngettext
from diary.i18n.formats import number


def add_parsers(commands) -> None:
    export = commands.add_parser(
        "export", help=_("write a signed, encrypted export for your physiotherapist"),
        description=_("Write an export file for each recipient (signed with this diary's key, sealed to theirs). "
                    "By default it holds everything since the last export to them."))
    export.add_argument("--to", action="append", default=[], metavar="KEY",
                        help=_("a paired recipient: label, fingerprint, key or key file (repeat for several)"))
    export.add_argument("--since", metavar="DATE", help=_("first day to include (YYYY-MM-DD), or 'all' for everything "
                        "(default: since the last export to these recipients)"))
    export.add_argument("--passphrase-file", metavar="F", help=_("also write a passphrase-protected file, with the "
                        "passphrase in F (if F does not exist, a new passphrase is made and saved there)"))
    export.add_argument("--no-notes", action="store_true", help=_("leave the notes out"))
    export.add_argument("--label", metavar="NAME", help=_("how you are named in the file (remembered)"))
    export.add_argument("--out", required=True, metavar="FILE",
                        help=_("the file to write (with several recipients, one file each, named after them)"))

    import_ = commands.add_parser(
        "import", help=_("import patients' export files (clinician)"),
        description=_("Check and import export files into this clinician's caseload; one line per file. Exit status 0 "
                    "only if every file was imported or was already there."))
    import_.add_argument("files", nargs="+", metavar="FILE")
    import_.add_argument("--passphrase-file", metavar="F", help=_("the passphrase of passphrase-protected files"))
    import_.add_argument("--key-passphrase-file", metavar="F", help=_("the passphrase of this home's protected key"))


def run_export(args: argparse.Namespace) -> int:
    from diary.services.export import SINCE_LAST_EXPORT
    from diary.services.importing import describe_period

    since = None if args.since == "all" else parse_day(args.since, option="--since") if args.since else SINCE_LAST_EXPORT
    diary = open_home(args)
    try:
        passphrase, made = passphrase_for_writing(args.passphrase_file) if args.passphrase_file else (None, False)
        summary = diary.exports.export(to=args.to, out=Path(args.out).expanduser().absolute(), since=since,
                                       include_notes=not args.no_notes, passphrase=passphrase,
                                       patient_label=args.label)
    finally:
        diary.close()
    for file in summary.files:
        whom = _("anyone with the passphrase") if file.recipient == "passphrase" else file.recipient
        print(_("Wrote {file} ({size} bytes) for {whom}.").format(file=printable_name(file.path),
                                                                  size=number(file.size), whom=whom))
    c = summary.counts
    print(_("Export no. {seq}: {period}; {checkins}, {questionnaires}, {goals} ({ratings}); {notes}.").format(
        seq=summary.seq, period=describe_period(summary.period_start, summary.period_end),
        checkins=ngettext("{n} check-in", "{n} check-ins", c["checkins"]).format(n=c["checkins"]),
        questionnaires=ngettext("{n} questionnaire", "{n} questionnaires", c["questionnaires"]).format(
            n=c["questionnaires"]),
        goals=ngettext("{n} goal", "{n} goals", c["goals"]).format(n=c["goals"]),
        ratings=ngettext("{n} rating", "{n} ratings", c["ratings"]).format(n=c["ratings"]),
        notes=_("notes included") if summary.notes_included else _("notes left out")))
    if made:
        print(_("The passphrase was saved in {file}. Send it by another way than the file (say it, or text it), "
                "never together with the file.").format(file=printable_name(args.passphrase_file)))
    return 0


def run_import(args: argparse.Namespace) -> int:
    diary = open_home(args)
    try:
        if args.key_passphrase_file:
            diary.keys.unlock(read_passphrase_file(args.key_passphrase_file))
        passphrase = read_passphrase_file(args.passphrase_file) if args.passphrase_file else None
        results = diary.imports.import_files([Path(f).expanduser() for f in args.files], passphrase=passphrase)
    finally:
        diary.close()
    for name, result in zip(map(printable_name, args.files), results):  # a crafted name must not forge a line
        what = result.outcome.replace("_", " ") + (f" ({result.category})" if result.outcome == "refused" else "")
        where = _(" (first problem at {where})").format(where=result.where) if result.where else ""  # schema names
        print(f"{name}: {what} - {result.sentence}{where}")
        for warning in result.warnings:
            print(_("{name}: warning - {warning}").format(name=name, warning=warning))
    refused = sum(not r.ok for r in results)
    if len(results) > 1:
        print(_("{done} of {total} files imported or already there.").format(done=len(results) - refused,
                                                                            total=len(results)))
    return 0 if not refused else EXIT_NOT_DONE


COMMANDS = {"export": run_export, "import": run_import}
