"""Phone-sized charts of the diary as PNG bytes, each with a one-sentence summary for screen readers.

Every `*_chart` function takes domain values and the period (`start`…`end`, inclusive) and returns a
`Chart`; none reads the clock or the database. `dark=True` draws on the dark surface. The `draw_*`
functions draw into a given Axes, so the clinician PDF reuses them as vector mini-charts. The numbers
come from `diary.reports.series`, which states the rules (rolling mean, weeks, shares).
"""

from __future__ import annotations

from datetime import date

from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from diary.domain.days import DayValues
from diary.domain.goal_progress import ratings_of
from diary.domain.goals import Goal, Rating
from diary.domain.instruments import INSTRUMENTS
from diary.domain.questionnaires import Response
from diary.reports.body_heatmap import body_heatmap
from diary.reports.series import (
    MEASURE_NAMES, Measure, completed, day_label, flare_runs, one_decimal, period_bounds, period_mean,
    previous_period, rolling_mean, span_words, t_score_series, values_of, weekly_latest, weekly_minutes,
)
from diary.reports.style import (
    MARKERS, TICK_PT, Chart, Theme, empty_note, legend, margins, new_figure, set_date_axis, style_axes, theme,
    to_png,
)

__all__ = ["Chart", "activity_chart", "body_heatmap", "goal_chart", "period_bounds", "phq15_chart", "symptom_chart"]
ACTIVITY_PARTS = ("light", "moderate", "vigorous")
DASH = (0, (4, 2))


def symptom_summary(days: list[DayValues], measure: str, start: date, end: date) -> str:
    """"Pain averaged 5.2 over these 4 weeks (20 days rated), down from 6.1 in the 4 weeks before." """
    values, span = values_of(days, measure), span_words(start, end)
    now, n = period_mean(values, start, end)
    if now is None:
        return f"No {measure} ratings in this period."
    sentence = f"{MEASURE_NAMES[measure]} averaged {one_decimal(now)} over these {span} ({n} " \
               f"{'day' if n == 1 else 'days'} rated)"
    before, _ = period_mean(values, *previous_period(start, end))
    if before is not None:
        a, b = one_decimal(now), one_decimal(before)
        change = "about the same as" if a == b else "down from" if float(a) < float(b) else "up from"
        sentence += f", {change} {b} in the {span} before"
    n_flare = sum(n for _, n in flare_runs(days, start, end))
    if n_flare:
        sentence += f"; {n_flare} flare {'day' if n_flare == 1 else 'days'}"
    return sentence + "."


def draw_symptom(ax: Axes, th: Theme, days: list[DayValues], measure: str, start: date, end: date) -> list:
    """Flare bands, daily points and the rolling mean; returns legend (handles, labels)."""
    values, runs, colour = values_of(days, measure), flare_runs(days, start, end), th.measure[measure]
    style_axes(ax, th)
    if runs:
        ax.broken_barh([(d.toordinal() - 0.5, n) for d, n in runs], (0, 10), facecolors=th.flare, linewidth=0)
    inside = sorted((d, v) for d, v in values.items() if start <= d <= end)
    ax.scatter([d.toordinal() for d, _ in inside], [v for _, v in inside], s=9, color=colour, alpha=0.45,
               linewidths=0)
    line = rolling_mean(values, start, end)
    ax.plot([d.toordinal() for d, _ in line], [float("nan") if v is None else v for _, v in line],
            color=colour, linewidth=2)
    ax.set_ylim(0, 10)
    ax.set_yticks(range(0, 11, 2))
    set_date_axis(ax, start, end)
    if not inside:
        empty_note(ax, th, f"No {measure} ratings in this period")
    handles = [Line2D([], [], color=colour, marker="o", linestyle="", markersize=3.5, alpha=0.6, markeredgewidth=0),
               Line2D([], [], color=colour, linewidth=2)]
    labels = [f"Daily {measure}", "7-day average"]
    if runs:
        handles.append(Patch(facecolor=th.flare))
        labels.append("Flare")
    return [handles, labels]


