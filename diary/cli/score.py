"""`diary score INSTRUMENT ANSWERS`: score a paper form and print the result as JSON."""

from __future__ import annotations

import argparse
import json

from diary.domain.errors import ValidationFailed
from diary.i18n import _


def add_parsers(commands) -> None:
    p = commands.add_parser(
        "score", help=_("score a questionnaire from its answers (paper forms) and print JSON"),
        description=_("Score a questionnaire. ANSWERS are comma-separated in item order; leave an answer empty "
                    "for missing (e.g. 0,1,2,,3). GAS takes level:weight pairs (e.g. 0:1,-1:2,:1); put -- before answers that start with a minus sign."),
    )
    p.add_argument("instrument", help=_("phq15, phq9, gad7, ssd12, whiteley7, wsas, hads, mfi20, rand36, fiq, fiqr, "
                                      "sci93, ltpai, pain_nrs, vas_0_100, wpi19, gas"))
    p.add_argument("answers", help=_("comma-separated answers in item order"))
    p.add_argument("--option", action="append", default=[], metavar="NAME=VALUE",
                   help=_("an instrument option, e.g. --option sex=male or --option item1_not_applicable=true"))


def _value(raw: str):
    raw = raw.strip()
    if raw == "":
        return None
    lowered = raw.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    for kind in (int, float):
        try:
            return kind(raw)
        except ValueError:
            pass
    return raw  # letters (LTPAI's A/B) are the scorer's to judge


def parse_answers(instrument: str, text: str) -> list:
    parts = text.split(",")
    if instrument == "gas":
        pairs = []
        for part in parts:
            level, _, weight = part.partition(":")
            pairs.append(None if _value(level) is None else [_value(level), _value(weight) if weight else 1])
        return pairs
    return [_value(part) for part in parts]


def run_score(args: argparse.Namespace) -> int:
    from diary.domain.instruments import score

    options = {}
    for item in args.option:
        name, sep, raw = item.partition("=")
        if not sep:
            raise ValidationFailed(_("Write an option as NAME=VALUE (got {item!r}).").format(item=item))
        options[name.strip()] = _value(raw)
    result = score(args.instrument, parse_answers(args.instrument, args.answers), **options)
    print(json.dumps({
        "instrument": result.instrument_id, "version": result.version, "valid": result.valid,
        "total": result.total, "total_rounded": result.total_rounded, "band": result.band,
        "subscales": result.subscales, "flags": sorted(result.flags), "n_answered": result.n_answered,
        "n_missing": result.n_missing, "prorated": result.prorated,
    }, indent=2, ensure_ascii=False))
    return 0


COMMANDS = {"score": run_score}
