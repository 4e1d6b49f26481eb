"""What the Trends screen shows, without Flet: the period's charts (cached), the association sentences,
and the visit PDF.

Charts take about a second per period to draw, so views are cached by the diary's content: the same
data, day, period and theme give the same view at once, and any change in the diary (a new check-in,
an edited rating) changes the fingerprint and so draws afresh. The cache is per process and small.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from diary.domain.errors import DiaryError
from diary.domain.names import printable_name
from diary.domain.patient_record import PatientRecord
from diary.reports.correlations import Association
from diary.reports.overview import CHART_ORDER, PERIODS, TrendView, first_day, trend_view
from diary.reports.series import period_bounds
from diary.reports.summary_pdf import clinician_pdf
from diary.services.files import write_atomically
from diary.ui import text as T

PERIOD_CHOICES: tuple[tuple[str, str], ...] = tuple(PERIODS.items())
DEFAULT_PERIOD = "4w"
CACHE_SIZE = 16
EXPORTS_FOLDER = "exports"


def fingerprint(record: PatientRecord) -> str:
    """A digest of everything the charts read, so a cached view is never stale."""
    digest = hashlib.blake2b(digest_size=16)
    for checkin in sorted(record.checkins, key=lambda c: c.id):
        digest.update(checkin.model_dump_json(exclude={"note"}).encode())
    for response in record.questionnaires:
        digest.update(f"{response.id}|{response.completed_at}|{response.result and response.result.total}".encode())
    for item in (*record.goals, *record.ratings, *record.plan):
        digest.update(item.model_dump_json().encode())
    return digest.hexdigest()


class ViewCache:
    """A small thread-safe LRU of rendered views."""

    def __init__(self, size: int = CACHE_SIZE):
        self._views: OrderedDict[tuple, TrendView] = OrderedDict()
        self._size, self._lock = size, threading.Lock()

    def get(self, key: tuple) -> TrendView | None:
        with self._lock:
            view = self._views.get(key)
            if view is not None:
                self._views.move_to_end(key)
            return view

    def put(self, key: tuple, view: TrendView) -> None:
        with self._lock:
            self._views[key] = view
            self._views.move_to_end(key)
            while len(self._views) > self._size:
                self._views.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._views.clear()


CACHE = ViewCache()


@dataclass(frozen=True)
class Snapshot:
    """The diary's data as read once for this visit to the screen."""

    record: PatientRecord
    today: date
    key: str  # home and fingerprint

    @property
    def empty(self) -> bool:
        return not (self.record.checkins or self.record.questionnaires or self.record.ratings)


def snapshot(diary) -> Snapshot:
    """Read the patient's own record (without notes: charts never show them)."""
    record = diary.record(include_notes=False)
    return Snapshot(record, diary.clock().date(), f"{diary.home}|{fingerprint(record)}")


def cached_view(snap: Snapshot, period: str, dark: bool) -> TrendView | None:
    return CACHE.get((snap.key, snap.today, period, dark))


def render_view(snap: Snapshot, period: str, dark: bool) -> TrendView:
    """The period's view, from the cache or drawn now (call off the UI thread)."""
    key = (snap.key, snap.today, period, dark)
    view = CACHE.get(key)
    if view is None:
        view = trend_view(snap.record, today=snap.today, period=period, dark=dark)
        CACHE.put(key, view)
    return view


@dataclass(frozen=True)
class ChartCard:
    name: str
    title: str
    image_label: str
    summary: str
    png: bytes


def chart_cards(view: TrendView) -> list[ChartCard]:
    cards = []
    for name in CHART_ORDER:
        chart = view.charts.get(name)
        if chart is not None:
            title = T.CHART_TITLES[name]
            cards.append(ChartCard(name, title, T.CHART_IMAGE_LABEL.format(title=chart.alt_title), chart.summary,
                                   chart.png))
    return cards


def association_lines(associations: tuple[Association, ...]) -> tuple[list[str], str | None]:
    """The clear links (at least small, and an interval that excludes no link), strongest first, and a
    line counting the rest: a "may be chance" sentence is more likely to mislead than to help."""
    if not associations:
        return [], T.LINKS_NONE_YET
    clear = sorted((a for a in associations if a.strength != "negligible" and not a.ci_low <= 0 <= a.ci_high),
                   key=lambda a: -abs(a.rho))
    others = len(associations) - len(clear)
    return [a.sentence for a in clear], (T.LINKS_OTHERS.format(n=others) if others else None)


def visit_pdf(diary, period: str, *, include_notes: bool) -> tuple[bytes, str]:
    """The one-page summary of the chosen period as (PDF bytes, a file name)."""
    now: datetime = diary.clock()
    record = diary.record(include_notes=include_notes)
    start, end = period_bounds(period, now.date(), first_day(record))
    pdf = clinician_pdf(record, today=now.date(), start=start, end=end, generated_at=now)
    return pdf, f"diary-summary-{end.isoformat()}.pdf"


def failure_sentence(exc: Exception) -> str:
    """A sentence for an unexpected failure (never library text); the diary itself is only read here."""
    from diary.storage.database import describe_failure

    if isinstance(exc, OSError):
        return describe_failure(exc)
    return "something unexpected went wrong; nothing in your diary was changed. Try again."


async def make_and_deliver_pdf(build, save_pdf, diary) -> tuple[str, Path | str | None, str | None]:
    """Build a PDF off the UI thread (`build()` → (bytes, file name)) and hand it over (`deliver_pdf`).

    Returns (outcome, where, name): an outcome of `deliver_pdf`, or ("failed", the reason in a sentence, None).
    """
    import asyncio

    try:
        pdf, name = await asyncio.to_thread(build)
        outcome, where = await deliver_pdf(save_pdf, diary, pdf, name)
    except DiaryError as exc:
        return "failed", str(exc), None
    except Exception as exc:  # noqa: BLE001 - a sentence for the user, never a traceback
        return "failed", failure_sentence(exc), None
    # Where the user saved it and the name the browser got: shown on the screen, so shown escaped.
    return outcome, None if where is None else printable_name(where), printable_name(name)


async def deliver_pdf(save_pdf, diary, pdf: bytes, name: str) -> tuple[str, Path | str | None]:
    """Hand a PDF to the user: ("saved", path), ("downloaded", name), ("cancelled", None), or ("local", path)
    when this device has no save dialog and it was kept in the data folder instead."""
    import asyncio

    try:
        path = await save_pdf(pdf, name)
    except Exception:  # no dialog on this device (e.g. Linux without zenity): keep it in the data folder
        return "local", await asyncio.to_thread(save_in_data_folder, diary, pdf, name)
    if path is None:
        return "cancelled", None
    return ("saved", path) if path else ("downloaded", name)


def save_in_data_folder(diary, pdf: bytes, name: str) -> Path:
    """Where the PDF goes when no save dialog is available: HOME/exports/NAME (owner-only)."""
    folder = Path(diary.home) / EXPORTS_FOLDER
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / name
    write_atomically(path, pdf)
    return path

