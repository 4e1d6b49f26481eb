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

# What the browser has not got: libraries without wasm wheels, and the diary's modules the site leaves out
# (diary.pwa.bundle.DESKTOP_ONLY; PyNaCl's adapter stays importable here: it stands in for libsodium.js).
# Importing any of them fails as it would in Pyodide.
MISSING_LIBRARIES = ("matplotlib", "numpy", "PIL")


def modules_left_out_of_the_site() -> list[str]:
    from diary.pwa.bundle import DESKTOP_ONLY

    names = [p.rstrip("/").removesuffix(".py").replace("/", ".") for p in DESKTOP_ONLY if not p.endswith(".mjs")]
    return [n for n in names if n not in ("diary.assets", "diary.platform.crypto_pynacl")]


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


class FakeMarker:
    """The page's localStorage flag (diary.platform.browser_storage.PageMarker); `answers` False: no page."""

    def __init__(self, value: bool = False, *, answers: bool = True):
        self.value, self.answers = value, answers

    async def had_data(self) -> bool | None:
        return self.value if self.answers else None

    def set(self, value: bool) -> None:
        self.value = value


class FakeInstall:
    """The page's install offer (diary.platform.browser_install.PageInstall): `how` "prompt", "ios" or None
    (nothing offered), and the answer the browser's dialog gives; records the prompts and dismissals."""

    def __init__(self, how: str | None = None, *, answer: str = "accepted"):
        self.how, self.answer, self.prompts, self.hint_dismissed = how, answer, 0, False

    async def offer(self):
        from diary.platform.seams import InstallOffer

        return InstallOffer(self.how, hint_dismissed=self.hint_dismissed) if self.how else None

    async def prompt(self) -> str:
        self.prompts += 1
        if self.answer == "accepted":
            self.how = None
        return self.answer

    def dismiss_hint(self) -> None:
        self.hint_dismissed = True


def browser_platform(tmp_path: Path, *, persisted: bool | None = False,
                     install: FakeInstall | None = None) -> tuple[BrowserPlatform, FakeIndexedDb]:
    indexed_db = FakeIndexedDb(tmp_path / "indexeddb")

    async def persistence():
        return persisted

    home = IdbfsHome(tmp_path / "mount", bridge=indexed_db, persistence=persistence, marker=FakeMarker())
    home.bridge.mount(home.mount)
    return BrowserPlatform(home=home, sodium=PyNaclSodium(), install=install or FakeInstall()), indexed_db


def block_what_the_browser_lacks(monkeypatch) -> None:
    for name in (*MISSING_LIBRARIES, *modules_left_out_of_the_site()):
        monkeypatch.setitem(sys.modules, name, None)
