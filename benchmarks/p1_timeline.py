"""Where P1's first-screen time goes: one start of `diary` (or the bare Flet app) with its first session timed.

Not a benchmark (run_all.py skips it): a timeline of one cold start, to see where the time between the
websocket connecting and the first screen goes. The server runs with Flet's transport instrumented
(every message sent and received: its time, action, size and, for the first screen, how many controls
it carries); the browser (headless Chromium, as in bench_p1_cold_start.py) records when the page
loaded, the websocket frames it got and sent, and when the app's first text was in the accessibility
tree. Times are seconds since the server process was spawned.

Run: .venv/bin/python benchmarks/p1_timeline.py [--app diary|bare] [--viewport 390x844] [--trace FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_p1_cold_start import (  # noqa: E402
    APPS, BARE_APP, CHROMIUM, CHROMIUM_ARGS, REPO, WELCOMED_HOME, app_url, child_env, free_port, wait_http,
)

# Run in the server process before the app: wraps Flet's web transport to log what it sends and receives.
INSTRUMENT = r"""
import json, os, sys, time
LOG = open(os.environ["P1_TIMELINE_LOG"], "a", buffering=1)
def note(event, **fields):
    LOG.write(json.dumps({"t": time.time(), "event": event, **fields}) + "\n")
note("python started")
import flet_web.fastapi.flet_app as fa
App = fa.FletApp
on_message, created, handle = App._FletApp__on_message, App._FletApp__on_session_created, App.handle
def count(node):
    if isinstance(node, dict):
        return (1 if "_c" in node else 0) + sum(count(v) for v in node.values())
    if isinstance(node, (list, tuple)):
        return sum(count(v) for v in node)
    return 0
def send_message(self, message):
    import msgpack
    from flet.controls.base_control import BaseControl
    from flet.messaging.protocol import configure_encode_object_for_msgpack
    started = time.time()
    packed = msgpack.packb([message.action, message.body], default=configure_encode_object_for_msgpack(BaseControl))
    self._FletApp__send_queue.put_nowait(b"\x00" + packed)  # as FletApp.send_message, encoded once
    note("send", action=str(message.action), bytes=len(packed), encode_s=time.time() - started)
async def on_message_(self, data):
    body = data[1] if isinstance(data[1], dict) else {}
    note("receive", action=str(data[0]), name=body.get("name"), target=body.get("target"),
         data=str(body.get("data", body.get("props", "")))[:80])
    return await on_message(self, data)
async def created_(self):
    note("main starts")
    profile = None
    if os.environ.get("P1_TIMELINE_PROFILE"):
        import cProfile
        profile = cProfile.Profile()
        profile.enable()
    await created(self)
    if profile:
        profile.disable()
        profile.dump_stats(os.environ["P1_TIMELINE_PROFILE"])
    note("main ends")
async def handle_(self, websocket):
    note("websocket connects")
    return await handle(self, websocket)
App.send_message, App._FletApp__on_message, App._FletApp__on_session_created, App.handle = send_message, on_message_, created_, handle_
"""
# diary only: when the warm-up thread (diary.app._warm_up) does each of its steps, to see what it overlaps.
WARM_UP = r"""
import diary.app as diary_app, diary.web_server as web_server
def timed(name, function):
    def wrapper(*args, **kwargs):
        note(name + " starts")
        try:
            return function(*args, **kwargs)
        finally:
            note(name + " ends")
    return wrapper
warm_up = diary_app._warm_up
for step in ("preload_client_files", "patched_client_body"):  # this checkout's, or an older one's (--repo)
    if hasattr(web_server, step):
        setattr(web_server, step, timed("warm-up: client files", getattr(web_server, step)))
def warm_up_(shared_diary, *args):
    def opened():
        try:
            return timed("warm-up: open diary", shared_diary)()
        finally:
            import diary.ui.app as ui_app
            for step in ("warm_up_controls", "warm_up_first_screen"):
                setattr(ui_app, step, timed("warm-up: " + step, getattr(ui_app, step)))
    return timed("warm-up", warm_up)(opened, *args)
