"""`diary report` (the one-page clinician PDF) and `diary research-export` (the de-identified data set).

A thin veneer: parse, pick the records (services/records.py), call one function, print where the files
went. Failures are DiaryError sentences, printed by diary.cli.main with exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path

from diary.domain.errors import DiaryError
from diary.domain.names import printable_name

DEFAULT_WEEKS = 12
MAX_WEEKS = 520
SALT_NAME = "research-salt.txt"


def add_parsers(commands) -> None:
    report = commands.add_parser(
        "report", help="write the one-page summary PDF for a visit",
        description="Write a one-page A4 PDF: goals, pain/fatigue/stress and activity charts, questionnaire "
                    "scores with bands, flags. In a clinician's home, name the patient with --patient.")
    report.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF file to write")
    report.add_argument("--patient", metavar="LABEL", help="the patient (clinician's home only)")
    report.add_argument("--weeks", type=int, default=DEFAULT_WEEKS, metavar="N",
                        help=f"how many weeks back to summarise (default {DEFAULT_WEEKS})")
    report.add_argument("--include-notes", action="store_true",
                        help="in a patient's own home: put your notes in the summary (off by default)")

    research = commands.add_parser(
        "research-export", help="write a de-identified research data set (CSV + codebook, FHIR R4)",
        description="Write a de-identified data set to a new folder: tidy CSV files with a codebook and a README, "
                    "and one FHIR R4 bundle per patient. Patients appear only as study ids made with a keyed "
                    "hash; the salt file stays with you.")
    research.add_argument("--out", required=True, metavar="DIR", help="a new folder for the data set")
    research.add_argument("--patients", nargs="+", metavar="LABEL",
                          help="only these patients (clinician's home; default: everyone)")
    research.add_argument("--date-shift", action="store_true",
                          help="shift each patient's dates back by their own 1-52 whole weeks (weekdays kept)")
    research.add_argument("--salt-file", metavar="F",
                          help=f"the secret salt for study ids (default: HOME/{SALT_NAME}, made on first use); "
                               "keep it in the clinic, never send it with the data")
    research.add_argument("--include-notes", action="store_true", help="include free-text notes and rating comments")
    research.add_argument("--seal-to", metavar="KEY",
                          help="seal every file to the research team's public key (DIARY-BOX1:..., or a file "
                               "holding it)")
    research.add_argument("--no-fhir", action="store_true", help="write the CSV files only")


def _open(args):
    from diary.cli import _open as open_home  # the one way to open a home (honours --clinician)

    return open_home(args)


def run_report(args: argparse.Namespace) -> int:
    from diary.reports.summary_pdf import clinician_pdf
    from diary.services.files import describe_write_failure, write_atomically
    from diary.services.records import record_for_report

    if not 1 <= args.weeks <= MAX_WEEKS:
        raise DiaryError(f"--weeks must be from 1 to {MAX_WEEKS} (got {args.weeks}).")
    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".pdf":
        raise DiaryError(f"Give the summary a file name ending in .pdf (got {out.name}).")
    diary = _open(args)
    record = record_for_report(diary, args.patient, include_notes=args.include_notes)
    now = diary.clock()
    today = now.date()
    pdf = clinician_pdf(record, today=today, start=today - timedelta(weeks=args.weeks) + timedelta(days=1),
                        generated_at=now)
    try:
        write_atomically(out, pdf)
    except OSError as exc:
        raise describe_write_failure(exc, out, what="the summary") from None
    print(f"Wrote the {args.weeks}-week summary to {printable_name(out)}.")
    return 0


def _seal_key(text: str | None):
    if text is None:
        return None
    from diary.exchange import KeyFormatError, decode_recipient_key

    candidate = Path(text).expanduser()
    if not text.startswith("DIARY-") and candidate.is_file():
        try:
            text = candidate.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            raise DiaryError(f"Cannot read the key file {candidate}; give the key as text or a readable file.") from None
    try:
        return decode_recipient_key(text.strip())
    except KeyFormatError as exc:
        raise DiaryError(f"--seal-to: {exc}") from None


class _ProgressLine:
    """"Exported 12 of 40 patients" on one updating line (a tty), or every 100 patients (a log)."""

    def __init__(self, total: int | None):
        self.total, self.tty = total, sys.stderr.isatty()

    def __call__(self, done: int) -> None:
        of = f" of {self.total}" if self.total else ""
        if self.tty:
            print(f"\rExported {done}{of} patients", end="", file=sys.stderr, flush=True)
        elif done % 100 == 0:
            print(f"Exported {done}{of} patients", file=sys.stderr, flush=True)

    def end(self) -> None:
        if self.tty:
            print(file=sys.stderr)


def run_research_export(args: argparse.Namespace) -> int:
    from diary.research import ResearchOptions, export_research, load_or_create_salt
    from diary.services.records import records_for

    seal_to = _seal_key(args.seal_to)
    diary = _open(args)
    salt_path = Path(args.salt_file).expanduser() if args.salt_file else diary.home / SALT_NAME
    salt, created = load_or_create_salt(salt_path)
    options = ResearchOptions(salt=salt, date_shift=args.date_shift, include_notes=args.include_notes,
                              fhir=not args.no_fhir, seal_to=seal_to)
    if created:
        print(f"Made a new salt file {printable_name(salt_path)} (owner-only). Keep it in the clinic and back it up: the same "
              "salt gives the same study ids in later exports. Never send it with the data.")
    progress = _ProgressLine(len(args.patients) if args.patients else None)
    try:
        summary = export_research(records_for(diary, args.patients, include_notes=args.include_notes),
                                  Path(args.out).expanduser(), options=options, today=diary.clock().date(),
                                  progress=progress)
    finally:
        progress.end()
    sealed = " (sealed to the research team's key)" if seal_to else ""
    print(f"Wrote the data set of {summary.patients} "
          f"{'patient' if summary.patients == 1 else 'patients'} to {printable_name(summary.out)}{sealed}: "
          f"{len(summary.files)} files; see README.md and codebook.csv there.")
    return 0


COMMANDS = {"report": run_report, "research-export": run_research_export}
