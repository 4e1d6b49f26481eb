"""The second chart renderer: a chart description laid out as plain shapes at any width, no matplotlib.

The phone app cannot run matplotlib (no wasm build), so it draws the same descriptions
(diary/reports/chart_data.py) as lines, dots, boxes and labels on a Flet canvas
(diary/platform/canvas_charts.py turns a `Scene` into canvas shapes). The layout follows the desktop's
matplotlib charts (diary/reports/charts.py, body_heatmap.py) — same margins, colours, ticks, legends —
so both read alike, and neither can show data the description does not hold. Coordinates are logical
pixels, y downwards. Pure values: tests compare what each renderer shows of one description.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from diary.i18n import _, words
from diary.reports.chart_data import ActivityData, BodyMapData, ChartData, GoalsData, Phq15Data, SymptomData
from diary.reports.palette import (
    ACTIVITY_PARTS, DOT_ALPHA, HEIGHT_PX, MARKERS, MAX_GOAL_LINES, Theme, date_ticks, theme, truncate,
)
from diary.reports.scene_axes import FONT_PX, Axes, Legend, empty_note, nice_ticks
from diary.reports.scene_body import BODY_HEIGHT, body_map_scene
from diary.reports.scene_shapes import DASHED, Dot, Label, Line, Scene, Shape
GOAL_TITLE_CHARS = 44


def _date_axis(ax: Axes, start, end) -> list[Shape]:
    ax.set_x(start.toordinal() - 0.6, end.toordinal() + 0.6)
    return ax.x_ticks(*date_ticks(start, end))


# Symptoms
def symptom_scene(data: SymptomData, th: Theme, width: float) -> Scene:
    colour = th.measure[data.measure]
    legend = Legend(th, width)
    legend.dot(colour, data.daily_label, opacity=DOT_ALPHA)
    legend.line(colour, _("7-day average"), width=2)
    if data.momentary:
        legend.dot(colour, _("Right now"), shape="^", hollow=True)
    if data.flares:
        legend.box(th.flare, _("Flare"))
    ax = Axes(th, width, HEIGHT_PX, left=36, right=12, top=max(34, legend.height), bottom=30)
    ax.set_y(-0.5, 10.5)  # room for whole dots at 0 and 10
    shapes = _date_axis(ax, data.start, data.end)
    shapes = [*ax.flat_band(((d.toordinal() - 0.5, d.toordinal() - 0.5 + n) for d, n in data.flares), th.flare,
                            low=0, high=10),
              *ax.y_ticks(range(0, 11, 2), grid=True), *shapes, *ax.spines()]
    shapes += [Dot(ax.x(d.toordinal()), ax.y(v), 2.0, colour, opacity=DOT_ALPHA) for d, v in data.points]
    # "Right now" ratings: hollow, never part of the day's value or its mean (as the desktop's chart).
    shapes += [Dot(ax.x(d.toordinal()), ax.y(v), 2.6, colour, shape="^", hollow=True) for d, v in data.momentary]
    shapes += ax.polylines([(d.toordinal(), v) for d, v in data.rolling], colour, width=2)
    if not data.points:
        shapes.append(empty_note(ax, th, data.empty_text))
    return Scene(width, HEIGHT_PX, th.face, (*shapes, *legend.shapes()), ax.frame)


# Activity
def activity_scene(data: ActivityData, th: Theme, width: float) -> Scene:
    weeks, dose = data.weeks, data.dose
    legend = Legend(th, width, left=56)
    for part in ACTIVITY_PARTS:
        legend.box(th.measure[part], words.intensity(part))
    if dose:
        legend.line(th.text, _("Plan"), width=1.2, dash=DASHED)
    ax = Axes(th, width, HEIGHT_PX, left=56, right=12, top=max(34, legend.height), bottom=30)
    top = max([*(w.light + w.moderate + w.vigorous for w in weeks), dose.minutes if dose else 0, 30]) * 1.08
    ax.set_y(0, top)
    x = [w.week_start.toordinal() + 3 for w in weeks]  # bars centred on Thursday
    low, high = data.start.toordinal() - 0.6, data.end.toordinal() + 0.6
    if x:
        low, high = min(x[0] - 3.5, low), max(x[-1] + 3.5, high)
    ax.set_x(low, high)
    ticks = date_ticks(data.start, data.end)
    if len(weeks) <= 8:  # few bars: each labelled under itself with its Monday, never between two
        ticks = (x, [f"{w.week_start.day} {w.week_start:%b}" for w in weeks])
    shapes = [*ax.y_ticks(nice_ticks(top), grid=True), *ax.x_ticks(*ticks), *ax.spines()]
    for centre, week in zip(x, weeks):
        bottom = 0.0
        for part in reversed(ACTIVITY_PARTS):  # the hardest minutes at the bottom, read against the dose
            minutes = getattr(week, part)
            if minutes:
                # A line of the chart's face between stacked parts, as the desktop's chart draws.
                shapes.append(ax.bar(centre, 5.6, bottom, minutes, th.measure[part], edge=th.face))
            bottom += minutes
    if dose:
        shapes.append(ax.h_line(dose.minutes, th.text, width=1.2, dash=DASHED))
    shapes.append(Label(10, ax.top + ax.height / 2, _("min / week"), th.muted, FONT_PX, align="center", anchor="middle",
                        rotate=-90))
    if not any(w.days_reported for w in weeks):
        shapes.append(empty_note(ax, th, _("No activity logged in this period")))
    return Scene(width, HEIGHT_PX, th.face, (*shapes, *legend.shapes()), ax.frame)


# PHQ-15
def phq15_scene(data: Phq15Data, th: Theme, width: float) -> Scene:
    ax = Axes(th, width, HEIGHT_PX, left=36, right=62, top=14, bottom=30)
    ax.set_y(0, 30)
    x_ticks = _date_axis(ax, data.start, data.end)
    shapes: list[Shape] = []
    for i, band in enumerate(data.bands):
        shapes += ax.flat_band([(ax.x_low, ax.x_high)], th.grid if i % 2 else th.face, low=band.low, high=band.high)
        shapes.append(Label(ax.right + 4, ax.y((band.low + band.high) / 2), words.band(band.name), th.muted,
                            FONT_PX, anchor="middle"))
    shapes += [*ax.y_ticks([b.low for b in data.bands] + [30], grid=False), *x_ticks, *ax.spines()]
    shapes += ax.polylines([(d.toordinal(), total) for d, total in data.points], th.series[0], width=1.6)
    shapes += [Dot(ax.x(d.toordinal()), ax.y(total), 3.0, th.series[0]) for d, total in data.points]
    if not data.points:
        shapes.append(empty_note(ax, th, _("No PHQ-15 in this period")))
    return Scene(width, HEIGHT_PX, th.face, tuple(shapes), ax.frame)


# Goals
def goals_height(data: GoalsData) -> float:
    """Taller with more goals, as the desktop's figure: one legend row per goal and the T-score."""
    rows = min(len(data.lines), MAX_GOAL_LINES) + 1
    return HEIGHT_PX + 19 * max(0, rows - 2)


