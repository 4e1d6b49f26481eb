"""A clinician's home, patient homes paired with it, their export files, and the clinician's app in a
FletHarness (tests/flet_harness.py)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from diary.services.bootstrap import open_diary
from diary.services.demo import fill_demo
from diary.ui.app import make_main
from diary.services import trends as trend_service
from tests.conftest import NOW, FixedClock
from tests.flet_harness import FletHarness

PHYSIO = "Physio Berg"


@pytest.fixture(autouse=True)
def fresh_chart_cache():
    trend_service.CACHE.clear()
    yield
    trend_service.CACHE.clear()


@pytest.fixture
def clinic(tmp_path, clock):
    home = open_diary(tmp_path / "clinic", clock=clock, role="clinician")
    yield home
    home.close()


class Patients:
    """Patient homes made on demand: paired with the clinic (both ways) and filled with demo data."""

    def __init__(self, tmp_path: Path, clinic):
        self.tmp_path, self.clinic, self.homes, self.clocks = tmp_path, clinic, {}, {}

    def add(self, label: str, *, days: int = 21, seed: int = 3, ago: int = 0, pair: bool = True):
        clock = FixedClock(NOW - timedelta(days=ago))
        home = open_diary(self.tmp_path / f"patient-{len(self.homes)}", clock=clock)
        if days:
            fill_demo(home, days=days, seed=seed)
        home.pairing.pair(self.clinic.pairing.own_key().text, label=PHYSIO)
        if pair:
            self.clinic.pairing.pair(home.pairing.own_key().text, label=label)
        self.homes[label], self.clocks[label] = home, clock
        return home

    def export(self, label: str, name: str | None = None, **options) -> Path:
        """The patient's export file for the clinic (a new seq each time)."""
        home = self.homes[label]
        made = len(list(self.tmp_path.glob("files/*")))
        out = self.tmp_path / "files" / (name or f"{label.replace(' ', '_')}-{made}.diary")
        out.parent.mkdir(exist_ok=True)
        options.setdefault("to", [PHYSIO])
        options.setdefault("since", None)
        home.exports.export(out=out, **options)
        return out

    def send(self, label: str, **options) -> Path:
        """Export and import straight away (the service, not the screen)."""
        path = self.export(label, **options)
        assert self.clinic.imports.import_file(path).ok
        return path

    def close(self) -> None:
        for home in self.homes.values():
            home.close()


@pytest.fixture
def patients(tmp_path, clinic):
    made = Patients(tmp_path, clinic)
    yield made
    made.close()


@pytest.fixture
def open_clinic():
    """The clinician's whole app (make_main → ClinicianShell) at a given size."""
    opened = []

    def open_(home, *, width: float = 390, height: float = 844, invoke_results=None) -> FletHarness:
        harness = FletHarness(make_main(lambda: home), width=width, height=height, idle_timeout=30,
                              invoke_results=invoke_results)
        opened.append(harness)
        return harness

    yield open_
    for harness in opened:
        harness.close()


@pytest.fixture
def screen():
    """One screen alone on a page: screen(lambda: Control(...))."""
    opened = []

    def open_(build, *, width: float = 390, invoke_results=None) -> FletHarness:
        harness = FletHarness(lambda page: page.add(build()), width=width, idle_timeout=30,
                              invoke_results=invoke_results)
        opened.append(harness)
        return harness

    yield open_
    for harness in opened:
        harness.close()
