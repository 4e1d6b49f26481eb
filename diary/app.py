"""Serving the app: the local web server on 127.0.0.1 (default) or the native desktop window."""

from __future__ import annotations

import gc
import importlib.util
import os
import socket
import sys
import threading
import time
from functools import cache
from pathlib import Path

from diary.platform import current as platform
from diary.i18n import _


DEFAULT_PORT = 8550
HOST = "127.0.0.1"
ASSETS_DIR = Path(__file__).resolve().parent / "assets"  # package data: there in an installed app too


def _can_listen(port: int) -> bool:
    """Whether the server could listen on `port` now. Like uvicorn, the probe reuses an address whose last
    connections are only winding down (TIME_WAIT after a quick restart); a live listener still refuses."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        if os.name != "nt":  # on Windows the option would let two servers share a port
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
            return True
        except OSError:
            return False


def free_port(start: int, *, attempts: int = 50) -> int:
    """`start` if nothing listens there, else the next free port."""
    for port in range(start, start + attempts):
        if _can_listen(port):
            return port
    raise OSError(_("No free port between {start} and {last}; pass another with --port.").format(
        start=start, last=start + attempts - 1))


def choose_port(requested: int | None, *, wait: float = 5.0) -> tuple[int, str | None]:
    """The port to serve on, and a sentence when it is not the one asked for.

    A port named with --port is waited for a few seconds first (the previous run may still be closing,
    and the open tab points there); the default port simply moves to the next free one.
    """
    wanted = requested or DEFAULT_PORT
    deadline = time.monotonic() + (wait if requested else 0)
    while not _can_listen(wanted) and time.monotonic() < deadline:
        time.sleep(0.2)
    port = free_port(wanted)
    moved = _("port {wanted} was busy, using {port}").format(wanted=wanted, port=port)
    return port, (None if port == wanted else moved)


def _wait_for_server(port: int | None, timeout: float = 30.0) -> None:
    """Block until the web server accepts connections (warming up earlier would slow its start)."""
    deadline = time.monotonic() + timeout
    while port and time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=0.1):
                return
        except OSError:
            time.sleep(0.02)


def _start_warm_up(shared_diary, port: int | None, open_url: str | None = None) -> None:
    """Load and open, on a thread of its own, what the first session needs while the client loads (_warm_up).

    Until the warm-up is done the cycle collector is off: the server's start and the warm-up make hundreds of
    thousands of objects that live as long as the process (modules, classes, Flet's and SQLAlchemy's caches),
    and the collector walked them again and again, about a quarter of the warm-up's CPU time, which the
    browser's own start shares (P1). And the interpreter lock changes hands every 0.5 ms instead of 5: the event
    loop, answering the browser's requests, waits less for the warm-up's imports to let go of it."""
    gc.disable()
    platform().work.start(lambda: _warm_up(shared_diary, port, open_url), name="warm-up")


def _warm_up(shared_diary, port: int | None, open_url: str | None = None) -> None:
    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)
    try:
        _warm_up_steps(shared_diary, port, open_url)
    finally:
        sys.setswitchinterval(interval)
        # Everything made so far stays (but the warm-up's unsent screen, about 4,000 objects): frozen, the
        # collector never walks it again. Unfrozen, its first passes after this went over all 175,000 objects,
        # 0.14 s of CPU in the middle of the first session or of the browser's start.
        gc.freeze()
        gc.enable()  # off since _start_warm_up


def _warm_up_steps(shared_diary, port: int | None, open_url: str | None) -> None:
    _wait_for_server(port)
    if open_url:
        import webbrowser

        webbrowser.open(open_url)
    if port:  # the web client's first files (not the window's): in memory before the browser asks for them
        from diary.web_server import preload_client_files

        preload_client_files()
    try:
        diary = shared_diary()
    except Exception:
        diary = None  # the first session shows the error to the user
    from diary.ui.app import warm_up_controls, warm_up_first_screen

    warm_up_controls()
    if diary is not None:
        try:
            warm_up_first_screen(diary)
        except Exception:  # noqa: BLE001 - only a head start: the session builds the screen for real
            pass


def serve(*, home: Path, port: int | None, desktop: bool = False, open_browser: bool = True,
          token_file: Path | None = None, language: str | None = None) -> int:
    """Run the app until the user stops it. Makes no network request other than to 127.0.0.1.

    `language` ("sv" or "en", from `diary --lang`) starts the app in that language for this run.

    The web server lets in only the page opened with this launch's token (diary.server_guard); the
    token is printed in the address, and written to `token_file` (owner-only) for scripts.
    """
    @cache  # one open diary shared by every browser tab; an error is not cached: the next tab tries again
    def open_once():
        from diary.services.bootstrap import open_diary

        return open_diary(home)

    opening = threading.Lock()

    def shared_diary():
        # The warm-up thread and the first session may ask at the same moment (a client that connects as
        # soon as the port opens); functools.cache would let both open a new home at once, and the two
        # openings race (seen: the first session hanging, or "cannot use the data folder").
        with opening:
            return open_once()

    async def main(page) -> None:
        # Imported here, not at start-up, so the server answers at once; the warm-up thread has
        # normally loaded all of it before the browser has fetched the web client.
        from diary.ui.app import make_main

        await make_main(shared_diary, home=home, language=language)(page)

    if desktop:
        return _serve_desktop(main, shared_diary, home=home, token_file=token_file)
    from diary.domain.names import printable_name
    from diary.server_guard import LaunchSecrets
    from diary.web_server import forget_token_file, serve_guarded, write_token_file

    chosen, moved = choose_port(port)
    launch = LaunchSecrets(port=chosen)
    if token_file is not None:
        write_token_file(token_file, launch.token)
    url = launch.url(HOST)
    if moved:  # a tab left open on the old address would not reach this run: say where it is now
        print(_("diary: {moved}.").format(moved=moved), flush=True)
    print(_("diary is running at {url}  (data: {home}; press Ctrl+C to stop)").format(url=url, home=printable_name(home)),
          flush=True)
    # While the browser downloads Flet's web client (a few seconds), open the database and load the
    # Flet control modules the first screen needs, so the first session does not wait for them.
    _start_warm_up(shared_diary, launch.port, url if open_browser else None)
    start_auto_backups(home)
    try:
        serve_guarded(main, launch=launch, assets_dir=ASSETS_DIR)
    finally:
        if token_file is not None:
            forget_token_file(token_file, launch.token)
    return 0


def _serve_desktop(main, shared_diary, *, home: Path, token_file: Path | None) -> int:
    """Flet's native window; it reaches the app over Flet's socket transport, not the web server."""
    import flet as ft

    from diary.web_server import desktop_refusal, desktop_socket_path

    if token_file is not None:
        print(_("diary: --token-file is for the browser app; the desktop window needs no token."), file=sys.stderr)
        return 2
    if importlib.util.find_spec("flet_desktop") is None:
        print(
            _("diary: the desktop window needs the optional desktop client. Install it with\n"
              "  pip install 'diary[desktop]'\n"
              "(Flet downloads its window client once, on first use), or run 'diary' without --desktop "
              "to use the app in your browser."),
            file=sys.stderr,
        )
        return 2
    refusal = desktop_refusal()
    if refusal is not None:
        print(_("diary: {problem}").format(problem=refusal), file=sys.stderr)
        return 2
    _start_warm_up(shared_diary, None)
    start_auto_backups(home)
    os.environ["FLET_SERVER_UDS_PATH"] = desktop_socket_path()  # read by ft.run (Linux, macOS)
    ft.run(main, view=ft.AppView.FLET_APP, assets_dir=str(ASSETS_DIR))
    return 0


def start_auto_backups(home: Path, *, after: float = 60) -> None:
    """Daily automatic backups while the app runs (diary.services.auto_backup). The first check, and even
    the import of the backup code, waits `after` seconds, so it never slows the first screen."""

    def start() -> None:
        time.sleep(after)
        from diary.services.auto_backup import start_auto_backups as run
        from diary.services.clock import local_now

        run(home, local_now, delay=0)

    platform().work.start(start, name="auto-backup-start")
