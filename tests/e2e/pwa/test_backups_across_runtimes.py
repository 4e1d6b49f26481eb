"""Backup files between the phone app and the desktop (issue 14): the same encrypted file (docs/backup-format.md,
argon2id + secretbox through libsodium.js on the phone, PyNaCl on the desktop) goes both ways.

- A backup made by the desktop (`diary backup`) is restored on the phone from Settings → Backups (the
  browser's file chooser), checked in full before the confirmation; the phone then shows the desktop's days.
- A backup file made on the phone (Settings → Backups → a download) is restored by the desktop
  (`diary restore`) with the words the phone's Settings show, and holds the phone's check-ins.
- A file that is not a backup is refused with a sentence, and the phone's diary is unchanged.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date, timedelta

import pytest

from diary.ui import text as T

pytestmark = pytest.mark.e2e
WORDS = "amber canoe fern hollow mitten quartz"


def diary_cli(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "diary", *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def desktop_backup(tmp_path):
    """A desktop home with three days, backed up under WORDS; returns the file."""
    home = tmp_path / "desktop"
    for back, pain in ((2, 3), (1, 4), (0, 8)):
        diary_cli("--home", str(home), "log", "--pain", str(pain), "--date", (date.today() - timedelta(days=back)).isoformat())
    (tmp_path / "words").write_text(WORDS + "\n")
    out = tmp_path / "from-desktop.diarybackup"
    diary_cli("--home", str(home), "backup", "--out", str(out), "--passphrase-file", str(tmp_path / "words"))
    return out


def restore_on_the_phone(app, backup, words: str) -> None:
    app.tab("Settings")
    for _ in range(10):  # the restore block is near the bottom; Flutter lists only what is near the screen
        if app.page.get_by_role("textbox", name=T.RESTORE_PASSPHRASE).count():
            break
        app.scroll(600)
    app.fill(T.RESTORE_PASSPHRASE, words)
    with app.page.expect_file_chooser(timeout=30_000) as chooser:
        app._settled(app.button(T.RESTORE_CHOOSE)).click()
    chooser.value.set_files(str(backup))


def test_a_desktop_backup_restores_on_the_phone_and_a_phone_backup_on_the_desktop(pwa_site, open_pwa, tmp_path):
    from_desktop = desktop_backup(tmp_path)
    phone = open_pwa("pwa-backups", tmp_path / "profile", pwa_site.url)
    phone.open()
    phone.save_a_checkin(pain=2)

    (tmp_path / "not-a-backup.diarybackup").write_bytes(b"DIARY-BACKUP\nv1 passphrase\nnot really")
    restore_on_the_phone(phone, tmp_path / "not-a-backup.diarybackup", WORDS)
    phone.see("Nothing was changed", timeout=60_000)
    phone.screenshot("refused")

    restore_on_the_phone(phone, from_desktop, WORDS)
    phone.see(T.RESTORE_CONFIRM_TITLE, timeout=60_000)  # argon2id and every check ran in the browser
    phone.screenshot("confirm")
    phone.tap(T.RESTORE_DO)
    phone.see("Restored the backup from", timeout=60_000)
    phone.screenshot("restored")
    phone.open(reload=True)  # from IndexedDB: the desktop's diary, not the phone's own day
    phone.tab("Settings")
    phone.see(T.days_logged_and_checkins(3, 3))

    phone.tab("Today")
    phone.see(T.TODAY_LOGGED)
    phone.save_a_checkin(pain=6)  # a fourth check-in, made on the phone
    from_phone, words = phone.download_backup(tmp_path)
    (tmp_path / "phone-words").write_text(words + "\n")
    phone.screenshot("backup-made")

    desktop = tmp_path / "desktop-restored"
    diary_cli("--home", str(desktop), "restore", str(from_phone), "--passphrase-file", str(tmp_path / "phone-words"),
              "--yes")
    info = json.loads(diary_cli("--home", str(desktop), "info", "--json"))
    assert (info["days_logged"], info["checkins"]) == (3, 4), info  # the desktop's three, the phone's one
    with sqlite3.connect(desktop / "diary.sqlite3") as conn:
        assert sorted(p for (p,) in conn.execute("SELECT pain FROM checkin")) == [3, 4, 6, 8]
    print(f"\nround trips: desktop → phone → desktop, {info['checkins']} check-ins kept")
