"""`diary log`: save a check-in from the terminal, every item optional."""

from __future__ import annotations

import argparse

from diary.cli.common import open_home
from diary.domain.errors import ValidationFailed
from diary.domain.items import ACTIVITY, SCALES
from diary.domain.regions import REGION_SET, REGIONS
from diary.i18n import _


def add_parsers(commands) -> None:
    log = commands.add_parser("log", help=_("save a check-in from the terminal"),
                              description=_("Save a check-in. Every item is optional; give at least one."))
    for name, label in SCALES.items():
        log.add_argument(f"--{name.replace('_', '-')}", metavar="0-10", help=_("{item}, 0 to 10").format(item=_(label).lower()))
    log.add_argument("--sleep-hours", metavar="H", help=_("hours slept, e.g. 7.5"))
    for name, label in ACTIVITY.items():
        log.add_argument(f"--{name.removesuffix('_min')}", metavar="MIN", dest=name, help=_("minutes of {item}").format(item=_(label).lower()))
    log.add_argument("--strength", action=argparse.BooleanOptionalAction, default=None,
                     help=_("did muscle-strengthening exercises"))
    log.add_argument("--regions", metavar="LIST",
                     help=_("painful body regions, comma-separated, or 'none' for no pain: {regions}").format(
                         regions=",".join(REGIONS)))
    log.add_argument("--flare", action="store_true", help=_("mark a flare or rest day"))
    log.add_argument("--note", help=_("a note, up to 2,000 characters"))
    log.add_argument("--date", metavar="YYYY-MM-DD", help=_("the day (default: today)"))
    log.add_argument("--json", action="store_true", help=_("print the saved check-in as JSON"))


def _number(value: str | None, *, label: str, kind: type) -> int | float | None:
    if value is None:
        return None
    try:
        return kind(value)
    except ValueError:
        problem = _("{label} must be a whole number (got {value!r}).") if kind is int else \
            _("{label} must be a number (got {value!r}).")
        raise ValidationFailed(problem.format(label=label, value=value)) from None


def _regions(text: str) -> dict:
    names = [r.strip() for r in text.split(",") if r.strip()]
    if names == ["none"]:
        return {"no_pain": True}
    unknown = [r for r in names if r not in REGION_SET]
    if unknown:
        raise ValidationFailed(_("Unknown body region {region!r}; allowed: {allowed}, or 'none'.").format(
            region=unknown[0], allowed=", ".join(REGIONS)))
    return {"regions": names}


def log_fields(args: argparse.Namespace) -> dict:
    """The check-in's fields from the options given (the service validates the values)."""
    fields: dict = {}
    for name, label in {**SCALES, **ACTIVITY}.items():
        value = _number(getattr(args, name), label=_(label), kind=int)
        if value is not None:
            fields[name] = value
    if (hours := _number(args.sleep_hours, label=_("Hours slept"), kind=float)) is not None:
        fields["sleep_hours"] = hours
    if args.strength is not None:
        fields["strength"] = args.strength
    if args.regions is not None:
        fields.update(_regions(args.regions))
    if args.flare:
        fields["flare"] = True
    if args.note is not None:
        fields["note"] = args.note
    if args.date is not None:
        fields["day"] = args.date  # the service words a bad date, as the app does
    return fields


def run_log(args: argparse.Namespace) -> int:
    fields = log_fields(args)
    diary = open_home(args, patient_only=True)
    try:
        checkin = diary.log.record(**fields)
    finally:
        diary.close()
    if args.json:
        print(checkin.model_dump_json(indent=2))
    else:
        print((_("Saved an extra check-in for {day}.") if checkin.extra else _("Saved a check-in for {day}.")).format(
            day=checkin.day.isoformat()))
    return 0


COMMANDS = {"log": run_log}