def symptom_chart(days: list[DayValues], *, measure: Measure, start: date, end: date, dark: bool = False) -> Chart:
    """Daily values as points, the 7-day rolling mean as a line, flare days shaded; y from 0 to 10.

    Args:
        days: day values in any order; those in the period before are used for the comparison in the
            summary and to start the rolling mean.
        measure: "pain", "fatigue" or "stress".

    Raises:
        ValueError: an unknown measure.
    """
    if measure not in MEASURE_NAMES:
        raise ValueError(f"Unknown measure {measure!r}; use pain, fatigue or stress.")
    th = theme(dark)
    fig = new_figure(th)
    margins(fig)
    ax = fig.add_subplot()
    handles, labels = draw_symptom(ax, th, days, measure, start, end)
    legend(ax, th, handles, labels, ncol=len(handles))
    title = f"{MEASURE_NAMES[measure]}, {day_label(start, year=True)} to {day_label(end, year=True)}"
    return Chart(to_png(fig), symptom_summary(days, measure, start, end), title)


def draw_activity(ax: Axes, th: Theme, days: list[DayValues], start: date, end: date,
                  target: int | None) -> list:
    """Stacked weekly bars and the plan's dose line; returns legend (handles, labels)."""
    weeks = weekly_minutes(days, start, end)
    style_axes(ax, th)
    x = [w.week_start.toordinal() + 3 for w in weeks]  # bars centred on Thursday
    bottom, handles, labels = [0] * len(weeks), [], []
    for part in ACTIVITY_PARTS:
        heights = [getattr(w, part) for w in weeks]
        handles.append(ax.bar(x, heights, width=5.6, bottom=bottom, color=th.measure[part], linewidth=0))
        labels.append(part.capitalize())
        bottom = [b + h for b, h in zip(bottom, heights)]
    if target:
        ax.axhline(target, color=th.text, linewidth=1.2, linestyle=DASH)
        handles.append(Line2D([], [], color=th.text, linewidth=1.2, linestyle=DASH))
        labels.append("Plan")
    ax.set_ylim(0, max([*bottom, target or 0, 30]) * 1.08)
    set_date_axis(ax, start, end)
    ax.set_xlim(min(x[0] - 3.5, start.toordinal() - 0.6), max(x[-1] + 3.5, end.toordinal() + 0.6))
    if not any(w.days_reported for w in weeks):
        empty_note(ax, th, "No activity logged in this period")
    return [handles, labels]


def activity_summary(days: list[DayValues], start: date, end: date, target: int | None) -> str:
    reported = [w for w in weekly_minutes(days, start, end) if w.days_reported]
    if not reported:
        return "No activity minutes in this period."
    average, n = round(sum(w.total for w in reported) / len(reported)), len(reported)
    summary = f"You were active {average} minutes a week on average over the {n} " \
              f"{'week' if n == 1 else 'weeks'} with activity logged"
    if target:
        summary += f"; {sum(w.total >= target for w in reported)} of {n} reached the plan's {target} minutes"
    return summary + "."


def activity_chart(days: list[DayValues], *, start: date, end: date, weekly_target_min: int | None,
                   dark: bool = False) -> Chart:
    """Light, moderate and vigorous minutes stacked per ISO week, with the plan's weekly dose as a line.

    Weeks at the period's edges count only their days inside the period.
    """
    th = theme(dark)
    fig = new_figure(th)
    margins(fig, left=0.42)
    ax = fig.add_subplot()
    handles, labels = draw_activity(ax, th, days, start, end, weekly_target_min)
    ax.set_ylabel("min / week", fontsize=TICK_PT, color=th.muted, labelpad=2)
    legend(ax, th, handles, labels, ncol=len(handles))
    return Chart(to_png(fig), activity_summary(days, start, end, weekly_target_min), "Activity minutes per week")


