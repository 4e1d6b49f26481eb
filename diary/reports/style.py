"""The desktop renderer's matplotlib helpers: figures, axes, legends and PNGs in the charts' look.

The look itself (palette, themes, sizes, date ticks) is plain values in diary/reports/palette.py, shared
with the phone's canvas renderer. A chart is 360 × 220 logical pixels, rendered at 2× (720 × 440 PNG)
for phone screens. Fonts are DejaVu Sans, which matplotlib ships. Nothing here touches the global
rcParams: every figure is independent, so figures may be drawn on several threads at once.
"""

from __future__ import annotations

import contextvars
import io
from contextlib import contextmanager
from datetime import date

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from diary.reports.chart_data import Chart  # noqa: F401 - where it was defined before chart_data
from diary.reports.palette import (  # noqa: F401 - the renderers import the look from here
    DARK, LIGHT, MARKERS, OKABE_ITO, LABEL_PT, TICK_PT, Theme, date_ticks, theme,
)

WIDTH_IN, HEIGHT_IN, DPI, SCALE = 3.6, 2.2, 100, 2  # 360 × 220 logical px, drawn at 2×
FONT = "DejaVu Sans"


def new_figure(th: Theme, *, height_in: float = HEIGHT_IN, width_in: float = WIDTH_IN) -> Figure:
    """A figure with its own Agg canvas (no pyplot, no global state)."""
    fig = Figure(figsize=(width_in, height_in), dpi=DPI, facecolor=th.face)
    FigureCanvasAgg(fig)
    return fig


def margins(fig: Figure, *, left=0.36, right=0.12, top=0.34, bottom=0.30) -> None:
    """Fixed margins in inches (cheaper and steadier than tight_layout on every render)."""
    w, h = fig.get_size_inches()
    fig.subplots_adjust(left=left / w, right=1 - right / w, top=1 - top / h, bottom=bottom / h)


def style_axes(ax: Axes, th: Theme, *, grid_axis: str = "y", size: float = TICK_PT) -> None:
    ax.set_facecolor(th.face)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(th.muted)
        ax.spines[side].set_linewidth(0.6)
    ax.tick_params(colors=th.muted, labelcolor=th.text, labelsize=size, length=2.5, width=0.6, pad=2)
    if grid_axis:
        ax.grid(True, axis=grid_axis, color=th.grid, linewidth=0.6)
        ax.set_axisbelow(True)


def legend(ax: Axes, th: Theme, handles, labels, *, ncol: int, size: float = TICK_PT, **kwargs) -> None:
    """A frameless one-row legend above the plot, where it never covers data."""
    kwargs.setdefault("loc", "lower left")
    kwargs.setdefault("bbox_to_anchor", (-0.02, 1.0))
    leg = ax.legend(handles, labels, ncol=ncol, frameon=False, fontsize=size, labelcolor=th.text,
                    handlelength=1.2, handletextpad=0.35, columnspacing=0.8, borderaxespad=0.2, **kwargs)
    for text in leg.get_texts():
        text.set_parse_math(False)


def set_date_axis(ax: Axes, start: date, end: date) -> None:
    positions, labels = date_ticks(start, end)
    ax.set_xlim(start.toordinal() - 0.6, end.toordinal() + 0.6)
    ax.set_xticks(positions, labels)


def empty_note(ax: Axes, th: Theme, text: str) -> None:
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center", color=th.muted,
            fontsize=LABEL_PT, parse_math=False)


# The user's text size (1.0 = 100%), for the chart being drawn on this thread (set by `text_scale`).
_TEXT_SCALE: contextvars.ContextVar[float] = contextvars.ContextVar("chart_text_scale", default=1.0)


@contextmanager
def text_scale(scale: float):
    """Draw the charts made inside with lettering `scale` times larger (the user's text-size setting)."""
    token = _TEXT_SCALE.set(max(1.0, scale))
    try:
        yield
    finally:
        _TEXT_SCALE.reset(token)


def current_text_scale() -> float:
    """The text size the charts drawn now on this thread use (1.0 unless inside `text_scale`)."""
    return _TEXT_SCALE.get()


MAX_TEXT_GROWTH = 1.6  # a 360 px wide chart holds its labels up to here; beyond, labels would collide


def enlarge_text(fig: Figure, scale: float) -> None:
    """Grow every text of a drawn figure with the user's text size (up to MAX_TEXT_GROWTH), and the figure's
    height and side margins with it, so the plot keeps its shape: every other date is labelled and a long
    legend takes two rows, so nothing collides (the width stays: the image fills its card)."""
    grow = min(scale, MAX_TEXT_GROWTH)
    if grow <= 1.0:
        return
    ticks = set()
    for ax in fig.axes:  # tick labels through the axis, so ticks made later at drawing grow too
        for axis, name in ((ax.xaxis, "x"), (ax.yaxis, "y")):
            labels = axis.get_ticklabels(which="both")
            ticks.update(map(id, labels))
            if labels:
                ax.tick_params(axis=name, labelsize=labels[0].get_fontsize() * grow)
        dates = ax.xaxis.get_majorticklocs()
        if len(dates) > 3:
            ax.set_xticks(dates[::2], [label.get_text() for label in ax.get_xticklabels()][::2])
        _two_rows(ax)
    for text in fig.findobj(Text):
        if id(text) not in ticks:
            text.set_fontsize(text.get_fontsize() * grow)
    width, height = fig.get_size_inches()
    pars = fig.subplotpars
    fig.set_size_inches(width, height * grow)
    fig.subplots_adjust(left=min(0.45, pars.left * grow), right=max(0.55, 1 - (1 - pars.right) * grow),
                        top=1 - (1 - pars.top) * (1.5 if any(a.get_legend() for a in fig.axes) else 1))


def _two_rows(ax: Axes) -> None:
    legend = ax.get_legend()
    if legend is None or len(legend.get_texts()) < 3 or legend._ncols == 1:
        return
    handles, labels = legend.legend_handles, [t.get_text() for t in legend.get_texts()]
    size = legend.get_texts()[0].get_fontsize()
    colour = legend.get_texts()[0].get_color()
    new = ax.legend(handles, labels, ncol=2, frameon=False, fontsize=size, labelcolor=colour, loc="lower left",
                    bbox_to_anchor=(-0.02, 1.0), handlelength=1.2, handletextpad=0.35, columnspacing=0.8,
                    borderaxespad=0.2)
    for text in new.get_texts():
        text.set_parse_math(False)


def to_png(fig: Figure) -> bytes:
    """PNG bytes at 2×; no timestamp or version metadata, so equal input gives equal bytes."""
    enlarge_text(fig, current_text_scale())
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI * SCALE, facecolor=fig.get_facecolor(),
                metadata={"Software": None})
    return buffer.getvalue()
