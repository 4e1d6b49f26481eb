"""Where each of the 19 WPI regions sits on the front and back body figures and what each is called (no drawing here).

One layout for the app's tappable body map (diary/ui/components/body_map.py) and the report's heat
map (diary/reports/body_heatmap.py), so the two always show the same body. The front figure is seen
face on: the person's left side is on the viewer's right, as on clinical pain drawings.
"""

FIGURE_W, FIGURE_H = 150, 312

# region → (left, top, width, height) on its figure, in logical pixels.
FRONT: dict[str, tuple[int, int, int, int]] = {
    "jaw_right": (51, 34, 23, 16), "jaw_left": (76, 34, 23, 16),
    "neck": (62, 52, 26, 14),
    "shoulder_right": (24, 68, 48, 20), "shoulder_left": (78, 68, 48, 20),
    "upper_arm_right": (10, 90, 34, 50), "upper_arm_left": (106, 90, 34, 50),
    "lower_arm_right": (0, 142, 38, 56), "lower_arm_left": (112, 142, 38, 56),
    "chest": (46, 90, 58, 36), "abdomen": (46, 128, 58, 34),
    "hip_right": (44, 164, 30, 28), "hip_left": (76, 164, 30, 28),
    "upper_leg_right": (44, 194, 30, 54), "upper_leg_left": (76, 194, 30, 54),
    "lower_leg_right": (46, 250, 27, 60), "lower_leg_left": (77, 250, 27, 60),
}
BACK: dict[str, tuple[int, int, int, int]] = {
    "upper_back": (40, 68, 70, 58), "lower_back": (46, 128, 58, 34),
}
# Drawn but not tappable on the back figure, so it reads as a body.
BACK_OUTLINE: list[tuple[int, int, int, int]] = [
    (62, 52, 26, 14), (10, 72, 30, 68), (110, 72, 30, 68), (0, 142, 38, 56), (112, 142, 38, 56),
    (44, 164, 62, 28), (44, 194, 30, 54), (76, 194, 30, 54), (46, 250, 27, 60), (77, 250, 27, 60),
]
HEAD = (51, 0, 48, 48)

# On the back figure the neck, arms, hips (buttocks) and legs are the same WPI regions as on the front, so
# the app's map makes them tappable there too. Seen from behind, the person's left is on the viewer's left.
BACK_LIMBS: dict[str, tuple[int, int, int, int]] = {
    "neck": (62, 52, 26, 14),
    "upper_arm_left": (10, 72, 30, 68), "upper_arm_right": (110, 72, 30, 68),
    "lower_arm_left": (0, 142, 38, 56), "lower_arm_right": (112, 142, 38, 56),
    "hip_left": (44, 164, 30, 28), "hip_right": (76, 164, 30, 28),
    "upper_leg_left": (44, 194, 30, 54), "upper_leg_right": (76, 194, 30, 54),
    "lower_leg_left": (46, 250, 27, 60), "lower_leg_right": (77, 250, 27, 60),
}
BACK_TAPPABLE = {**BACK, **BACK_LIMBS}


def reading_order(regions: dict[str, tuple[int, int, int, int]]) -> list[str]:
    """A figure's regions top to bottom, then left to right: the order the keyboard visits them in."""
    return sorted(regions, key=lambda region: (regions[region][1], regions[region][0]))

# The names people read (screen readers, summaries), in WPI order.
REGION_NAMES: dict[str, str] = {
    "jaw_left": "Left jaw", "jaw_right": "Right jaw",
    "shoulder_left": "Left shoulder", "shoulder_right": "Right shoulder",
    "upper_arm_left": "Left upper arm", "upper_arm_right": "Right upper arm",
    "lower_arm_left": "Left lower arm", "lower_arm_right": "Right lower arm",
    "hip_left": "Left hip", "hip_right": "Right hip",
    "upper_leg_left": "Left upper leg", "upper_leg_right": "Right upper leg",
    "lower_leg_left": "Left lower leg", "lower_leg_right": "Right lower leg",
    "neck": "Neck", "upper_back": "Upper back", "lower_back": "Lower back",
    "chest": "Chest", "abdomen": "Abdomen",
}
