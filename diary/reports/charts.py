"""The desktop's chart renderer: chart descriptions (diary.reports.chart_data) drawn as phone-sized PNGs.

`render(data, dark=)` draws any description; the `draw_*` functions draw one into a given Axes, so the
clinician PDF reuses them as vector mini-charts. `symptom_chart(days, ...)` and its siblings describe
and draw in one call. matplotlib's object API only (diary/reports/style.py), never pyplot.
"""

from __future__ import annotations

from datetime import date

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from diary.domain.days import DayValues
from diary.domain.goals import Goal, Rating
from diary.domain.questionnaires import Response
from diary.i18n import _, words
from diary.i18n.formats import day_month
from diary.reports import figure_pool
from diary.reports.body_heatmap import body_heatmap, render_body_map
from diary.reports.chart_data import (
    ActivityData, BodyMapData, Chart, ChartData, GoalsData, Phq15Data, SymptomData, activity_data,
    activity_summary, goal_data, goal_summary, min_days_to_compare, phq15_data, phq15_summary, score_text,
    symptom_data, symptom_summary,
)
from diary.reports.series import Measure, PlanDose, period_bounds
from diary.reports.palette import ACTIVITY_PARTS, DOT_ALPHA, MAX_GOAL_LINES, truncate
from diary.reports.style import (
    MARKERS, TICK_PT, Theme, empty_note, legend, margins, new_figure, set_date_axis, style_axes, theme, to_png,
)
from diary.reports.style import text_scale as scaled_text

__all__ = ["Chart", "activity_chart", "activity_summary", "body_heatmap", "goal_chart", "goal_summary",
           "min_days_to_compare", "period_bounds", "phq15_chart", "phq15_summary", "render", "score_text",
           "symptom_chart", "symptom_summary"]
DASH = (0, (4, 2))


# Symptoms
def _xy(points) -> tuple[np.ndarray, np.ndarray]:
    """Dated points as x (day ordinals) and y arrays: scatter turns a list into a masked array item by
    item, which cost more than drawing the dots."""
    return np.array([d.toordinal() for d, _ in points]), np.array([v for _, v in points])


def draw_symptom(ax: Axes, th: Theme, data: SymptomData) -> list:
    """Flare bands, daily points and the rolling mean; returns legend (handles, labels)."""
    runs, colour, inside = data.flares, th.measure[data.measure], data.points
    style_axes(ax, th)
    if runs:
        ax.broken_barh([(d.toordinal() - 0.5, n) for d, n in runs], (0, 10), facecolors=th.flare, linewidth=0)
    ax.scatter(*_xy(inside), s=9, color=colour, alpha=DOT_ALPHA, linewidths=0)
    if data.momentary:  # "right now" ratings: hollow, never part of the day's value or its mean
        ax.scatter(*_xy(data.momentary), s=16, facecolors="none", edgecolors=colour, linewidths=0.9, marker="^")
    ax.plot([d.toordinal() for d, _ in data.rolling], [float("nan") if v is None else v for _, v in data.rolling],
            color=colour, linewidth=2)
    ax.set_ylim(-0.5, 10.5)  # room for whole dots at 0 and 10
    ax.set_yticks(range(0, 11, 2))
    set_date_axis(ax, data.start, data.end)
    if not inside:
        empty_note(ax, th, data.empty_text)
    handles = [Line2D([], [], color=colour, marker="o", linestyle="", markersize=3.5, alpha=DOT_ALPHA, markeredgewidth=0),
               Line2D([], [], color=colour, linewidth=2)]
    labels = [data.daily_label, _("7-day average")]
    if data.momentary:
        handles.append(Line2D([], [], color=colour, marker="^", linestyle="", markersize=4, markerfacecolor="none",
                              markeredgewidth=0.9))
        labels.append(_("Right now"))
    if runs:
        handles.append(Patch(facecolor=th.flare))
        labels.append(_("Flare"))
    return [handles, labels]


def _new_symptom_figure(th: Theme):
    fig = new_figure(th)
    return fig, fig.add_subplot()


def render_symptom(data: SymptomData, dark: bool = False) -> Chart:
    th = theme(dark)
    # Every symptom chart of a theme starts from the same blank figure: a used one is kept (figure_pool).
    with figure_pool.taken(("symptom", dark), lambda: _new_symptom_figure(th)) as (fig, ax):
        margins(fig)
        handles, labels = draw_symptom(ax, th, data)
        if len(handles) > 3:  # pain with momentary ratings and flares: two rows, more room above the plot
            margins(fig, top=0.58)
        legend(ax, th, handles, labels, ncol=len(handles) if len(handles) <= 3 else 2)
        png = to_png(fig)
    return Chart(png, data.summary, data.title, data, dark)


