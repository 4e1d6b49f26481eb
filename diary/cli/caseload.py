"""`diary caseload` and `diary rate-goal`: a clinician's patients at a glance, and the physio's own rating."""

from __future__ import annotations

import argparse
import json

from diary.cli.common import open_home, parse_day, rating_words
from diary.i18n import _, ngettext, words
from diary.i18n.formats import percent, score, signed


def add_parsers(commands) -> None:
    caseload = commands.add_parser("caseload", help=_("every patient's latest figures and flags (clinician)"),
                                   description=_("One line per patient, then the trial's figure."))
    caseload.add_argument("--json", action="store_true", help=_("print JSON"))
    caseload.add_argument("--sort", default="label", help=_("label, last_export, days_logged, main_goal, phq15, "
                          "phq15_change or flags (default label)"))
    caseload.add_argument("--desc", action="store_true", help=_("sort descending"))
    caseload.add_argument("--flag", action="append", default=[], metavar="FLAG",
                          help=_("only patients with this flag: phq9_item9, no_entry_7_days, phq15_up_3, stale_export"))

    rate = commands.add_parser("rate-goal", help=_("add your own rating of a patient's goal (clinician)"),
                               description=_("Record the physiotherapist's rating of a patient's goal at a visit."))
    rate.add_argument("label", metavar="PATIENT", help=_("the patient's label"))
    rate.add_argument("goal", metavar="GOAL", help=_("the goal's id (or its first characters)"))
    rate.add_argument("--level", type=int, choices=(-2, -1, 0, 1, 2), help=_("GAS level"))
    rate.add_argument("--category", choices=("fully", "partially", "not"), help=_("attainment, for goals without levels"))
    rate.add_argument("--date", metavar="YYYY-MM-DD", help=_("the day of the visit (default today)"))
    rate.add_argument("--comment", help=_("a comment"))


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
    if not denominator:
        return _("no ratings yet")
    return f"{numerator}/{denominator} ({percent(numerator / denominator)})"


def run_caseload(args: argparse.Namespace) -> int:
    diary = open_home(args)
    try:
        rows = diary.caseload.rows(sort=args.sort, descending=args.desc, flags=args.flag)
        figure = diary.caseload.trial_figure([r.label for r in rows])
    finally:
        diary.close()
    if args.json:
        print(json.dumps({"patients": [_row_json(r) for r in rows], "trial_figure": {
            "patients": figure.patients, "main_rated": figure.main_rated, "main_fully": figure.main_fully,
            "main_share": figure.main_share, "intermediate_rated": figure.intermediate_rated,
            "intermediate_all_fully": figure.intermediate_all_fully,
            "intermediate_share": figure.intermediate_share}}, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print(_("No patients yet: pin one with 'diary --clinician pair KEY --label NAME'."))
        return 0
    header = (f"{_('patient'):<20} {_('last export'):<11} {_('days/14'):>7}  {_('main goal'):<17} {'PHQ-15':>11}  "
              f"{_('flags')}")
    print(header)
    for r in rows:
        goal = (words.category(r.main_goal_category.value) + (f", {words.trend(r.main_goal_trend.value)}"
                if r.main_goal_trend else "")) if r.main_goal_category else "-"
        phq = "-" if r.phq15 is None else score(r.phq15) + (f" ({signed(r.phq15_change, 1, trim=True)})"
                                                             if r.phq15_change is not None else "")
        print(f"{r.label[:20]:<20} {r.exported_at.date().isoformat() if r.exported_at else '-':<11} "
              f"{r.days_logged:>7}  {goal[:17]:<17} {phq:>11}  {'; '.join(r.flag_texts) or '-'}")
    print(ngettext("Trial figure ({n} patient): main goal fully attained {main}; all intermediate goals fully "
                   "attained {intermediate}.",
                   "Trial figure ({n} patients): main goal fully attained {main}; all intermediate goals fully "
                   "attained {intermediate}.", figure.patients).format(
        n=figure.patients, main=_share(figure.main_fully, figure.main_rated),
        intermediate=_share(figure.intermediate_all_fully, figure.intermediate_rated)))
    return 0


def run_rate_goal(args: argparse.Namespace) -> int:
    diary = open_home(args)
    try:
        rating = diary.caseload.rate_goal(args.label, args.goal, level=args.level, category=args.category,
                                          rated_on=parse_day(args.date, option="--date"), comment=args.comment)
    finally:
        diary.close()
    print(_("Saved your rating of {label}'s goal for {day}: {what}.").format(
        label=args.label, day=rating.rated_on.isoformat(), what=rating_words(rating)))
    return 0


COMMANDS = {"caseload": run_caseload, "rate-goal": run_rate_goal}
