"""The phone app's adapters that run anywhere: IndexedDB persistence scheduling (with a fake IndexedDB),
asyncio background work, the file handover's rules, and the canvas chart renderer. The libsodium.js
adapter and the real IDBFS run in Chromium (tests/e2e/pwa)."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading

import pytest

from diary import platform
from diary.platform.asyncio_work import AsyncioWork
from diary.platform.browser_files import BrowserFiles, mime_type
from diary.platform.browser_storage import IdbfsHome, StorageUnavailable
from diary.platform.canvas_charts import FIRST_WIDTH, CanvasCharts, ChartCanvas
from diary.platform.seams import FEATURES, NoFileDialog
from diary.services.bootstrap import open_diary
from tests.platform.browser_fakes import FakeMarker, FakeIndexedDb, browser_platform
from tests.platform.test_seams import run


@pytest.fixture
def phone(tmp_path):
    chosen, indexed_db = browser_platform(tmp_path)
    before = platform.use(chosen)
    yield chosen, indexed_db
    platform.use(before)


class TestIndexedDbHome:
    def test_a_diary_opens_in_delete_journal_mode_inside_the_mount(self, phone, clock):
        chosen, _ = phone
        diary = open_diary(chosen.home.default_home(), clock=clock)
        try:
            assert diary.home == chosen.home.mount / "home"
            with diary.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "delete"
        finally:
            diary.close()

    def test_a_commit_is_in_indexeddb_once_flush_returns(self, phone, clock):
        chosen, indexed_db = phone

        async def save_and_flush():
            diary = open_diary(chosen.home.default_home(), clock=clock)
            diary.log.record(day=clock().date(), pain=6)
            await chosen.home.flush()
            diary.close()

        run(save_and_flush())
        stored = indexed_db.store / "home" / "diary.sqlite3"
        with sqlite3.connect(stored) as conn:  # what IndexedDB holds, read on its own
            assert conn.execute("SELECT pain FROM checkin").fetchall() == [(6,)]

    def test_commits_schedule_one_sync_that_the_flush_right_after_them_shares(self, phone, clock):
        chosen, indexed_db = phone

        async def three_saves():
            diary = open_diary(chosen.home.default_home(), clock=clock)
            before = indexed_db.syncs
            for pain in (3, 4, 5):
                diary.log.record(day=clock().date(), pain=pain)
            await chosen.home.flush()
            diary.close()
            return indexed_db.syncs - before

        assert run(three_saves()) == 1  # opening, three commits and the flush: one sync
        with sqlite3.connect(indexed_db.store / "home" / "diary.sqlite3") as conn:
            assert conn.execute("SELECT count(*) FROM checkin").fetchone() == (3,)

    def test_a_commit_nobody_flushes_still_reaches_indexeddb(self, phone, clock):
        chosen, indexed_db = phone

        async def save_without_flush():
            diary = open_diary(chosen.home.default_home(), clock=clock)
            diary.set_theme("dark")  # a setting: no screen awaits a flush for it
            await asyncio.sleep(0.05)
            diary.close()

        run(save_without_flush())
        with sqlite3.connect(indexed_db.store / "home" / "diary.sqlite3") as conn:
            assert conn.execute("SELECT value FROM meta WHERE key = 'theme'").fetchone() == ("dark",)

    @pytest.mark.filterwarnings("ignore:coroutine 'IdbfsHome._run_queued' was never awaited")  # the idle loop's
    def test_a_sync_asked_for_under_another_event_loop_does_not_block_a_flush_on_this_one(self, phone, clock):
        chosen, indexed_db = phone
        # As a test's setup while Playwright's loop is this thread's running loop, but idle: the commit
        # queues a sync there that never runs.
        idle = asyncio.new_event_loop()
        playwrights = asyncio._get_running_loop()  # put back after: the phone site's tests still need it
        asyncio._set_running_loop(idle)
        try:
            diary = open_diary(chosen.home.default_home(), clock=clock)
            diary.log.record(day=clock().date(), pain=2)
        finally:
            asyncio._set_running_loop(playwrights)

        async def flush():
            await chosen.home.flush()

        try:
            run(flush())
        finally:
            diary.close()
            idle.close()
        with sqlite3.connect(indexed_db.store / "home" / "diary.sqlite3") as conn:
            assert conn.execute("SELECT pain FROM checkin").fetchall() == [(2,)]

    def test_a_flush_during_a_sync_waits_for_a_later_one(self, tmp_path):
        started, release = [], None

        class SlowDb(FakeIndexedDb):
            def syncfs(self, populate, done):
                started.append(populate)
                asyncio.get_running_loop().call_later(0.05, super().syncfs, populate, done)

        async def overlapping():
            home = IdbfsHome(tmp_path / "m", bridge=SlowDb(tmp_path / "db"), marker=FakeMarker())
            home.bridge.mount(home.mount)
            first = asyncio.ensure_future(home.sync())
            await asyncio.sleep(0.01)  # the first sync is running
            await home.flush()
            await first
            return home.syncs

        assert run(overlapping()) == 2 and started == [False, False]

    def test_a_refused_sync_is_a_sentence(self, tmp_path):
        indexed_db = FakeIndexedDb(tmp_path / "db")
        home = IdbfsHome(tmp_path / "m", bridge=indexed_db, marker=FakeMarker())
        home.bridge.mount(home.mount)
        indexed_db.fail = True
        with pytest.raises(StorageUnavailable, match="would not store the diary's data") as refused:
            run(home.flush())
        assert "Quota" not in str(refused.value)  # never the browser's own words

    def test_load_reads_back_what_indexeddb_holds(self, tmp_path):
        indexed_db = FakeIndexedDb(tmp_path / "db")
        (tmp_path / "db" / "home").mkdir(parents=True)
        (tmp_path / "db" / "home" / "marker").write_text("kept")
        home = IdbfsHome(tmp_path / "m", bridge=indexed_db, marker=FakeMarker())
        run(home.load())
        assert (home.default_home() / "marker").read_text() == "kept"


    def test_a_store_emptied_after_entries_is_noticed_and_a_new_diary_is_not(self, tmp_path):
        marker = FakeMarker()
        home = IdbfsHome(tmp_path / "m", bridge=FakeIndexedDb(tmp_path / "db"), marker=marker)
        run(home.load())
        assert run(home.emptied()) is False  # a first visit: nothing, and no marker
        home.default_home().mkdir()
        (home.default_home() / "diary.sqlite3").write_bytes(b"x")
        run(home.flush())  # a save: the marker is set
        assert marker.value is True and run(home.emptied()) is False
        (home.default_home() / "diary.sqlite3").unlink()  # the browser deleted the store
        assert run(home.emptied()) is True
        home.forget_data()
        assert run(home.emptied()) is False

    def test_no_page_to_answer_is_not_taken_for_an_emptied_store(self, tmp_path):
        home = IdbfsHome(tmp_path / "m", bridge=FakeIndexedDb(tmp_path / "db"), marker=FakeMarker(answers=False))
        run(home.load())
        assert run(home.emptied()) is False


class TestAsyncioWork:
    def test_run_runs_on_the_loops_own_thread_and_returns(self):
        async def go():
            return await AsyncioWork().run(lambda a, b: (threading.get_ident(), a + b), 2, 3)

        here, total = run(go())
        assert total == 5 and here != threading.get_ident()  # the loop's thread (run() starts one), no other

    def test_run_lets_pending_work_go_first(self):
        order = []

        async def go():
            loop = asyncio.get_running_loop()
            loop.call_soon(order.append, "ui update")
            await AsyncioWork().run(order.append, "job")

        run(go())
        assert order == ["ui update", "job"]

    def test_start_runs_once_and_a_failing_job_is_logged_not_raised(self, caplog):
        ran = []

        async def go():
            work = AsyncioWork()
            work.start(lambda: ran.append(1), name="ok")
            work.start(lambda: 1 / 0, name="broken")
            await asyncio.sleep(0.05)

        with caplog.at_level(logging.ERROR):
            run(go())
        assert ran == [1] and "background job broken failed" in caplog.text

    def test_repeat_runs_after_the_delay_until_stopped(self):
        async def go():
            runs = []
            job = AsyncioWork().repeat(lambda: runs.append(1), every=0.01, delay=0.02, name="t")
            await asyncio.sleep(0.01)
            early = len(runs)
            await asyncio.sleep(0.08)
            alive = job.is_alive()
            job.stop()
            await asyncio.sleep(0)
            count = len(runs)
            await asyncio.sleep(0.05)
            return early, alive, count, len(runs), job.is_alive()

        early, alive, count, later, alive_after = run(go())
        assert early == 0 and alive and count >= 3 and later == count and not alive_after


class TestBrowserFiles:
    def test_bytes_first_and_no_save_dialog_and_no_folder_of_its_own(self, tmp_path):
        files = BrowserFiles()
        assert files.needs_bytes_first(page=None)
        with pytest.raises(NoFileDialog):
            run(files.ask_path(title="t", name="a.diary"))
        with pytest.raises(NoFileDialog):
            files.keep(tmp_path, "exports", "a.diary", b"x")

    def test_the_share_sheet_gets_a_type_it_knows(self):
        assert mime_type("visit.PDF") == "application/pdf"
        assert mime_type("diary-export-2026-03-15.diary") == "application/octet-stream"


def test_the_phone_platform_offers_none_of_the_desktops_extras(phone):
    chosen, _ = phone
    assert chosen.name == "browser" and chosen.features == frozenset() and FEATURES
    assert platform.current() is chosen
    with pytest.raises(Exception, match="desktop app"):
        chosen.secret_stream()


class TestCanvasCharts:
    def test_render_draws_nothing_yet_and_keeps_the_description(self, chart_data):
        chart = CanvasCharts().render(chart_data, dark=True)
        assert chart.png is None and chart.data is chart_data and chart.dark
        assert chart.summary == chart_data.summary and chart.alt_title == chart_data.title

    def test_the_control_is_a_labelled_canvas_laid_out_again_at_its_real_width(self, chart_data):
        charts = CanvasCharts()
        control = charts.control(charts.render(chart_data, dark=False), key="chart-image-pain", label="Pain chart")
        assert control.key == "chart-image-pain" and control.label == "Pain chart" and control.image
        canvas = control.content
        assert isinstance(canvas, ChartCanvas) and canvas.laid_out_at == FIRST_WIDTH and canvas.shapes
        first = list(canvas.shapes)
        canvas.lay_out(600)
        assert canvas.laid_out_at == 600 and canvas.shapes != first

    def test_the_card_colours_are_the_palettes(self):
        assert CanvasCharts().colours(dark=False) == ("#FFFFFF", "#1D1B20")
        assert CanvasCharts().colours(dark=True) == ("#1D1B20", "#E6E1E5")


@pytest.fixture
def chart_data(diary):
    from diary.reports.overview import trend_data
    from diary.services.demo import fill_demo

    fill_demo(diary, days=40, seed=3)
    return trend_data(diary.record(include_notes=False), today=diary.clock().date(), period="4w").charts["pain"]
