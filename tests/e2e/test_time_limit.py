"""The end-to-end time limit (tests/e2e/time_limit.py) at work: a page whose renderer spins for ever
fails its test within the limit, with the reason, and the next test gets a working browser; a test's own
limit and time excused (the phone site's build) are honoured."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]

SPINNING = '''
import pytest

def test_a_page_that_spins(browser):
    page = browser.new_page()
    page.set_content("<p>spinning</p>")
    page.evaluate("for (;;) {}")  # no timeout of its own: only the time limit ends it

def test_the_next_test_has_a_browser(browser):
    page = browser.new_page()
    assert page.evaluate("6 * 7") == 42
    page.close()

def test_time_not_counted(browser):
    from tests.e2e.time_limit import not_counted

    page = browser.new_page()
    page.wait_for_timeout(1_500)
    with not_counted():  # as the phone site's tests wait for its build
        page.wait_for_timeout(4_000)
    page.wait_for_timeout(1_000)  # 6.5 s in all, 2.5 s of it counted against the limit of 3 s
    page.close()

@pytest.mark.time_limit(30)
def test_its_own_limit(browser):
    page = browser.new_page()
    page.wait_for_timeout(4_000)  # longer than the run's limit, shorter than its own
    page.close()
'''


def test_a_spinning_page_fails_within_the_limit_and_the_run_goes_on(tmp_path, browser):
    (tmp_path / "test_spinning.py").write_text(SPINNING)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.e2e.conftest",
         "--rootdir", str(tmp_path), "-o", "addopts=", str(tmp_path / "test_spinning.py")],
        cwd=ROOT, capture_output=True, text=True, timeout=180,
        env={**__import__("os").environ, "DIARY_E2E_TIME_LIMIT": "3", "PYTHONPATH": str(ROOT)})
    took = time.monotonic() - started
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "1 failed, 3 passed" in done.stdout, output
    assert "test_a_page_that_spins ran past its time limit of 3 s" in done.stdout, output
    assert "killed: " in done.stderr and "chromium" in done.stderr, output  # the browser, by name
    assert "Thread" in done.stderr, output  # the stacks at that moment
    assert took < 60, f"the spinning page held the run for {took:.0f} s"
