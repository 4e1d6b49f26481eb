"""The charts' look as plain values, shared by both renderers: the colour-blind-safe palette, the light
and dark themes, the heat ramp of the body map, marker shapes, sizes and the date ticks.

Colours are the Okabe–Ito palette (Okabe M, Ito K. Color Universal Design, 2008), distinguishable with
every common colour-vision deficiency; series also differ in marker or line style so no meaning rests on
hue alone. A chart is 360 × 220 logical pixels. Nothing here imports matplotlib: the desktop's renderer
(diary/reports/style.py, charts.py) and the phone's Flet canvas (diary/reports/chart_scene.py) both read
these, so the two draw one chart the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from diary.reports.series import n_days

OKABE_ITO = {
    "black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7",
}
# On white, Okabe–Ito's orange and sky blue (and the reddish purple's semi-transparent dots) fall below the
# 3:1 that chart marks need (WCAG 1.4.11); these darker shades keep their hue (tests/ui/test_contrast.py
# checks every mark against its chart's face).
DARK_ORANGE, DARK_SKY_BLUE, DARK_PURPLE = "#B36B00", "#4A90C0", "#B5588F"
WIDTH_PX, HEIGHT_PX = 360, 220  # a chart's logical size (matplotlib: 3.6 × 2.2 in at 100 dpi)
TICK_PT, LABEL_PT = 9, 9.5  # about 12-13 px on a phone at 360 logical px


@dataclass(frozen=True)
class Theme:
    face: str
    text: str
    muted: str
    grid: str
    flare: str  # the shading behind flare days
    series: tuple[str, ...]  # goal lines etc., in order
    measure: dict[str, str]
    heat: tuple[str, ...]  # the body map's ramp, from "never" to "every day"


LIGHT = Theme(
    face="#FFFFFF", text="#1D1B20", muted="#5C5F66", grid="#E3E5E8", flare="#F6D8C4",
    series=(OKABE_ITO["blue"], OKABE_ITO["vermillion"], OKABE_ITO["bluish_green"], OKABE_ITO["reddish_purple"],
            DARK_ORANGE, DARK_SKY_BLUE, OKABE_ITO["black"], "#8C6D1F"),
    measure={"pain": OKABE_ITO["vermillion"], "fatigue": OKABE_ITO["blue"], "stress": DARK_PURPLE,
             "light": DARK_SKY_BLUE, "moderate": OKABE_ITO["blue"], "vigorous": OKABE_ITO["vermillion"]},
    # Sequential and lightness-monotonic (readable without colour vision): pale to dark red.
    heat=("#FDF1E4", "#FBB27A", "#E5591F", "#992400"),
)
# Dark: Okabe–Ito's black becomes light grey, and its dark blue a lighter blue, to keep 3:1 contrast.
DARK = Theme(
    face="#1D1B20", text="#E6E1E5", muted="#A8A9AD", grid="#3A3A40", flare="#4A2E22",
    series=("#4FA3E0", OKABE_ITO["vermillion"], OKABE_ITO["bluish_green"], OKABE_ITO["reddish_purple"],
            OKABE_ITO["orange"], OKABE_ITO["sky_blue"], "#D0D0D0", OKABE_ITO["yellow"]),
    measure={"pain": "#F07E3A", "fatigue": "#4FA3E0", "stress": OKABE_ITO["reddish_purple"],
             "light": OKABE_ITO["sky_blue"], "moderate": "#2B7BC0", "vigorous": OKABE_ITO["vermillion"]},
    # Dark to bright orange on dark surfaces, so "more often" always means "more contrast".
    heat=("#3B2A24", "#8F3A12", "#E66A1F", "#FFD3A1"),
)
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
ACTIVITY_PARTS = ("light", "moderate", "vigorous")
MAX_GOAL_LINES = 8
DOT_ALPHA = 0.85  # daily dots stay lighter than the average's line yet keep 3:1 against the face
DASH = (4, 2)  # the dose line and the T-score: 4 on, 2 off (in line widths)


def theme(dark: bool) -> Theme:
    return DARK if dark else LIGHT


def heat_colour(ramp: tuple[str, ...], share: float) -> str:
    """The colour for `share` (0…1) on a ramp of evenly spaced stops, interpolated in RGB as matplotlib's
    LinearSegmentedColormap does."""
    share = min(1.0, max(0.0, share))
    position = share * (len(ramp) - 1)
    low = min(int(position), len(ramp) - 2)
    fraction = position - low
    a, b = (tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in (ramp[low], ramp[low + 1]))
    return "#" + "".join(f"{round(x + (y - x) * fraction):02X}" for x, y in zip(a, b))


def truncate(title: str, chars: int) -> str:
    """A goal's title shortened to `chars` characters with "…" (legends)."""
    return title if len(title) <= chars else title[:chars - 1].rstrip() + "…"


def date_ticks(start: date, end: date) -> tuple[list[int], list[str]]:
    """Tick positions (date ordinals) and labels suited to the period's length."""
    length = n_days(start, end)
    if length <= 45:  # Mondays, "3 Mar"
        days = [start + timedelta(days=i) for i in range(length) if (start + timedelta(days=i)).weekday() == 0]
        step = 1 if length <= 31 else 2
        return [d.toordinal() for d in days[::step]], [f"{d.day} {d:%b}" for d in days[::step]]
    months, first = [], date(start.year, start.month, 1)
    while first <= end:
        if first >= start:
            months.append(first)
        first = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    step = 1 if length <= 200 else 2 if length <= 400 else max(1, len(months) // 6)
    months = months[::step]
    labels = [f"{d:%b}" + (f" {d.year}" if d.month == 1 or i == 0 else "") for i, d in enumerate(months)]
    return [d.toordinal() for d in months], labels