def symptom_chart(days: list[DayValues], *, measure: Measure, start: date, end: date, dark: bool = False) -> Chart:
    """Daily values as points, the 7-day rolling mean as a line, flare days shaded; y from 0 to 10.

    Args:
        days: day values in any order; those in the period before are used for the comparison in the
            summary and to start the rolling mean.
        measure: "pain", "fatigue" or "stress".

    Raises:
        ValueError: an unknown measure.
    """
    return render_symptom(symptom_data(days, measure=measure, start=start, end=end), dark)


# Activity
def draw_activity(ax: Axes, th: Theme, data: ActivityData) -> list:
    """Stacked weekly bars and the plan's dose line; returns legend (handles, labels).

    The hardest minutes are at the bottom of each bar, so the minutes that count toward the plan
    (its intensity or harder) always form the lower part that the dose line is read against.
    """
    weeks, dose = data.weeks, data.dose
    style_axes(ax, th)
    x = [w.week_start.toordinal() + 3 for w in weeks]  # bars centred on Thursday
    bottom, bars = [0] * len(weeks), {}
    for part in reversed(ACTIVITY_PARTS):
        heights = [getattr(w, part) for w in weeks]
        # A line of the chart's face between stacked parts: each part then needs contrast with the face only.
        bars[part] = ax.bar(x, heights, width=5.6, bottom=bottom, color=th.measure[part], edgecolor=th.face,
                            linewidth=0.8)
        bottom = [b + h for b, h in zip(bottom, heights)]
    handles, labels = [bars[p] for p in ACTIVITY_PARTS], [words.intensity(p) for p in ACTIVITY_PARTS]
    if dose:
        ax.axhline(dose.minutes, color=th.text, linewidth=1.2, linestyle=DASH)
        handles.append(Line2D([], [], color=th.text, linewidth=1.2, linestyle=DASH))
        labels.append(_("Plan"))
    ax.set_ylim(0, max([*bottom, dose.minutes if dose else 0, 30]) * 1.08)
    set_date_axis(ax, data.start, data.end)
    if len(weeks) <= 8:  # few bars: each labelled under itself with its Monday, never between two
        ax.set_xticks(x, [day_month(w.week_start) for w in weeks])
    ax.set_xlim(min(x[0] - 3.5, data.start.toordinal() - 0.6), max(x[-1] + 3.5, data.end.toordinal() + 0.6))
    if not any(w.days_reported for w in weeks):
        empty_note(ax, th, _("No activity logged in this period"))
    return [handles, labels]


def render_activity(data: ActivityData, dark: bool = False) -> Chart:
    th = theme(dark)
    fig = new_figure(th)
    margins(fig, left=0.56)
    ax = fig.add_subplot()
    handles, labels = draw_activity(ax, th, data)
    ax.set_ylabel(_("min / week"), fontsize=TICK_PT, color=th.muted, labelpad=2)
    legend(ax, th, handles, labels, ncol=len(handles))
    return Chart(to_png(fig), data.summary, data.title, data, dark)


def activity_chart(days: list[DayValues], *, start: date, end: date, dose: PlanDose | None,
                   dark: bool = False) -> Chart:
    """Light, moderate and vigorous minutes stacked per ISO week, with the plan's weekly dose as a line.

    Weeks at the period's edges count only their days inside the period.
    """
    return render_activity(activity_data(days, start=start, end=end, dose=dose), dark)


# PHQ-15
def draw_phq15(ax: Axes, th: Theme, data: Phq15Data, *, band_labels: bool = True) -> None:
    """Shaded PHQ-15 severity bands (named on the right) and the weekly totals."""
    style_axes(ax, th, grid_axis="")
    for i, band in enumerate(data.bands):
        ax.axhspan(band.low, band.high, color=th.grid if i % 2 else th.face, linewidth=0, zorder=0)
        if band_labels:
            ax.text(1.02, (band.low + band.high) / 2, words.band(band.name),
                    transform=ax.get_yaxis_transform(), va="center", fontsize=TICK_PT, color=th.muted,
                    parse_math=False)
    ax.plot([d.toordinal() for d, _ in data.points], [total for _, total in data.points], color=th.series[0],
            linewidth=1.6, marker="o", markersize=4)
    ax.set_ylim(0, 30)
    ax.set_yticks([b.low for b in data.bands] + [30])
    set_date_axis(ax, data.start, data.end)


