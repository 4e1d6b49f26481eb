"""Shared fixtures: a fixed clock, a fresh diary home per test, and English unless a test asks for Swedish."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import settings

from diary.i18n import use_language
from diary.services.bootstrap import open_diary

# The suite's expectations are written in English, whatever the machine's locale: the command line and the
# app follow LANGUAGE, LC_ALL, LC_MESSAGES and LANG (diary.i18n.choice), here and in every subprocess.
for _name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

# No per-example deadline anywhere: the machine is shared, and a slow example is the scheduler, not the code
# (a test's own @settings still sets everything else).
settings.register_profile("diary", deadline=None)
settings.load_profile("diary")


@pytest.fixture(autouse=True)
def english():
    """Each test starts in English (a test that switches language leaves no trace for the next)."""
    use_language("en")
    yield
    use_language("en")


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
