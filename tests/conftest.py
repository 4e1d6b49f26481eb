"""Shared fixtures: a fixed clock and a fresh diary home per test."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import settings

from diary.services.bootstrap import open_diary

# No per-example deadline anywhere: the machine is shared, and a slow example is the scheduler, not the code
# (a test's own @settings still sets everything else).
settings.register_profile("diary", deadline=None)
settings.load_profile("diary")

TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 15, 19, 30, tzinfo=TZ)


class FixedClock:
    """A clock the test can move."""

    def __init__(self, now: datetime = NOW):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def diary(tmp_path, clock):
    opened = open_diary(tmp_path / "home", clock=clock)
    yield opened
    opened.close()
