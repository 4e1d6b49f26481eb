"""The command line: a thin veneer that parses arguments, calls one service, and prints.

Global options (--home, --port, ...) go before the command: `diary --home DIR log --pain 6`.
Bad input prints one sentence to stderr and exits with status 2; nothing is stored.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from diary import __version__
from diary.cli_goals import add_parsers as add_goal_parsers
from diary.cli_goals import run_goal, run_plan
from diary.cli_score import add_parser as add_score_parser
from diary.cli_score import run as run_score
from diary.config import data_dir
from diary.domain.items import ACTIVITY, SCALES
from diary.domain.errors import DiaryError, ValidationFailed
from diary.domain.names import printable_name
from diary.domain.regions import REGION_SET, REGIONS

EXIT_BAD_INPUT = 2
DEFAULT_PORT = 8550


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diary",
        description="An offline symptom diary. With no command, serves the app on 127.0.0.1 and opens it.",
        epilog="Run 'diary COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"diary {__version__}")
    parser.add_argument("--home", metavar="DIR", help="data folder (default: $DIARY_HOME, else the platform's user data folder)")
    parser.add_argument("--port", type=int, default=None, help=f"port for the app (default {DEFAULT_PORT}, or the next free one)")
    parser.add_argument("--desktop", action="store_true", help="open the native desktop window instead of the browser")
    parser.add_argument("--no-browser", action="store_true", help="serve the app without opening a browser")
    parser.add_argument("--token-file", metavar="F",
                        help="also write this launch's access token to F (owner-only), for scripts and tests")
    parser.add_argument("--clinician", action="store_true",
                        help="make or open a clinician's caseload (patients' imported exports) instead of a diary")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("run", help="serve the app (the default)", description="Serve the app on 127.0.0.1.")

    info = commands.add_parser("info", help="where the data lives, schema version and counts",
                               description="Print the data folder, the schema version and counts.")
    info.add_argument("--json", action="store_true", help="print JSON")

    log = commands.add_parser("log", help="save a check-in from the terminal",
                              description="Save a check-in. Every item is optional; give at least one.")
    for name, label in SCALES.items():
        log.add_argument(f"--{name.replace('_', '-')}", metavar="0-10", help=f"{label.lower()}, 0 to 10")
    log.add_argument("--sleep-hours", metavar="H", help="hours slept, e.g. 7.5")
    for name, label in ACTIVITY.items():
        log.add_argument(f"--{name.removesuffix('_min')}", metavar="MIN", dest=name, help=f"minutes of {label.lower()}")
    log.add_argument("--strength", action=argparse.BooleanOptionalAction, default=None, help="did muscle-strengthening exercises")
    log.add_argument("--regions", metavar="LIST",
                     help="painful body regions, comma-separated, or 'none' for no pain: " + ",".join(REGIONS))
    log.add_argument("--flare", action="store_true", help="mark a flare or rest day")
    log.add_argument("--note", help="a note, up to 2,000 characters")
    log.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today)")
    log.add_argument("--json", action="store_true", help="print the saved check-in as JSON")

    demo = commands.add_parser("demo", help="fill an empty home with synthetic data",
                               description="Fill an empty home with realistic synthetic data; refuses a home with real data.")
    demo.add_argument("--days", type=int, default=120, help="how many days (default 120)")
    demo.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    demo.add_argument("--patients", type=int, default=None, metavar="N",
                      help="with --clinician: fill an empty caseload with N synthetic patients")
    add_goal_parsers(commands)
    add_score_parser(commands)
    for module in _command_modules():
        module.add_parsers(commands)
    return parser


def _command_modules() -> list:
    """Command groups that live in their own module: each has `add_parsers(commands)` and a `COMMANDS`
    dict of name → function(args) -> exit status. Imported only when the command line is used."""
    import importlib

    return [importlib.import_module(f"diary.{name}") for name in _COMMAND_MODULE_NAMES]


# One line per command group (keeps cli.py small and merge-friendly).
_COMMAND_MODULE_NAMES: list[str] = [
    "cli_instruments",
    "cli_backup",
    "cli_reports",
    "cli_exchange",
]


def _number(value: str | None, *, label: str, kind: type) -> int | float | None:
    if value is None:
        return None
    try:
        return kind(value)
    except ValueError:
        what = "a whole number" if kind is int else "a number"
        raise ValidationFailed(f"{label} must be {what} (got {value!r}).") from None


def _log_fields(args: argparse.Namespace) -> dict:
    fields: dict = {}
    for name, label in {**SCALES, **ACTIVITY}.items():
        value = _number(getattr(args, name), label=label, kind=int)
        if value is not None:
            fields[name] = value
    if (hours := _number(args.sleep_hours, label="Hours slept", kind=float)) is not None:
        fields["sleep_hours"] = hours
    if args.strength is not None:
        fields["strength"] = args.strength
    if args.regions is not None:
        names = [r.strip() for r in args.regions.split(",") if r.strip()]
        if names == ["none"]:
            fields["no_pain"] = True
        else:
            unknown = [r for r in names if r not in REGION_SET]
            if unknown:
                raise ValidationFailed(f"Unknown body region {unknown[0]!r}; allowed: {', '.join(REGIONS)}, or 'none'.")
            fields["regions"] = names
    if args.flare:
        fields["flare"] = True
    if args.note is not None:
        fields["note"] = args.note
    if args.date is not None:
        fields["day"] = args.date
    return fields


def _open(args: argparse.Namespace, *, patient_only: bool = False):
    """Open the home (a clinician's with --clinician); `patient_only` refuses a clinician's caseload."""
    from diary.services.bootstrap import open_diary
    from diary.services.identity import Role, require_role

    diary = open_diary(data_dir(args.home), role=Role.CLINICIAN if args.clinician else None)
    if patient_only:
        try:
            require_role(diary.home, diary.role, Role.PATIENT, action=f"'diary {args.command}'")
        except DiaryError:
            diary.close()
            raise
    return diary


def _cmd_info(args: argparse.Namespace) -> int:
    diary = _open(args)
    info = diary.info()
    if args.json:
        print(json.dumps(info, indent=2))
    else:
        width = max(map(len, info))
        for key, value in info.items():
            print(f"{key.replace('_', ' '):<{width}}  {value if value is not None else '-'}")
    return 0


def _cmd_log(args: argparse.Namespace) -> int:
    fields = _log_fields(args)
    diary = _open(args, patient_only=True)
    checkin = diary.log.record(**fields)
    if args.json:
        print(checkin.model_dump_json(indent=2))
    else:
        extra = " (an extra check-in)" if checkin.extra else ""
        print(f"Saved a check-in for {checkin.day.isoformat()}{extra}.")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from diary.services.demo import fill_demo

    diary = _open(args)
    if diary.role == "clinician" or args.patients is not None:
        from diary.services.demo_caseload import fill_demo_caseload

        if args.patients is None:
            raise DiaryError("Give the number of demo patients with --patients N (and --clinician).")
        done = fill_demo_caseload(diary, patients=args.patients, days=args.days, seed=args.seed)
        print(f"Wrote {done.patients} demo patients ({done.checkins:,} check-ins over {args.days} days) to "
              f"{printable_name(diary.home)} in {done.seconds:.1f} s.")
        return 0
    written = fill_demo(diary, days=args.days, seed=args.seed)
    print(f"Wrote {written} demo check-ins over {args.days} days to {printable_name(diary.home)}.")
    return 0


def _cmd_run(args: argparse.Namespace) -> int:
    from diary.app import serve

    if args.clinician:  # make (or check) the clinician's home before the app opens it
        _open(args).close()
    return serve(home=data_dir(args.home), port=args.port, desktop=args.desktop, open_browser=not args.no_browser,
                 token_file=Path(args.token_file).expanduser().absolute() if args.token_file else None)


COMMANDS = {
    "run": _cmd_run, "info": _cmd_info, "log": _cmd_log, "demo": _cmd_demo,
    "goal": lambda args: run_goal(_open(args, patient_only=True), args),
    "plan": lambda args: run_plan(_open(args, patient_only=True), args),
    "score": run_score,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    commands = dict(COMMANDS)
    for module in _command_modules():
        commands.update(module.COMMANDS)
    try:
        return commands[args.command or "run"](args)
    except DiaryError as exc:
        print(f"diary: {printable_name(str(exc))}", file=sys.stderr)  # names in it may come from outside
        return EXIT_BAD_INPUT
    except Exception as exc:  # a storage failure (full disk, long lock): a sentence, never a traceback
        if type(exc).__name__ != "OperationalError":
            raise
        from diary.storage.database import describe_failure

        print(f"diary: {printable_name(describe_failure(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `diary ... | head`: the reader left; not an error of ours
        sys.stderr.close()
        return 0
