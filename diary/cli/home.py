"""`diary` / `diary run` (serve the app), `diary info` and `diary demo`: the home as a whole."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from diary.cli.common import ProgressLine, home_folder, open_home
from diary.domain.errors import DiaryError
from diary.domain.names import printable_name


def add_parsers(commands) -> None:
    commands.add_parser("run", help="serve the app (the default)", description="Serve the app on 127.0.0.1.")
    info = commands.add_parser("info", help="where the data lives, schema version and counts",
                               description="Print the data folder, the schema version and counts.")
    info.add_argument("--json", action="store_true", help="print JSON")
    demo = commands.add_parser("demo", help="fill an empty home with synthetic data",
                               description="Fill an empty home with realistic synthetic data; refuses a home with real data.")
    demo.add_argument("--days", type=int, default=120, help="how many days (default 120)")
    demo.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    demo.add_argument("--patients", type=int, default=None, metavar="N",
                      help="with --clinician: fill an empty caseload with N synthetic patients")


def run_serve(args: argparse.Namespace) -> int:
    from diary.app import serve

    if args.clinician:  # make (or check) the clinician's home before the app opens it
        open_home(args).close()
    return serve(home=home_folder(args), port=args.port, desktop=args.desktop, open_browser=not args.no_browser,
                 token_file=Path(args.token_file).expanduser().absolute() if args.token_file else None)


def run_info(args: argparse.Namespace) -> int:
    diary = open_home(args)
    try:
        info = diary.info()
    finally:
        diary.close()
    if args.json:
        print(json.dumps(info, indent=2))
    else:
        width = max(map(len, info))
        for key, value in info.items():
            print(f"{key.replace('_', ' '):<{width}}  {value if value is not None else '-'}")
    return 0


def run_demo(args: argparse.Namespace) -> int:
    diary = open_home(args)
    try:
        if diary.role == "clinician" or args.patients is not None:
            return _demo_caseload(diary, args)
        from diary.services.demo import fill_demo

        written = fill_demo(diary, days=args.days, seed=args.seed)
        print(f"Wrote {written} demo check-ins over {args.days} days to {printable_name(diary.home)}.")
        return 0
    finally:
        diary.close()


def _demo_caseload(diary, args: argparse.Namespace) -> int:
    from diary.services.demo_caseload import fill_demo_caseload

    if args.patients is None:
        raise DiaryError("Give the number of demo patients with --patients N (and --clinician).")
    progress = ProgressLine(args.patients, doing="Made")
    try:
        done = fill_demo_caseload(diary, patients=args.patients, days=args.days, seed=args.seed, progress=progress)
    finally:
        progress.end()
    print(f"Wrote {done.patients} demo patients ({done.checkins:,} check-ins over {args.days} days) to "
          f"{printable_name(diary.home)} in {done.seconds:.1f} s.")
    return 0


COMMANDS = {"run": run_serve, "info": run_info, "demo": run_demo}
