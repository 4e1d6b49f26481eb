"""The command line: a thin veneer that parses arguments, calls one service, and prints.

Global options (--home, --port, ...) go before the command: `diary --home DIR log --pain 6`.
Bad input prints one sentence to stderr and exits with status 2; nothing is stored.

One module per command group, each with `add_parsers(commands)` and `COMMANDS` (name → handler(args) →
exit status), all listed in GROUPS below: the one registry, read in this order for `diary --help`.
Modules keep their service imports inside the handlers, so parsing loads none of them.
Serving the app (no command, the everyday start) loads none of the command groups either: their parsers
import domain models (goals, instruments) that would hold up the server's first answer.
`GROUPS` and `COMMANDS` are loaded on first use.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from functools import cache

from diary import __version__
from diary.app import DEFAULT_PORT
from diary.cli.common import EXIT_BAD_INPUT, EXIT_NOT_DONE
from diary.domain.errors import DiaryError
from diary.domain.names import printable_name

_GROUP_NAMES = ("home", "log", "goals", "score", "instruments", "backup", "reports", "pairing", "exchange", "caseload",
                "pwa")


@cache
def _groups() -> tuple:
    return tuple(importlib.import_module(f"diary.cli.{name}") for name in _GROUP_NAMES)


def __getattr__(name: str):
    if name == "GROUPS":
        return _groups()
    if name == "COMMANDS":
        return {command: handler for group in _groups() for command, handler in group.COMMANDS.items()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _global_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--home", metavar="DIR",
                        help="data folder (default: $DIARY_HOME, else the platform's user data folder)")
    parser.add_argument("--port", type=int, default=None,
                        help=f"port for the app (default {DEFAULT_PORT}, or the next free one)")
    parser.add_argument("--desktop", action="store_true", help="open the native desktop window instead of the browser")
    parser.add_argument("--no-browser", action="store_true", help="serve the app without opening a browser")
    parser.add_argument("--token-file", metavar="F",
                        help="also write this launch's access token to F (owner-only), for scripts and tests")
    parser.add_argument("--clinician", action="store_true",
                        help="make or open a clinician's caseload (patients' imported exports) instead of a diary")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diary",
        description="An offline symptom diary. With no command, serves the app on 127.0.0.1 and opens it.",
        epilog="Run 'diary COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"diary {__version__}")
    _global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in _groups():
        group.add_parsers(commands)
    return parser


def _serving(argv: list[str]) -> argparse.Namespace | None:
    """The options when `argv` names no command (serve the app), without building the command parsers;
    None for anything else (a command, --help, --version, or an error the full parser should word)."""
    if any(arg in ("-h", "--help", "--version") for arg in argv):
        return None
    parser = _global_options(argparse.ArgumentParser(prog="diary", add_help=False, exit_on_error=False))
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _serving(argv)
    if args is not None:
        from diary.cli.home import run_serve as handler
    else:
        args = build_parser().parse_args(argv)
        handler = __getattr__("COMMANDS")[args.command or "run"]
    from diary.services.failures import StorageFailed  # the services, only once a command runs

    try:
        return handler(args)
    except StorageFailed as exc:  # a full disk or a long lock: a sentence, never a traceback
        print(f"diary: {printable_name(str(exc))}", file=sys.stderr)
        return EXIT_NOT_DONE
    except DiaryError as exc:
        print(f"diary: {printable_name(str(exc))}", file=sys.stderr)  # names in it may come from outside
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `diary ... | head`: the reader left; not an error of ours
        sys.stderr.close()
        return 0
