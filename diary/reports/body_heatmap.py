"""The body heat map: the app's front and back figures, each WPI region shaded by how often it hurt.

The rectangles and names are the on-screen body map's, from diary/domain/body_layout.py (reports may not
import the UI, which imports Flet). The front figure is seen face on, so the person's left is on the
viewer's right.
"""

from __future__ import annotations

from datetime import date

from matplotlib.cm import ScalarMappable
from matplotlib.colors import LinearSegmentedColormap, Normalize
from matplotlib.patches import FancyBboxPatch

from diary.domain.body_layout import BACK, BACK_OUTLINE, FIGURE_H, FIGURE_W, FRONT, HEAD, REGION_NAMES
from diary.domain.days import DayValues
from diary.i18n import _, pgettext
from diary.i18n.formats import percent
from diary.reports.chart_data import BodyMapData, Chart, body_map_data, most_frequent
from diary.reports.style import DARK, LABEL_PT, LIGHT, TICK_PT, new_figure, theme, to_png

__all__ = ["BACK", "FRONT", "REGION_NAMES", "body_heatmap", "most_frequent", "render_body_map"]

GAP = 30  # between the front and back figures
# The ramps are the palette's (diary/reports/palette.py), shared with the phone's canvas renderer.
CMAP_LIGHT = LinearSegmentedColormap.from_list("diary_heat_light", list(LIGHT.heat))
CMAP_DARK = LinearSegmentedColormap.from_list("diary_heat_dark", list(DARK.heat))


def body_heatmap(days: list[DayValues], *, start: date, end: date, dark: bool = False) -> Chart:
    """Front and back figures, each region coloured by the share of body-map days it hurt, with a scale."""
    return render_body_map(body_map_data(days, start=start, end=end), dark)


def render_body_map(data: BodyMapData, dark: bool = False) -> Chart:
    th = theme(dark)
    shares, n_maps = data.shares, data.days_with_map
    cmap, norm = (CMAP_DARK if dark else CMAP_LIGHT), Normalize(0, 1)
    # Axes sized so the figures fill them at equal aspect: 338 × 346 units at 0.0075 in per unit.
    fig = new_figure(th, height_in=2.72)
    ax = fig.add_axes((0.02, 0.02, 0.705, 0.955))
    ax.set_axis_off()
    blank = th.grid

    def box(x0, rect, colour, edge):
        x, y, w, h = rect
        ax.add_patch(FancyBboxPatch((x0 + x, y), w, h, boxstyle="round,pad=0,rounding_size=7",
                                    facecolor=colour, edgecolor=edge, linewidth=0.6))

    # Sides as the viewer sees them: the front figure faces us (its right on our left).
    right, left = pgettext("body side, one letter", "R"), pgettext("body side, one letter", "L")
    for x0, regions, outline, title, sides in ((0, FRONT, [], pgettext("body", "Front"), (right, left)),
                                               (FIGURE_W + GAP, BACK, BACK_OUTLINE, pgettext("body", "Back"),
                                                (left, right))):
        box(x0, HEAD, blank, blank)
        for rect in outline:
            box(x0, rect, blank, blank)
        for region, rect in regions.items():
            colour = cmap(norm(shares[region])) if n_maps else blank
            box(x0, rect, colour, th.muted)
        ax.text(x0 + FIGURE_W / 2, -10, title, ha="center", va="bottom", fontsize=LABEL_PT, color=th.text)
        for x, side in zip((x0 + 4, x0 + FIGURE_W - 4), sides):
            ax.text(x, 4, side, ha="center", va="top", fontsize=TICK_PT, color=th.muted)
    ax.set_xlim(-4, 2 * FIGURE_W + GAP + 4)
    ax.set_ylim(FIGURE_H + 4, -34)
    ax.set_aspect("equal", adjustable="box")
    cax = fig.add_axes((0.81, 0.12, 0.035, 0.64))
    bar = fig.colorbar(ScalarMappable(norm=norm, cmap=cmap), cax=cax, ticks=[0, 0.25, 0.5, 0.75, 1])
    bar.ax.set_yticklabels([percent(share) for share in (0, 0.25, 0.5, 0.75, 1)])
    bar.ax.tick_params(colors=th.muted, labelcolor=th.text, labelsize=TICK_PT, length=2, width=0.6)
    bar.outline.set_edgecolor(th.muted)
    bar.outline.set_linewidth(0.6)
    cax.set_title(_("days it\nhurt"), fontsize=TICK_PT, color=th.muted, pad=6)
    if not n_maps:
        ax.text((2 * FIGURE_W + GAP) / 2, FIGURE_H / 2, _("No body map\nin this period"), ha="center",
                va="center", fontsize=LABEL_PT, color=th.text)
    return Chart(to_png(fig), data.summary, data.title, data, dark)
