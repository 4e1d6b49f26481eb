"""Serving the app: the local web server on 127.0.0.1 (default) or the native desktop window."""

from __future__ import annotations

import importlib.util
import socket
import sys
import time
from functools import cache
from pathlib import Path

from diary.platform import current as platform


DEFAULT_PORT = 8550
HOST = "127.0.0.1"
ASSETS_DIR = Path(__file__).resolve().parent / "assets"  # package data: there in an installed app too


def free_port(start: int, *, attempts: int = 50) -> int:
    """`start` if nothing listens there, else the next free port."""
    for port in range(start, start + attempts):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind((HOST, port))
                return port
            except OSError:
                continue
    raise OSError(f"No free port between {start} and {start + attempts - 1}; pass another with --port.")


def _wait_for_server(port: int | None, timeout: float = 30.0) -> None:
    """Block until the web server accepts connections (warming up earlier would slow its start)."""
    deadline = time.monotonic() + timeout
    while port and time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=0.1):
                return
        except OSError:
            time.sleep(0.02)


def _warm_up(shared_diary, port: int | None) -> None:
    _wait_for_server(port)
    try:
        shared_diary()
    except Exception:
        pass  # the first session shows the error to the user
    from diary.ui.app import warm_up_controls

    warm_up_controls()


def serve(*, home: Path, port: int | None, desktop: bool = False, open_browser: bool = True) -> int:
    """Run the app until the user stops it. Makes no network request other than to 127.0.0.1."""
    import flet as ft

    @cache  # one open diary shared by every browser tab; errors are re-raised to each tab
    def shared_diary():
        from diary.services.bootstrap import open_diary

        return open_diary(home)

    def main(page) -> None:
        # Imported here, not at start-up, so the server answers at once; the warm-up thread has
        # normally loaded all of it before the browser has fetched the web client.
        from diary.ui.app import make_main

        make_main(shared_diary, home=home)(page)

    # While the browser downloads Flet's web client (a few seconds), open the database and load the
    # Flet control modules the first screen needs, so the first session does not wait for them.
    chosen = None if desktop else free_port(port or DEFAULT_PORT)
    platform().work.start(lambda: _warm_up(shared_diary, chosen), name="warm-up")
    start_auto_backups(home)
    if desktop:
        if importlib.util.find_spec("flet_desktop") is None:
            print(
                "diary: the desktop window needs the optional desktop client. Install it with\n"
                "  pip install 'diary[desktop]'\n"
                "(Flet downloads its window client once, on first use), or run 'diary' without --desktop "
                "to use the app in your browser.",
                file=sys.stderr,
            )
            return 2
        ft.run(main, view=ft.AppView.FLET_APP, assets_dir=str(ASSETS_DIR))
        return 0
    url = f"http://{HOST}:{chosen}/"
    print(f"diary is running at {url}  (data: {home}; press Ctrl+C to stop)", flush=True)
    view = ft.AppView.WEB_BROWSER if open_browser else None
    ft.run(main, view=view, host=HOST, port=chosen, no_cdn=True, assets_dir=str(ASSETS_DIR))
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
