"""The phone app's ChartRenderer: chart descriptions drawn with Flet's own canvas (no matplotlib, which
has no wasm build).

`render` only wraps the description (nothing to draw off the UI); `control` lays it out as a scene
(diary/reports/chart_scene.py) at the width the card gives it and turns the scene's lines, dots, boxes
and labels into canvas shapes, laying it out again when the canvas reports another width (a phone
turned sideways). The same descriptions feed the desktop's matplotlib PNGs, so both show the same data
with the same one-sentence summary. Runs anywhere Flet does (no browser API), so it is tested on the
desktop too.
"""

from __future__ import annotations

import math

import flet as ft
import flet.canvas as cv

from diary.reports.chart_data import Chart, ChartData
from diary.reports.chart_scene import scene, scene_height
from diary.reports.palette import theme
from diary.reports.scene_shapes import NO_FILL, Box, Dot, Label, Line, Scene

FIRST_WIDTH = 334  # a 390 px phone less the screen's and the card's padding; corrected on the first resize
_ALIGN = {"left": -1, "center": 0, "right": 1}
_ANCHOR = {"top": -1, "middle": 0, "bottom": 1}


def _stroke(colour: str, width: float, dash: tuple[float, float] | None = None) -> ft.Paint:
    return ft.Paint(color=colour, stroke_width=width, style=ft.PaintingStyle.STROKE, stroke_join=ft.StrokeJoin.ROUND,
                    stroke_cap=ft.StrokeCap.BUTT if dash else ft.StrokeCap.ROUND,
                    stroke_dash_pattern=[dash[0] * width, dash[1] * width] if dash else None)


def _fill(colour: str, opacity: float = 1.0) -> ft.Paint:
    return ft.Paint(color=colour if opacity >= 1 else ft.Colors.with_opacity(opacity, colour),
                    style=ft.PaintingStyle.FILL)


def _polygon(points: list[tuple[float, float]], paint: ft.Paint) -> cv.Path:
    (x, y), rest = points[0], points[1:]
    return cv.Path([cv.Path.MoveTo(x, y), *(cv.Path.LineTo(px, py) for px, py in rest), cv.Path.Close()], paint=paint)


def _dot(dot: Dot) -> cv.Shape:
    x, y, r = dot.x, dot.y, dot.radius
    paint = _stroke(dot.colour, 0.9) if dot.hollow else _fill(dot.colour, dot.opacity)
    if dot.shape == "s":
        return cv.Rect(x - r, y - r, 2 * r, 2 * r, paint=paint)
    if dot.shape == "^":
        return _polygon([(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)], paint)
    if dot.shape == "v":
        return _polygon([(x, y + r * 1.2), (x + r * 1.1, y - r * 0.8), (x - r * 1.1, y - r * 0.8)], paint)
    if dot.shape == "D":
        return _polygon([(x, y - r * 1.2), (x + r, y), (x, y + r * 1.2), (x - r, y)], paint)
    return cv.Circle(x, y, r, paint=paint)


def _line(line: Line) -> cv.Shape:
    (x, y), rest = line.points[0], line.points[1:]
    return cv.Path([cv.Path.MoveTo(x, y), *(cv.Path.LineTo(px, py) for px, py in rest)],
                   paint=_stroke(line.colour, line.width, line.dash))


def _box(box: Box) -> list[cv.Shape]:
    shapes = []
    if box.colour != NO_FILL:
        shapes.append(cv.Rect(box.x, box.y, box.width, box.height, border_radius=box.radius, paint=_fill(box.colour)))
    if box.edge:
        shapes.append(cv.Rect(box.x, box.y, box.width, box.height, border_radius=box.radius,
                              paint=_stroke(box.edge, 0.6)))
    return shapes


def _label(label: Label) -> cv.Shape:
    return cv.Text(label.x, label.y, label.text, style=ft.TextStyle(size=label.size, color=label.colour),
                   alignment=ft.Alignment(_ALIGN[label.align], _ANCHOR[label.anchor]),
                   rotate=math.radians(label.rotate))


def canvas_shapes(drawing: Scene) -> list[cv.Shape]:
    """The scene as Flet canvas shapes, in drawing order."""
    shapes: list[cv.Shape] = [cv.Rect(0, 0, drawing.width, drawing.height, paint=_fill(drawing.background))]
    for shape in drawing.shapes:
        if isinstance(shape, Line):
            shapes.append(_line(shape))
        elif isinstance(shape, Dot):
            shapes.append(_dot(shape))
        elif isinstance(shape, Box):
            shapes += _box(shape)
        else:
            shapes.append(_label(shape))
    return shapes


class ChartCanvas(cv.Canvas):
    """One chart on a canvas as wide as its card, laid out again when that width changes."""

    def __init__(self, data: ChartData, *, dark: bool, width: float = FIRST_WIDTH):
        super().__init__(width=float("inf"), height=scene_height(data), resize_interval=200, on_resize=self._resized)
        self.data, self.dark = data, dark
        self.laid_out_at = 0.0
        self.lay_out(width)

    def lay_out(self, width: float) -> None:
        self.shapes = canvas_shapes(scene(self.data, width=width, dark=self.dark))
        self.laid_out_at = width

    def _resized(self, e: cv.CanvasResizeEvent) -> None:
        if e.width > 0 and abs(e.width - self.laid_out_at) >= 1:
            self.lay_out(e.width)
            self.update()


class CanvasCharts:
    """diary.platform.seams.ChartRenderer drawing on Flet's canvas."""

    def render(self, data: ChartData, *, dark: bool, text_scale: float = 1.0) -> Chart:
        # The canvas letters its charts at 100% whatever the user's text size (`text_scale`): the desktop's
        # larger chart lettering (diary/reports/style.py enlarge_text) has no canvas counterpart yet.
        return Chart(None, data.summary, data.title, data, dark)

    def control(self, chart: Chart, *, key: str, label: str) -> ft.Control:
        return ft.Semantics(key=key, label=label, image=True, container=True,
                            content=ChartCanvas(chart.data, dark=chart.dark))

    def colours(self, *, dark: bool) -> tuple[str, str]:
        th = theme(dark)
        return th.face, th.text
