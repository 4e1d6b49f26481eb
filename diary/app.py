"""Serving the app: the local web server on 127.0.0.1 (default) or the native desktop window."""

from __future__ import annotations

import importlib.util
import socket
import sys
import threading
from functools import cache
from pathlib import Path

from diary.services.bootstrap import Diary, open_diary

DEFAULT_PORT = 8550
HOST = "127.0.0.1"
ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"


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


def serve(*, home: Path, port: int | None, desktop: bool = False, open_browser: bool = True) -> int:
    """Run the app until the user stops it. Makes no network request other than to 127.0.0.1."""
    import flet as ft

    from diary.ui.app import make_main

    @cache  # one open diary shared by every browser tab; errors are re-raised to each tab
    def shared_diary() -> Diary:
        return open_diary(home)

    main = make_main(shared_diary)
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
    chosen = free_port(port or DEFAULT_PORT)
    url = f"http://{HOST}:{chosen}/"
    print(f"diary is running at {url}  (data: {home}; press Ctrl+C to stop)", flush=True)
    view = ft.AppView.WEB_BROWSER if open_browser else None
    ft.run(main, view=view, host=HOST, port=chosen, no_cdn=True, assets_dir=str(ASSETS_DIR))
    return 0
