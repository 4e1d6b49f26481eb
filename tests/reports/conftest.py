"""Shared records for report and research tests: built once per session from the demo generator."""

from __future__ import annotations

import pytest

from diary.services.bootstrap import open_diary
from diary.services.demo import fill_demo
from tests.conftest import NOW, FixedClock


def demo_record(tmp_path_factory, *, days: int, seed: int, name: str):
    diary = open_diary(tmp_path_factory.mktemp(name) / "home", clock=FixedClock(NOW))
    try:
        fill_demo(diary, days=days, seed=seed)
        return diary.record()
    finally:
        diary.close()


@pytest.fixture(scope="session")
def record(tmp_path_factory):
    """200 days of demo data (check-ins, goals with weekly ratings, a plan, questionnaires)."""
    return demo_record(tmp_path_factory, days=200, seed=3, name="demo200")


@pytest.fixture(scope="session")
def today():
    return NOW.date()
