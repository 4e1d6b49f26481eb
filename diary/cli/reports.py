"""`diary report` (the one-page clinician PDF) and `diary research-export` (the de-identified data set).

A thin veneer over diary.services.summaries and .research_export: parse, call one service, print where
the files went. Failures are DiaryError sentences, printed by diary.cli.main with exit status 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from diary.cli.common import ProgressLine, add_trial_options, open_home, trial_definition
from diary.domain.names import printable_name
from diary.i18n import LANGUAGES, _, environment_language, in_language, ngettext
from diary.services.research_export import SALT_NAME
from diary.services.summaries import DEFAULT_WEEKS


def add_parsers(commands) -> None:
    report = commands.add_parser(
        "report", help=_("write the one-page summary PDF for a visit"),
        description=_("Write a one-page A4 PDF: goals, pain/fatigue/stress and activity charts, questionnaire "
                    "scores with bands, flags. In a clinician's home, name the patient with --patient."))
    report.add_argument("--out", required=True, metavar="FILE.pdf", help=_("the PDF file to write"))
    report.add_argument("--patient", metavar="LABEL", help=_("the patient (clinician's home only)"))
    report.add_argument("--weeks", type=int, default=DEFAULT_WEEKS, metavar="N",
                        help=_("how many weeks back to summarise (default {weeks})").format(weeks=DEFAULT_WEEKS))
    report.add_argument("--include-notes", action="store_true",
                        help=_("in a patient's own home: put your notes in the summary (off by default)"))
    report.add_argument("--lang", dest="report_lang", choices=list(LANGUAGES), default=None,
                        help=_("the summary's language (default: the global --lang, else the one chosen in the app's "
                             "Settings, else LANG)"))

    research = commands.add_parser(
        "research-export", help=_("write a de-identified research data set (CSV + codebook, FHIR R4)"),
        description=_("Write a de-identified data set to a new folder: tidy CSV files with a codebook and a README, "
                    "and one FHIR R4 bundle per patient. Patients appear only as study ids made with a keyed "
                    "hash; the salt file stays with you."))
    research.add_argument("--out", required=True, metavar="DIR", help=_("a new folder for the data set"))
    research.add_argument("--patients", nargs="+", metavar="LABEL",
                          help=_("only these patients (clinician's home; default: everyone)"))
    research.add_argument("--date-shift", action="store_true",
                          help=_("shift each patient's dates back by their own 1-52 whole weeks (weekdays kept)"))
    research.add_argument("--salt-file", metavar="F",
                          help=_("the secret salt for study ids (default: HOME/{file}, made on first use); keep it "
                                 "in the clinic, never send it with the data").format(file=SALT_NAME))
    research.add_argument("--include-notes", action="store_true", help=_("include free-text notes and rating comments"))
    research.add_argument("--seal-to", metavar="KEY",
                          help=_("seal every file to the research team's public key (DIARY-BOX1:..., or a file "
                               "holding it)"))
    research.add_argument("--no-fhir", action="store_true", help=_("write the CSV files only"))
    research.add_argument("--workers", type=int, metavar="N",
                          help=_("processes that build the patients' rows side by side (default: 2 on a machine "
                                 "with 2 or more cores and 20 or more patients, else 1); the files are the same "
                                 "whatever the number"))
    add_trial_options(research)


def run_report(args: argparse.Namespace) -> int:
    from diary.services.summaries import pdf_path, weeks_period, write_summary

    period = weeks_period(args.weeks)
    out = pdf_path(Path(args.out).expanduser())
    diary = open_home(args)
    try:
        with in_language(report_language(args, diary)):
            write_summary(diary, out, period=period, patient=args.patient, include_notes=args.include_notes)
    finally:
        diary.close()
    print(ngettext("Wrote the {n}-week summary to {file}.", "Wrote the {n}-week summary to {file}.",
                   args.weeks).format(n=args.weeks, file=printable_name(out)))
    return 0


def report_language(args: argparse.Namespace, diary) -> str:
    """The PDF's language: `report --lang`, the global --lang, the home's (Settings → Language; a clinician's
    home: the clinician's), else the environment's (LANG), else English."""
    return args.report_lang or args.lang or diary.language() or environment_language() or "en"


def _say_new_salt(path: Path) -> None:
    print(_("Made a new salt file {file} (owner-only). Keep it in the clinic and back it up: the same salt gives "
            "the same study ids in later exports. Never send it with the data.").format(file=printable_name(path)))


def run_research_export(args: argparse.Namespace) -> int:
    from diary.services.research_export import export_data_set, read_team_key

    seal_to = read_team_key(args.seal_to) if args.seal_to is not None else None
    rule, assessment = trial_definition(args)
    diary = open_home(args)
    progress = ProgressLine(len(args.patients) if args.patients else None,
                            of_total=_("Exported {done} of {total} patients"), alone=_("Exported {done} patients"))
    try:
        summary = export_data_set(
            diary, Path(args.out).expanduser(), labels=args.patients, date_shift=args.date_shift,
            include_notes=args.include_notes, fhir=not args.no_fhir, seal_to=seal_to,
            salt_file=Path(args.salt_file).expanduser() if args.salt_file else None, progress=progress,
            on_new_salt=_say_new_salt, trial_rule=rule, trial_assessment=assessment, workers=args.workers)
    finally:
        progress.end()
        diary.close()
    sealed = _(" (sealed to the research team's key)") if seal_to else ""
    print(ngettext("Wrote the data set of {n} patient to {folder}{sealed}: {files} files; see README.md and "
                   "codebook.csv there.",
                   "Wrote the data set of {n} patients to {folder}{sealed}: {files} files; see README.md and "
                   "codebook.csv there.", summary.patients).format(
        n=summary.patients, folder=printable_name(summary.out), sealed=sealed, files=len(summary.files)))
    return 0


COMMANDS = {"report": run_report, "research-export": run_research_export}
