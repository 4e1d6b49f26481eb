"""The 19 body regions of the Widespread Pain Index (ACR 2010/2016).

Order is the fixed WPI order (regions 1–19) used by the `wpi19` answer format, so a list of 19
booleans in this order is the wpi19 answer. Source: Wolfe et al., Semin Arthritis Rheum 2016;46:319–329.
"""

REGIONS: tuple[str, ...] = (
    "jaw_left", "jaw_right",
    "shoulder_left", "shoulder_right",
    "upper_arm_left", "upper_arm_right",
    "lower_arm_left", "lower_arm_right",
    "hip_left", "hip_right",
    "upper_leg_left", "upper_leg_right",
    "lower_leg_left", "lower_leg_right",
    "neck", "upper_back", "lower_back", "chest", "abdomen",
)

REGION_SET = frozenset(REGIONS)

# The five areas of the 2016 generalized-pain rule; jaw, chest and abdomen belong to none.
GENERALIZED_PAIN_AREAS: dict[str, frozenset[str]] = {
    "left_upper": frozenset({"shoulder_left", "upper_arm_left", "lower_arm_left"}),
    "right_upper": frozenset({"shoulder_right", "upper_arm_right", "lower_arm_right"}),
    "left_lower": frozenset({"hip_left", "upper_leg_left", "lower_leg_left"}),
    "right_lower": frozenset({"hip_right", "upper_leg_right", "lower_leg_right"}),
    "axial": frozenset({"neck", "upper_back", "lower_back"}),
}


_POSITIONS = {region: position for position, region in enumerate(REGIONS)}


def region_order(region: str) -> int:
    """Position of a region in the WPI order, for stable sorting (KeyError for an unknown region)."""
    return _POSITIONS[region]


def generalized_pain(regions: frozenset[str] | set[str]) -> bool:
    """The 2016 rule: pain in at least 4 of the 5 areas."""
    return sum(1 for area in GENERALIZED_PAIN_AREAS.values() if area & regions) >= 4
