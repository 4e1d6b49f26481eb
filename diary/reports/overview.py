"""Every trend chart of one patient for one period, from a PatientRecord: what the Trends screen, the
clinician's patient view and the PDF show.

The record's check-ins become day values (diary.domain.days, the one rule for a day) for the period
and the period just before it (which the summaries compare with and the rolling mean starts from).
`trend_data` describes the charts (no drawing, no matplotlib); `trend_view` also draws them with the
desktop's renderer (diary/reports/charts.py). Screens get theirs through diary.services.trends, which
draws with the platform's renderer and caches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from diary.domain.days import DayValues
from diary.domain.patient_record import PatientRecord, record_days
from diary.reports.chart_data import (
    Chart, ChartData, activity_data, body_map_data, goal_data, phq15_data, symptom_data,
)
from diary.reports.correlations import Association, associations
from diary.reports.series import Period, period_bounds, plan_dose, previous_period

PERIODS: dict[str, str] = {"4w": "4 weeks", "3m": "3 months", "1y": "1 year", "all": "All"}
CHART_ORDER = ("pain", "fatigue", "stress", "activity", "phq15", "goals", "body")


def first_day(record: PatientRecord) -> date | None:
    """The first day with a check-in, questionnaire or goal rating (where "all" starts)."""
    days = [c.day for c in record.checkins]
    days += [r.completed_at.date() for r in record.questionnaires if r.completed_at]
    days += [r.rated_on for r in record.ratings]
    return min(days) if days else None


@dataclass(frozen=True)
class TrendView:
    """One period's charts (in CHART_ORDER) and associations: chart descriptions from `trend_data`,
    drawn charts once `draw` has rendered them."""

    period: str
    start: date
    end: date
    charts: dict[str, ChartData | Chart]
    associations: tuple[Association, ...]
    days: tuple[DayValues, ...]  # the period and the one before it, newest first
    # The diary's first day, when the period asked for began before it and the charts start there instead
    # (a year's axis two-thirds empty says nothing).
    starts_at_first_day: date | None = None


TrendData = TrendView  # a view whose charts are still descriptions


def period_days(record: PatientRecord, start: date, end: date) -> list[DayValues]:
    """Day values for the period and the equally long period before it (for comparisons)."""
    return record_days(record, previous_period(start, end)[0], end)


def trend_data(record: PatientRecord, *, today: date, period: Period, only: tuple[str, ...] = CHART_ORDER) -> TrendData:
    """Describe the period's charts (those named in `only`) and compute its associations.

    Raises:
        ValueError: an unknown period or chart name.
    """
    unknown = set(only) - set(CHART_ORDER)
    if unknown:
        raise ValueError(f"Unknown chart {sorted(unknown)[0]!r}; charts are {', '.join(CHART_ORDER)}.")
    first = first_day(record)
    start, end = period_bounds(period, today, first)
    clipped = first is not None and period != "all" and start < first <= end
    start = first if clipped else start
    days = period_days(record, start, end)
    goals, ratings = list(record.goals), list(record.ratings)
    makers = {
        "pain": lambda: symptom_data(days, measure="pain", start=start, end=end),
        "fatigue": lambda: symptom_data(days, measure="fatigue", start=start, end=end),
        "stress": lambda: symptom_data(days, measure="stress", start=start, end=end),
        "activity": lambda: activity_data(days, start=start, end=end, dose=plan_dose(record.plan)),
        "phq15": lambda: phq15_data(list(record.questionnaires), start=start, end=end),
        "goals": lambda: goal_data(goals, ratings, start=start, end=end),
        "body": lambda: body_map_data(days, start=start, end=end),
    }
    charts = {name: makers[name]() for name in CHART_ORDER if name in only}
    in_period = [d for d in days if start <= d.day <= end]
    return TrendView(period, start, end, charts, tuple(associations(in_period)), tuple(days),
                     starts_at_first_day=start if clipped else None)


def draw(data: TrendData, render: Callable[[ChartData], Chart]) -> TrendView:
    """The view with each described chart drawn by `render` (the platform's renderer, or matplotlib's)."""
    return replace(data, charts={name: render(chart) for name, chart in data.charts.items()})


def trend_view(record: PatientRecord, *, today: date, period: Period, dark: bool = False,
               only: tuple[str, ...] = CHART_ORDER) -> TrendView:
    """Describe and draw the period's charts with matplotlib (diary/reports/charts.py).

    Raises:
        ValueError: an unknown period or chart name.
    """
    from diary.reports.charts import render  # matplotlib: only when drawing here

    return draw(trend_data(record, today=today, period=period, only=only), lambda chart: render(chart, dark=dark))
