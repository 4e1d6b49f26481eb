"""The desktop's seams other than crypto: background work, handing a file over, where a diary lives, the
one errno sentence, and chart rendering from a description."""

from __future__ import annotations

import asyncio
import errno
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from diary import platform
from diary.platform.desktop import DesktopPlatform
from diary.platform.durable import FileNotWritten, describe_write_failure, os_failure_sentence, os_reason
from diary.platform.seams import Delivery, NoFileDialog, deliver


@pytest.fixture
def desktop() -> DesktopPlatform:
    return DesktopPlatform()


def run(coroutine):
    """Await `coroutine` on a loop of its own thread (the end-to-end tests' Playwright keeps one running here)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


class TestBackgroundWork:
    def test_run_is_off_the_calling_thread_and_returns_the_result(self, desktop):
        caller = threading.get_ident()
        ran_on, result = run(desktop.work.run(lambda: (threading.get_ident(), 42)))
        assert result == 42 and ran_on != caller

    def test_repeat_runs_after_the_delay_until_stopped(self, desktop):
        runs = []
        job = desktop.work.repeat(lambda: runs.append(1), every=0.01, delay=0, name="test")
        time.sleep(0.1)
        assert job.is_alive() and len(runs) >= 2
        job.stop()
        assert not job.is_alive()

    def test_start_runs_once_in_the_background(self, desktop):
        done = threading.Event()
        desktop.work.start(done.set, name="test")
        assert done.wait(5)


class TestHandingAFileOver:
    def hand_over(self, desktop, offer, tmp_path) -> Delivery:
        return run(deliver(desktop, b"%PDF-", name="a.pdf", title="t", home=tmp_path, folder="exports", offer=offer))

    def test_saved_downloaded_cancelled(self, desktop, tmp_path):
        def answers(path):
            async def offer(data, name):
                return path
            return offer

        saved, downloaded, cancelled = answers("/chosen/a.pdf"), answers(""), answers(None)

        assert self.hand_over(desktop, saved, tmp_path) == Delivery("saved", "/chosen/a.pdf")
        assert self.hand_over(desktop, downloaded, tmp_path) == Delivery("downloaded", "a.pdf")
        assert self.hand_over(desktop, cancelled, tmp_path) == Delivery("cancelled")

    def test_without_a_dialog_the_file_is_kept_in_the_data_folder_owner_only(self, desktop, tmp_path):
        async def no_dialog(data, name):
            raise NoFileDialog("no zenity")

        delivery = self.hand_over(desktop, no_dialog, tmp_path)
        assert delivery == Delivery("kept", tmp_path / "exports" / "a.pdf")
        assert delivery.where.read_bytes() == b"%PDF-" and delivery.where.stat().st_mode & 0o077 == 0


def test_a_diary_lives_in_the_user_data_folder_and_a_commit_needs_no_more(desktop, monkeypatch):
    assert desktop.home.default_home().name == "diary"
    assert run(desktop.home.flush()) is None
    from diary.config import data_dir

    monkeypatch.delenv("DIARY_HOME", raising=False)
    monkeypatch.delenv("FLET_APP_STORAGE_DATA", raising=False)
    assert data_dir() == platform.current().home.default_home()


class TestOneSentencePerFailure:
    @pytest.mark.parametrize(("code", "reason"), [(errno.ENOSPC, "full"), (errno.EFBIG, "full"),
                                                  (errno.EACCES, "read-only"), (errno.EROFS, "read-only"),
                                                  (errno.ENOENT, "missing"), (errno.EISDIR, "folder"),
                                                  (errno.EIO, "other")])
    def test_reasons(self, code, reason):
        assert os_reason(OSError(code, "library words")) == reason

    def test_never_the_library_text_but_what_to_do(self):
        full = os_failure_sentence(OSError(errno.ENOSPC, "No space left"), Path("/mnt/usb"),
                                   consequence="the backup was not written", ending="; your diary is unchanged.")
        assert full == ("The device holding /mnt/usb is full, so the backup was not written. Free some space or "
                        "choose another folder; your diary is unchanged.")
        error = describe_write_failure(OSError(errno.EACCES, "Permission denied"), Path("/ro/x.pdf"), what="the summary")
        assert isinstance(error, FileNotWritten) and "Permission denied" not in str(error)
        assert str(error).startswith("/ro cannot be written to, so the summary was not written")


def test_the_renderer_draws_a_description_and_shows_it(desktop):
    from datetime import date

    from diary.reports.chart_data import body_map_data

    chart = desktop.charts.render(body_map_data([], start=date(2026, 3, 1), end=date(2026, 3, 15)), dark=True)
    assert chart.png.startswith(b"\x89PNG") and chart.summary == "No body map entries in this period."
    assert chart.data.days_with_map == 0 and desktop.charts.colours(dark=True) != desktop.charts.colours(dark=False)


def test_an_exclusive_write_works_without_hard_links_as_in_pyodide(tmp_path, monkeypatch):
    """Pyodide's os has no `link` at all (AttributeError, not OSError): keys are still written once only."""
    import os

    from diary.platform.durable import write_atomically

    monkeypatch.delattr(os, "link")
    key = tmp_path / "key"
    write_atomically(key, b"first", exclusive=True)
    with pytest.raises(FileExistsError):
        write_atomically(key, b"second", exclusive=True)
    assert key.read_bytes() == b"first" and [p.name for p in tmp_path.iterdir()] == ["key"]


def test_a_browser_download_is_never_read_as_cancelled():
    from diary.platform.desktop import downloaded_or

    assert downloaded_or(None, web=True) == ""  # Flet's web client answers None after starting the download
    assert downloaded_or("", web=True) == ""
    assert downloaded_or(None, web=False) is None  # the desktop dialog was closed
    assert downloaded_or("/tmp/x.pdf", web=False) == "/tmp/x.pdf"
