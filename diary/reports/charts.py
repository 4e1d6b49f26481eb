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
from diary.domain.numbers import round_half_up, round_half_up_int
from diary.reports.series import (
    MEASURE_NAMES, Measure, PlanDose, completed, day_label, flare_runs, n_days, one_decimal, period_bounds,
    period_mean, previous_period, rolling_mean, span_words, t_score_series, values_of, weekly_latest,
    weekly_minutes,
)
from diary.reports.style import (
    MARKERS, TICK_PT, Chart, Theme, empty_note, legend, margins, new_figure, set_date_axis, style_axes, theme,
    to_png,
)

__all__ = ["Chart", "activity_chart", "body_heatmap", "goal_chart", "period_bounds", "phq15_chart", "symptom_chart"]
ACTIVITY_PARTS = ("light", "moderate", "vigorous")
DASH = (0, (4, 2))


def min_days_to_compare(start: date, end: date) -> int:
    """Rated days the period before needs for a fair comparison: a quarter of its days, at least 4."""
    return max(4, -(-n_days(start, end) // 4))


def symptom_summary(days: list[DayValues], measure: str, start: date, end: date) -> str:
    """"Pain averaged 5.2 over the last 4 weeks (20 days rated), down from 6.1 in the 4 weeks before."

    The period ends today wherever charts are shown, hence "the last"."""
    values, span = values_of(days, measure), span_words(start, end)
    now, n = period_mean(values, start, end)
    if now is None:
        return f"No {measure} ratings in this period."
    sentence = f"{MEASURE_NAMES[measure]} averaged {one_decimal(now)} over the last {span} ({n} " \
               f"{'day' if n == 1 else 'days'} rated)"
    before, n_before = period_mean(values, *previous_period(start, end))
    if before is not None and n_before >= min_days_to_compare(start, end):
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
                  dose: PlanDose | None) -> list:
    """Stacked weekly bars and the plan's dose line; returns legend (handles, labels).

    The hardest minutes are at the bottom of each bar, so the minutes that count toward the plan
    (its intensity or harder) always form the lower part that the dose line is read against.
    """
    weeks = weekly_minutes(days, start, end)
    style_axes(ax, th)
    x = [w.week_start.toordinal() + 3 for w in weeks]  # bars centred on Thursday
    bottom, bars = [0] * len(weeks), {}
    for part in reversed(ACTIVITY_PARTS):
        heights = [getattr(w, part) for w in weeks]
        bars[part] = ax.bar(x, heights, width=5.6, bottom=bottom, color=th.measure[part], linewidth=0)
        bottom = [b + h for b, h in zip(bottom, heights)]
    handles, labels = [bars[p] for p in ACTIVITY_PARTS], [p.capitalize() for p in ACTIVITY_PARTS]
    if dose:
        ax.axhline(dose.minutes, color=th.text, linewidth=1.2, linestyle=DASH)
        handles.append(Line2D([], [], color=th.text, linewidth=1.2, linestyle=DASH))
        labels.append("Plan")
    ax.set_ylim(0, max([*bottom, dose.minutes if dose else 0, 30]) * 1.08)
    set_date_axis(ax, start, end)
    ax.set_xlim(min(x[0] - 3.5, start.toordinal() - 0.6), max(x[-1] + 3.5, end.toordinal() + 0.6))
    if not any(w.days_reported for w in weeks):
        empty_note(ax, th, "No activity logged in this period")
    return [handles, labels]


def activity_summary(days: list[DayValues], start: date, end: date, dose: PlanDose | None) -> str:
    reported = [w for w in weekly_minutes(days, start, end) if w.days_reported]
    if not reported:
        return "No activity minutes in this period."
    average, n = round_half_up_int(sum(w.total for w in reported) / len(reported)), len(reported)
    summary = f"You were active {average} minutes a week on average over the {n} " \
              f"{'week' if n == 1 else 'weeks'} with activity logged"
    if dose:
        met = sum(dose.counted(w) >= dose.minutes for w in reported)
        summary += f"; {met} of {n} reached the plan's {dose.words}"
    return summary + "."


def activity_chart(days: list[DayValues], *, start: date, end: date, dose: PlanDose | None,
                   dark: bool = False) -> Chart:
    """Light, moderate and vigorous minutes stacked per ISO week, with the plan's weekly dose as a line.

    Weeks at the period's edges count only their days inside the period.
    """
    th = theme(dark)
    fig = new_figure(th)
    margins(fig, left=0.56)
    ax = fig.add_subplot()
    handles, labels = draw_activity(ax, th, days, start, end, dose)
    ax.set_ylabel("min / week", fontsize=TICK_PT, color=th.muted, labelpad=2)
    legend(ax, th, handles, labels, ncol=len(handles))
    return Chart(to_png(fig), activity_summary(days, start, end, dose), "Activity minutes per week")


def draw_phq15(ax: Axes, th: Theme, points: list, start: date, end: date, *, band_labels: bool = True) -> None:
    """Shaded PHQ-15 severity bands (named on the right) and the weekly totals."""
    bands = INSTRUMENTS["phq15"].bands
    style_axes(ax, th, grid_axis="")
    for i, band in enumerate(bands):
        high = bands[i + 1].low if i + 1 < len(bands) else 30
        ax.axhspan(band.low, high, color=th.grid if i % 2 else th.face, linewidth=0, zorder=0)
        if band_labels:
            ax.text(1.02, (band.low + high) / 2, band.name.replace("_", " "), transform=ax.get_yaxis_transform(),
                    va="center", fontsize=TICK_PT, color=th.muted, parse_math=False)
    ax.plot([d.toordinal() for d, _ in points], [s.total for _, s in points], color=th.series[0], linewidth=1.6,
            marker="o", markersize=4)
    ax.set_ylim(0, 30)
    ax.set_yticks([b.low for b in bands] + [30])
    set_date_axis(ax, start, end)


def score_text(value: float) -> str:
    """A score as printed: whole numbers bare, prorated ones to one decimal (half up)."""
    return f"{value:g}" if float(value).is_integer() else one_decimal(value)


def phq15_summary(points: list) -> str:
    if not points:
        return "No PHQ-15 results in this period."
    day, last = points[-1]
    first_day = points[0][0]
    year = first_day.year != day.year
    summary = f"PHQ-15 was {score_text(last.total)} ({last.band}) on {day_label(day, year=year)}"
    if len(points) > 1:
        first = points[0][1]
        change = round_half_up(last.total - first.total, 1)
        summary += (f", {'up' if change > 0 else 'down'} {score_text(abs(change))} from {score_text(first.total)} "
                    f"on {day_label(first_day, year=year)}" if change
                    else f", the same as on {day_label(first_day, year=year)}")
    return summary + "."


def phq15_chart(responses: list[Response], *, start: date, end: date, dark: bool = False) -> Chart:
    """Weekly PHQ-15 totals (the latest of each week) over shaded severity bands."""
    th = theme(dark)
    points = weekly_latest(completed(responses, "phq15", start=start, end=end))
    fig = new_figure(th)
    margins(fig, top=0.14, right=0.62)
    ax = fig.add_subplot()
    draw_phq15(ax, th, points, start, end)
    if not points:
        empty_note(ax, th, "No PHQ-15 in this period")
    return Chart(to_png(fig), phq15_summary(points), "PHQ-15 somatic symptoms, weekly")


def goal_summary(goals: list[Goal], ratings: list[Rating], start: date, end: date) -> str:
    series = t_score_series(goals, ratings, start, end)
    if not series:
        return "No goal ratings in this period."
    (first_day, first), (day, now) = series[0], series[-1]
    year = first_day.year != day.year
    summary = f"Goal T-score {one_decimal(now)} on {day_label(day, year=year)}"
    if first_day != day:
        change = "up" if now > first else "down" if now < first else "unchanged"
        summary += f", {change} from {one_decimal(first)} on {day_label(first_day, year=year)}"
    ids = {g.id for g in goals}
    rated = len({r.goal_id for r in ratings if r.goal_id in ids and start <= r.rated_on <= end})
    return summary + f"; {rated} of {len(goals)} {'goal' if len(goals) == 1 else 'goals'} rated in this period."


def draw_goals(ax: Axes, th: Theme, goals: list[Goal], ratings: list[Rating], start: date, end: date,
               *, max_goals: int = 8, title_chars: int = 44) -> list:
    """Each goal's ratings (−2…+2) as a line, and the T-score on a right-hand axis; returns legend
    (handles, labels)."""
    shown = goals[:max_goals]
    style_axes(ax, th)
    handles, labels = [], []
    for i, goal in enumerate(shown):
        history = [r for r in ratings_of(goal, ratings) if start <= r.rated_on <= end]
        offset = (i - (len(shown) - 1) / 2) * 0.05  # keeps equal levels of different goals apart
        (line,) = ax.plot([r.rated_on.toordinal() for r in history], [r.gas_level + offset for r in history],
                          color=th.series[i % len(th.series)], marker=MARKERS[i % len(MARKERS)], markersize=4.5,
                          linewidth=1.5)
        handles.append(line)
        labels.append(goal.title if len(goal.title) <= title_chars else goal.title[:title_chars - 1].rstrip() + "…")
    ax.set_ylim(-2.4, 2.4)
    ax.set_yticks([-2, -1, 0, 1, 2], ["−2", "−1", "0", "+1", "+2"])
    set_date_axis(ax, start, end)
    series = t_score_series(goals, ratings, start, end)
    if series:
        right = ax.twinx()
        right.set_zorder(ax.get_zorder() - 1)  # goal lines stay on top; the T-score is context
        ax.patch.set_visible(False)
        style_axes(right, th, grid_axis="")
        right.spines["right"].set_visible(True)
        right.spines["right"].set_color(th.muted)
        right.spines["left"].set_visible(False)
        t_values = [t for _, t in series]
        low, high = min(20.0, min(t_values) - 4), max(80.0, max(t_values) + 4)
        right.set_ylim(low, high)
        right.set_yticks([v for v in (20, 30, 40, 50, 60, 70, 80) if low <= v <= high])
        (t_line,) = right.plot([d.toordinal() for d, _ in series], t_values, color=th.text, linewidth=1.1,
                               linestyle=DASH, marker="_", markersize=6)
        right.set_xlim(ax.get_xlim())
        handles.append(t_line)
        labels.append("T-score (right axis)")
    return [handles, labels]


def goal_chart(goals: list[Goal], ratings: list[Rating], *, start: date, end: date, dark: bool = False) -> Chart:
    """Each goal's ratings (−2…+2, categories via Rating.gas_level) over time, one line per goal (the
    first 8), with the Kiresuk–Sherman T-score of all goals on the right-hand axis."""
    th = theme(dark)
    n_lines = min(len(goals), 8) + 1
    fig = new_figure(th, height_in=2.2 + 0.19 * max(0, n_lines - 2))
    margins(fig, left=0.34, right=0.36, top=0.14 + 0.19 * n_lines)
    ax = fig.add_subplot()
    handles, labels = draw_goals(ax, th, goals, ratings, start, end)
    if handles:
        legend(ax, th, handles, labels, ncol=1, size=TICK_PT)
    summary = goal_summary(goals, ratings, start, end)
    if summary.startswith("No "):
        empty_note(ax, th, "No goal ratings in this period")
    return Chart(to_png(fig), summary, "Goal ratings over time")
