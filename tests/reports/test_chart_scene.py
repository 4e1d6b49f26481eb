"""One chart description, two renderers: the desktop's matplotlib PNGs (reports/charts.py, body_heatmap.py)
and the phone's canvas scenes (reports/chart_scene.py) are drawn from the same ChartData, so they show the
same points, bars, bands, goals and region shades and carry the same one-sentence summary."""

from __future__ import annotations

from datetime import timedelta

import pytest
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.colors import to_hex
from matplotlib.patches import FancyBboxPatch, Rectangle

from diary.domain.body_layout import BACK, FRONT
from diary.reports import charts as mpl
from diary.reports.body_heatmap import CMAP_LIGHT
from diary.reports.chart_data import ActivityData, BodyMapData, GoalsData, Phq15Data, SymptomData
from diary.reports.chart_scene import scene, scene_height
from diary.reports.overview import CHART_ORDER, PERIODS, trend_data
from diary.reports.palette import ACTIVITY_PARTS, LIGHT, heat_colour
from diary.reports.scene_shapes import Box, Dot, Label, Line
from diary.reports.style import margins, new_figure, theme


@pytest.fixture(scope="module")
def view(record, today):
    return trend_data(record, today=today, period="3m")


def axes_for(draw, data):
    fig = new_figure(theme(False))
    margins(fig)
    ax = fig.add_subplot()
    draw(ax, theme(False), data)
    return ax


def dots(drawing, colour):
    return [s for s in drawing.in_plot(Dot) if s.colour == colour]


def test_both_renderers_keep_the_description_and_its_sentence(view):
    from diary.platform.canvas_charts import CanvasCharts

    for data in view.charts.values():
        png, canvas = mpl.render(data), CanvasCharts().render(data, dark=False)
        assert png.data is canvas.data is data
        assert png.summary == canvas.summary == data.summary and png.alt_title == canvas.alt_title == data.title


def test_a_symptom_chart_shows_the_same_days_values_and_flares(view):
    data: SymptomData = view.charts["pain"]
    ax = axes_for(mpl.draw_symptom, data)
    [scatter, momentary] = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert sorted(map(tuple, scatter.get_offsets())) == sorted((d.toordinal(), v) for d, v in data.points)
    assert data.momentary and sorted(map(tuple, momentary.get_offsets())) == [(d.toordinal(), v) for d, v in data.momentary]
    mpl_flares = sum(len(c.get_paths()) for c in ax.collections if type(c) is PolyCollection)
    drawing = scene(data, width=334)
    hollow = [dot for dot in dots(drawing, LIGHT.measure["pain"]) if dot.hollow]
    assert len(hollow) == len(data.momentary) and {dot.shape for dot in hollow} == {"^"}
    shown = sorted((dot for dot in dots(drawing, LIGHT.measure["pain"]) if not dot.hollow), key=lambda dot: dot.x)
    assert len(shown) == len(data.points)
    # Left to right by day, and higher on screen exactly where the value is higher.
    values = [v for _, v in sorted(data.points)]
    for (v1, d1), (v2, d2) in zip(zip(values, shown), zip(values[1:], shown[1:])):
        assert (v1 > v2) == (d1.y < d2.y) and (v1 == v2) == (abs(d1.y - d2.y) < 1e-9)
    flare_boxes = [b for b in drawing.in_plot(Box) if b.colour == LIGHT.flare]
    assert len(flare_boxes) == len(data.flares) == mpl_flares


def test_an_activity_chart_stacks_the_same_minutes(view):
    data: ActivityData = view.charts["activity"]
    ax = axes_for(mpl.draw_activity, data)
    mpl_bars = sorted((round(p.get_x() + p.get_width() / 2, 3), round(p.get_height(), 6))
                      for p in ax.patches if isinstance(p, Rectangle) and p.get_height() > 0)
    wanted = sorted((w.week_start.toordinal() + 3.0, float(getattr(w, part))) for w in data.weeks
                    for part in ACTIVITY_PARTS if getattr(w, part))
    assert mpl_bars == wanted
    colours = {LIGHT.measure[p]: p for p in ACTIVITY_PARTS}
    bars = [b for b in scene(data, width=334).in_plot(Box) if b.colour in colours]
    assert len(bars) == len(wanted)
    # Every bar's height is its minutes at one scale, and each week's parts share one x.
    minutes = sorted((round(b.x, 6), colours[b.colour], b.height) for b in bars)
    by_week = sorted((w.week_start, p, getattr(w, p)) for w in data.weeks for p in ACTIVITY_PARTS if getattr(w, p))
    scales = {round(height / value, 6) for (_, _, height), (_, _, value) in
              zip(sorted(minutes, key=lambda m: (m[0], m[1])), sorted(by_week, key=lambda m: (m[0], m[1])))}
    assert len(scales) == 1