def render_phq15(data: Phq15Data, dark: bool = False) -> Chart:
    th = theme(dark)
    fig = new_figure(th)
    margins(fig, top=0.14, right=0.62)
    ax = fig.add_subplot()
    draw_phq15(ax, th, data)
    if not data.points:
        empty_note(ax, th, _("No PHQ-15 in this period"))
    return Chart(to_png(fig), data.summary, data.title, data, dark)


def phq15_chart(responses: list[Response], *, start: date, end: date, dark: bool = False) -> Chart:
    """Weekly PHQ-15 totals (the latest of each week) over shaded severity bands."""
    return render_phq15(phq15_data(responses, start=start, end=end), dark)


# Goals
def draw_goals(ax: Axes, th: Theme, data: GoalsData, *, max_goals: int = MAX_GOAL_LINES,
               title_chars: int = 44) -> list:
    """Each goal's ratings (−2…+2) as a line, and the T-score on a right-hand axis; returns legend
    (handles, labels)."""
    shown = data.lines[:max_goals]
    style_axes(ax, th)
    handles, labels = [], []
    for i, goal in enumerate(shown):
        offset = (i - (len(shown) - 1) / 2) * 0.05  # keeps equal levels of different goals apart
        (line,) = ax.plot([d.toordinal() for d, _ in goal.ratings], [level + offset for _, level in goal.ratings],
                          color=th.series[i % len(th.series)], marker=MARKERS[i % len(MARKERS)], markersize=4.5,
                          linewidth=1.5)
        handles.append(line)
        labels.append(truncate(goal.title, title_chars))
    ax.set_ylim(-2.4, 2.4)
    ax.set_yticks([-2, -1, 0, 1, 2], ["−2", "−1", "0", "+1", "+2"])
    set_date_axis(ax, data.start, data.end)
    if data.t_scores:
        handles.append(_draw_t_scores(ax, th, data))
        labels.append(_("T-score of the steps (right axis)"))
    return [handles, labels]


def _draw_t_scores(ax: Axes, th: Theme, data: GoalsData) -> Line2D:
    right = ax.twinx()
    right.set_zorder(ax.get_zorder() - 1)  # goal lines stay on top; the T-score is context
    ax.patch.set_visible(False)
    style_axes(right, th, grid_axis="")
    right.spines["right"].set_visible(True)
    right.spines["right"].set_color(th.muted)
    right.spines["left"].set_visible(False)
    t_values = [t for _, t in data.t_scores]
    low, high = min(20.0, min(t_values) - 4), max(80.0, max(t_values) + 4)
    right.set_ylim(low, high)
    right.set_yticks([v for v in (20, 30, 40, 50, 60, 70, 80) if low <= v <= high])
    (t_line,) = right.plot([d.toordinal() for d, _ in data.t_scores], t_values, color=th.text, linewidth=1.1,
                           linestyle=DASH, marker="_", markersize=6)
    right.set_xlim(ax.get_xlim())
    return t_line


def render_goals(data: GoalsData, dark: bool = False) -> Chart:
    th = theme(dark)
    n_lines = min(len(data.lines), MAX_GOAL_LINES) + 1
    fig = new_figure(th, height_in=2.2 + 0.19 * max(0, n_lines - 2))
    margins(fig, left=0.34, right=0.36, top=0.14 + 0.19 * n_lines)
    ax = fig.add_subplot()
    handles, labels = draw_goals(ax, th, data)
    if handles:
        legend(ax, th, handles, labels, ncol=1, size=TICK_PT)
    if not data.rated:
        empty_note(ax, th, _("No goal ratings in this period"))
    return Chart(to_png(fig), data.summary, data.title, data, dark)


def goal_chart(goals: list[Goal], ratings: list[Rating], *, start: date, end: date, dark: bool = False) -> Chart:
    """One rater's ratings of each goal (−2…+2, categories via Goal.level_of) over time, one line per goal
    (the first 8), with the Kiresuk–Sherman T-score of the intermediate goals on the right-hand axis."""
    return render_goals(goal_data(goals, ratings, start=start, end=end), dark)


_RENDERERS = {SymptomData: render_symptom, ActivityData: render_activity, Phq15Data: render_phq15,
              GoalsData: render_goals, BodyMapData: render_body_map}


def render(data: ChartData, *, dark: bool = False, text_scale: float = 1.0) -> Chart:
    """Draw any chart description as a phone-sized PNG (light or dark), its lettering grown by `text_scale`
    (the user's text size: 2.0 at 200%)."""
    with scaled_text(text_scale):
        return _RENDERERS[type(data)](data, dark)
