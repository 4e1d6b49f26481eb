"""The command line: a thin veneer that parses arguments, calls one service, and prints.

Global options (--home, --port, ...) go before the command: `diary --home DIR log --pain 6`.
Bad input prints one sentence to stderr and exits with status 2; nothing is stored.

One module per command group, each with `add_parsers(commands)` and `COMMANDS` (name → handler(args) →
exit status), all listed in GROUPS below: the one registry, read in this order for `diary --help`.
Modules keep their service imports inside the handlers, so parsing loads none of them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from diary import __version__
from diary.app import DEFAULT_PORT
from diary.cli import backup, caseload, exchange, goals, home, instruments, log, pairing, pwa, reports, score
from diary.cli.common import EXIT_BAD_INPUT, EXIT_NOT_DONE
from diary.domain.errors import DiaryError
from diary.domain.names import printable_name

GROUPS = (home, log, goals, score, instruments, backup, reports, pairing, exchange, caseload, pwa)
COMMANDS = {name: handler for group in GROUPS for name, handler in group.COMMANDS.items()}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diary",
        description="An offline symptom diary. With no command, serves the app on 127.0.0.1 and opens it.",
        epilog="Run 'diary COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"diary {__version__}")
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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        group.add_parsers(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from diary.services.failures import StorageFailed  # the services, only once a command runs

    try:
        return COMMANDS[args.command or "run"](args)
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
