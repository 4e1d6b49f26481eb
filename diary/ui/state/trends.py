"""What the Trends screen and the clinician's patient page show about charts, without Flet: the period's
chart cards and the association sentences, built by pure functions from a drawn view; and the reads the
screens need (the diary's trend views and its visit PDF come from services, drawn and cached there).
"""

from __future__ import annotations

from dataclasses import dataclass

from diary.domain.errors import DiaryError
from diary.services.trends import CHART_ORDER, DEFAULT_PERIOD, PERIODS, Snapshot, TrendView, cached_view, render_view
from diary.ui import text as T

__all__ = ["DEFAULT_PERIOD", "PERIOD_CHOICES", "ChartCard", "Snapshot", "association_lines", "cached_view",
           "chart_cards", "failure_sentence", "period_note", "render_view", "snapshot", "visit_pdf"]
PERIOD_CHOICES: tuple[tuple[str, str], ...] = tuple(PERIODS.items())


@dataclass(frozen=True)
class ChartCard:
    name: str
    title: str
    image_label: str
    summary: str
    chart: object  # the drawn chart (diary.reports.chart_data.Chart), for the platform's renderer to show


def chart_cards(view: TrendView) -> list[ChartCard]:
    cards = []
    for name in CHART_ORDER:
        chart = view.charts.get(name)
        if chart is not None:
            title = T.CHART_TITLES[name]
            cards.append(ChartCard(name, title, T.CHART_IMAGE_LABEL.format(title=chart.alt_title), chart.summary,
                                   chart))
    return cards


def period_note(view: TrendView) -> str | None:
    """Said above the charts when the period asked for began before the diary did."""
    first = view.starts_at_first_day
    return None if first is None else T.TRENDS_FROM_FIRST_DAY.format(day=f"{first.day} {first:%b %Y}")


def association_lines(associations) -> tuple[list[str], str | None]:
    """The clear links (at least small, and an interval for the effective sample size that excludes no
    link), strongest first, and "k of n pairs tested": they are exploratory (issue 15 §5), and a "may be
    chance" sentence is more likely to mislead than to help."""
    if not associations:
        return [], T.LINKS_NONE_YET
    clear = sorted((a for a in associations if a.clear), key=lambda a: -abs(a.rho))
    return [a.sentence for a in clear], T.LINKS_TESTED.format(k=len(clear), n=len(associations))


def failure_sentence(exc: Exception) -> str:
    """A sentence for a failed background job: the service's own, or a general one (never library text)."""
    if isinstance(exc, DiaryError):
        return str(exc)
    return "something unexpected went wrong; nothing in your diary was changed. Try again."


# Reads (each runs the services; call off the UI thread). cached_view and render_view are the trend
# service's own (diary.services.trends): the cache lives there.
def snapshot(diary) -> Snapshot:
    """The patient's own record, as read for this visit to Trends (diary.services.trends)."""
    return diary.trends.own()


def visit_pdf(diary, period: str, *, include_notes: bool) -> tuple[bytes, str]:
    """The one-page summary of the chosen period as (PDF bytes, a file name) (diary.services.summaries)."""
    summary = diary.summaries.make(period=period, include_notes=include_notes)
    return summary.data, summary.name
