"""The app's web server, run by us rather than by `ft.run`, so that ServerGuard stands in front of it.

`ft.run(main, view=WEB_BROWSER, host, port, no_cdn=True, assets_dir)` builds Flet's FastAPI app
(`flet_web.fastapi.app`) and serves it with uvicorn; we build the same app with the same settings, wrap it
in `diary.server_guard.ServerGuard`, and serve that with uvicorn on 127.0.0.1 only.

The desktop window (`diary --desktop`) does not use this server at all: Flet's native client talks to the
app over Flet's own socket transport (a Unix socket on Linux and macOS, a localhost TCP port on Windows),
whose address Flet passes to the client on its command line. `desktop_socket_path` puts that Unix socket
in a folder only the user can enter.
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import os
import shutil
import signal
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from diary.domain.errors import DiaryError
from diary.domain.marks import N_
from diary.server_guard import ASGIApp, LaunchSecrets, Receive, Scope, Send, ServerGuard, header_values

HOST = "127.0.0.1"


def guarded_flet_app(main: Callable, *, launch: LaunchSecrets, assets_dir: Path) -> ServerGuard:
    """Flet's web app for `main` (the web client bundled, no CDN) behind the launch's guard, with pinch-zoom
    allowed (diary/zoom.py) and a closed tab taken calmly (diary/closed_tabs.py)."""
    import flet_web.fastapi as flet_fastapi

    from diary.closed_tabs import QuietWhenClosed, quiet_flet_receive_loop
    from diary.zoom import AllowZoom

    quiet_flet_receive_loop()
    flet_app = flet_fastapi.app(main, assets_dir=str(assets_dir), no_cdn=True)
    serve_client_from_memory(flet_app)
    return ServerGuard(RemembersBrowserLanguages(QuietWhenClosed(AllowZoom(flet_app))), launch)


class RemembersBrowserLanguages:
    """ASGI middleware: a websocket's Accept-Language, kept for the Flet session it opens (the session's task
    inherits the context), so that a home with no language chosen starts in the browser's language without
    first asking the page for it (a round trip before the first screen)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            from diary.i18n import REQUEST_LANGUAGES, accept_language_tags

            REQUEST_LANGUAGES.set(accept_language_tags(",".join(header_values(scope, b"accept-language"))))
        await self.app(scope, receive, send)


# The client's files the page asks for before its first screen (besides index.html, manifest.json and
# FontManifest.json, which Flet rewrites for this server), fonts added by `first_client_files`.
FIRST_CLIENT_FILES = ("python.js", "flutter_bootstrap.js", "main.dart.mjs", "main.dart.wasm", "canvaskit/skwasm.js",
                      "canvaskit/skwasm.wasm")
_MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
                ".wasm": "application/wasm", ".otf": "font/otf", ".ttf": "font/ttf", ".woff2": "font/woff2"}


def serve_client_from_memory(app) -> None:
    """Answer the client's first files, and the two that name the Rive runtime's CDN, from memory, ahead of
    Flet's static files. The two are served patched so that they ask this server instead (diary.pwa.webclient);
    the runtime itself is not shipped: the diary draws no Rive animation, so the client's request gets a 404
    here and nothing leaves the machine.

    Why memory: Flet's static files read each file in worker threads, a chunk at a time, and every hand-over
    waits for the interpreter lock, which the warm-up thread holds while it imports the storage and Today's
    modules; served so, the page's requests took 5-10 times as long while it ran (P1)."""
    from starlette.routing import Route

    from diary.pwa.webclient import PATCHED_FILES

    for name in dict.fromkeys((*PATCHED_FILES, *first_client_files())):
        app.router.routes.insert(0, Route(f"/{name}", _client_file(name), methods=["GET", "HEAD"]))


@cache
def first_client_files() -> tuple[str, ...]:
    """FIRST_CLIENT_FILES and the client's fonts (those FontManifest.json names and Roboto, which Flutter loads
    when no CDN may be used; all asked for before the first frame), as paths relative to the client's folder."""
    from diary.pwa.webclient import flet_web_dir

    root = flet_web_dir()
    fonts = sorted(path.relative_to(root).as_posix() for path in (root / "assets").rglob("*")
                   if path.suffix in (".otf", ".ttf", ".woff2"))
    return (*FIRST_CLIENT_FILES, *fonts)


