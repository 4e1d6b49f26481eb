"""`diary caseload` and `diary rate-goal`: a clinician's patients at a glance, and the physio's own rating."""

from __future__ import annotations

import argparse
import json

from diary.cli.common import add_trial_options, open_home, parse_day, plural, trial_definition

def add_parsers(commands) -> None:
    caseload = commands.add_parser("caseload", help="every patient's latest figures and flags (clinician)",
                                   description="One line per patient, then the trial's figure.")
    caseload.add_argument("--json", action="store_true", help="print JSON")
    caseload.add_argument("--sort", default="label", help="label, last_export, days_logged, main_goal, phq15, "
                          "phq15_change or flags (default label)")
    caseload.add_argument("--desc", action="store_true", help="sort descending")
    caseload.add_argument("--flag", action="append", default=[], metavar="FLAG",
                          help="only patients with this flag: phq9_item9, no_entry_7_days, phq15_up_3, stale_export")
    add_trial_options(caseload)

    rate = commands.add_parser("rate-goal", help="add your own rating of a patient's goal (clinician)",
                               description="Record the physiotherapist's rating of a patient's goal at a visit.")
    rate.add_argument("label", metavar="PATIENT", help="the patient's label")
    rate.add_argument("goal", metavar="GOAL", help="the goal's id (or its first characters)")
    rate.add_argument("--level", type=int, choices=(-2, -1, 0, 1, 2), help="GAS level")
    rate.add_argument("--category", choices=("fully", "partially", "not"), help="attainment, for goals without levels")
    rate.add_argument("--worse", action="store_true", help="not attained and worse than at the start (GAS -2; "
                      "without it 'not' means the goal's baseline level)")
    rate.add_argument("--date", metavar="YYYY-MM-DD", help="the day of the visit (default today)")
    rate.add_argument("--comment", help="a comment")


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
    rule = {"patient": "the patient's", "physiotherapist": "the physiotherapist's",
            "physiotherapist_else_patient": "the physiotherapist's, else the patient's"}[f.rule.value]
    used = ", ".join(f"{who} for {n}" for who, n in sorted(f.raters_used.items())) or "nobody rated yet"
    return [
        f"Trial figure for {plural(f.patients, 'patient')}; ratings counted: {rule} ({used}); assessment: "
        f"{f.assessment.describe()}.",
        f"  Main goal fully attained: {f.main_itt.text} of patients with a main goal (intention to treat: "
        f"unrated counts as not attained); {f.main_complete.text} of complete cases (main goal rated).",
        f"  All intermediate goals fully attained: {f.intermediate_itt.text} of patients with a main goal "
        f"(intention to treat); {f.intermediate_complete.text} of complete cases (every intermediate goal rated).",
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
        print("No patients yet: pin one with 'diary --clinician pair KEY --label NAME'.")
        return 0
    header = f"{'patient':<20} {'last export':<11} {'days/14':>7}  {'main goal':<24} {'PHQ-15':>11}  flags"
    print(header)
    for r in rows:
        goal = (f"{r.main_goal_category.value} ({'physio' if r.main_goal_rater.value == 'physiotherapist' else 'patient'})"
                + (f", {r.main_goal_trend.value.replace('_', ' ')}" if r.main_goal_trend else "")) \
            if r.main_goal_category else "-"
        phq = "-" if r.phq15 is None else f"{r.phq15:g}" + (f" ({r.phq15_change:+g})" if r.phq15_change is not None else "")
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
    level = f"level {rating.level:+d}, " if rating.level is not None else ""
    print(f"Saved your rating of {args.label}'s goal for {rating.rated_on.isoformat()}: {level}{rating.category.value} "
          "attained.")
    return 0


COMMANDS = {"caseload": run_caseload, "rate-goal": run_rate_goal}
