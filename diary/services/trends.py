"""Trend charts for screens: one patient's charts for a period, drawn by the platform's renderer and
cached, for the patient's Trends screen and the clinician's patient page alike.

Charts take about a second per period to draw, so views are cached by the record's content: the same
data, day, period and theme give the same view at once, and any change (a new check-in, an edited
rating, a newer import) changes the fingerprint and so draws afresh. The cache is per process and small.
Drawing happens wherever the caller runs it; screens run it through the platform's background work.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date

from diary.domain.patient_record import PatientRecord
from diary.platform import current
from diary.reports.overview import CHART_ORDER, PERIODS, TrendView, draw, trend_data

__all__ = ["CACHE", "CHART_ORDER", "DEFAULT_PERIOD", "PERIODS", "Snapshot", "TrendService", "TrendView",
           "cached_view", "own_snapshot", "patient_snapshot", "render_view"]
DEFAULT_PERIOD = "4w"
CACHE_SIZE = 16


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
    """A small thread-safe LRU of drawn views."""

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
    """A record as read once for a visit to a screen, with the key its views are cached under."""

    record: PatientRecord
    today: date
    key: str  # home, patient and fingerprint

    @property
    def empty(self) -> bool:
        return not (self.record.checkins or self.record.questionnaires or self.record.ratings)


def own_snapshot(diary) -> Snapshot:
    """The patient's own record (without notes: charts never show them)."""
    record = diary.record(include_notes=False)
    return Snapshot(record, diary.clock().date(), f"{diary.home}|{fingerprint(record)}")


def patient_snapshot(diary, record: PatientRecord) -> Snapshot:
    """A clinician's patient, as read for the patient's page."""
    return Snapshot(record, diary.clock().date(), f"{diary.home}|{record.key}|{fingerprint(record)}")


def cached_view(snap: Snapshot, period: str, dark: bool, text_scale: float = 1.0) -> TrendView | None:
    return CACHE.get((snap.key, snap.today, period, dark, text_scale))


def render_view(snap: Snapshot, period: str, dark: bool, text_scale: float = 1.0) -> TrendView:
    """The period's view, from the cache or drawn now by the platform's renderer (call off the UI thread);
    `text_scale` is the user's text size, which the charts' lettering follows."""
    key = (snap.key, snap.today, period, dark, text_scale)
    view = CACHE.get(key)
    if view is None:
        charts = current().charts
        sized = {} if text_scale == 1.0 else {"text_scale": text_scale}  # renderers without it draw at 100%
        view = draw(trend_data(snap.record, today=snap.today, period=period),
                    lambda chart: charts.render(chart, dark=dark, **sized))
        CACHE.put(key, view)
    return view


class TrendService:
    """The trend views of one open diary (Diary.trends): its own, or a clinician's patient's."""

    def __init__(self, diary):
        self._diary = diary

    def own(self) -> Snapshot:
        return own_snapshot(self._diary)

    def patient(self, record: PatientRecord) -> Snapshot:
        return patient_snapshot(self._diary, record)

    cached = staticmethod(cached_view)
    render = staticmethod(render_view)