def test_a_phq15_chart_plots_the_same_weekly_totals_over_the_same_bands(view):
    data: Phq15Data = view.charts["phq15"]
    fig = new_figure(theme(False))
    ax = fig.add_subplot()
    mpl.draw_phq15(ax, theme(False), data)
    [line] = ax.get_lines()
    assert list(zip(line.get_xdata(), line.get_ydata())) == [(d.toordinal(), t) for d, t in data.points]
    drawing = scene(data, width=334)
    assert len(dots(drawing, LIGHT.series[0])) == len(data.points)
    names = {label.text for label in drawing.of(Label)}
    assert {band.name.replace("_", " ") for band in data.bands} <= names


def test_a_goal_chart_draws_one_line_per_goal_and_the_t_score(view):
    data: GoalsData = view.charts["goals"]
    ax = axes_for(mpl.draw_goals, data)
    goal_lines = [line for line in ax.get_lines() if len(line.get_xdata())]
    drawing = scene(data, width=334)
    for i, goal in enumerate(data.lines):
        colour = LIGHT.series[i]
        assert len(dots(drawing, colour)) == len(goal.ratings)
        assert list(goal_lines[i].get_xdata()) == [d.toordinal() for d, _ in goal.ratings]
    legend = {label.text for label in drawing.of(Label)}
    assert {goal.title for goal in data.lines} <= legend and "T-score of the steps (right axis)" in legend
    assert scene_height(data) == drawing.height


def test_the_body_map_shades_each_region_with_the_same_colour(view):
    data: BodyMapData = view.charts["body"]
    mpl_colours = sorted(to_hex(p.get_facecolor()).upper() for p in _body_axes(data).patches
                         if isinstance(p, FancyBboxPatch) and to_hex(p.get_edgecolor()).upper() == LIGHT.muted)
    drawing = scene(data, width=334)
    canvas_colours = sorted(b.colour for b in drawing.of(Box) if b.edge == LIGHT.muted and b.radius > 0)
    assert len(canvas_colours) == len(mpl_colours) == len(FRONT) + len(BACK)
    for share in data.shares.values():
        assert _close(heat_colour(LIGHT.heat, share), to_hex(CMAP_LIGHT(share)).upper())
    assert all(_close(a, b) for a, b in zip(canvas_colours, mpl_colours))


def _close(a: str, b: str, tolerance: int = 2) -> bool:
    return all(abs(int(a[i:i + 2], 16) - int(b[i:i + 2], 16)) <= tolerance for i in (1, 3, 5))


def _body_axes(data):
    from matplotlib.figure import Figure

    import diary.reports.body_heatmap as heat

    captured = {}
    original = Figure.add_axes

    def add_axes(self, *args, **kwargs):
        ax = original(self, *args, **kwargs)
        captured.setdefault("ax", ax)
        return ax

    Figure.add_axes = add_axes
    try:
        heat.render_body_map(data)
    finally:
        Figure.add_axes = original
    return captured["ax"]


@pytest.mark.parametrize("period", list(PERIODS))
@pytest.mark.parametrize("width", [200, 334, 640])
def test_every_chart_lays_out_inside_its_frame_at_any_width_light_and_dark(record, today, period, width):
    for dark in (False, True):
        for name, data in trend_data(record, today=today, period=period).charts.items():
            drawing = scene(data, width=width, dark=dark)
            assert drawing.width == width and drawing.background == theme(dark).face
            for shape in drawing.shapes:
                points = shape.points if isinstance(shape, Line) else [(shape.x, shape.y)]
                assert all(-1 <= x <= width + 1 and -1 <= y <= drawing.height + 1 for x, y in points), (name, shape)


def test_empty_charts_say_so_on_the_canvas_as_on_the_png(record, today):
    from dataclasses import replace

    empty = replace(record, checkins=(), questionnaires=(), ratings=())
    view = trend_data(empty, today=today + timedelta(days=400), period="4w")
    notes = {name: {label.text for label in scene(data, width=334).of(Label)} for name, data in view.charts.items()}
    assert "No pain ratings in this period" in notes["pain"]
    assert "No activity logged in this period" in notes["activity"]
    assert "No PHQ-15 in this period" in notes["phq15"]
    assert "No body map in this period" in notes["body"]
    assert set(view.charts) == set(CHART_ORDER)
