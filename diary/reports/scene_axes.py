"""Axes and legends for chart scenes (diary/reports/chart_scene.py): the plot rectangle inside fixed
margins, data → pixel mapping, ticks, grid, spines and a one-row (or one-per-row) legend above the plot,
as the desktop's matplotlib charts place them (diary/reports/style.py)."""

from __future__ import annotations

import math
from dataclasses import replace
from collections.abc import Iterable, Sequence

from diary.reports.palette import LABEL_PT, TICK_PT, Theme
from diary.reports.scene_shapes import Box, Dot, Label, Line, Point, Shape

FONT_PX = round(TICK_PT * 100 / 72)  # matplotlib's 9 pt at 100 dpi: about 12.5 px
NOTE_PX = round(LABEL_PT * 100 / 72)
CHAR_WIDTH = 0.58  # a Roboto character's average width, in font sizes (the canvas cannot measure text)
LEGEND_ROW = 19


def text_width(text: str, size: float = FONT_PX) -> float:
    return len(text) * size * CHAR_WIDTH


def nice_ticks(top: float, most: int = 5) -> list[float]:
    """Round tick values from 0 up to `top`, at most `most` steps (1, 2, 2.5 or 5 × a power of ten)."""
    if top <= 0:
        return [0.0]
    power = 10 ** math.floor(math.log10(top / most))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if top / (m * power) <= most)
    return [i * step for i in range(int(top // step) + 1)]


def _number(value: float) -> str:
    return f"{value:g}"


class Axes:
    """The plot rectangle of a `width` × `height` chart inside the given margins, with its data limits."""

    def __init__(self, th: Theme, width: float, height: float, *, left: float, right: float, top: float,
                 bottom: float):
        self.th = th
        self.left, self.right, self.top, self.bottom = left, width - right, top, height - bottom
        self.width, self.height = self.right - self.left, self.bottom - self.top
        self.x_low = self.x_high = self.y_low = self.y_high = 0.0

    def set_x(self, low: float, high: float) -> None:
        self.x_low, self.x_high = low, high if high > low else low + 1

    def set_y(self, low: float, high: float) -> None:
        self.y_low, self.y_high = low, high if high > low else low + 1

    def x(self, value: float) -> float:
        return self.left + (value - self.x_low) / (self.x_high - self.x_low) * self.width

    def y(self, value: float) -> float:
        return self.bottom - (value - self.y_low) / (self.y_high - self.y_low) * self.height

    @property
    def frame(self) -> tuple[float, float, float, float]:
        return self.left, self.top, self.right, self.bottom

    def twin(self, low: float, high: float):
        """value → pixel y on a right-hand axis from `low` to `high` over the same height."""
        return lambda value: self.bottom - (value - low) / (high - low) * self.height

    # Decorations
    def spines(self) -> list[Shape]:
        muted = self.th.muted
        return [Line(((self.left, self.top), (self.left, self.bottom)), muted, 0.6),
                Line(((self.left, self.bottom), (self.right, self.bottom)), muted, 0.6)]

    def y_ticks(self, values: Iterable[float], *, grid: bool, labels: Sequence[str] | None = None) -> list[Shape]:
        values = list(values)
        shapes: list[Shape] = []
        for value, text in zip(values, labels or [_number(v) for v in values]):
            y = self.y(value)
            if grid:
                shapes.append(Line(((self.left, y), (self.right, y)), self.th.grid, 0.6))
            shapes += [Line(((self.left - 2.5, y), (self.left, y)), self.th.muted, 0.6),
                       Label(self.left - 4, y, text, self.th.text, FONT_PX, align="right", anchor="middle")]
        return shapes

    def x_ticks(self, positions: Iterable[float], labels: Sequence[str]) -> list[Shape]:
        shapes: list[Shape] = []
        for position, text in zip(positions, labels):
            if self.x_low <= position <= self.x_high:
                x = self.x(position)
                shapes += [Line(((x, self.bottom), (x, self.bottom + 2.5)), self.th.muted, 0.6),
                           Label(x, self.bottom + 4, text, self.th.text, FONT_PX, align="center")]
        return shapes

    # Data
    def flat_band(self, spans: Iterable[tuple[float, float]], colour: str, *, low: float | None = None,
                  high: float | None = None) -> list[Box]:
        """Boxes over x spans (clipped to the plot), from y `low` to `high` (default: the whole height)."""
        top, bottom = self.y(self.y_high if high is None else high), self.y(self.y_low if low is None else low)
        boxes = []
        for start, end in spans:
            left, right = max(self.left, self.x(start)), min(self.right, self.x(end))
            if right > left:
                boxes.append(Box(left, top, right - left, bottom - top, colour))
        return boxes

    def polylines(self, points: Iterable[tuple[float, float | None]], colour: str, *, width: float,
                  dash: tuple[float, float] | None = None) -> list[Line]:
        """Lines through the points, broken where a value is None (as matplotlib breaks at NaN)."""
        runs: list[list[Point]] = [[]]
        for x, y in points:
            if y is None:
                runs.append([])
            else:
                runs[-1].append((self.x(x), self.y(y)))
        return [Line(tuple(run), colour, width, dash) for run in runs if len(run) > 1]

    def bar(self, centre: float, days: float, bottom: float, height: float, colour: str, *,
            edge: str | None = None) -> Box:
        left, right = self.x(centre - days / 2), self.x(centre + days / 2)
        return Box(left, self.y(bottom + height), right - left, self.y(bottom) - self.y(bottom + height), colour,
                   edge=edge)

    def h_line(self, value: float, colour: str, *, width: float, dash: tuple[float, float] | None = None) -> Line:
        y = self.y(value)
        return Line(((self.left, y), (self.right, y)), colour, width, dash)


def empty_note(ax: Axes, th: Theme, text: str) -> Label:
    return Label(ax.left + ax.width / 2, ax.top + ax.height / 2, text, th.muted, NOTE_PX, align="center",
                 anchor="middle")


class Legend:
    """Legend entries above the plot, left to right (wrapping) or one per row, like the desktop's."""

    def __init__(self, th: Theme, width: float, *, left: float = 36, one_per_row: bool = False):
        self.th, self.width, self.one_per_row = th, width, one_per_row
        self.start = max(2.0, left - 6)
        self._entries: list[tuple[list[Shape], str]] = []  # handle shapes at (0, 0), the label

    def dot(self, colour: str, label: str, *, opacity: float = 1.0, shape: str = "o", line: bool = False,
            hollow: bool = False) -> None:
        handle: list[Shape] = [Line(((0, 0), (16, 0)), colour, 1.5)] if line else []
        self._entries.append(([*handle, Dot(8, 0, 3.0, colour, opacity=opacity, shape=shape, hollow=hollow)], label))

    def line(self, colour: str, label: str, *, width: float, dash: tuple[float, float] | None = None) -> None:
        self._entries.append(([Line(((0, 0), (16, 0)), colour, width, dash)], label))

    def box(self, colour: str, label: str) -> None:
        self._entries.append(([Box(2, -5, 12, 10, colour)], label))

    def _placed(self) -> list[tuple[float, int, list[Shape], str]]:
        x, row, placed = self.start, 0, []
        for handle, label in self._entries:
            size = 16 + 4 + text_width(label) + 10
            if placed and (self.one_per_row or x + size > self.width):
                x, row = self.start, row + 1
            placed.append((x, row, handle, label))
            x += size
        return placed

    @property
    def height(self) -> float:
        rows = 1 + max((row for _, row, _, _ in self._placed()), default=-1)
        return 8 + LEGEND_ROW * rows

    def shapes(self) -> list[Shape]:
        out: list[Shape] = []
        for x, row, handle, label in self._placed():
            y = 4 + LEGEND_ROW * row + LEGEND_ROW / 2
            out += [_moved(shape, x, y) for shape in handle]
            out.append(Label(x + 20, y, label, self.th.text, FONT_PX, anchor="middle"))
        return out


def _moved(shape: Shape, dx: float, dy: float) -> Shape:
    if isinstance(shape, Line):
        return replace(shape, points=tuple((x + dx, y + dy) for x, y in shape.points))
    return replace(shape, x=shape.x + dx, y=shape.y + dy)