diary_app._warm_up = warm_up_
"""
DIARY = INSTRUMENT + WARM_UP + "\nfrom diary.cli import main\nsys.argv = ['diary', *sys.argv[1:]]\nraise SystemExit(main())\n"


def server_cpu_seconds(pid: int) -> float:
    """The server process's CPU time so far (Linux /proc): what it took from the cores the browser shares."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(app: str, viewport: tuple[int, int], trace: Path | None, screenshot: Path | None = None,
        repo: Path = REPO) -> None:
    """`repo`: the checkout whose code is started (with its own .venv's Python when it has one)."""
    from playwright.sync_api import sync_playwright

    python = str(repo / ".venv/bin/python") if (repo / ".venv/bin/python").exists() else sys.executable

    with tempfile.TemporaryDirectory(prefix="diary-p1-timeline-") as tmp, sync_playwright() as pw:
        work = Path(tmp)
        log = work / "timeline.jsonl"
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        port, token_file = free_port(), work / "token"
        if app == "diary":
            home = work / "home"
            subprocess.run([python, "-c", WELCOMED_HOME, str(home)], cwd=repo, check=True)
            argv = [python, "-c", DIARY, "--home", str(home), "--port", str(port), "--no-browser",
                    "--token-file", str(token_file)]
        else:
            argv = [python, "-c", INSTRUMENT + BARE_APP.replace("sys.argv[1]", "sys.argv[-1]"), str(port)]
        events: list[tuple[float, str]] = []
        start = time.time()
        process = subprocess.Popen(argv, cwd=repo, stdin=subprocess.DEVNULL, stdout=(work / "out").open("w"),
                                   stderr=subprocess.STDOUT, env={**child_env(), "P1_TIMELINE_LOG": str(log)},
                                   start_new_session=True)
        try:
            url = wait_http(lambda: app_url("diary" if app == "diary" else "bare flet", port, token_file), process,
                            work / "out")
            events.append((time.time(), "http 200"))
            context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
            page = context.new_page()
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
                ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")) else route.abort())

            def on_ws(ws) -> None:
                events.append((time.time(), "browser: websocket opened"))
                ws.on("framereceived", lambda payload: events.append(
                    (time.time(), f"browser: frame received {len(payload)} B")))
                ws.on("framesent", lambda payload: events.append((time.time(), f"browser: frame sent {len(payload)} B")))

            page.on("websocket", on_ws)
            page.on("load", lambda: events.append((time.time(), "browser: load event")))
            page.on("request", lambda r: events.append((time.time(), f"browser: request {r.url.rsplit('/', 1)[-1][:40]}"))
                    if r.url.endswith((".wasm", ".js", ".ttf", ".otf", ".json")) else None)
            if trace:
                browser.start_tracing(page=page, path=str(trace), screenshots=False)
            page.goto(url)
            page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=60000)
            events.append((time.time(), "browser: semantics placeholder"))
            page.evaluate("document.querySelector('flt-semantics-placeholder').click()")
            page.get_by_text(APPS["diary" if app == "diary" else "bare flet"]).first.wait_for(timeout=60000)
            events.append((time.time(), "browser: FIRST SCREEN (text in accessibility tree)"))
            events.append((time.time(), f"server: CPU so far {server_cpu_seconds(process.pid):.2f} s (user + system)"))
            if trace:
                browser.stop_tracing()
            if screenshot:  # the canvas repaints after the accessibility tree: settle first
                page.wait_for_timeout(2500)
                page.screenshot(path=str(screenshot))
            context.close()
        finally:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            browser.close()
        for line in log.read_text().splitlines():
            entry = json.loads(line)
            extra = {k: v for k, v in entry.items() if k not in ("t", "event")}
            events.append((entry["t"], f"server: {entry['event']} {json.dumps(extra) if extra else ''}"))
    for t, what in sorted(events):
        print(f"{t - start:7.3f}  {what}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", choices=["diary", "bare"], default="diary")
    parser.add_argument("--viewport", default="390x844")
    parser.add_argument("--trace", type=Path, help="also write a Chromium performance trace (JSON) here")
    parser.add_argument("--screenshot", type=Path, help="also save a screenshot of the settled first screen here")
    parser.add_argument("--profile", type=Path, help="also profile the first session's main (cProfile stats) here")
    parser.add_argument("--repo", type=Path, default=REPO,
                        help="start this checkout's code instead (e.g. /work/main, to compare; its .venv if it has one)")
    args = parser.parse_args()
    width, height = (int(n) for n in args.viewport.split("x"))
    if args.profile:
        os.environ["P1_TIMELINE_PROFILE"] = str(args.profile.resolve())
    run(args.app, (width, height), args.trace, args.screenshot, args.repo.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