def goals_scene(data: GoalsData, th: Theme, width: float) -> Scene:
    shown, height = data.lines[:MAX_GOAL_LINES], goals_height(data)
    legend = Legend(th, width, left=34, one_per_row=True)
    for i, goal in enumerate(shown):
        legend.dot(th.series[i % len(th.series)], truncate(goal.title, GOAL_TITLE_CHARS), shape=MARKERS[i % len(MARKERS)],
                   line=True)
    if data.t_scores:
        legend.line(th.text, _("T-score of the steps (right axis)"), width=1.1, dash=DASHED)
    ax = Axes(th, width, height, left=34, right=36, top=max(14 + 19 * (len(shown) + 1), legend.height), bottom=30)
    ax.set_y(-2.4, 2.4)
    shapes = [*ax.y_ticks([-2, -1, 0, 1, 2], grid=True, labels=["−2", "−1", "0", "+1", "+2"]),
              *_date_axis(ax, data.start, data.end), *ax.spines()]
    if data.t_scores:
        shapes += _t_score_axis(ax, th, data)
    for i, goal in enumerate(shown):
        offset = (i - (len(shown) - 1) / 2) * 0.05  # keeps equal levels of different goals apart
        colour, marker = th.series[i % len(th.series)], MARKERS[i % len(MARKERS)]
        points = [(d.toordinal(), level + offset) for d, level in goal.ratings]
        shapes += ax.polylines(points, colour, width=1.5)
        shapes += [Dot(ax.x(x), ax.y(y), 3.5, colour, shape=marker) for x, y in points]
    if not data.rated:
        shapes.append(empty_note(ax, th, _("No goal ratings in this period")))
    return Scene(width, height, th.face, (*shapes, *legend.shapes()), ax.frame)


def _t_score_axis(ax: Axes, th: Theme, data: GoalsData) -> list[Shape]:
    values = [t for _, t in data.t_scores]
    low, high = min(20.0, min(values) - 4), max(80.0, max(values) + 4)
    right = ax.twin(low, high)
    shapes: list[Shape] = [Line(((ax.right, ax.top), (ax.right, ax.bottom)), th.muted, 0.6)]
    for value in (v for v in (20, 30, 40, 50, 60, 70, 80) if low <= v <= high):
        shapes.append(Label(ax.right + 4, right(value), str(value), th.text, FONT_PX, anchor="middle"))
    points = [(ax.x(d.toordinal()), right(t)) for d, t in data.t_scores]
    if len(points) > 1:
        shapes.append(Line(tuple(points), th.text, 1.1, dash=DASHED))
    shapes += [Line(((x - 3, y), (x + 3, y)), th.text, 1.1) for x, y in points]
    return shapes


_SCENES: dict[type, Callable[[ChartData, Theme, float], Scene]] = {
    SymptomData: symptom_scene, ActivityData: activity_scene, Phq15Data: phq15_scene, GoalsData: goals_scene,
    BodyMapData: body_map_scene,
}


def scene(data: ChartData, *, width: float, dark: bool = False) -> Scene:
    """Lay out any chart description at `width` logical pixels (light or dark)."""
    return _SCENES[type(data)](data, theme(dark), max(200.0, float(width)))


def scene_height(data: ChartData) -> float:
    """The height a chart takes (it does not depend on the width)."""
    return goals_height(data) if isinstance(data, GoalsData) else BODY_HEIGHT if isinstance(data, BodyMapData) \
        else HEIGHT_PX

