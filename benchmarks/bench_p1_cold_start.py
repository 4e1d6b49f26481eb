"""P1: cold start of `diary` to the first screen served, as a ratio to a bare Flet "hello" app.

Goal: diary / bare flet <= 1.3x (median over rounds).

Each measurement starts a fresh server process (its own session/process group, stdin from /dev/null,
no DISPLAY) and times, from just before the process is spawned:

  http   until an HTTP GET of the app's address returns 200 (the server answers); for diary that is
         http://127.0.0.1:PORT/?token=… with the token it writes to --token-file (its server lets nothing
         else in), whose redirect to / with a cookie is followed;
  screen until headless Chromium, opened on that URL in a new browser context, shows the app's first
         content in the accessibility tree ("hello" for the bare app, "How has today been?" for
         diary). This includes the Flet web client loading, the websocket session, and for diary
         opening its database and building the Today screen.

diary starts on a new, empty home each time that has been opened once and whose first-run welcome is done
(made before the clock starts): the everyday start on Today, which is what a patient waits for. (A home
never opened shows the welcome instead; its first start also creates the database.)

One Chromium is launched for the whole run (launching a browser is not part of an app's start); every
request that is not to 127.0.0.1 is aborted. Rounds alternate the two apps (ABBA order, so neither app
always goes first), after one unmeasured warm-up round. Without Chromium (or Playwright) the benchmark
falls back to the http time only and says so.

Run: .venv/bin/python benchmarks/bench_p1_cold_start.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

GOAL = 1.3
CHROMIUM = os.environ.get("DIARY_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
REPO = Path(__file__).resolve().parent.parent
START_TIMEOUT_S = 60.0
BARE_APP = """\
import sys
import flet as ft
ft.run(lambda page: page.add(ft.Text("hello")), view=None, host="127.0.0.1", port=int(sys.argv[1]), no_cdn=True)
"""
# Run before the clock starts: the home exists and its first-run welcome is done, so diary opens on Today.
WELCOMED_HOME = """\
import sys
from pathlib import Path
from diary.services.bootstrap import open_diary
diary = open_diary(Path(sys.argv[1]))
diary.finish_welcome()
diary.close()
"""
APPS = {
    # app: the first text it shows (waited for in the accessibility tree)
    "bare flet": "hello",
    "diary": "How has today been?",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def child_env() -> dict[str, str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env


def compile_diary() -> None:
    """Write diary's bytecode before the rounds, as an installed app has it. Flet's and SQLAlchemy's came with
    their wheels; diary's own modules, run from this checkout with PYTHONDONTWRITEBYTECODE=1 (set on some
    machines, this one included), were otherwise compiled from source on every start (~0.1 s of CPU)."""
    import compileall

    compileall.compile_dir(str(REPO / "diary"), quiet=1)


def command(app: str, port: int, work: Path, round_no: int, token_file: Path) -> list[str]:
    if app == "diary":
        home = Path(tempfile.mkdtemp(prefix=f"home-{round_no}-", dir=work))  # a new, empty home every time
        subprocess.run([sys.executable, "-c", WELCOMED_HOME, str(home)], cwd=REPO, check=True)
        return [sys.executable, "-m", "diary", "--home", str(home), "--port", str(port), "--no-browser",
                "--token-file", str(token_file)]
    return [sys.executable, str(work / "bare_hello.py"), str(port)]


def app_url(app: str, port: int, token_file: Path) -> str | None:
    """The address that opens the app; for diary, None until it has written this launch's token."""
    if app != "diary":
        return f"http://127.0.0.1:{port}/"
    try:
        token = token_file.read_text().strip()
    except FileNotFoundError:
        return None
    return f"http://127.0.0.1:{port}/?token={token}" if token else None


