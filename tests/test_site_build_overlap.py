"""The phone site's background build (tests/e2e/pwa/site_build.py): started only for a run that opens the
site and finds it out of date; a failed build is reported with what it printed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.e2e.pwa import site_build


@pytest.fixture
def failing_build(monkeypatch):
    """`diary pwa build` replaced by a command that prints and fails; the site out of date; npm present."""
    real = subprocess.Popen
    started = []

    def popen(command, **options):
        started.append(command)
        return real([sys.executable, "-c", "print('npm ci failed: no network'); raise SystemExit(3)"], **options)

    monkeypatch.setattr(site_build.subprocess, "Popen", popen)
    monkeypatch.setattr(site_build.shutil, "which", lambda name: "/usr/bin/npm")
    monkeypatch.setattr("diary.pwa.build.is_up_to_date", lambda out: False)
    yield started
    site_build.stop()


def item_in(path: Path):
    return SimpleNamespace(path=path)


def test_a_run_without_the_sites_tests_builds_nothing(failing_build, tmp_path):
    site_build.start_if_needed([item_in(Path(__file__))], tmp_path)
    assert failing_build == [] and site_build.wait() is None


def test_a_failed_background_build_is_reported_with_what_it_printed(failing_build, tmp_path):
    site_build.start_if_needed([item_in(site_build.HERE / "test_built_site.py")], tmp_path)
    assert failing_build and failing_build[0][-4:-1] == ["pwa", "build", "--out"]
    failed = site_build.wait()
    assert "(3)" in failed and "npm ci failed: no network" in failed
    assert site_build.wait() is None  # waited for once
