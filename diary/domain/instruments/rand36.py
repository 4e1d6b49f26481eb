"""RAND-36 Health Survey 1.0 (Hays RD, Sherbourne CD, Mazel RM. Health Econ 1993;2:217–227; items
from Ware JE, Sherbourne CD. Med Care 1992), scored with RAND's published algorithm.

Rules (shared/reference/instruments.md §2.8; [DEV: RAND scoring instructions], re-implemented from
the logic of CamCOPS rand36.py):
- Step 1: recode every item to 0–100, 100 = best (the tables below).
- Step 2: each of the eight scales is the mean of its answered recoded items. Item 2 (health change)
  is in no scale; its recoded value is reported in `details["health_change"]`.
- [DEV, RAND] a scale is missing only when none of its items is answered. There is no total, so the
  score is valid when at least one scale is.
This is not the SF-36 v1 algorithm (non-linear pain and general-health coding, half-rule): the two
differ on pain and general health, which matters when comparing with trial SF-36 values.

Swedish: the app ships the English form only and never a wording of its own (issue 18's rule). The Swedish
RAND-36 was translated and culturally adapted by Orwelius L, Nilsson M, Nilsson E, Wenemark M,
Walfridsson U, Lundström M, Taft C, Palaszewski B, Kristenson M (J Patient Rep Outcomes 2018;2:4,
doi:10.1186/s41687-018-0030-0; available since 2013; Swedish reference data: J Patient Rep Outcomes
2021;5:66). RAND's terms cover the English survey (and hold RAND harmless for translations); the terms of
the Swedish translation are not stated in a source we could read, so it is not shipped.
A clinic loads the official Swedish text with a wording file ("language": "sv"; diary/domain/wording_files.py);
until then a Swedish app shows the English form with a one-line note in Swedish.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from diary.domain.instruments.common import build_score, check_answers, rule_id
from diary.domain.instruments.registry import INSTRUMENTS
from diary.domain.instruments.result import Score

OFFICIAL_SWEDISH = ("RAND-36, Swedish version: Orwelius L et al. J Patient Rep Outcomes 2018;2:4, "
                    "doi:10.1186/s41687-018-0030-0")

INSTRUMENT = INSTRUMENTS["rand36"]


def _linear(n_options: int, *, best_first: bool) -> dict[int, int]:
    """Raw 1…n spread evenly over 0–100; `best_first` when option 1 is the healthiest answer."""
    step = 100 // (n_options - 1)
    return {raw: 100 - (raw - 1) * step if best_first else (raw - 1) * step for raw in range(1, n_options + 1)}


_GROUPS: tuple[tuple[tuple[int, ...], dict[int, int]], ...] = (
    ((1, 2, 20, 22, 34, 36), _linear(5, best_first=True)),
    (tuple(range(3, 13)), _linear(3, best_first=False)),
    (tuple(range(13, 20)), _linear(2, best_first=False)),
    ((21, 23, 26, 27, 30), _linear(6, best_first=True)),
    ((24, 25, 28, 29, 31), _linear(6, best_first=False)),
    ((32, 33, 35), _linear(5, best_first=False)),
)
RECODE: dict[int, dict[int, int]] = {item: table for items, table in _GROUPS for item in items}
HEALTH_CHANGE_ITEM = 2


def recoded(values: list[Any]) -> list[int | None]:
    """Each answer recoded to 0–100 (100 = best); missing stays missing."""
    return [None if v is None else RECODE[number][v] for number, v in enumerate(values, start=1)]


def score_rand36(answers: Any) -> Score:
    """Score the eight RAND-36 scales.

    Args:
        answers: 36 raw answers in item order (1…k as printed), None for a missing answer.

    Raises:
        ValidationFailed: for a bad answer or item count.
    """
    values = check_answers(INSTRUMENT.name, INSTRUMENT.items, answers)
    points = recoded(values)
    scales: dict[str, Fraction | None] = {}
    for name, items in INSTRUMENT.subscales.items():
        answered = [points[i - 1] for i in items if points[i - 1] is not None]
        scales[name] = Fraction(sum(answered), len(answered)) if answered else None
    in_scales = [points[i - 1] for items in INSTRUMENT.subscales.values() for i in items]
    return build_score(
        INSTRUMENT, values=values, total=None, subscales=scales,
        prorated=any(v is None for v in in_scales) and any(v is not None for v in in_scales),
        details={"health_change": points[HEALTH_CHANGE_ITEM - 1]},
        scoring_rule_id=rule_id("rand36.rand.v1"),
    )
