"""`python -m diary.pwa build [--out DIR] [--force]` and `python -m diary.pwa serve [--port N] [--dir DIR]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from diary.pwa.toolchain import BuildError


def _build(args) -> int:
    from diary.pwa.build import build
    from diary.pwa.report import first_visit_summary

    result = build(Path(args.out), force=args.force)
    if not result.built:
        print(f"The web app in {result.out} is up to date.")
        return 0
    print(f"Built the web app in {result.out} in {result.seconds:.1f} s: {result.site_bytes / 1e6:.1f} MB on disk.")
    print(first_visit_summary(result))
    return 0


def _serve(args) -> int:
    from diary.pwa.serve import serve

    site = Path(args.dir)
    if not (site / "index.html").exists():
        print(f"diary: {site} holds no built web app; run `python -m diary.pwa build --out {site}` first.",
              file=sys.stderr)
        return 2
    return serve(site, args.port)


def main(argv: list[str] | None = None) -> int:
    from diary.pwa.build import DEFAULT_OUT

    parser = argparse.ArgumentParser(prog="python -m diary.pwa", description="The diary as an offline web app.")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="assemble the static site")
    build.add_argument("--out", default=str(DEFAULT_OUT), help="the site's folder (default: build/pwa)")
    build.add_argument("--force", action="store_true", help="build even if the inputs have not changed")
    serve = commands.add_parser("serve", help="serve a built site on 127.0.0.1")
    serve.add_argument("--port", type=int, default=8560, help="port (default 8560)")
    serve.add_argument("--dir", default=str(DEFAULT_OUT), help="the built site (default: build/pwa)")
    args = parser.parse_args(argv)
    try:
        return _build(args) if args.command == "build" else _serve(args)
    except (BuildError, ValueError, OSError) as exc:
        print(f"diary: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
