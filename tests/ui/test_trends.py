"""The Trends screen, in-process: charts with their sentences, periods, links, and the visit PDF."""

import os
import stat

import flet as ft
import pytest

from diary.services import trends as trend_service
from diary.services.demo import fill_demo
from diary.ui import text as T
from diary.ui import theme
from diary.ui.screens.trends import TrendsScreen, save_with_dialog
from diary.ui.state import trends as state
from tests.flet_harness import FletHarness

CHARTS = ("pain", "fatigue", "stress", "activity", "phq15", "goals", "body")


@pytest.fixture(autouse=True)
def fresh_cache():
    trend_service.CACHE.clear()
    yield
    trend_service.CACHE.clear()


@pytest.fixture
def filled(diary):
    fill_demo(diary, days=45, seed=5)
    return diary


@pytest.fixture
def open_trends():
    opened = []

    def open_(diary, *, width=390, dark=None, theme_mode=None, invoke_results=None, **options):
        options.setdefault("prefetch", False)

        def main(page: ft.Page):
            theme.apply(page)
            if theme_mode is not None:
                page.theme_mode = theme_mode
            page.add(TrendsScreen(diary, page_width=width, dark=dark, **options))

        harness = FletHarness(main, width=width, idle_timeout=30, invoke_results=invoke_results)
        opened.append(harness)
        return harness

    yield open_
    for harness in opened:
        harness.close()


class FakeSaver:
    def __init__(self, result="/home/me/summary.pdf", fail=False):
        self.result, self.fail, self.calls = result, fail, []

    async def __call__(self, pdf, name):
        self.calls.append((pdf, name))
        if self.fail:
            raise RuntimeError("no dialog here")
        return self.result


class TestCharts:
    def test_every_chart_with_its_sentence(self, filled, open_trends):
        ui = open_trends(filled)
        for name in CHARTS:
            image = ui.find(f"chart-image-{name}")
            assert image.src[:8] == b"\x89PNG\r\n\x1a\n"
            assert image.semantics_label.startswith("Chart: ")
            assert ui.find(f"chart-summary-{name}").value.endswith(".")
        assert ui.find("chart-summary-pain").value.startswith("Pain averaged ")
        assert "over the last 4 weeks" in ui.find("chart-summary-pain").value

    def test_switching_period(self, filled, open_trends):
        ui = open_trends(filled)
        ui.fire("trends-period", "change", props={"selected": ["3m"]})
        assert "over the last" in ui.find("chart-summary-pain").value
        assert "4 weeks" not in ui.find("chart-summary-pain").value
        ui.fire("trends-period", "change", props={"selected": ["4w"]})
        assert "over the last 4 weeks" in ui.find("chart-summary-pain").value

    def test_other_periods_are_drawn_in_the_background(self, filled, open_trends):
        open_trends(filled, prefetch=True)
        snap = state.snapshot(filled)
        assert all(state.cached_view(snap, period, False) for period, _ in state.PERIOD_CHOICES)

    def test_new_data_is_never_shown_from_a_stale_cache(self, filled, open_trends):
        open_trends(filled)
        before = state.snapshot(filled)
        filled.log.record(pain=9)
        assert state.snapshot(filled).key != before.key

    def test_links_are_worded_as_association(self, filled, open_trends):
        ui = open_trends(filled)
        texts = " ".join(ui.texts())
        assert T.LINKS_HEADING in texts and "not causes" in texts
        assert "(n = " in texts and "cause" not in texts.replace("not causes", "")

    def test_an_empty_diary_says_so(self, diary, open_trends):
        ui = open_trends(diary)
        assert ui.find("trends-message").value == T.TRENDS_EMPTY

    def test_dark_theme_draws_dark_charts(self, filled, open_trends):
        ui = open_trends(filled, theme_mode=ft.ThemeMode.DARK)
        assert ui.find("chart-pain").bgcolor == "#1D1B20"


class TestVisitPdf:
    def test_saved_where_the_user_chose(self, filled, open_trends):
        saver = FakeSaver()
        ui = open_trends(filled, save_pdf=saver)
        ui.click("visit-pdf")
        (pdf, name), = saver.calls
        assert pdf.startswith(b"%PDF-") and name == "diary-summary-2026-03-15.pdf"
        assert ui.find("visit-status").value == T.VISIT_SAVED.format(path="/home/me/summary.pdf")
        assert not ui.find("visit-pdf").disabled

    def test_cancelled(self, filled, open_trends):
        ui = open_trends(filled, save_pdf=FakeSaver(result=None))
        ui.click("visit-pdf")
        assert ui.find("visit-status").value == T.VISIT_CANCELLED

    def test_without_a_dialog_it_goes_to_the_data_folder(self, filled, open_trends):
        ui = open_trends(filled, save_pdf=FakeSaver(fail=True))
        ui.click("visit-pdf")
        path = filled.home / "exports" / "diary-summary-2026-03-15.pdf"
        assert ui.find("visit-status").value == T.VISIT_SAVED_LOCALLY.format(path=path)
        assert path.read_bytes().startswith(b"%PDF-")
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600

    def test_flet_save_dialog_gets_the_bytes(self, filled, open_trends):
        ui = open_trends(filled, save_pdf=save_with_dialog, invoke_results={"save_file": "/chosen/visit.pdf"})
        ui.click("visit-pdf")
        assert ui.find("visit-status").value == T.VISIT_SAVED.format(path="/chosen/visit.pdf")
        calls = [body for action, body in ui.messages if isinstance(body, dict) and body.get("name") == "save_file"]
        assert calls and calls[-1]["args"]["src_bytes"].startswith(b"%PDF-")
        assert calls[-1]["args"]["file_name"].endswith(".pdf")

    def test_notes_only_when_ticked(self, filled, open_trends, monkeypatch):
        seen = []
        real = state.visit_pdf

        def spy(diary, period, *, include_notes):
            seen.append(include_notes)
            return real(diary, period, include_notes=include_notes)

        monkeypatch.setattr("diary.ui.screens.trends.visit_pdf", spy)
        ui = open_trends(filled, save_pdf=FakeSaver())
        ui.click("visit-pdf")
        ui.change("visit-notes", True)
        ui.click("visit-pdf")
        assert seen == [False, True]


def test_a_year_of_a_four_month_diary_starts_at_its_first_day_and_says_so():
    from datetime import date, datetime, timedelta, timezone

    from diary.domain.entries import CheckIn
    from diary.domain.patient_record import PatientRecord
    from diary.reports.overview import trend_data
    from diary.ui.state.trends import period_note

    def checkin(day, pain):
        return CheckIn(id=f"c{day}", day=day, recorded_at=datetime(day.year, day.month, day.day, 20,
                                                                   tzinfo=timezone.utc), pain=pain)

    today = date(2026, 3, 15)
    first = today - timedelta(days=120)
    record = PatientRecord(key="own", label=None, checkins=tuple(checkin(first + timedelta(days=i), pain=4)
                                                                for i in range(121)))
    year = trend_data(record, today=today, period="1y")
    assert year.start == first and year.starts_at_first_day == first
    assert period_note(year) == f"Your diary starts on {first.day} {first:%b %Y}, so the charts start there too."
    month = trend_data(record, today=today, period="4w")
    assert month.start == today - timedelta(days=27) and period_note(month) is None
