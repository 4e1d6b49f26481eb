"""P8: the phone app's start — an offline reload to Today on screen, as a ratio to a bare Flet "hello" app
built into a site the same way and measured in the same run.

Goal: diary / bare <= 1.5x (median over rounds). Also printed: what a first visit downloads (bytes that
came over the network in Chromium, not from the service worker's cache) for each site.

Both sites come from diary.pwa.build: the same Flet web client, Pyodide, fonts, libsodium, service worker
and bytecode compilation; only the app archive differs (the bare app has main.py printing "Hello from a
bare Flet app" and Flet's own wheels, no diary). Each site is served on 127.0.0.1 (diary.pwa.serve), every
other host unresolvable. Per site, one persistent Chromium profile: a first visit (online, measured for
its download), then the network is cut and the page reloaded `rounds` times; a round is the time from
navigation to the app's first text in the accessibility tree ("How has today been?" / the hello text),
found the same way for both (after the Flutter semantics placeholder is clicked). The two sites' rounds
alternate (ABBA). The diary's Today includes choosing the platform (IndexedDB mount, libsodium.js), opening
the diary and building the screen.

Run: .venv/bin/python benchmarks/bench_p8_phone_start.py [--rounds 6]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from diary.pwa.bundle import App  # noqa: E402

GOAL = 1.5
CHROMIUM = os.environ.get("DIARY_CHROMIUM", "/usr/bin/chromium")
HELLO_TEXT = "Hello from a bare Flet app"
HELLO_APP = App("hello", f'''"""A bare Flet app: the P8 benchmark's baseline."""
import flet as ft


def main(page: ft.Page) -> None:
    page.add(ft.Text("{HELLO_TEXT}"))


if __name__ == "__main__":
    ft.run(main)
'''.encode(), with_diary=False, wheels=("flet", "msgpack", "repath", "six"))
DIARY_TEXT = "How has today been?"


class Site:
    """A built site, served, with one persistent Chromium profile."""

    def __init__(self, pw, name: str, folder: Path, text: str):
        from tests.e2e.conftest import PHONE
        from tests.e2e.pwa.conftest import PwaPage, SiteServer

        self.name, self.text = name, text
        self.server = SiteServer(folder)
        self.page = PwaPage(pw.chromium, Path(tempfile.mkdtemp(prefix=f"p8-{name}-")), self.server.url, name, PHONE)

    def first_visit(self) -> tuple[float, int]:
        started = time.monotonic()
        self._open(lambda: self.page.page.goto(self.server.url))
        seconds = time.monotonic() - started
        self.page.page.wait_for_timeout(3000)  # let the service worker finish caching the renderer
        return seconds, self.page.network_bytes

    def offline_reload(self) -> float:
        started = time.monotonic()
        self._open(self.page.page.reload)
        return time.monotonic() - started

    def _open(self, navigate) -> None:
        navigate()
        self.page.page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=120_000)
        self.page.page.evaluate("document.querySelector('flt-semantics-placeholder').click()")
        if self.text == DIARY_TEXT:  # a new diary opens on the first-run welcome: the first visit's screen
            self.page.skip_welcome(timeout=120_000)
        self.page.see(self.text, timeout=120_000)

    def close(self) -> None:
        self.page.check()
        self.page.close()
        self.server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from diary.pwa.build import DEFAULT_CACHE, DEFAULT_OUT, build

    diary_site = build(DEFAULT_OUT)
    hello_site = build(REPO / "build" / "pwa-hello", cache=DEFAULT_CACHE, app=HELLO_APP)
    print(f"sites: diary {diary_site.site_bytes / 1e6:.1f} MB, bare {hello_site.site_bytes / 1e6:.1f} MB on disk; "
          f"app archives {(diary_site.out / 'app.tar.gz').stat().st_size / 1e6:.2f} MB vs "
          f"{(hello_site.out / 'app.tar.gz').stat().st_size / 1e6:.2f} MB")
    with sync_playwright() as pw:
        sites = [Site(pw, "diary", diary_site.out, DIARY_TEXT), Site(pw, "bare", hello_site.out, HELLO_TEXT)]
        try:
            for site in sites:
                seconds, downloaded = site.first_visit()
                print(f"first visit, {site.name}: {seconds:.1f} s to the first screen, {downloaded / 1e6:.1f} MB "
                      "downloaded")
                site.page.context.set_offline(True)
                site.offline_reload()  # warm-up round, not counted
            times: dict[str, list[float]] = {"diary": [], "bare": []}
            for i in range(args.rounds):
                order = sites if i % 2 == 0 else sites[::-1]  # ABBA
                for site in order:
                    times[site.name].append(site.offline_reload())
        finally:
            for site in sites:
                site.close()
    diary, bare = statistics.median(times["diary"]), statistics.median(times["bare"])
    ratio = diary / bare
    print(f"offline reload → first screen (median of {args.rounds}): diary {diary:.2f} s "
          f"({', '.join(f'{t:.1f}' for t in times['diary'])}), bare Flet {bare:.2f} s "
          f"({', '.join(f'{t:.1f}' for t in times['bare'])})")
    print(f"P8 ratio diary / bare: {ratio:.2f}x (goal <= {GOAL}x) -> {'met' if ratio <= GOAL else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
