"""LTPAI, Leisure Time Physical Activity Instrument (Mannerkorpi K, Hernelid C. Disabil Rehabil
2005;27:695–701; structure from the copy in the NCI physical-activity questionnaire database).

Rules (shared/reference/instruments.md §2.14):
- Answers: [sedentary, light, moderate, vigorous] for an average week over the past month. Sedentary
  is a tick (True); each activity level is 'A' (0.5–1.5 h/week), 'B' (2–4 h/week), the hours written in
  when more than 4, or None when not ticked.
- [DEV] "add up the total number of hours": total = light + moderate + vigorous hours per week.
- [PROJECT DEFAULT, verify] A is coded 1 h and B 3 h (interval midpoints); both are options.
- Also reported: MVPA hours (moderate + vigorous) and the WHO aerobic flag on (moderate + 2 × vigorous).
- An unticked level is 0 h; a form with nothing ticked, not even sedentary, is missing.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from diary.domain.errors import Sentence, ValidationFailed
from diary.domain.instruments.common import build_score, exact, rule_id
from diary.domain.instruments.definitions import is_number
from diary.domain.instruments.registry import INSTRUMENTS
from diary.domain.instruments.result import Score
from diary.domain.instruments.who import meets_aerobic

INSTRUMENT = INSTRUMENTS["ltpai"]
LEVELS = ("light", "moderate", "vigorous")
HOURS_PER_WEEK = 168
ALLOWED = "'A' (0.5–1.5 h), 'B' (2–4 h), the hours when more than 4 (up to 168), or empty when not ticked"


def _level_hours(level: str, value: Any, codes: dict[str, Fraction]) -> Fraction | None:
    if value is None:
        return None
    if isinstance(value, str) and value.upper() in codes:
        return codes[value.upper()]
    if is_number(value) and 4 < value <= HOURS_PER_WEEK:
        return exact(value)
    raise ValidationFailed(Sentence("LTPAI {level}: {value!r} is not allowed; answers are {ALLOWED}.", level=level, value=value, ALLOWED=ALLOWED), field=level)


def _hours_option(option: str, value: Any, low: float, high: float) -> Fraction:
    if not is_number(value) or not low <= value <= high:
        raise ValidationFailed(Sentence("LTPAI option {option}: {value!r} is not allowed; choose a number of hours from {low:g} to {high:g}.", option=option, value=value, low=low, high=high), field=option)
    return exact(value)


def score_ltpai(answers: Any, *, a_hours: float = 1, b_hours: float = 3) -> Score:
    """Score the LTPAI as hours of leisure-time activity per week.

    Args:
        answers: [sedentary, light, moderate, vigorous] as described above, or None.
        a_hours: hours coded for the 0.5–1.5 h interval (default 1).
        b_hours: hours coded for the 2–4 h interval (default 3).

    Raises:
        ValidationFailed: for a bad answer, answer count or option.
    """
    codes = {"A": _hours_option("a_hours", a_hours, 0.5, 1.5), "B": _hours_option("b_hours", b_hours, 2, 4)}
    if answers is None:
        answers = [None] * 4
    if not isinstance(answers, (list, tuple)) or len(answers) != 4:
        raise ValidationFailed(Sentence("LTPAI answers must be a list of 4: [sedentary, light, moderate, vigorous]; got {answers!r}.", answers=answers))
    sedentary, *levels = answers
    if sedentary is not None and not isinstance(sedentary, bool):
        raise ValidationFailed(Sentence("LTPAI sedentary: {sedentary!r} is not allowed; answers are true (ticked), false or empty.", sedentary=sedentary), field="sedentary")
    hours = {name: _level_hours(name, value, codes) for name, value in zip(LEVELS, levels)}
    if not sedentary and all(v is None for v in hours.values()):
        return build_score(INSTRUMENT, values=[None] * 4, total=None, prorated=False, scoring_rule_id=_rule(codes),
                           subscales=dict.fromkeys(INSTRUMENT.subscales))
    h = {name: v or Fraction(0) for name, v in hours.items()}  # once anything is ticked, unticked = 0 h
    subscales = {**h, "mvpa": h["moderate"] + h["vigorous"]}
    return build_score(
        INSTRUMENT, values=[bool(sedentary), *h.values()], total=sum(h.values(), Fraction(0)), prorated=False,
        subscales=subscales,
        flags={"who_aerobic_met"} if meets_aerobic(h["moderate"] * 60, h["vigorous"] * 60) else (),
        scoring_rule_id=_rule(codes),
    )


def _rule(codes: dict[str, Fraction]) -> str:
    return rule_id("ltpai.hours.v1", a_hours=f"{float(codes['A']):g}", b_hours=f"{float(codes['B']):g}")
