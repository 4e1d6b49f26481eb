"""`diary instrument ...`: which questionnaires this home can administer, their schedules, clinic wording.

`diary instrument add FILE` loads a clinic-supplied wording file (validated against the instrument's
items and options; stored in the home, never in the repository), exactly as Settings does.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from diary.cli.common import open_home
from diary.domain.errors import DiaryError
from diary.domain.instruments import INSTRUMENTS
from diary.domain.wording_files import MAX_FILE_BYTES
from diary.i18n import _, ngettext
from diary.i18n.formats import number


def add_parsers(commands) -> None:
    inst = commands.add_parser("instrument", help=_("questionnaires: list, schedule, load clinic wording"),
                               description=_("The questionnaires this diary can administer, and how often each is due."))
    sub = inst.add_subparsers(dest="instrument_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help=_("administrable questionnaires with their schedules"),
                             description=_("List the questionnaires this diary can administer and when each is due."))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    add = sub.add_parser("add", help=_("load a clinic-supplied wording file (JSON)"),
                         description=_("Load a licensed questionnaire's wording from a clinic's JSON file."))
    add.add_argument("file", metavar="FILE", help=_("the wording file (see diary/domain/wording_files.py for the format)"))
    schedule = sub.add_parser("schedule", help=_("how often a questionnaire is due"),
                              description=_("Set how often a questionnaire is due, or switch it off."))
    schedule.add_argument("instrument", metavar="ID", help=_("instrument id, e.g. phq15, phq9, gad7, rand36"))
    group = schedule.add_mutually_exclusive_group(required=True)
    group.add_argument("--every", type=int, metavar="DAYS", help=_("due every DAYS days (1 to 365)"))
    group.add_argument("--off", action="store_true", help=_("no longer ask for it"))


def run_instrument(args: argparse.Namespace) -> int:
    diary = open_home(args)  # honours --clinician, as every command does
    try:
        actions = {"add": _add_wording, "schedule": _set_schedule, "list": _list}
        actions[args.instrument_command](diary.questionnaires, args)
    finally:
        diary.close()
    return 0


def _add_wording(forms, args: argparse.Namespace) -> None:
    path = Path(args.file)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise DiaryError(_("{path} is larger than a wording file can be ({most} bytes).").format(
                path=path, most=number(MAX_FILE_BYTES)))
        data = path.read_bytes()
    except OSError as exc:
        raise DiaryError(_("Could not read {path}: {reason}. Check the path and try again.").format(
            path=path, reason=exc.strerror or exc)) from None
    wording = forms.add_wording(data)
    print(_("Loaded the wording for {name} ({language}); it can now be answered in the app.").format(
        name=INSTRUMENTS[wording.instrument_id].name, language=wording.language))


def _set_schedule(forms, args: argparse.Namespace) -> None:
    instrument_id = args.instrument.lower()
    if instrument_id not in forms.administrable():
        known = ", ".join(forms.administrable())
        raise DiaryError(_("{name!r} cannot be administered in this diary; choose one of: {known}.").format(
            name=args.instrument, known=known))
    every, _enabled = forms.schedule()[instrument_id]
    forms.set_schedule(instrument_id, args.every or every, enabled=not args.off)
    name = INSTRUMENTS[instrument_id].name
    print(_("{name} will no longer be asked for.").format(name=name) if args.off else
          ngettext("{name} is now due every {n} day.", "{name} is now due every {n} days.", args.every).format(
              name=name, n=args.every))


def _list(forms, args: argparse.Namespace) -> None:
    due = {d.instrument_id: d.due_on.isoformat() for d in forms.due()}
    rows = [{"id": i, "name": INSTRUMENTS[i].name, "every_days": every, "enabled": on, "due_on": due.get(i)}
            for i, (every, on) in forms.schedule().items()]
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    for row in rows:
        every = row["every_days"]
        when = ngettext("every {n} day", "every {n} days", every).format(n=every) if row["enabled"] else _("off")
        due = _("due {day}").format(day=row["due_on"]) if row["due_on"] else ""
        print(f"{row['id']:<8} {row['name']:<10} {when:<16} {due}")


COMMANDS = {"instrument": run_instrument}