def wait_http(address, process: subprocess.Popen, log: Path) -> str:
    """Poll until the app's address (from `address()`) answers 200; returns the address."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())  # keeps diary's cookie
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited early (status {process.returncode}):\n{log.read_text()[-2000:]}")
        url = address()
        try:
            if url is not None:
                with opener.open(url, timeout=2) as response:
                    if response.status == 200:
                        return url
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.01)
    raise RuntimeError(f"the app did not answer 200 within {START_TIMEOUT_S:.0f} s:\n{log.read_text()[-2000:]}")


def wait_screen(browser, url: str, text: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()

        def guard(route) -> None:
            if route.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
                route.continue_()
            else:
                route.abort()

        page.route("**/*", guard)
        timeout_ms = START_TIMEOUT_S * 1000
        page.goto(url, timeout=timeout_ms)
        page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=timeout_ms)
        page.evaluate("document.querySelector('flt-semantics-placeholder').click()")
        page.get_by_text(text).first.wait_for(timeout=timeout_ms)
    finally:
        context.close()


def measure(app: str, browser, work: Path, round_no: int) -> tuple[float, float | None]:
    """(seconds to HTTP 200, seconds to first screen or None without a browser)."""
    port = free_port()
    token_file = work / f"token-{round_no}-{port}"
    log = work / f"{app.replace(' ', '_')}-{round_no}-{port}.log"
    argv = command(app, port, work, round_no, token_file)
    with open(log, "w") as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            argv, cwd=REPO, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            env=child_env(), start_new_session=True,
        )
        try:
            url = wait_http(lambda: app_url(app, port, token_file), process, log)
            http = time.perf_counter() - start
            screen = None
            if browser is not None:
                wait_screen(browser, url, APPS[app])
                screen = time.perf_counter() - start
            return http, screen
        finally:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait(timeout=10)


def launch_browser(stack):
    """A headless Chromium for the whole run, or (None, reason) when it cannot be used."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return None, f"Chromium not found at {CHROMIUM}"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None, "Playwright is not installed in this interpreter"
    playwright = stack.enter_context(sync_playwright())
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    stack.callback(browser.close)
    return browser, None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="measured rounds per app (default 5)")
    parser.add_argument("--no-warmup", action="store_true", help="skip the unmeasured warm-up round")
    parser.add_argument("--http-only", action="store_true", help="do not use the browser (server-answers time only)")
    args = parser.parse_args()

    from contextlib import ExitStack

    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="diary-bench-p1-") as tmp:
        work = Path(tmp)
        (work / "bare_hello.py").write_text(BARE_APP)
        if args.http_only:
            browser, why = None, "--http-only given"
        else:
            browser, why = launch_browser(stack)
        if browser is None:
            print(f"NOTE: {why}; falling back to HTTP-only timing (server answers 200), not the first screen.")

        compile_diary()
        names = list(APPS)  # ["bare flet", "diary"]
        if not args.no_warmup:
            for app in names:
                measure(app, browser, work, 0)
        results: dict[str, list[tuple[float, float | None]]] = {app: [] for app in names}
        print(f"{'round':>5}  {'app':<10}  {'http 200 (s)':>12}  {'first screen (s)':>16}")
        for round_no in range(1, args.rounds + 1):
            order = names if round_no % 2 else names[::-1]  # ABBA: neither app always goes first
            for app in order:
                http, screen = measure(app, browser, work, round_no)
                results[app].append((http, screen))
                shown = f"{screen:16.3f}" if screen is not None else f"{'-':>16}"
                print(f"{round_no:>5}  {app:<10}  {http:12.3f}  {shown}", flush=True)

    def median(app: str, index: int) -> float:
        return statistics.median(r[index] for r in results[app])

    print()
    print(f"{'median':<17}  {'http 200 (s)':>12}  {'first screen (s)':>16}")
    for app in names:
        shown = f"{median(app, 1):16.3f}" if browser is not None else f"{'-':>16}"
        print(f"{app:<17}  {median(app, 0):12.3f}  {shown}")
    http_ratio = median("diary", 0) / median("bare flet", 0)
    print(f"{'ratio diary/bare':<17}  {http_ratio:11.2f}x", end="")
    if browser is not None:
        screen_ratio = median("diary", 1) / median("bare flet", 1)
        per_round = statistics.median(d[1] / b[1] for d, b in zip(results["diary"], results["bare flet"]))
        print(f"  {screen_ratio:15.2f}x")
        print(f"(median of per-round first-screen ratios: {per_round:.2f}x; "
              f"diary's extra time to first screen: {median('diary', 1) - median('bare flet', 1):+.3f} s)")
        ratio = screen_ratio
    else:
        print()
        print("NOTE: HTTP-only fallback: the ratio below is of the time until the server answers, not the first screen.")
        ratio = http_ratio
    print(f"P1 cold start ratio (diary / bare flet, median of {args.rounds}): {ratio:.2f}x (goal <= {GOAL:g}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
