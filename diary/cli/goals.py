"""`diary goal ...` and `diary plan ...`: enough to script a patient's goals, ratings and plan."""

from __future__ import annotations

import argparse
import json

from diary.cli.common import open_home, parse_day
from diary.domain.errors import ValidationFailed
from diary.domain.trial import DEFAULT_RATER_RULE, RaterRule


def add_parsers(commands) -> None:
    goal = commands.add_parser("goal", help="main and intermediate goals, and their ratings",
                               description="Add, rate and list goals.")
    sub = goal.add_subparsers(dest="goal_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="add a goal", description="Add a main goal, or an intermediate goal with --main.")
    add.add_argument("--title", required=True, help="the goal in a few words")
    add.add_argument("--type", choices=["main", "intermediate"], help="default: intermediate with --main, else main")
    add.add_argument("--main", metavar="GOAL", help="the main goal an intermediate goal leads to (id or its start)")
    add.add_argument("--measure", help="what will be done or measured")
    add.add_argument("--baseline", help="where you start, in words")
    add.add_argument("--target", help="how much, in words")
    add.add_argument("--start", metavar="YYYY-MM-DD", help="start date (default today)")
    add.add_argument("--target-date", metavar="YYYY-MM-DD", help="by when")
    add.add_argument("--level", action="append", default=[], metavar="N=TEXT",
                     help="a GAS level description, e.g. --level=-2='no walks' (give all five: -2 -1 0 1 2)")
    add.add_argument("--baseline-level", type=int, choices=[-1, -2], default=-1, help="GAS level at the start")
    add.add_argument("--weight", type=float, default=1.0, help="weight in the T-score (default 1)")
    add.add_argument("--json", action="store_true")

    rate = sub.add_parser("rate", help="rate a goal", description="Rate a goal: a GAS level, or a category.")
    rate.add_argument("goal", metavar="GOAL", help="goal id (or its start)")
    rate.add_argument("--level", type=int, help="GAS level -2..2")
    rate.add_argument("--category", choices=["fully", "partially", "not"], help="for goals without levels")
    rate.add_argument("--worse", action="store_true", help="not attained and worse than at the start (GAS -2; "
                      "without it 'not' means the goal's baseline level)")
    rate.add_argument("--rater", choices=["patient", "physiotherapist"], default="patient")
    rate.add_argument("--date", metavar="YYYY-MM-DD", help="rating date (default today)")
    rate.add_argument("--comment")

    lst = sub.add_parser("list", help="list goals with their latest rating, trend and T-score",
                         description="Goals with their latest rating; then the main goal's level and the "
                                     "T-score of the intermediate goals, from one rater.")
    lst.add_argument("--rater", choices=[r.value for r in RaterRule], default=DEFAULT_RATER_RULE.value,
                     help="whose ratings give the main goal's level and the T-score (default "
                          "physiotherapist_else_patient: the physiotherapist's if they rated the main goal)")
    lst.add_argument("--json", action="store_true")

    plan = commands.add_parser("plan", help="the activity plan and this week's adherence",
                               description="Add, remove and show activities of the physiotherapist's plan.")
    psub = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    padd = psub.add_parser("add", help="add an activity", description="Add an activity with its weekly dose.")
    padd.add_argument("--name", required=True)
    padd.add_argument("--intensity", choices=["light", "moderate", "vigorous", "strength"], default="moderate")
    padd.add_argument("--minutes", type=int, help="minutes per session (not for strength)")
    padd.add_argument("--times", type=int, required=True, help="times a week")
    padd.add_argument("--goal", metavar="GOAL", help="the goal it serves")
    prm = psub.add_parser("remove", help="remove an activity")
    prm.add_argument("activity", metavar="ID")
    pshow = psub.add_parser("show", help="this week's activities against their dose")
    pshow.add_argument("--week", metavar="YYYY-MM-DD", help="any day of the week (default this week)")
    pshow.add_argument("--json", action="store_true")


def _levels(items: list[str]) -> dict[int, str] | None:
    levels = {}
    for item in items:
        number, sep, text = item.partition("=")
        try:
            levels[int(number)] = text
        except ValueError:
            raise ValidationFailed(f"Write a level as N=TEXT with N from -2 to 2 (got {item!r}).") from None
        if not sep:
            raise ValidationFailed(f"Write a level as N=TEXT with N from -2 to 2 (got {item!r}).")
    return levels or None


def _summary_json(summary) -> dict:
    last = summary.latest
    return {
        "id": summary.goal.id, "type": summary.goal.type.value, "title": summary.goal.title,
        "main_goal_id": summary.goal.main_goal_id, "levels": summary.goal.levels,
        "latest": None if last is None else {"date": last.rated_on.isoformat(), "rater": last.rater.value,
                                             "level": last.level, "category": last.category.value},
        "trend": summary.trend.value if summary.trend else None, "achievement_status": summary.status,
        "next_review": summary.next_review.isoformat(), "ratings": len(summary.ratings),
    }


def _on_goals(args: argparse.Namespace, action) -> int:
    """Run `action(goals, args)` on the patient's own diary, closing it afterwards."""
    diary = open_home(args, patient_only=True)
    try:
        action(diary.goals, args)
    finally:
        diary.close()
    return 0


def run_goal(args: argparse.Namespace) -> int:
    return _on_goals(args, {"add": _add_goal, "rate": _rate_goal, "list": _list_goals}[args.goal_command])


def _add_goal(goals, args: argparse.Namespace) -> None:
    main_id = goals.resolve(args.main) if args.main else None
    goal = goals.add_goal(
        type=args.type or ("intermediate" if main_id else "main"), title=args.title, main_goal_id=main_id,
        measure=args.measure, baseline=args.baseline, target=args.target,
        target_date=parse_day(args.target_date, option="--target-date"), levels=_levels(args.level),
        baseline_level=args.baseline_level, weight=args.weight,
        **({"start_date": parse_day(args.start, option="--start")} if args.start else {}),
    )
    print(json.dumps({"id": goal.id}) if args.json else f"Added {goal.type.value} goal {goal.id[:8]}: {goal.title}")


def _rate_goal(goals, args: argparse.Namespace) -> None:
    rating = goals.rate(goals.resolve(args.goal), level=args.level, category=args.category, worse=args.worse,
                        rater=args.rater, comment=args.comment, rated_on=parse_day(args.date, option="--date"))
    level = "worse than at the start, " if args.worse else f"level {rating.level:+d}, " if rating.level is not None else ""
    print(f"Rated {rating.rated_on.isoformat()}: {level}{rating.category.value} attained ({rating.rater.value}).")


def _list_goals(goals, args: argparse.Namespace) -> None:
    trees = goals.overview()
    standing = goals.standing(rule=args.rater)
    rater = standing.rater.value if standing.rater else None
    if args.json:
        print(json.dumps({"goals": [_summary_json(s) for tree in trees for s in (tree.main, *tree.steps)],
                          "rater": rater, "main_goal_level": standing.main_level,
                          "main_goal_category": standing.main_category and standing.main_category.value,
                          "intermediate_t_score": standing.t_score}, indent=2))
        return
    for tree in trees:
        for depth, s in [(0, tree.main), *((1, step) for step in tree.steps)]:
            latest = f"{s.latest.category.value} ({s.latest.rater.value})" if s.latest else "not rated yet"
            print(f"{'  ' * depth}{s.goal.id[:8]}  {s.goal.title}  [{latest}; {s.status}]")
    if rater is None:
        print("No main goal yet.")
        return
    main = "not rated" if standing.main_category is None else \
        f"{standing.main_category.value} (level {standing.main_level:+d})"
    t = "no intermediate goal rated" if standing.t_score is None else f"{standing.t_score:.2f}"
    print(f"From the {rater}'s ratings: main goal {main}; T-score of the intermediate goals {t} "
          "(the main goal is not in the T-score).")


def run_plan(args: argparse.Namespace) -> int:
    return _on_goals(args, {"add": _add_activity, "remove": _remove_activity, "show": _show_week}[args.plan_command])


def _add_activity(goals, args: argparse.Namespace) -> None:
    a = goals.add_activity(name=args.name, intensity=args.intensity, minutes=args.minutes,
                           times_per_week=args.times, goal_id=args.goal)
    print(f"Added {a.id[:8]}: {a.name}, {a.dose}")


def _remove_activity(goals, args: argparse.Namespace) -> None:
    goals.remove_activity(args.activity)
    print("Removed.")


def _show_week(goals, args: argparse.Namespace) -> None:
    week = goals.plan_week(parse_day(args.week, option="--week"))
    if args.json:
        print(json.dumps([{"id": a.id, "name": a.name, "dose": a.dose, "week_start": w.week_start.isoformat(),
                           "done": w.done, "expected": w.expected, "flare_days": w.flare_days,
                           "adherence": w.adherence} for a, w in week], indent=2))
        return
    for a, w in week:
        print(f"{a.id[:8]}  {a.name} ({a.dose}): {w.done} of {w.expected} this week"
              + (f", {w.flare_days} flare days left out" if w.flare_days else ""))


COMMANDS = {"goal": run_goal, "plan": run_plan}
