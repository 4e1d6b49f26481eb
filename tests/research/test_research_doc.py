"""docs/research-export.md states the study id, date shift and salt file exactly: computed here from the
document's words alone, they must be what the code makes."""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from diary.domain.errors import DiaryError
from diary.research.pseudonyms import load_or_create_salt, shift_weeks, study_id

DOC = (Path(__file__).resolve().parents[2] / "docs" / "research-export.md").read_text()
FINGERPRINT = hashlib.sha256(bytes(range(32))).hexdigest()  # a patient key: 64 lowercase hex characters


def test_the_documented_formulas_are_the_code_s(tmp_path):
    salt_file = tmp_path / "research-salt.txt"
    salt_file.write_text("diary research salt v1\n" + "ab" * 32 + "\n", encoding="ascii")  # as the document says
    salt, created = load_or_create_salt(salt_file)
    assert not created and salt == bytes([0xAB]) * 32
    for key in (FINGERPRINT, "self"):
        h = hmac.new(salt, b"diary/research/study-id/v1\x00" + key.encode(), hashlib.sha256).digest()
        assert study_id(salt, key) == "S" + h[:6].hex().upper()
        h = hmac.new(salt, b"diary/research/date-shift/v1\x00" + key.encode(), hashlib.sha256).digest()
        weeks = 1 + int.from_bytes(h[:4], "big") % 52
        assert date(2026, 3, 15) + timedelta(weeks=shift_weeks(salt, key)) == date(2026, 3, 15) - timedelta(days=7 * weeks)
    for words in ("first 6 bytes", "upper-case", "mod 52", "lowercase hex digits", "diary research salt v1",
                  "Nothing in a shifted data set reveals a real date"):
        assert words in DOC


@pytest.mark.parametrize("text", ["diary research salt v2\n" + "ab" * 32 + "\n", "diary research salt v1\n" + "ab" * 31,
                                  "ab" * 32 + "\n"])
def test_any_other_salt_file_is_refused(tmp_path, text):
    path = tmp_path / "salt.txt"
    path.write_text(text)
    with pytest.raises(DiaryError, match="is not a research salt file"):
        load_or_create_salt(path)


def test_a_new_salt_file_has_the_documented_form(tmp_path):
    salt, created = load_or_create_salt(tmp_path / "new.txt")
    assert created and re.fullmatch(r"diary research salt v1\n[0-9a-f]{64}\n", (tmp_path / "new.txt").read_text())
    assert bytes.fromhex((tmp_path / "new.txt").read_text().split("\n")[1]) == salt
