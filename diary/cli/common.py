"""What every command group shares: opening the home, reading dates and passphrase files, exit codes.

Each helper exists once here so that every command words the same mistake the same way.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from diary.config import data_dir
from diary.domain.errors import DiaryError, ValidationFailed

EXIT_BAD_INPUT = 2
EXIT_NOT_DONE = 1  # a storage failure, a refusal the user can retry, a question answered "no"
PASSPHRASE_MAX_CHARS = 1000


def open_home(args: argparse.Namespace, *, patient_only: bool = False, clinician_only: bool = False):
    """Open the home of --home (a clinician's with --clinician); close it again if it is of the wrong kind.

    Args:
        patient_only: refuse a clinician's caseload (commands about one's own diary).
        clinician_only: refuse a patient's diary.

    Raises:
        DiaryError: the home cannot be used, or is of the other kind (a sentence naming what to do).
    """
    from diary.services.bootstrap import open_diary
    from diary.services.identity import Role, require_role

    diary = open_diary(data_dir(args.home), role=Role.CLINICIAN if getattr(args, "clinician", False) else None)
    wanted = Role.PATIENT if patient_only else Role.CLINICIAN if clinician_only else None
    if wanted is not None:
        try:
            require_role(diary.home, diary.role, wanted, action=f"'diary {args.command}'")
        except DiaryError:
            diary.close()
            raise
    return diary


def home_folder(args: argparse.Namespace) -> Path:
    """The data folder of --home, for commands that work on the folder rather than an open diary."""
    return data_dir(args.home)


def parse_day(value: str | None, *, option: str) -> date | None:
    """A YYYY-MM-DD option value as a date (None stays None).

    Raises:
        ValidationFailed: not a real date.
    """
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationFailed(f"{option} must be a date written YYYY-MM-DD (got {value!r}).") from None


def read_passphrase_file(name: str) -> str:
    """The passphrase in file `name`: one line of 1 to 1,000 characters.

    Raises:
        DiaryError: unreadable, not text, empty, too long or more than one line.
    """
    try:
        text = Path(name).expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not text"
        raise DiaryError(f"Cannot read the passphrase file {name} ({reason}); nothing was changed.") from None
    text = text.strip()
    if not text or len(text) > PASSPHRASE_MAX_CHARS or "\n" in text:
        raise DiaryError(f"The passphrase file {name} must hold the passphrase on one line (1 to "
                         f"{PASSPHRASE_MAX_CHARS} characters); nothing was changed.")
    return text


def passphrase_for_writing(name: str) -> tuple[str, bool]:
    """(passphrase, made) from file `name`; if it does not exist a new passphrase is made and saved there.

    Raises:
        DiaryError: as read_passphrase_file; FileNotWritten when a new file cannot be written.
    """
    if Path(name).expanduser().exists():
        return read_passphrase_file(name), False
    from diary.services.passphrases import new_passphrase_file

    return new_passphrase_file(Path(name).expanduser()), True


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 patient", "3 patients"."""
    return f"{n} {word if n == 1 else many or word + 's'}"


class ProgressLine:
    """"Exported 12 of 40 patients" on one updating line (a terminal), or every 100 patients (a log).

    Called as `progress(done)` or `progress(done, total)`; `end()` finishes the line.
    """

    def __init__(self, total: int | None, *, doing: str):
        self.total, self.doing, self.tty = total, doing, sys.stderr.isatty()

    def __call__(self, done: int, total: int | None = None) -> None:
        total = total or self.total
        of = f" of {total:,}" if total else ""
        if self.tty:
            print(f"\r{self.doing} {done:,}{of} patients", end="", file=sys.stderr, flush=True)
        elif done % 100 == 0:
            print(f"{self.doing} {done:,}{of} patients", file=sys.stderr, flush=True)

    def end(self) -> None:
        if self.tty:
            print(file=sys.stderr)


RATER_HELP = ("whose goal ratings count, one rater per patient: patient, physiotherapist, or "
              "physiotherapist_else_patient (default: the physiotherapist's when they rated the current main goal "
              "in the assessment, else the patient's)")


def add_trial_options(parser) -> None:
    """--rater, --at and --window-days: the trial figure's definition (diary.domain.trial)."""
    from diary.domain.trial import DEFAULT_RATER_RULE, RaterRule

    parser.add_argument("--rater", choices=[r.value for r in RaterRule], default=DEFAULT_RATER_RULE.value,
                        help=RATER_HELP)
    parser.add_argument("--at", metavar="DATE", help="judge goals at this date (YYYY-MM-DD): each goal's latest "
                        "rating on or before it (default: each patient's latest rating of the current main goal)")
    parser.add_argument("--window-days", type=int, metavar="N", help="with --at: only ratings from DATE - N to "
                        "DATE + N days count; a goal rated only outside them is unrated")


def trial_definition(args: argparse.Namespace):
    """The rule and the diary.domain.trial.Assessment the options ask for.

    Raises:
        ValidationFailed: a bad date, or a window without --at or outside 0-365 days.
    """
    from diary.domain.trial import Assessment

    return args.rater, Assessment.create(parse_day(args.at, option="--at"), args.window_days)
