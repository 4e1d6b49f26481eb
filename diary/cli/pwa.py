"""`diary pwa build` and `diary pwa serve`: the phone app as an offline static site (diary.pwa).

`build` assembles the site from a checkout (Node.js and npm are build tools only; a build whose inputs
have not changed does nothing); `serve` serves a built site on 127.0.0.1 to try it. Any static HTTPS host
serves the folder as it is.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from diary.cli.common import EXIT_BAD_INPUT
from diary.domain.names import printable_name
from diary.i18n import _

DEFAULT_SITE = "build/pwa"
DEFAULT_PORT = 8560


def add_parsers(commands) -> None:
    pwa = commands.add_parser("pwa", help=_("the phone app: build or serve the offline web app"),
                              description=_("Build the diary as an offline, installable web app (a static site), "
                                            "or serve a built one on 127.0.0.1."))
    sub = pwa.add_subparsers(dest="pwa_command", metavar="ACTION", required=True)
    build = sub.add_parser("build", help=_("assemble the static site (needs Node.js and npm)"),
                           description=_("Assemble the static site: Flet's web client, Pyodide, the diary and its "
                                         "wheels, libsodium, fonts, icons, the manifest and the service worker."))
    build.add_argument("--out", default=DEFAULT_SITE, metavar="DIR", help=_("the site's folder (default {folder})").format(folder=DEFAULT_SITE))
    build.add_argument("--force", action="store_true", help=_("build even if nothing it is made from has changed"))
    serve = sub.add_parser("serve", help=_("serve a built site on 127.0.0.1 to try it"),
                           description=_("Serve a built site on 127.0.0.1 with its Content-Security-Policy as a header."))
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=_("port (default {port})").format(port=DEFAULT_PORT))
    serve.add_argument("--dir", default=DEFAULT_SITE, metavar="DIR", help=_("the built site (default {folder})").format(folder=DEFAULT_SITE))


def _build(args: argparse.Namespace) -> int:
    from diary.pwa.build import build
    from diary.pwa.report import first_visit_summary

    result = build(Path(args.out), force=args.force)
    if not result.built:
        print(_("The web app in {folder} is up to date.").format(folder=printable_name(result.out)))
        return 0
    print(_("Built the web app in {folder} in {seconds} s: {size} MB on disk.").format(
        folder=printable_name(result.out), seconds=f"{result.seconds:.1f}", size=f"{result.site_bytes / 1e6:.1f}"))
    print(first_visit_summary(result))
    return 0


def _serve(args: argparse.Namespace) -> int:
    from diary.pwa.serve import serve

    site = Path(args.dir)
    if not (site / "index.html").exists():
        print(_("diary: {folder} holds no built web app; run `diary pwa build --out {folder}` first.").format(
            folder=printable_name(site)), file=sys.stderr)
        return EXIT_BAD_INPUT
    return serve(site, args.port)


def run_pwa(args: argparse.Namespace) -> int:
    from diary.pwa.toolchain import BuildError

    try:
        return _build(args) if args.pwa_command == "build" else _serve(args)
    except (BuildError, OSError) as exc:  # a missing tool, a failed step, a port in use: its sentence
        print(_("diary: {problem}").format(problem=printable_name(str(exc))), file=sys.stderr)
        return EXIT_BAD_INPUT


COMMANDS = {"pwa": run_pwa}
