"""Goal Attainment Scaling T-score (Kiresuk TJ, Sherman RE. Community Ment Health J 1968;4:443–453).

Rules (shared/reference/instruments.md §2.12):
- [DEV] each goal has a level x ∈ {−2, −1, 0, +1, +2} and an optional weight w (default 1);
  T = 50 + 10·Σwx / √((1 − ρ)·Σw² + ρ·(Σw)²) with ρ = 0.3. One goal: T = 50 + 10x.
- [DEV] unrated goals are left out; no rated goal → invalid.
- Mapping the trial's 3-level rating onto levels is diary.domain.goals' job ([PROJECT DEFAULT]
  fully → 0, partially → −1, not → −2); this module takes levels.
The square root makes T irrational in general, so it is computed in floating point and rounded once.
"""

from __future__ import annotations

import math
from typing import Any

from diary.domain.errors import Sentence, ValidationFailed
from diary.domain.instruments.common import build_score, exact, rule_id
from diary.domain.instruments.definitions import is_number
from diary.domain.instruments.registry import INSTRUMENTS
from diary.domain.instruments.result import Score

INSTRUMENT = INSTRUMENTS["gas"]
LEVELS = (-2, -1, 0, 1, 2)
DEFAULT_RHO = 0.3


def _goal(number: int, answer: Any) -> tuple[int, float] | None:
    """One goal's (level, weight), or None when it is unrated.

    Raises:
        ValidationFailed: naming the goal and the allowed levels or weights.
    """
    where = f"GAS goal {number}"
    if answer is None:
        return None
    if is_number(answer):
        level, weight = answer, None
    elif isinstance(answer, (list, tuple)) and 1 <= len(answer) <= 2:
        level, weight = (*answer, None)[:2]
    else:
        raise ValidationFailed(Sentence("{where}: {answer!r} is not allowed; give [level, weight] (or just the level), or leave it empty for an unrated goal.", where=where, answer=answer), field=f"goal{number}")
    if level is None:
        return None
    if isinstance(level, bool) or not isinstance(level, int) or level not in LEVELS:
        raise ValidationFailed(Sentence("{where}: level {level!r} is not allowed; levels are -2, -1, 0, 1 or 2 (or empty for an unrated goal).", where=where, level=level), field=f"goal{number}")
    if weight is None:
        return level, 1
    if not is_number(weight) or weight <= 0:
        raise ValidationFailed(Sentence("{where}: weight {weight!r} is not allowed; weights are numbers above 0 (or empty for 1).", where=where, weight=weight), field=f"goal{number}")
    return level, weight


def t_score(goals: list[tuple[int, float]], rho: float = DEFAULT_RHO) -> float:
    """The Kiresuk–Sherman T-score of rated (level, weight) pairs; needs at least one goal."""
    weighted = sum(w * x for x, w in goals)
    spread = math.sqrt((1 - rho) * sum(w * w for _, w in goals) + rho * sum(w for _, w in goals) ** 2)
    return 50 + 10 * weighted / spread


def score_gas(answers: Any, *, rho: float = DEFAULT_RHO) -> Score:
    """Score a set of goals as a GAS T-score (50 = attained as expected).

    Args:
        answers: one entry per goal: [level, weight], [level], a bare level, or None / [None, w] for an
            unrated goal. An empty list or None means no goals.
        rho: the assumed correlation between goal scores (default 0.3), from 0 up to but not including 1.

    Raises:
        ValidationFailed: for a bad goal, weight or rho.
    """
    if not is_number(rho) or not 0 <= rho < 1:
        raise ValidationFailed(Sentence("Goal Attainment Scaling option rho: {rho!r} is not allowed; choose a number from 0 up to (not including) 1.", rho=rho), field="rho")
    if answers is None:
        answers = []
    if not isinstance(answers, (list, tuple)):
        raise ValidationFailed(Sentence("GAS answers must be a list with one [level, weight] per goal; got {answers!r}.", answers=answers))
    goals = [_goal(number, answer) for number, answer in enumerate(answers, start=1)]
    rated = [goal for goal in goals if goal is not None]
    return build_score(INSTRUMENT, values=goals, total=exact(t_score(rated, rho)) if rated else None,
                       prorated=False, scoring_rule_id=rule_id("gas.tscore.v1", rho=f"{float(rho):g}"))
