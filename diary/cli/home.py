"""`diary` / `diary run` (serve the app), `diary info` and `diary demo`: the home as a whole."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from diary.cli.common import ProgressLine, home_folder, open_home
from diary.domain.errors import DiaryError
from diary.domain.names import printable_name
from diary.i18n import N_, _
from diary.i18n.formats import number


def add_parsers(commands) -> None:
    commands.add_parser("run", help=_("serve the app (the default)"), description=_("Serve the app on 127.0.0.1."))
    info = commands.add_parser("info", help=_("where the data lives, schema version and counts"),
                               description=_("Print the data folder, the schema version and counts."))
    info.add_argument("--json", action="store_true", help=_("print JSON"))
    demo = commands.add_parser("demo", help=_("fill an empty home with synthetic data"),
                               description=_("Fill an empty home with realistic synthetic data; refuses a home with real data."))
    demo.add_argument("--days", type=int, default=120, help=_("how many days (default 120)"))
    demo.add_argument("--seed", type=int, default=1, help=_("random seed (default 1)"))
    demo.add_argument("--patients", type=int, default=None, metavar="N",
                      help=_("with --clinician: fill an empty caseload with N synthetic patients"))


# `diary info`'s lines (its --json keys stay as they are: scripts read them).
INFO_NAMES = {"home": N_("home"), "role": N_("role"), "schema_version": N_("schema version"),
              "days_logged": N_("days logged"), "checkins": N_("checkins"), "first_day": N_("first day"),
              "last_day": N_("last day"), "patients": N_("patients"), "database": N_("database"),
              "questionnaires": N_("questionnaires"), "imports": N_("imports")}


def run_serve(args: argparse.Namespace) -> int:
    from diary.app import serve

    if args.clinician:  # make (or check) the clinician's home before the app opens it
        open_home(args).close()
    return serve(home=home_folder(args), port=args.port, desktop=args.desktop, open_browser=not args.no_browser,
                 token_file=Path(args.token_file).expanduser().absolute() if args.token_file else None,
                 language=args.lang)


def run_info(args: argparse.Namespace) -> int:
    diary = open_home(args)
    try:
        info = diary.info()
    finally:
        diary.close()
    if args.json:
        print(json.dumps(info, indent=2))
    else:
        names = {key: _(INFO_NAMES.get(key, key.replace("_", " "))) for key in info}
        width = max(map(len, names.values()))
        for key, value in info.items():
            print(f"{names[key]:<{width}}  {value if value is not None else '-'}")
    return 0


def run_demo(args: argparse.Namespace) -> int:
    diary = open_home(args)
    try:
        if diary.role == "clinician" or args.patients is not None:
            return _demo_caseload(diary, args)
        from diary.services.demo import fill_demo

        written = fill_demo(diary, days=args.days, seed=args.seed)
        print(_("Wrote {n} demo check-ins over {days} days to {home}.").format(n=written, days=args.days,
                                                                               home=printable_name(diary.home)))
        return 0
    finally:
        diary.close()


def _demo_caseload(diary, args: argparse.Namespace) -> int:
    from diary.services.demo_caseload import fill_demo_caseload

    if args.patients is None:
        raise DiaryError(_("Give the number of demo patients with --patients N (and --clinician)."))
    progress = ProgressLine(args.patients, of_total=_("Made {done} of {total} patients"),
                            alone=_("Made {done} patients"))
    try:
        done = fill_demo_caseload(diary, patients=args.patients, days=args.days, seed=args.seed, progress=progress)
    finally:
        progress.end()
    print(_("Wrote {n} demo patients ({checkins} check-ins over {days} days) to {home} in {seconds} s.").format(
        n=done.patients, checkins=number(done.checkins), days=args.days, home=printable_name(diary.home),
        seconds=number(done.seconds, 1)))
    return 0


COMMANDS = {"run": run_serve, "info": run_info, "demo": run_demo}
