"""The shapes a chart scene is made of (diary/reports/chart_scene.py): plain frozen values in logical
pixels, y downwards, that any canvas can draw (the phone app's: diary/platform/canvas_charts.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

Point = tuple[float, float]
DASHED = (4.0, 2.0)  # on, off — in line widths, as matplotlib's dashes
NO_FILL = "none"  # a Box's colour when only its edge is drawn


@dataclass(frozen=True)
class Line:
    """An open polyline through `points`."""

    points: tuple[Point, ...]
    colour: str
    width: float
    dash: tuple[float, float] | None = None


@dataclass(frozen=True)
class Dot:
    """A marker centred on (x, y): "o" circle, "s" square, "^"/"v" triangles, "D" diamond; other
    matplotlib markers are drawn as circles. A hollow marker is its outline only."""

    x: float
    y: float
    radius: float
    colour: str
    opacity: float = 1.0
    shape: str = "o"
    hollow: bool = False  # only the outline (momentary pain ratings, drawn apart from the day's value)


@dataclass(frozen=True)
class Box:
    """A filled rectangle (left, top, width, height), optionally rounded and outlined."""

    x: float
    y: float
    width: float
    height: float
    colour: str
    radius: float = 0.0
    edge: str | None = None


@dataclass(frozen=True)
class Label:
    """Text whose `align` side ("left", "center", "right") and `anchor` edge ("top", "middle",
    "bottom") sit at (x, y); `rotate` in degrees, counter-clockwise negative as on screen."""

    x: float
    y: float
    text: str
    colour: str
    size: float
    align: Literal["left", "center", "right"] = "left"
    anchor: Literal["top", "middle", "bottom"] = "top"
    rotate: float = 0.0


Shape = Union[Line, Dot, Box, Label]


@dataclass(frozen=True)
class Scene:
    """One chart: its size, background, shapes in drawing order, and where its plot area is (left, top,
    right, bottom; None for the body map), so a reader can tell data from legend."""

    width: float
    height: float
    background: str
    shapes: tuple[Shape, ...]
    plot: tuple[float, float, float, float] | None = None

    def in_plot(self, kind: type) -> list:
        """The shapes of one kind whose anchor lies in the plot area (the data, not the legend)."""
        left, top, right, bottom = self.plot or (0, 0, self.width, self.height)
        return [s for s in self.of(kind) if left <= s.x <= right and top <= s.y <= bottom]

    def of(self, kind: type) -> list:
        """The shapes of one kind (tests, and what a reader of the scene wants to count)."""
        return [s for s in self.shapes if isinstance(s, kind)]
