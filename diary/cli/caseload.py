"""`diary caseload` and `diary rate-goal`: a clinician's patients at a glance, and the physio's own rating."""

from __future__ import annotations

import argparse
import json

from diary.cli.common import add_trial_options, open_home, parse_day, rating_words, trial_definition
from diary.domain.errors import shown
from diary.i18n import N_, _, ngettext, words
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
    add_trial_options(caseload)

    rate = commands.add_parser("rate-goal", help=_("add your own rating of a patient's goal (clinician)"),
                               description=_("Record the physiotherapist's rating of a patient's goal at a visit."))
    rate.add_argument("label", metavar="PATIENT", help=_("the patient's label"))
    rate.add_argument("goal", metavar="GOAL", help=_("the goal's id (or its first characters)"))
    rate.add_argument("--level", type=int, choices=(-2, -1, 0, 1, 2), help=_("GAS level"))
    rate.add_argument("--category", choices=("fully", "partially", "not"), help=_("attainment, for goals without levels"))
    rate.add_argument("--worse", action="store_true", help=_("not attained and worse than at the start (GAS -2; "
                      "without it 'not' means the goal's baseline level)"))
    rate.add_argument("--date", metavar="YYYY-MM-DD", help=_("the day of the visit (default today)"))
    rate.add_argument("--comment", help=_("a comment"))


def _row_json(row) -> dict:
    return {
        "label": row.label, "exported_at": row.exported_at and row.exported_at.isoformat(),
        "period_start": row.period_start and row.period_start.isoformat(),
        "period_end": row.period_end and row.period_end.isoformat(), "days_logged_14": row.days_logged,
        "last_day": row.last_day and row.last_day.isoformat(), "main_goal": row.main_goal_title,
        "main_goal_category": row.main_goal_category and row.main_goal_category.value,
        "main_goal_rater": row.main_goal_rater and row.main_goal_rater.value,
        "main_goal_trend": row.main_goal_trend and row.main_goal_trend.value, "phq15": row.phq15,
        "phq15_change": row.phq15_change, "flags": list(row.flags),
    }


def _outcome_json(label: str, o) -> dict:
    return {"label": label, "rater": o.rater and o.rater.value, "assessed_on": o.assessed_on and o.assessed_on.isoformat(),
            "main_goal": o.main and o.main.value, "intermediate_goals": o.intermediate and o.intermediate.value,
            "n_intermediate_total": o.n_intermediate_total, "n_intermediate_rated": o.n_intermediate_rated,
            "n_intermediate_fully": o.n_intermediate_fully, "all_intermediate_fully": o.all_intermediate_fully}


def _figure_json(f) -> dict:
    def share(s):
        return {"k": s.k, "n": s.n, "text": s.text}
    return {"rater": f.rule.value, "assessment": f.assessment.describe(), "patients": f.patients,
            "main_fully_itt": share(f.main_itt), "main_fully_complete_cases": share(f.main_complete),
            "intermediate_all_fully_itt": share(f.intermediate_itt),
            "intermediate_all_fully_complete_cases": share(f.intermediate_complete), "raters_used": f.raters_used}


def figure_lines(f) -> list[str]:
    """The trial figure in words, both denominators side by side (the caseload screen says the same)."""
    rule = {"patient": _("the patient's"), "physiotherapist": _("the physiotherapist's"),
            "physiotherapist_else_patient": _("the physiotherapist's, else the patient's")}[f.rule.value]
    used = ", ".join(_("{who} for {n}").format(who=words.rater(who), n=n) for who, n in sorted(f.raters_used.items())) \
        or _("nobody rated yet")
    return [
        ngettext("Trial figure for {n} patient; ratings counted: {rule} ({used}); assessment: {assessment}.",
                 "Trial figure for {n} patients; ratings counted: {rule} ({used}); assessment: {assessment}.",
                 f.patients).format(n=f.patients, rule=rule, used=used, assessment=shown(f.assessment.describe())),
        _("  Main goal fully attained: {itt} of patients with a main goal (intention to treat: unrated counts as not "
          "attained); {complete} of complete cases (main goal rated).").format(itt=shown(f.main_itt.text),
                                                                              complete=shown(f.main_complete.text)),
        _("  All intermediate goals fully attained: {itt} of patients with a main goal (intention to treat); "
          "{complete} of complete cases (every intermediate goal rated).").format(
            itt=shown(f.intermediate_itt.text), complete=shown(f.intermediate_complete.text)),
    ]


def run_caseload(args: argparse.Namespace) -> int:
    rule, assessment = trial_definition(args)
    diary = open_home(args)
    try:
        rows = diary.caseload.rows(sort=args.sort, descending=args.desc, flags=args.flag)
        labels = [r.label for r in rows]
        outcomes = diary.caseload.trial_outcomes(labels, rule=rule, assessment=assessment)
        figure = diary.caseload.trial_figure(labels, rule=rule, assessment=assessment)
    finally:
        diary.close()
    if args.json:
        print(json.dumps({"patients": [_row_json(r) for r in rows], "trial_figure": _figure_json(figure),
                          "trial_outcomes": [_outcome_json(label, o) for label, o in outcomes]},
                         indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print(_("No patients yet: pin one with 'diary --clinician pair KEY --label NAME'."))
        return 0
    header = (f"{_('patient'):<20} {_('last export'):<11} {_('days/14'):>7}  {_('main goal'):<24} {'PHQ-15':>11}  "
              f"{_('flags')}")
    print(header)
    for r in rows:
        goal = (f"{words.category_short(r.main_goal_category.value)} ({words.rater(r.main_goal_rater.value)})"
                + (f", {words.trend(r.main_goal_trend.value)}" if r.main_goal_trend else "")) \
            if r.main_goal_category else "-"
        phq = "-" if r.phq15 is None else score(r.phq15) + (f" ({signed(r.phq15_change, 1, trim=True)})"
                                                             if r.phq15_change is not None else "")
        print(f"{r.label[:20]:<20} {r.exported_at.date().isoformat() if r.exported_at else '-':<11} "
              f"{r.days_logged:>7}  {goal[:24]:<24} {phq:>11}  {'; '.join(r.flag_texts) or '-'}")
    print("\n".join(figure_lines(figure)))
    return 0


def run_rate_goal(args: argparse.Namespace) -> int:
    diary = open_home(args)
    try:
        rating = diary.caseload.rate_goal(args.label, args.goal, level=args.level, category=args.category,
                                          worse=args.worse, rated_on=parse_day(args.date, option="--date"),
                                          comment=args.comment)
    finally:
        diary.close()
    print(_("Saved your rating of {label}'s goal for {day}: {what}.").format(
        label=args.label, day=rating.rated_on.isoformat(), what=rating_words(rating)))
    return 0


COMMANDS = {"caseload": run_caseload, "rate-goal": run_rate_goal}
