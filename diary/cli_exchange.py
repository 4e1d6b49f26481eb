"""`diary key | pair | export | import | caseload | rate-goal`: the physiotherapist loop from the terminal.

A thin veneer over diary.services (pairing, export, importing, caseload): parse, call, print. A
clinician's home is made or opened with the global option --clinician (`diary --clinician import F`).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from diary.config import data_dir
from diary.domain.errors import DiaryError, ValidationFailed
from diary.domain.names import printable_name

_PASSPHRASE_MAX_CHARS = 1000
EXIT_SOME_REFUSED = 1


def add_parsers(commands) -> None:
    key = commands.add_parser(
        "key", help="print this home's public key and fingerprint",
        description="Print this home's public key (a clinician's encryption key, or a patient's signing key) and "
                    "its fingerprint. 'diary key > my.key' makes a key file to hand over.")
    key.add_argument("--protect", action="store_true", help="protect the private key with the passphrase in "
                     "--passphrase-file (made there if the file does not exist)")
    key.add_argument("--unprotect", action="store_true", help="remove the passphrase protection")
    key.add_argument("--passphrase-file", metavar="F", help="the key's passphrase, for --protect or --unprotect")

    pair = commands.add_parser(
        "pair", help="add the other side's key and print the safety number",
        description="A patient adds a physiotherapist's key; a clinician (--clinician) pins a patient's signing key "
                    "under a label. Both screens then show the same safety number: compare it in person.")
    pair.add_argument("key", metavar="KEY", help="the key as text (DIARY-BOX1:… or DIARY-SIG1:…) or a key file")
    pair.add_argument("--label", metavar="NAME", help="who this is (required for a clinician pinning a patient)")
    pair.add_argument("--re-pair", action="store_true",
                      help="replace the key paired under this label (after comparing the safety number in person)")

    export = commands.add_parser(
        "export", help="write a signed, encrypted export for your physiotherapist",
        description="Write an export file for each recipient (signed with this diary's key, sealed to theirs). "
                    "By default it holds everything since the last export to them.")
    export.add_argument("--to", action="append", default=[], metavar="KEY",
                        help="a paired recipient: label, fingerprint, key or key file (repeat for several)")
    export.add_argument("--since", metavar="DATE", help="first day to include (YYYY-MM-DD), or 'all' for everything "
                        "(default: since the last export to these recipients)")
    export.add_argument("--passphrase-file", metavar="F", help="also write a passphrase-protected file, with the "
                        "passphrase in F (if F does not exist, a new passphrase is made and saved there)")
    export.add_argument("--no-notes", action="store_true", help="leave the notes out")
    export.add_argument("--label", metavar="NAME", help="how you are named in the file (remembered)")
    export.add_argument("--out", required=True, metavar="FILE",
                        help="the file to write (with several recipients, one file each, named after them)")

    import_ = commands.add_parser(
        "import", help="import patients' export files (clinician)",
        description="Check and import export files into this clinician's caseload; one line per file. Exit status 0 "
                    "only if every file was imported or was already there.")
    import_.add_argument("files", nargs="+", metavar="FILE")
    import_.add_argument("--passphrase-file", metavar="F", help="the passphrase of passphrase-protected files")
    import_.add_argument("--key-passphrase-file", metavar="F", help="the passphrase of this home's protected key")

    caseload = commands.add_parser("caseload", help="every patient's latest figures and flags (clinician)",
                                   description="One line per patient, then the trial's figure.")
    caseload.add_argument("--json", action="store_true", help="print JSON")
    caseload.add_argument("--sort", default="label", help="label, last_export, days_logged, main_goal, phq15, "
                          "phq15_change or flags (default label)")
    caseload.add_argument("--desc", action="store_true", help="sort descending")
    caseload.add_argument("--flag", action="append", default=[], metavar="FLAG",
                          help="only patients with this flag: phq9_item9, no_entry_7_days, phq15_up_3, stale_export")

    rate = commands.add_parser("rate-goal", help="add your own rating of a patient's goal (clinician)",
                               description="Record the physiotherapist's rating of a patient's goal at a visit.")
    rate.add_argument("label", metavar="PATIENT", help="the patient's label")
    rate.add_argument("goal", metavar="GOAL", help="the goal's id (or its first characters)")
    rate.add_argument("--level", type=int, choices=(-2, -1, 0, 1, 2), help="GAS level")
    rate.add_argument("--category", choices=("fully", "partially", "not"), help="attainment, for goals without levels")
    rate.add_argument("--date", metavar="YYYY-MM-DD", help="the day of the visit (default today)")
    rate.add_argument("--comment", help="a comment")


def _open(args: argparse.Namespace):
    from diary.services.bootstrap import open_diary

    return open_diary(data_dir(args.home), role="clinician" if getattr(args, "clinician", False) else None)


def _read_passphrase(name: str) -> str:
    try:
        text = Path(name).expanduser().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise DiaryError(f"Cannot read the passphrase file {name} ({getattr(exc, 'strerror', None) or 'not text'}).") from None
    if not text or len(text) > _PASSPHRASE_MAX_CHARS or "\n" in text:
        raise DiaryError(f"The passphrase file {name} must hold the passphrase on one line.")
    return text


def _passphrase_for_writing(name: str) -> tuple[str, bool]:
    """(passphrase, made) from F; if F does not exist a new passphrase is made and saved there (0600)."""
    path = Path(name).expanduser()
    if path.exists():
        return _read_passphrase(name), False
    from diary.exchange.passphrase import generate_passphrase
    from diary.services.files import describe_write_failure, write_atomically

    words = generate_passphrase()
    try:
        write_atomically(path, (words + "\n").encode("utf-8"), exclusive=True)
    except OSError as exc:
        raise describe_write_failure(exc, path, what="the passphrase file") from None
    return words, True


def _day(value: str | None, *, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationFailed(f"{option} must be a date written YYYY-MM-DD (got {value!r}).") from None


def run_key(args: argparse.Namespace) -> int:
    diary = _open(args)
    if args.protect or args.unprotect:
        if not args.passphrase_file:
            raise ValidationFailed("Give the key's passphrase with --passphrase-file F.")
        if args.protect:
            words, made = _passphrase_for_writing(args.passphrase_file)
            diary.keys.protect(words)
            where = f" (a new passphrase was made and saved in {args.passphrase_file}; keep it apart from this home)" \
                if made else ""
            print(f"The private key is now protected by the passphrase{where}.")
        else:
            diary.keys.unprotect(_read_passphrase(args.passphrase_file))
            print("The private key is no longer protected by a passphrase (the file stays owner-only).")
        return 0
    own = diary.pairing.own_key()
    kind = ("a clinician's encryption key: patients add it with 'diary pair KEY'" if own.role == "clinician"
            else "a patient's signing key: the physiotherapist pins it with 'diary --clinician pair KEY --label NAME'")
    print(own.text)
    print(f"fingerprint {own.fingerprint_groups}")
    print(f"({kind})")
    return 0


def run_pair(args: argparse.Namespace) -> int:
    diary = _open(args)
    service = diary.pairing
    if sys.stdin.isatty() and sys.stdout.isatty():
        preview = service.preview(args.key)
        print(f"Safety number:\n    {preview.safety_number}")
        answer = input("Does the other screen show exactly the same number? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Not paired: the numbers must match. Check that you have the right key.")
            return 1
    pairing = service.pair(args.key, label=args.label, re_pair=args.re_pair)
    verb = {"paired": "Paired", "already_paired": "Already paired", "re_paired": "Re-paired"}[pairing.outcome]
    print(f"{verb} \"{pairing.label}\" (fingerprint {pairing.fingerprint[:16]}…).")
    print(f"Safety number (both screens must show the same):\n    {pairing.safety_number}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from diary.services.export import SINCE_LAST_EXPORT
    from diary.services.importing import describe_period

    since = None if args.since == "all" else _day(args.since, option="--since") if args.since else SINCE_LAST_EXPORT
    diary = _open(args)
    passphrase, made = (_passphrase_for_writing(args.passphrase_file) if args.passphrase_file else (None, False))
    summary = diary.exports.export(to=args.to, out=Path(args.out).expanduser().absolute(), since=since,
                                   include_notes=not args.no_notes, passphrase=passphrase, patient_label=args.label)
    for file in summary.files:
        whom = "anyone with the passphrase" if file.recipient == "passphrase" else file.recipient
        print(f"Wrote {printable_name(file.path)} ({file.size:,} bytes) for {whom}.")
    c = summary.counts
    print(f"Export no. {summary.seq}: {describe_period(summary.period_start, summary.period_end)}; {c['checkins']} "
          f"check-ins, {c['questionnaires']} questionnaires, {c['goals']} goals ({c['ratings']} ratings); notes "
          f"{'included' if summary.notes_included else 'left out'}.")
    if made:
        print(f"The passphrase was saved in {printable_name(args.passphrase_file)}. Send it by another way than "
              "the file (say it, or text it), never together with the file.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    diary = _open(args)
    if args.key_passphrase_file:
        diary.keys.unlock(_read_passphrase(args.key_passphrase_file))
    passphrase = _read_passphrase(args.passphrase_file) if args.passphrase_file else None
    results = diary.imports.import_files([Path(f).expanduser() for f in args.files], passphrase=passphrase)
    for name, result in zip(map(printable_name, args.files), results):  # a crafted name must not forge a line
        what = result.outcome.replace("_", " ") + (f" ({result.category})" if result.outcome == "refused" else "")
        where = f" (first problem at {result.where})" if result.where else ""  # schema names only, no content
        print(f"{name}: {what} - {result.sentence}{where}")
        for warning in result.warnings:
            print(f"{name}: warning - {warning}")
    refused = sum(not r.ok for r in results)
    if len(results) > 1:
        print(f"{len(results) - refused} of {len(results)} files imported or already there.")
    return 0 if not refused else EXIT_SOME_REFUSED


def _row_json(row) -> dict:
    return {
        "label": row.label, "exported_at": row.exported_at and row.exported_at.isoformat(),
        "period_start": row.period_start and row.period_start.isoformat(),
        "period_end": row.period_end and row.period_end.isoformat(), "days_logged_14": row.days_logged,
        "last_day": row.last_day and row.last_day.isoformat(), "main_goal": row.main_goal_title,
        "main_goal_category": row.main_goal_category and row.main_goal_category.value,
        "main_goal_trend": row.main_goal_trend and row.main_goal_trend.value, "phq15": row.phq15,
        "phq15_change": row.phq15_change, "flags": list(row.flags),
    }


def _share(numerator: int, denominator: int) -> str:
    return f"{numerator}/{denominator} ({round(100 * numerator / denominator)}%)" if denominator else "no ratings yet"


def run_caseload(args: argparse.Namespace) -> int:
    diary = _open(args)
    rows = diary.caseload.rows(sort=args.sort, descending=args.desc, flags=args.flag)
    figure = diary.caseload.trial_figure([r.label for r in rows])
    if args.json:
        print(json.dumps({"patients": [_row_json(r) for r in rows], "trial_figure": {
            "patients": figure.patients, "main_rated": figure.main_rated, "main_fully": figure.main_fully,
            "main_share": figure.main_share, "intermediate_rated": figure.intermediate_rated,
            "intermediate_all_fully": figure.intermediate_all_fully,
            "intermediate_share": figure.intermediate_share}}, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print("No patients yet: pin one with 'diary --clinician pair KEY --label NAME'.")
        return 0
    header = f"{'patient':<20} {'last export':<11} {'days/14':>7}  {'main goal':<17} {'PHQ-15':>11}  flags"
    print(header)
    for r in rows:
        goal = (f"{r.main_goal_category.value}" + (f", {r.main_goal_trend.value.replace('_', ' ')}"
                if r.main_goal_trend else "")) if r.main_goal_category else "-"
        phq = "-" if r.phq15 is None else f"{r.phq15:g}" + (f" ({r.phq15_change:+g})" if r.phq15_change is not None else "")
        print(f"{r.label[:20]:<20} {r.exported_at.date().isoformat() if r.exported_at else '-':<11} "
              f"{r.days_logged:>7}  {goal[:17]:<17} {phq:>11}  {'; '.join(r.flag_texts) or '-'}")
    print(f"Trial figure ({figure.patients} patients): main goal fully attained {_share(figure.main_fully, figure.main_rated)}; "
          f"all intermediate goals fully attained {_share(figure.intermediate_all_fully, figure.intermediate_rated)}.")
    return 0


def run_rate_goal(args: argparse.Namespace) -> int:
    diary = _open(args)
    rating = diary.caseload.rate_goal(args.label, args.goal, level=args.level, category=args.category,
                                      rated_on=_day(args.date, option="--date"), comment=args.comment)
    level = f"level {rating.level:+d}, " if rating.level is not None else ""
    print(f"Saved your rating of {args.label}'s goal for {rating.rated_on.isoformat()}: {level}{rating.category.value} "
          "attained.")
    return 0


COMMANDS = {"key": run_key, "pair": run_pair, "export": run_export, "import": run_import, "caseload": run_caseload,
            "rate-goal": run_rate_goal}
