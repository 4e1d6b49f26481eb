"""The command line as a newcomer met it: a clinician's `info` counts what the caseload holds, a long
demo shows its progress, and piping into `head` ends quietly."""

from __future__ import annotations

import json
import subprocess
import sys

from diary.cli import main


def test_clinician_info_counts_patients_imports_and_checkins_held(tmp_path, capsys):
    home = str(tmp_path / "clinic")
    assert main(["--home", home, "--clinician", "demo", "--patients", "3", "--days", "20"]) == 0
    capsys.readouterr()
    assert main(["--home", home, "--clinician", "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["role"] == "clinician" and info["patients"] == 3 and info["imports"] == 0
    assert info["checkins"] > 30 and info["questionnaires"] > 0
    assert "days_logged" not in info  # a clinician logs no days of their own
    assert main(["--home", home, "--clinician", "info"]) == 0
    assert "patients        3" in capsys.readouterr().out


def test_a_demo_caseload_reports_its_progress(tmp_path):
    done = subprocess.run([sys.executable, "-m", "diary", "--home", str(tmp_path / "c"), "--clinician", "demo",
                           "--patients", "200", "--days", "7"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Made 100 of 200 patients" in done.stderr and "Made 200 of 200 patients" in done.stderr


def test_a_closed_pipe_ends_quietly(tmp_path):
    home = str(tmp_path / "c")
    subprocess.run([sys.executable, "-m", "diary", "--home", home, "--clinician", "demo", "--patients", "250",
                    "--days", "14"], check=True, capture_output=True, timeout=120)
    # `| head -c 10`: the reader leaves after ten bytes of 100 KB of JSON.
    writer = subprocess.Popen([sys.executable, "-m", "diary", "--home", home, "--clinician", "caseload", "--json"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert writer.stdout.read(10) == b'{\n  "patie'
    writer.stdout.close()
    assert writer.wait(timeout=60) == 0
    assert writer.stderr.read() == b""  # no BrokenPipeError traceback