def phq15_chart(responses: list[Response], *, start: date, end: date, dark: bool = False) -> Chart:
    """Weekly PHQ-15 totals (the latest of each week) over shaded severity bands."""
    th = theme(dark)
    bands = INSTRUMENTS["phq15"].bands
    points = weekly_latest(completed(responses, "phq15", start=start, end=end))
    fig = new_figure(th)
    margins(fig, top=0.14, right=0.62)
    ax = fig.add_subplot()
    style_axes(ax, th, grid_axis="")
    for i, band in enumerate(bands):
        high = bands[i + 1].low if i + 1 < len(bands) else 30
        ax.axhspan(band.low, high, color=th.grid if i % 2 else th.face, linewidth=0, zorder=0)
        ax.text(1.02, (band.low + high) / 2, band.name.replace("_", " "), transform=ax.get_yaxis_transform(),
                va="center", fontsize=TICK_PT, color=th.muted, parse_math=False)
    ax.plot([d.toordinal() for d, _ in points], [s.total for _, s in points], color=th.series[0], linewidth=1.6,
            marker="o", markersize=4)
    ax.set_ylim(0, 30)
    ax.set_yticks([b.low for b in bands] + [30])
    set_date_axis(ax, start, end)
    if not points:
        empty_note(ax, th, "No PHQ-15 in this period")
        summary = "No PHQ-15 results in this period."
    else:
        day, last = points[-1]
        summary = f"PHQ-15 was {last.total:g} ({last.band}) on {day_label(day)}"
        if len(points) > 1:
            first_day, first = points[0]
            change = last.total - first.total
            summary += (f", {'up' if change > 0 else 'down'} {abs(change):g} from {first.total:g} on "
                        f"{day_label(first_day)}" if change else f", the same as on {day_label(first_day)}")
        summary += "."
    return Chart(to_png(fig), summary, "PHQ-15 somatic symptoms, weekly")


def goal_summary(goals: list[Goal], ratings: list[Rating], start: date, end: date) -> str:
    series = t_score_series(goals, ratings, start, end)
    if not series:
        return "No goal ratings in this period."
    (first_day, first), (day, now) = series[0], series[-1]
    summary = f"Goal T-score {one_decimal(now)} on {day_label(day)}"
    if first_day != day:
        change = "up" if now > first else "down" if now < first else "unchanged"
        summary += f", {change} from {one_decimal(first)} on {day_label(first_day)}"
    ids = {g.id for g in goals}
    rated = len({r.goal_id for r in ratings if r.goal_id in ids and start <= r.rated_on <= end})
    return summary + f"; {rated} of {len(goals)} {'goal' if len(goals) == 1 else 'goals'} rated in this period."


def goal_chart(goals: list[Goal], ratings: list[Rating], *, start: date, end: date, dark: bool = False) -> Chart:
    """Each goal's ratings (−2…+2, categories via Rating.gas_level) over time, one line per goal (the
    first 8); the T-score over time is in the summary."""
    th = theme(dark)
    shown = goals[:8]
    fig = new_figure(th, height_in=2.2 + 0.16 * max(0, len(shown) - 2))
    margins(fig, left=0.34, top=0.12 + 0.16 * max(1, len(shown)))
    ax = fig.add_subplot()
    style_axes(ax, th)
    handles, labels = [], []
    for i, goal in enumerate(shown):
        history = [r for r in ratings_of(goal, ratings) if start <= r.rated_on <= end]
        offset = (i - (len(shown) - 1) / 2) * 0.05  # keeps equal levels of different goals apart
        (line,) = ax.plot([r.rated_on.toordinal() for r in history], [r.gas_level + offset for r in history],
                          color=th.series[i % len(th.series)], marker=MARKERS[i], markersize=4.5, linewidth=1.5)
        handles.append(line)
        labels.append(goal.title if len(goal.title) <= 44 else goal.title[:43].rstrip() + "…")
    ax.set_ylim(-2.4, 2.4)
    ax.set_yticks([-2, -1, 0, 1, 2], ["−2", "−1", "0", "+1", "+2"])
    set_date_axis(ax, start, end)
    if handles:
        legend(ax, th, handles, labels, ncol=1, size=TICK_PT)
    summary = goal_summary(goals, ratings, start, end)
    if summary.startswith("No "):
        empty_note(ax, th, "No goal ratings in this period")
    return Chart(to_png(fig), summary, "Goal ratings over time")
