"""The phone app's platform on the desktop, for tests: the real BrowserPlatform with its two browser bridges
replaced — IndexedDB by a folder of copies (FakeIndexedDb), libsodium.js by PyNaCl (the two are
interchangeable, tests/e2e/pwa/test_sodium_contract.py) — and nothing of matplotlib importable."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from diary.platform.browser import BrowserPlatform
from diary.platform.browser_storage import IdbfsHome
from diary.platform.crypto_pynacl import PyNaclSodium

# What the browser has not got (no wasm wheels): importing any of these, or a module of ours that needs
# them, fails as it would in Pyodide.
MISSING_IN_THE_BROWSER = ("matplotlib", "numpy", "PIL", "diary.reports.charts", "diary.reports.body_heatmap",
                          "diary.reports.style", "diary.reports.summary_pdf")


class FakeIndexedDb:
    """IDBFS's bridge: `syncfs(False)` copies the mounted folder into `store` (what IndexedDB would hold),
    `syncfs(True)` copies it back; `fail` makes the next sync report an error, as a full quota does."""

    def __init__(self, store: Path):
        self.store, self.syncs, self.fail, self.mounted = store, 0, False, None

    def mount(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.mounted = folder

    def syncfs(self, populate: bool, done) -> None:
        if self.fail:
            self.fail = False
            return done("QuotaExceededError")
        source, target = (self.store, self.mounted) if populate else (self.mounted, self.store)
        if source.exists():
            shutil.copytree(source, target, dirs_exist_ok=True)
        if not populate:
            self.syncs += 1
        done(None)


def browser_platform(tmp_path: Path, *, persisted: bool | None = False) -> tuple[BrowserPlatform, FakeIndexedDb]:
    indexed_db = FakeIndexedDb(tmp_path / "indexeddb")

    async def persistence():
        return persisted

    home = IdbfsHome(tmp_path / "mount", bridge=indexed_db, persistence=persistence)
    home.bridge.mount(home.mount)
    return BrowserPlatform(home=home, sodium=PyNaclSodium()), indexed_db


def block_what_the_browser_lacks(monkeypatch) -> None:
    for name in MISSING_IN_THE_BROWSER:
        monkeypatch.setitem(sys.modules, name, None)
