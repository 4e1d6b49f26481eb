"""The body heat map as a scene: the app's front and back figures (diary/domain/body_layout.py), each WPI
region shaded by how often it hurt, and a scale — laid out as the desktop's (diary/reports/body_heatmap.py)."""

from __future__ import annotations

from diary.domain.body_layout import BACK, BACK_OUTLINE, FIGURE_H, FIGURE_W, FRONT, HEAD
from diary.i18n import _, pgettext
from diary.i18n.formats import percent
from diary.reports.chart_data import BodyMapData
from diary.reports.palette import Theme, heat_colour
from diary.reports.scene_axes import FONT_PX, NOTE_PX
from diary.reports.scene_shapes import NO_FILL, Box, Label, Line, Scene, Shape

BODY_HEIGHT = 272  # 2.72 in at 100 dpi, as the desktop's figure
GAP = 30  # between the front and back figures
# The figures' box in figure units: 4 around them, 34 above for the titles.
UNITS_LEFT, UNITS_TOP = -4, -34
UNITS_W, UNITS_H = 2 * FIGURE_W + GAP + 8, FIGURE_H + 38
SCALE_TICKS = (0, 0.25, 0.5, 0.75, 1)


def body_map_scene(data: BodyMapData, th: Theme, width: float) -> Scene:
    area_w, area_h = width * 0.705, BODY_HEIGHT * 0.955
    unit = min(area_w / UNITS_W, area_h / UNITS_H)
    x0 = width * 0.02 + (area_w - unit * UNITS_W) / 2 - UNITS_LEFT * unit
    y0 = BODY_HEIGHT * 0.023 + (area_h - unit * UNITS_H) / 2 - UNITS_TOP * unit
    shapes: list[Shape] = []

    def box(left: float, rect, colour: str, edge: str | None) -> Box:
        x, y, w, h = rect
        return Box(x0 + (left + x) * unit, y0 + y * unit, w * unit, h * unit, colour, radius=7 * unit, edge=edge)

    r_side, l_side = pgettext("body side, one letter", "R"), pgettext("body side, one letter", "L")
    for left, regions, outline, title, sides in ((0, FRONT, [], pgettext("body", "Front"), (r_side, l_side)),
                                                 (FIGURE_W + GAP, BACK, BACK_OUTLINE, pgettext("body", "Back"), (l_side, r_side))):
        shapes.append(box(left, HEAD, th.grid, None))
        shapes += [box(left, rect, th.grid, None) for rect in outline]
        for region, rect in regions.items():
            colour = heat_colour(th.heat, data.shares[region]) if data.days_with_map else th.grid
            shapes.append(box(left, rect, colour, th.muted))
        shapes.append(Label(x0 + (left + FIGURE_W / 2) * unit, y0 - 10 * unit, title, th.text, NOTE_PX,
                            align="center", anchor="bottom"))
        shapes += [Label(x0 + (left + x) * unit, y0 + 4 * unit, side, th.muted, FONT_PX, align="center")
                   for x, side in zip((4, FIGURE_W - 4), sides)]
    if not data.days_with_map:
        shapes.append(Label(x0 + (FIGURE_W + GAP / 2) * unit, y0 + FIGURE_H / 2 * unit, _("No body map\nin this period").replace("\n", " "),
                            th.text, NOTE_PX, align="center", anchor="middle"))
    return Scene(width, BODY_HEIGHT, th.face, (*shapes, *_scale(th, width)))


def _scale(th: Theme, width: float) -> list[Shape]:
    """The colour bar: the ramp in steps, ticks at 0–100 %, and what it counts."""
    left, bar_w = width * 0.81, max(8.0, width * 0.035)
    top, bottom = BODY_HEIGHT * (1 - 0.76), BODY_HEIGHT * (1 - 0.12)
    steps = 24
    step_h = (bottom - top) / steps
    shapes: list[Shape] = [Box(left, bottom - (i + 1) * step_h, bar_w, step_h + 0.5, heat_colour(th.heat, (i + 0.5) / steps))
                           for i in range(steps)]
    shapes.append(Box(left, top, bar_w, bottom - top, NO_FILL, edge=th.muted))
    for share in SCALE_TICKS:
        y = bottom - share * (bottom - top)
        shapes += [Line(((left + bar_w, y), (left + bar_w + 2, y)), th.muted, 0.6),
                   Label(left + bar_w + 4, y, percent(share), th.text, FONT_PX, anchor="middle")]
    first, _newline, second = _("days it\nhurt").partition("\n")  # the desktop's two-line title
    shapes += [Label(left + bar_w / 2, top - 6 - FONT_PX, first, th.muted, FONT_PX, align="center", anchor="bottom"),
               Label(left + bar_w / 2, top - 6, second, th.muted, FONT_PX, align="center", anchor="bottom")]
    return shapes
