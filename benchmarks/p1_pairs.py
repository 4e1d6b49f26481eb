"""Alternating starts of `diary` from two checkouts, timed at the points of P1's first screen.

Not a benchmark (run_all.py skips it): for a change to P1 on a busy machine, where the bench's ratio to the
bare app moves by more than the change. Both checkouts are started the same way as in bench_p1_cold_start.py
(a new welcomed home each time, headless Chromium, every request off 127.0.0.1 blocked), alternating
ABBA after one unmeasured start, and each start prints seconds since the spawn: http 200, the page's load
event, the request of main.dart.wasm, the websocket, the first screen (Today's question in the
accessibility tree), and the server's CPU time by then. The medians close the run, with the intervals
between those points.

Run: .venv/bin/python benchmarks/p1_pairs.py --base /path/to/other/checkout [--pairs 10] [--viewport 390x844]
(the base runs with this interpreter: give it a checkout of the same dependencies, e.g. `git archive main`).
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_p1_cold_start import (  # noqa: E402
    APPS, CHROMIUM, CHROMIUM_ARGS, REPO, WELCOMED_HOME, app_url, child_env, free_port, wait_http,
)
from p1_timeline import server_cpu_seconds  # noqa: E402

INTERVALS = (("http", "wasm"), ("wasm", "websocket"), ("websocket", "screen"), ("http", "screen"))


def start(browser, repo: Path, viewport: tuple[int, int]) -> dict[str, float]:
    """One start of the diary in `repo`: seconds since the spawn of each point, and the server's CPU time."""
    work = Path(tempfile.mkdtemp(prefix="diary-p1-pairs-"))
    port, token_file = free_port(), work / "token"
    subprocess.run([sys.executable, "-c", WELCOMED_HOME, str(work / "home")], cwd=repo, check=True)
    argv = [sys.executable, "-m", "diary", "--home", str(work / "home"), "--port", str(port), "--no-browser",
            "--token-file", str(token_file)]
    seen: dict[str, float] = {}
    began = time.time()

    def mark(point: str) -> None:
        seen.setdefault(point, time.time() - began)

    process = subprocess.Popen(argv, cwd=repo, stdin=subprocess.DEVNULL, stdout=(work / "out").open("w"),
                               stderr=subprocess.STDOUT, env=child_env(), start_new_session=True)
    try:
        url = wait_http(lambda: app_url("diary", port, token_file), process, work / "out")
        mark("http")
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
            ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")) else route.abort())
        page.on("load", lambda: mark("load"))
        page.on("request", lambda request: mark("wasm") if request.url.endswith("main.dart.wasm") else None)
        page.on("websocket", lambda ws: mark("websocket"))
        page.goto(url)
        page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=60000)
        page.evaluate("document.querySelector('flt-semantics-placeholder').click()")
        page.get_by_text(APPS["diary"]).first.wait_for(timeout=60000)
        mark("screen")
        seen["cpu"] = server_cpu_seconds(process.pid)
        context.close()
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    return seen


def summary(name: str, starts: list[dict[str, float]]) -> str:
    points = " ".join(f"{point} {statistics.median(s[point] for s in starts):.3f}" for point in starts[0])
    gaps = " ".join(f"{a}->{b} {statistics.median(s[b] - s[a] for s in starts):.3f}" for a, b in INTERVALS)
    return f"{name} median of {len(starts)}: {points} | {gaps}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="the other checkout (started as 'base')")
    parser.add_argument("--pairs", type=int, default=10)
    parser.add_argument("--viewport", default="390x844")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    viewport = tuple(int(n) for n in args.viewport.split("x"))
    repos = {"base": args.base.resolve(), "this": REPO}
    starts: dict[str, list[dict[str, float]]] = {name: [] for name in repos}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        start(browser, repos["base"], viewport)  # unmeasured: the first start after a while is slower
        for pair in range(args.pairs):
            for name in (("base", "this") if pair % 2 == 0 else ("this", "base")):
                seen = start(browser, repos[name], viewport)
                starts[name].append(seen)
                print(f"{name:4} load {os.getloadavg()[0]:4.1f}  " + " ".join(f"{k} {v:.2f}" for k, v in seen.items()),
                      flush=True)
        browser.close()
    for name, measured in starts.items():
        print(summary(name, measured))
    return 0


if __name__ == "__main__":
    sys.exit(main())
