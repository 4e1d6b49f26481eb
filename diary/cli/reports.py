"""`diary report` (the one-page clinician PDF) and `diary research-export` (the de-identified data set).

A thin veneer over diary.services.summaries and .research_export: parse, call one service, print where
the files went. Failures are DiaryError sentences, printed by diary.cli.main with exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from diary.cli.common import ProgressLine, add_trial_options, open_home, plural, trial_definition
from diary.domain.names import printable_name
from diary.services.research_export import SALT_NAME
from diary.services.summaries import DEFAULT_WEEKS


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
    add_trial_options(research)


def run_report(args: argparse.Namespace) -> int:
    from diary.services.summaries import pdf_path, weeks_period, write_summary

    period = weeks_period(args.weeks)
    out = pdf_path(Path(args.out).expanduser())
    diary = open_home(args)
    try:
        write_summary(diary, out, period=period, patient=args.patient, include_notes=args.include_notes)
    finally:
        diary.close()
    print(f"Wrote the {args.weeks}-week summary to {printable_name(out)}.")
    return 0


def _say_new_salt(path: Path) -> None:
    print(f"Made a new salt file {printable_name(path)} (owner-only). Keep it in the clinic and back it up: the "
          "same salt gives the same study ids in later exports. Never send it with the data.")


def run_research_export(args: argparse.Namespace) -> int:
    from diary.services.research_export import export_data_set, read_team_key

    seal_to = read_team_key(args.seal_to) if args.seal_to is not None else None
    rule, assessment = trial_definition(args)
    diary = open_home(args)
    progress = ProgressLine(len(args.patients) if args.patients else None, doing="Exported")
    try:
        summary = export_data_set(
            diary, Path(args.out).expanduser(), labels=args.patients, date_shift=args.date_shift,
            include_notes=args.include_notes, fhir=not args.no_fhir, seal_to=seal_to,
            salt_file=Path(args.salt_file).expanduser() if args.salt_file else None, progress=progress,
            on_new_salt=_say_new_salt, trial_rule=rule, trial_assessment=assessment)
    finally:
        progress.end()
        diary.close()
    sealed = " (sealed to the research team's key)" if seal_to else ""
    print(f"Wrote the data set of {plural(summary.patients, 'patient')} to {printable_name(summary.out)}{sealed}: "
          f"{len(summary.files)} files; see README.md and codebook.csv there.")
    return 0


COMMANDS = {"report": run_report, "research-export": run_research_export}
