"""Figures kept between renders of the same kind of chart, so a chart pays for its drawing, not its set-up.

Making a Figure with its Axes (spines, axes, their first ticks), styling them and making the y ticks cost
about a third of drawing a year's symptom chart (benchmarks/bench_p4_chart.py), and all of it is the same
for every symptom chart of a theme. A figure taken from here has had the previous chart's data artists
(lines, collections, patches, texts, the legend) removed and keeps everything else; the renderer sets
the margins, limits and ticks of its own chart each time. tests/reports/test_figure_pool.py checks that
a chart drawn on a used figure is byte for byte the one drawn on a new figure.

Each figure is used by one render at a time (charts may be drawn on several threads at once): `taken`
hands it out and gets it back only when the render finished without an error. A chart drawn with the
user's text size above 100% changes its figure's size and lettering, so it always gets a new one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from diary.reports.style import current_text_scale

Made = tuple[Figure, Axes]
_free: dict[Hashable, list[Made]] = {}
_lock = threading.Lock()


def _without_data(made: Made) -> Made:
    _, ax = made
    for artist in (*ax.containers, *ax.collections, *ax.lines, *ax.patches, *ax.texts, *ax.images):
        artist.remove()
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    return made


@contextmanager
def taken(kind: Hashable, make: Callable[[], Made]) -> Iterator[Made]:
    """A figure and its Axes for a chart of `kind` (which must fix everything `make` sets up, such as
    the theme): a used one without its data, or `make()`'s. Back in the pool once the block ends well."""
    if current_text_scale() > 1.0:
        yield make()
        return
    with _lock:
        free = _free.get(kind)
        made = free.pop() if free else None
    made = _without_data(made) if made is not None else make()
    yield made
    with _lock:
        _free.setdefault(kind, []).append(made)


def clear() -> None:
    """Forget every kept figure (tests compare a chart on a new figure with one on a used figure)."""
    with _lock:
        _free.clear()
