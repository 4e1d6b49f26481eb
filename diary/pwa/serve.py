"""`diary pwa serve`: serve a built site on 127.0.0.1 to try it (any static host will do).

Sends the same Content-Security-Policy as the page's meta tag as a header too, so that Python's worker
(which a meta tag does not reach) is held to the app's own origin as well; and `no-cache`, so a new
build is seen at once (the service worker does the caching).
"""

from __future__ import annotations

import functools
import re
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOST = "127.0.0.1"
TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
         ".json": "application/json", ".woff2": "font/woff2", ".ttf": "font/ttf", ".otf": "font/otf",
         ".gz": "application/gzip"}


def page_policy(site: Path) -> str:
    """The Content-Security-Policy written into the site's index.html."""
    html = (site / "index.html").read_text(encoding="utf-8")
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    if not found:
        raise ValueError(f"{site} has no Content-Security-Policy in index.html; is it a built site?")
    return found.group(1)


class SiteHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **TYPES}
    policy = ""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Content-Security-Policy", self.policy)
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # quiet: a phone app's server is not a log
        pass


def make_server(site: Path, port: int = 0) -> ThreadingHTTPServer:
    """A server for `site` on 127.0.0.1:`port` (0: any free port); call serve_forever() on it."""
    site = site.resolve()
    handler = type("Handler", (SiteHandler,), {"policy": page_policy(site)})
    return ThreadingHTTPServer((HOST, port), functools.partial(handler, directory=str(site)))


def serve(site: Path, port: int) -> int:
    server = make_server(site, port)
    print(f"The diary's web app is at http://{HOST}:{server.server_address[1]}/  (site: {site}; Ctrl+C stops)",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
