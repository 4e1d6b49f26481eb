"""Pain locations on the 19 regions of the Widespread Pain Index (ACR 2010/2016: Wolfe F et al.
Arthritis Care Res 2010;62:600–610; Wolfe F et al. Semin Arthritis Rheum 2016;46:319–329), with an
approximation of the ACR 1990 chronic-widespread-pain pattern (Wolfe F et al. Arthritis Rheum 1990).

Rules (shared/reference/instruments.md §2.9):
- [DEV] WPI = the number of painful regions (0–19), regions in the fixed order of diary.domain.regions.
- [DEV] 2016 generalized pain: pain in at least 4 of 5 areas (left upper, right upper, left lower,
  right lower, axial); jaw, chest and abdomen count towards none.
- ACR 1990 pattern (approximation; the 1990 criteria were not defined on WPI regions): pain left and
  right, above and below the waist, and axial (neck, upper back, lower back or chest). Low back counts
  as below the waist; neck, upper back and chest as above it; jaw and abdomen are left out.
- A map that was not filled in (None) is missing; an explicit "no pain" is 19 × False.
"""

from __future__ import annotations

from typing import Any

from diary.domain.errors import Sentence, ValidationFailed
from diary.domain.instruments.common import build_score, rule_id
from diary.domain.instruments.registry import INSTRUMENTS
from diary.domain.instruments.result import Score
from diary.domain.regions import REGIONS, generalized_pain

INSTRUMENT = INSTRUMENTS["wpi19"]
_LIMBS = ("shoulder", "upper_arm", "lower_arm", "hip", "upper_leg", "lower_leg")
LEFT = frozenset(f"{limb}_left" for limb in _LIMBS)
RIGHT = frozenset(f"{limb}_right" for limb in _LIMBS)
AXIAL_1990 = frozenset({"neck", "upper_back", "lower_back", "chest"})
ABOVE_WAIST = frozenset({"neck", "upper_back", "chest"}) | {
    f"{limb}_{side}" for limb in ("shoulder", "upper_arm", "lower_arm") for side in ("left", "right")}
BELOW_WAIST = frozenset({"lower_back"}) | {
    f"{limb}_{side}" for limb in ("hip", "upper_leg", "lower_leg") for side in ("left", "right")}


def acr1990_pattern(regions: frozenset[str]) -> bool:
    """The ACR 1990 widespread-pain pattern, approximated on WPI regions."""
    return all(regions & part for part in (LEFT, RIGHT, ABOVE_WAIST, BELOW_WAIST, AXIAL_1990))


def painful_regions(answers: Any) -> frozenset[str] | None:
    """The painful regions named by a wpi19 answer list; None for a map that was not filled in.

    Raises:
        ValidationFailed: for anything but 19 true/false (or 1/0) values.
    """
    if answers is None:
        return None
    if not isinstance(answers, (list, tuple)) or len(answers) != len(REGIONS):
        got = f"{len(answers)} answers" if isinstance(answers, (list, tuple)) else repr(answers)
        raise ValidationFailed(Sentence("Pain locations (wpi19) has 19 regions; got {got}.", got=got))
    for number, (region, value) in enumerate(zip(REGIONS, answers), start=1):
        if not (isinstance(value, bool) or (isinstance(value, int) and value in (0, 1))):
            raise ValidationFailed(Sentence("Pain locations (wpi19) region {number} ({region}): {value!r} is not allowed; answers are true or false (or 1 or 0); leave the whole map empty when it was not filled in.", number=number, region=region, value=value), field=region)
    return frozenset(region for region, value in zip(REGIONS, answers) if value)


def score_wpi19(answers: Any) -> Score:
    """Count painful regions and flag the widespread-pain patterns.

    Args:
        answers: 19 booleans (or 1/0) in WPI region order, or None when the map was not filled in.

    Raises:
        ValidationFailed: for a malformed map.
    """
    regions = painful_regions(answers)
    if regions is None:
        return build_score(INSTRUMENT, values=[None] * 19, total=None, prorated=False,
                           scoring_rule_id=rule_id("wpi19.v1"))
    flags = {name for name, met in (("generalized_pain_2016", generalized_pain(regions)),
                                    ("acr1990_pattern", acr1990_pattern(regions))) if met}
    return build_score(INSTRUMENT, values=[True] * 19, total=len(regions), prorated=False, flags=flags,
                       scoring_rule_id=rule_id("wpi19.v1"))
