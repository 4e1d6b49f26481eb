"""The phone app's start runs with the cycle collector off until the first screen is up (diary.pwa.entry)."""

from __future__ import annotations

import gc

import pytest

from diary.pwa import entry
from tests.test_server_guard import run_async  # a loop of its own: an e2e test may hold this thread's


@pytest.fixture
def collector():
    """The collector as the test found it, and nothing left frozen by the test."""
    yield
    gc.unfreeze()
    gc.enable()


def test_the_first_screen_is_drawn_without_the_collector_and_what_it_made_is_frozen(collector, monkeypatch):
    seen = []

    async def draw(page):
        seen.append(gc.isenabled())
        page.append("today")

    started = []
    monkeypatch.setattr(entry, "announce", lambda event, **_: None)
    monkeypatch.setattr(entry.ft, "run", lambda main: started.append(main))
    gc.unfreeze()
    entry.start()  # disables the collector and hands Flet the wrapped main
    assert not gc.isenabled() and len(started) == 1
    page: list[str] = []
    run_async(entry._first_screen_shown(draw)(page))
    assert seen == [False] and page == ["today"]
    assert gc.isenabled() and gc.get_freeze_count() > 0


def test_a_start_that_fails_turns_the_collector_back_on(collector):
    async def broken(page):
        raise RuntimeError("IndexedDB went away")

    gc.disable()
    with pytest.raises(RuntimeError):
        run_async(entry._first_screen_shown(broken)(None))
    assert gc.isenabled()
