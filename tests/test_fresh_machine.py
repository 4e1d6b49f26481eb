"""A newcomer's `make test` on a fresh machine: the system packages the tests need are installed (as root
on Debian) or named in one command to run, and no test is skipped silently."""

from __future__ import annotations

import os
import shutil
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / ".ci" / "system-packages"


def check(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    bin_dir = tmp_path / "bin"  # a PATH with nothing but `id`: no poppler, no R
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "id").symlink_to(shutil.which("id"))
    return subprocess.run(["/bin/bash", str(SCRIPT), "--check"], capture_output=True, text=True,
                          env={"PATH": str(bin_dir), "HOME": str(tmp_path), **env})


def test_on_a_bare_machine_it_names_the_one_command_and_stops(tmp_path):
    result = check(tmp_path, DIARY_CHROMIUM=str(tmp_path / "no-chromium"), DIARY_TEST_FONT=str(tmp_path / "no-font"))
    assert result.returncode == 1
    assert ("sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium fonts-dejavu-core "
            "poppler-utils r-base-core nodejs npm") in result.stderr
    assert "make test ALLOW_SKIPS=1" in result.stderr


def test_with_everything_there_it_says_nothing(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("pdftoppm", "pdftotext", "Rscript", "node", "npm"):
        (bin_dir / tool).write_text("#!/bin/sh\n")
        os.chmod(bin_dir / tool, 0o755)
    (tmp_path / "font.ttf").write_bytes(b"")
    result = check(tmp_path, DIARY_CHROMIUM=str(bin_dir / "pdftoppm"), DIARY_TEST_FONT=str(tmp_path / "font.ttf"))
    assert result.returncode == 0 and result.stderr == ""


def test_make_test_runs_it_first_and_ci_runs_make_test():
    makefile = (ROOT / "Makefile").read_text()
    assert "test: $(STAMP) system-packages" in makefile and ".ci/system-packages" in makefile
    assert (ROOT / ".ci" / "run").read_text().rstrip().endswith("make test")


def test_skipped_tests_are_listed_at_the_end_of_every_run():
    options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]["addopts"]
    assert "-rs" in options.split()
