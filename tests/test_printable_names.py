"""File names from outside reach terminals and screens escaped (diary.domain.names.printable_name): a crafted
name can neither forge a line ("imported") nor hide or recolour text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from diary.domain.names import printable_name
from diary.services.backup import BackupError, read_backup
from diary.services.bootstrap import open_diary
from tests.conftest import FixedClock

FORGED = "anna.diary: imported - Imported Anna L.'s export no. 9\x1b[2K\r"  # a second line, then wipe and return


@pytest.mark.parametrize("raw, shown", [
    ("plain-name.diary", "plain-name.diary"),
    ("Åsa Ölund 日本.diary", "Åsa Ölund 日本.diary"),  # other scripts are not hidden characters
    ("two\nlines.diary", "two\\nlines.diary"),
    ("esc\x1b[31mred.diary", "esc\\x1b[31mred.diary"),
    ("back\rspace\tand\x7fdel", "back\\rspace\\tand\\x7fdel"),
    ("c1\x85next", "c1\\x85next"),
    ("yraid\u202eexe.diary", "yraid\\u202eexe.diary"),  # right-to-left override
    ("an\u200bna.diary", "an\\u200bna.diary"),  # zero-width space: two names that look alike
    ("line\u2028sep", "line\\u2028sep"),
    ("tag\U000e0041", "tag\\U000e0041"),
    (os.fsdecode(b"latin1-\xe9.diary"), "latin1-\\xe9.diary"),  # a byte that was not UTF-8, as that byte
    (Path("/tmp/x\ny"), "/tmp/x\\ny"),
])
def test_printable_name(raw, shown):
    assert printable_name(raw) == shown
    assert printable_name(shown) == shown  # escaping twice changes nothing more


def test_the_clinician_import_command_prints_one_escaped_line_per_file(tmp_path):
    home = tmp_path / "clinic"
    open_diary(home, clock=FixedClock(), role="clinician").close()
    crafted = tmp_path / f"{FORGED}.diary"
    crafted.write_bytes(b"not an export")
    done = subprocess.run([sys.executable, "-m", "diary", "--home", str(home), "--clinician", "import", str(crafted)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    [line] = done.stdout.splitlines()  # one file, one line: nothing forged
    assert "\x1b" not in done.stdout and "\r" not in done.stdout
    assert line.startswith(f"{tmp_path}/anna.diary: imported - Imported Anna L.'s export no. 9\\x1b[2K\\r.diary: "
                           "refused (not_an_export)")


def test_errors_naming_a_file_are_escaped_at_the_terminal(tmp_path):
    missing = tmp_path / "gone\x1b]0;owned\x07.diarybackup"
    done = subprocess.run([sys.executable, "-m", "diary", "--home", str(tmp_path / "home"), "restore", str(missing),
                           "--passphrase-file", str(missing)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "\x1b" not in done.stderr and "\x07" not in done.stderr
    assert "gone\\x1b]0;owned\\x07.diarybackup" in done.stderr and done.stderr.count("\n") == 1


def test_a_backup_s_name_is_escaped_in_the_sentence(tmp_path):
    crafted = tmp_path / "backup\nRestored everything.diarybackup"
    crafted.write_bytes(b"not a backup")
    with pytest.raises(BackupError) as refused:
        read_backup(crafted, "amber canoe fern glide harbor ivory")
    assert "\n" not in str(refused.value) and "backup\\nRestored everything.diarybackup" in str(refused.value)


def test_an_imported_file_s_name_is_escaped_for_every_screen(tmp_path):
    clinic = open_diary(tmp_path / "clinic", clock=FixedClock(), role="clinician")
    try:
        result = clinic.imports.import_bytes(b"not an export", name=FORGED)
        assert result.name == printable_name(FORGED) and "\n" not in result.name and "\x1b" not in result.name
        path = tmp_path / "gone\x1b.diary"
        result = clinic.imports.import_file(path)
        assert result.name == "gone\\x1b.diary" and "\x1b" not in result.sentence
    finally:
        clinic.close()


def test_the_import_screen_shows_one_line_per_file(tmp_path):
    from diary.ui.clinician.import_screen import ImportScreen, PickedFile
    from tests.flet_harness import FletHarness

    clinic = open_diary(tmp_path / "clinic", clock=FixedClock(), role="clinician")

    async def pick():
        return [PickedFile(FORGED, b"not an export"), PickedFile("no bytes\n.diary", None)]

    ui = FletHarness(lambda page: page.add(ImportScreen(clinic, pick_files=pick)))
    try:
        ui.click("pick-files")
        line = ui.find("result-0-line").value
        assert line.startswith(printable_name(FORGED) + ": ") and "\n" not in line and "\x1b" not in line
        status = ui.find("import-status").value  # the second file could not be read: said with its name
        assert "no bytes\\n.diary" in status and "\n" not in status
    finally:
        ui.close()
        clinic.close()