def preload_client_files() -> None:
    """Read the client's first files into memory (about 15 MB; main.dart.wasm, 8.5 MB, patched, ~60 ms),
    so that none of the browser's requests waits for a read or a patch."""
    for name in first_client_files():
        client_file_body(name)


@cache
def client_file_body(name: str) -> tuple[bytes, str]:
    """One of the client's files (patched if it is one of PATCHED_FILES) and its ETag, read once per process."""
    from diary.pwa.webclient import PATCHED_FILES, flet_web_dir, patched_file

    data = patched_file(name) if name in PATCHED_FILES else (flet_web_dir() / name).read_bytes()
    return data, f'"{hashlib.blake2b(data, digest_size=12).hexdigest()}"'


def _client_file(name: str):
    from starlette.responses import Response

    media_type = _MEDIA_TYPES.get(os.path.splitext(name)[1], "application/octet-stream")

    async def endpoint(request) -> Response:
        data, etag = client_file_body(name)
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers=headers)
        return Response(data, headers={**headers, "Content-Type": media_type})

    return endpoint


def write_token_file(path: Path, token: str) -> None:
    """Write the launch's token to `path` (one line, readable by the owner only) for scripts and tests.

    Raises:
        DiaryError: the file cannot be written (a sentence; the server does not start).
    """
    from diary.platform.durable import describe_write_failure, write_atomically

    try:
        write_atomically(path, f"{token}\n".encode("ascii"), mode=0o600)
    except OSError as exc:
        raise describe_write_failure(exc, path, what=N_("the token file")) from None


def forget_token_file(path: Path, token: str) -> None:
    """Remove the token file when the server stops, unless another launch has written it since."""
    try:
        if path.read_text(encoding="ascii").strip() == token:
            path.unlink()
    except (OSError, UnicodeDecodeError):
        pass


def serve_guarded(main: Callable, *, launch: LaunchSecrets, assets_dir: Path) -> None:
    """Serve the app on 127.0.0.1:launch.port until Ctrl+C (or SIGTERM)."""
    import uvicorn

    level = logging.getLogger("flet").getEffectiveLevel()
    config = uvicorn.Config(
        guarded_flet_app(main, launch=launch, assets_dir=assets_dir), host=HOST, port=launch.port,
        ws="websockets-sansio",  # as Flet's own server
        log_level=logging.getLevelName(max(level, logging.WARNING)).lower(),  # access lines never printed
        proxy_headers=False,  # nothing stands between the browser and us
    )
    # uvicorn stops cleanly on SIGTERM, then raises the signal again for the handler it found; make that one
    # exit through Python (finally blocks run, the token file is removed) instead of dying on the spot.
    previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        uvicorn.Server(config).run()
    finally:
        signal.signal(signal.SIGTERM, previous)


def _exit_on_sigterm(signum, frame) -> None:
    raise SystemExit(128 + signum)


def desktop_socket_path() -> str:
    """A Unix socket path for Flet's desktop transport inside a new owner-only (0700) folder.

    Flet's default is a random name directly in the shared temporary folder, whose permissions depend on
    the umask; in our own folder no other user can reach the socket. Removed when the app exits.
    """
    folder = tempfile.mkdtemp(prefix="diary-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return os.path.join(folder, "flet.sock")


def desktop_refusal() -> DiaryError | None:
    """Why the desktop window cannot open here, or None.

    Without a display on Linux (or with FLET_FORCE_WEB_SERVER set) `ft.run` would quietly serve the app
    as an open web server on port 8000 instead of a window; that server would not be guarded.
    """
    from flet.utils import get_bool_env_var, is_linux_server

    if get_bool_env_var("FLET_FORCE_WEB_SERVER") or is_linux_server():
        return DiaryError("There is no display for a desktop window here; run 'diary' without --desktop and "
                          "open the address it prints.")
    return None
