"""The charts' look: one colour-blind-safe palette, light and dark faces, phone-sized figures.

Colours are the Okabe–Ito palette (Okabe M, Ito K. Color Universal Design, 2008), distinguishable with
every common colour-vision deficiency; series also differ in marker or line style so no meaning rests on
hue alone. A chart is 360 × 220 logical pixels, rendered at 2× (720 × 440 PNG) for phone screens.
Fonts are DejaVu Sans, which matplotlib ships. Nothing here touches the global rcParams: every figure is
independent, so figures may be drawn on several threads at once.
"""

from __future__ import annotations

import contextvars
import io
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from diary.reports.chart_data import Chart  # noqa: F401 - where it was defined before chart_data
from diary.i18n.formats import day_month, month
from diary.reports.series import n_days

OKABE_ITO = {
    "black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7",
}
# On white, Okabe–Ito's orange and sky blue (and the reddish purple's semi-transparent dots) fall below the 3:1 that chart marks need (WCAG 1.4.11); these
# darker shades keep their hue (tests/ui/test_contrast.py checks every mark against its chart's face).
DARK_ORANGE, DARK_SKY_BLUE, DARK_PURPLE = "#B36B00", "#4A90C0", "#B5588F"
WIDTH_IN, HEIGHT_IN, DPI, SCALE = 3.6, 2.2, 100, 2  # 360 × 220 logical px, drawn at 2×
FONT = "DejaVu Sans"
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


LIGHT = Theme(
    face="#FFFFFF", text="#1D1B20", muted="#5C5F66", grid="#E3E5E8", flare="#F6D8C4",
    series=(OKABE_ITO["blue"], OKABE_ITO["vermillion"], OKABE_ITO["bluish_green"], OKABE_ITO["reddish_purple"],
            DARK_ORANGE, DARK_SKY_BLUE, OKABE_ITO["black"], "#8C6D1F"),
    measure={"pain": OKABE_ITO["vermillion"], "fatigue": OKABE_ITO["blue"], "stress": DARK_PURPLE,
             "light": DARK_SKY_BLUE, "moderate": OKABE_ITO["blue"], "vigorous": OKABE_ITO["vermillion"]},
)
# Dark: Okabe–Ito's black becomes light grey, and its dark blue a lighter blue, to keep 3:1 contrast.
DARK = Theme(
    face="#1D1B20", text="#E6E1E5", muted="#A8A9AD", grid="#3A3A40", flare="#4A2E22",
    series=("#4FA3E0", OKABE_ITO["vermillion"], OKABE_ITO["bluish_green"], OKABE_ITO["reddish_purple"],
            OKABE_ITO["orange"], OKABE_ITO["sky_blue"], "#D0D0D0", OKABE_ITO["yellow"]),
    measure={"pain": "#F07E3A", "fatigue": "#4FA3E0", "stress": OKABE_ITO["reddish_purple"],
             "light": OKABE_ITO["sky_blue"], "moderate": "#2B7BC0", "vigorous": OKABE_ITO["vermillion"]},
)
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")


def theme(dark: bool) -> Theme:
    return DARK if dark else LIGHT


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


def date_ticks(start: date, end: date) -> tuple[list[int], list[str]]:
    """Tick positions (date ordinals) and labels suited to the period's length, in the current language
    ("3 Mar" / "3 mars"; "Jan 2027" / "jan. 2027"); weeks start on Monday in both."""
    length = n_days(start, end)
    if length <= 45:  # Mondays, "3 Mar"
        days = [start + timedelta(days=i) for i in range(length) if (start + timedelta(days=i)).weekday() == 0]
        step = 1 if length <= 31 else 2
        return [d.toordinal() for d in days[::step]], [day_month(d) for d in days[::step]]
    months, first = [], date(start.year, start.month, 1)
    while first <= end:
        if first >= start:
            months.append(first)
        first = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    step = 1 if length <= 200 else 2 if length <= 400 else max(1, len(months) // 6)
    months = months[::step]
    labels = [month(d, year=d.month == 1 or i == 0) for i, d in enumerate(months)]
    return [d.toordinal() for d in months], labels


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
    enlarge_text(fig, _TEXT_SCALE.get())
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI * SCALE, facecolor=fig.get_facecolor(),
                metadata={"Software": None})
    return buffer.getvalue()
