"""diary.app's warm-up (P1): the cycle collector is off while the start and the warm-up make their long-lived
objects, and on again afterwards, whatever happened in the warm-up, with those objects frozen; the interpreter
lock changes hands more often meanwhile."""

from __future__ import annotations

import gc
import sys

import pytest

from diary import app as app_module


class InlineWork:
    """Runs a job at once, on this thread, instead of starting a thread for it."""

    def __init__(self):
        self.names = []

    def start(self, job, *, name):
        self.names.append(name)
        job()


@pytest.fixture
def collector_restored():
    yield
    gc.unfreeze()
    gc.enable()


def _platform_with(work):
    return type("Platform", (), {"work": work})()


def test_the_collector_is_off_during_the_warm_up_and_on_after_it(monkeypatch, collector_restored):
    seen = []
    work = InlineWork()
    monkeypatch.setattr(app_module, "platform", lambda: _platform_with(work))
    monkeypatch.setattr(app_module, "_warm_up_steps",
                        lambda *args: seen.append((gc.isenabled(), sys.getswitchinterval())))
    interval = sys.getswitchinterval()
    app_module._start_warm_up(lambda: None, None)
    assert work.names == ["warm-up"] and seen == [(False, 0.0005)] and gc.isenabled()
    assert sys.getswitchinterval() == interval
    assert gc.get_freeze_count() > 0  # what the start made is never walked again


def test_a_failing_warm_up_turns_the_collector_back_on(monkeypatch, collector_restored):
    def fails(*args):
        raise RuntimeError("the warm-up broke")

    monkeypatch.setattr(app_module, "platform", lambda: _platform_with(InlineWork()))
    monkeypatch.setattr(app_module, "_warm_up_steps", fails)
    interval = sys.getswitchinterval()
    with pytest.raises(RuntimeError):
        app_module._start_warm_up(lambda: None, None)
    assert gc.isenabled() and sys.getswitchinterval() == interval
