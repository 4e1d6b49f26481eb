"""One passphrase rule for exports, protected keys and backups (diary.exchange.strength), and every place
that applies it: the export and key services, `diary backup`, and Settings → Backups."""

from __future__ import annotations

import stat
from math import log2

import pytest

from diary.exchange.passphrase import generate_passphrase
from diary.exchange.strength import WEAK, estimated_bits, passphrase_weakness
from diary.services.auto_backup import KEY_FILE
from diary.services.backup import BackupError, create_backup
from diary.services.keystore import KeyUnusable
from diary.services.demo import fill_demo
from tests.backup_support import use_fast_kdf
from tests.conftest import NOW

WEAK_ONES = [
    "a", "", "correct horse", "amber canoe fern kite lamp",  # too few words, too short
    "a b c d e f g h i j",  # ten words, but of one letter
    "amber amber amber amber amber amber",  # six words, one different
    "aaaaaaaaaaaaaaaaaaaaaaaa", "abcdefghijklmnopqrstuvwx", "12345678901234567890123",  # repeats, runs
    "passwordpasswordpassword", "password password pa",  # pieces typed before
    "Amber-Canoe-Fern-Kite-Lamp",  # five list words, however written
]
STRONG_ONES = [
    "amber canoe fern kite lamp oak", "one two three four five six",  # six different words
    "My dog Rex likes 3 walks a day!", "Tr0ub4dor&3 is my pwd", "xkqzvbmwtplrhgfdsnyc",  # 20 hard characters
]


@pytest.mark.parametrize("passphrase", WEAK_ONES)
def test_weak_passphrases_get_the_sentence(passphrase):
    assert passphrase_weakness(passphrase) == WEAK
    assert WEAK.startswith("Use a passphrase of at least 6 different words, or at least 20 characters")


@pytest.mark.parametrize("passphrase", STRONG_ONES)
def test_strong_passphrases_pass(passphrase):
    assert passphrase_weakness(passphrase) is None


def test_every_generated_passphrase_passes_on_words_and_on_strength():
    for _ in range(200):
        words = generate_passphrase()
        assert passphrase_weakness(words) is None and estimated_bits(words) >= 60


def test_the_estimate_counts_what_the_readme_says():
    assert estimated_bits("aaaa") == pytest.approx(log2(26) + 3)  # 26 letters, then three repeats
    assert estimated_bits("a1") == pytest.approx(2 * log2(36))  # letters and digits
    assert estimated_bits("x!") == pytest.approx(2 * log2(26 + 33))  # letters and other symbols
    assert estimated_bits("xyz") == pytest.approx(2 * log2(26) + 1)  # a run
    assert estimated_bits("amber canoe amber") == pytest.approx(2 * log2(1846) + 2 + 1)  # list words, spaces


class TestWhereItApplies:
    def test_a_backup_under_a_weak_passphrase_is_refused_and_nothing_is_written(self, diary, tmp_path):
        fill_demo(diary, days=10, seed=1)
        with pytest.raises(BackupError, match="6 different words.*Nothing was written"):
            create_backup(diary.home, tmp_path / "b.diarybackup", "a", now=NOW)
        assert not (tmp_path / "b.diarybackup").exists()

    def test_diary_backup_with_a_one_letter_passphrase_file_says_so(self, diary, tmp_path, capsys, monkeypatch):
        from diary.cli import main

        use_fast_kdf(monkeypatch)
        fill_demo(diary, days=10, seed=1)
        diary.close()
        words = tmp_path / "words.txt"
        words.write_text("a\n")
        out = tmp_path / "b.diarybackup"
        assert main(["--home", str(diary.home), "backup", "--out", str(out), "--passphrase-file", str(words)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("diary: Use a passphrase of at least 6 different words") and err.count("\n") == 1
        assert not out.exists()
        words.write_text("My dog Rex likes 3 walks a day!\n")  # 20 hard characters are fine too
        assert main(["--home", str(diary.home), "backup", "--out", str(out), "--passphrase-file", str(words)]) == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o600

    def test_settings_back_up_now_refuses_a_weak_device_passphrase_with_the_sentence(self, diary, monkeypatch):
        from diary.ui.screens.settings_backup import BackupSection
        from tests.flet_harness import FletHarness

        use_fast_kdf(monkeypatch)
        fill_demo(diary, days=10, seed=1)
        (diary.home / KEY_FILE).write_text("a\n")  # e.g. edited by hand, or from an old restore
        ui = FletHarness(lambda page: page.add(BackupSection(diary)))
        try:
            ui.click("backup-now")
            assert ui.find("backup-status").value.startswith("Use a passphrase of at least 6 different words")
            assert not (diary.home / "backups").exists() or not list((diary.home / "backups").iterdir())
        finally:
            ui.close()

    def test_a_key_is_protected_only_by_a_strong_passphrase(self, diary):
        keys = diary.keys
        with pytest.raises(KeyUnusable, match="6 different words"):
            keys.protect("amber amber amber amber amber amber")
        keys.protect("Tr0ub4dor&3 is my pwd")
        assert keys.protected

    def test_a_passphrase_export_takes_twenty_hard_characters(self, diary, tmp_path):
        from diary.domain.errors import ValidationFailed

        fill_demo(diary, days=5, seed=1)
        with pytest.raises(ValidationFailed, match="6 different words"):
            diary.exports.export(out=tmp_path / "x.diary", passphrase="aaaaaaaaaaaaaaaaaaaaaaaa")
        summary = diary.exports.export(out=tmp_path / "y.diary", passphrase="Tr0ub4dor&3 is my pwd")
        assert summary.files[0].recipient == "passphrase"
