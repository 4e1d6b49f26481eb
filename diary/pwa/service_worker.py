"""The site's service worker: Workbox's generateSW (npm workbox-build), run with Node at build time.

What is precached and what is cached on first use:
- precached: everything every browser needs -- the page, Flet's scripts, Pyodide, the app archive,
  libsodium, fonts, icons;
- cached on first use (CacheFirst, in a cache named after this build's files): the renderer that only
  one kind of browser loads (Chromium: main.dart.wasm + skwasm; others: main.dart.js + CanvasKit).
  start.js waits for the worker before starting Flutter, so even the first
  visit's copies land in that cache and the next start works offline.
- never cached: files no browser fetches for this app (other Flutter plugins' assets, licences).
- answered by the worker itself: the Rive animation runtime the client asks for at every start (the site
  does not ship it, diary/pwa/webclient.py) gets a 404 without touching the network, online or offline.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from diary.pwa.toolchain import digest, run_tool

RENDERER_FILES = ("main.dart.js", "main.dart.wasm", "main.dart.mjs", "canvaskit/**")
NOT_SHIPPED = "/rive-wasm/"  # the Rive runtime's folder (webclient.RIVE_FOLDER)
NOT_PRECACHED = (*RENDERER_FILES, "sw.js", "sw-extra.js.map", "_headers",
                 "assets/NOTICES", "assets/packages/media_kit/**", "assets/packages/record_web/**",
                 "assets/packages/wakelock_plus/**")
RUNTIME_CACHE_PREFIX = "diary-renderer-"

# Answers the Rive runtime's requests with a 404 (registered before Workbox's listener, so it answers
# first); deletes the renderer caches of earlier builds once this worker takes over.
SW_EXTRA = f"""\
self.addEventListener("fetch", (event) => {{
  if (new URL(event.request.url).pathname.includes("{NOT_SHIPPED}")) {{
    event.respondWith(new Response("The diary draws no Rive animation.", {{ status: 404 }}));
  }}
}});
self.addEventListener("activate", (event) => {{
  event.waitUntil(caches.keys().then((names) => Promise.all(names
    .filter((name) => name.startsWith("{RUNTIME_CACHE_PREFIX}") && name !== self.DIARY_RUNTIME_CACHE)
    .map((name) => caches.delete(name)))));
}});
"""


def _glob_to_regex(pattern: str) -> str:
    return re.escape(pattern).replace(r"\*\*", ".*").replace(r"\*", "[^/]*")


def renderer_cache_name(site: Path) -> str:
    """Named after the renderer files' contents, so a new client never mixes with an old cached one."""
    files = sorted(p for pattern in RENDERER_FILES for p in site.glob(pattern) if p.is_file())
    return RUNTIME_CACHE_PREFIX + digest(*(p.read_bytes() for p in files))


def write_service_worker(site: Path, node_modules: Path, scratch: Path) -> dict:
    """Write sw.js (and sw-extra.js) into `site`; returns Workbox's count and size of precached files."""
    cache_name = renderer_cache_name(site)
    (site / "sw-extra.js").write_text(f'self.DIARY_RUNTIME_CACHE = "{cache_name}";\n' + SW_EXTRA, encoding="utf-8")
    runtime = "|".join(_glob_to_regex(p) for p in RENDERER_FILES)
    config = {
        "site": str(site),
        "notPrecached": list(NOT_PRECACHED),
        "importScripts": ["sw-extra.js"],
        "runtimePattern": rf"^[^?#]*/(?:{runtime})(?:[?#].*)?$",
        "runtimeCache": cache_name,
    }
    config_path = scratch / "workbox-config.json"
    config_path.write_text(json.dumps(config), encoding="utf-8")
    script = Path(__file__).with_name("generate_sw.mjs")
    output = run_tool(["node", str(script), str(config_path)], "Writing the service worker",
                      env={**os.environ, "DIARY_NODE_MODULES": str(node_modules)})
    return json.loads(output.strip().splitlines()[-1])
