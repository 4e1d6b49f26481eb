"""The page around Flet's client: index.html, the web app manifest, icons, the start script, the CSP.

Flet's `patch_index_html` writes the Pyodide settings; this module then
- makes `pyodideUrl` relative ("./pyodide/…"): the bare "pyodide/pyodide.mjs" it writes is a module
  specifier that `import()` in the worker rejects;
- removes Flutter's own service worker (its bootstrap would re-register a stub that unregisters ours);
- starts Flutter only once our service worker controls the page, so even the first visit's files pass
  through it and are cached (start.js);
- adds a Content-Security-Policy: scripts and connections from the app's own origin only.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from pathlib import Path

from flet_web.patch_index import patch_index_html

from diary.ui import text as T
from diary.ui.theme import SEED

APP_NAME = T.APP_TITLE
SHORT_NAME = "Diary"
DESCRIPTION = "An offline symptom diary for persistent pain, shared with your physiotherapist in encrypted files."
BACKGROUND = "#FFFFFF"
PYODIDE_VERSION = "314.0.7"
ENTRY_SCRIPT = "main.py"
APP_ARCHIVE = "app.tar.gz"
ASSETS = Path(__file__).resolve().parents[1] / "assets"  # the app's icons (tools/make_icons.py)

# Pyodide's run_js evaluates JavaScript (`unsafe-eval`, in the worker); wasm needs `wasm-unsafe-eval`;
# Flutter sets inline styles. Inline scripts of index.html are allowed by their hashes only.
CSP_BASE = {
    "default-src": "'self'",
    "script-src": "'self' 'wasm-unsafe-eval' 'unsafe-eval'",
    "connect-src": "'self'",
    "worker-src": "'self' blob:",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "style-src": "'self' 'unsafe-inline'",
    "media-src": "'self' data: blob:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'none'",
}

START_JS = """\
// Start Flutter once our service worker controls the page, so that every file of the first visit
// passes through it (and is cached for offline use). Without service workers, start at once.
(function () {
  function start() {
    var script = document.createElement("script");
    script.src = "flutter_bootstrap.js";
    script.async = true;
    document.body.appendChild(script);
  }
  // Ask the browser not to evict the diary (only a page can ask; Python runs in a worker).
  if (navigator.storage && navigator.storage.persist) {
    navigator.storage.persist().catch(function () {});
  }
  // Whether this browser held a diary with entries: a flag outside IndexedDB (localStorage, which only a
  // page can reach), so that a store the browser emptied is noticed instead of shown as a new diary.
  // Python's worker asks and sets it on the "diary-page" channel (diary/platform/browser_storage.py).
  var MARKER = "diary-had-data";
  var pageChannel = new BroadcastChannel("diary-page");
  window.__diaryPageChannel = pageChannel;
  pageChannel.onmessage = function (e) {
    var message = e.data || {};
    var answer = null;
    try {
      if (message.set === MARKER) {
        if (message.value) localStorage.setItem(MARKER, "1"); else localStorage.removeItem(MARKER);
      }
      answer = localStorage.getItem(MARKER) === "1";
    } catch (error) { /* no localStorage here: unknown */ }
    if (message.ask === MARKER) pageChannel.postMessage({ id: message.id, hadData: answer });
  };
  if (!("serviceWorker" in navigator)) { start(); return; }
  var started = false;
  function once() { if (!started) { started = true; start(); } }
  navigator.serviceWorker.addEventListener("controllerchange", once);
  navigator.serviceWorker.register("sw.js").then(function (registration) {
    if (navigator.serviceWorker.controller) { once(); return; }
    // A first visit: the first worker installs, then claims the page (controllerchange). One that
    // cannot finish installing (no space left) must not keep the app from starting.
    var installing = registration.installing;
    if (installing && !registration.active) {
      installing.addEventListener("statechange", function () {
        if (installing.state === "redundant") once();
      });
      return;
    }
    // An active worker not controlling the page: about to claim it, or a forced reload bypassed it.
    setTimeout(once, 3000);
  }).catch(function (error) {
    console.error("Service worker registration failed:", error);
    once();
  });
})();
"""


# The "Install the app" hint's page side, in its own script (install.js, before start.js) so that it hears
# Chromium's beforeinstallprompt however early it fires. Python (diary/platform/browser_install.py) asks on
# the "diary-page" channel what the browser offers, asks for the prompt, and says when the hint was dismissed.
INSTALL_JS = """\
(function () {
  var HINT_DISMISSED = "diary-install-hint-dismissed";  // per browser, like the install itself
  var saved = null;       // Chromium's beforeinstallprompt event, kept until the user taps Install
  var installed = false;  // appinstalled fired in this page
  var channel = new BroadcastChannel("diary-page");
  function standalone() {
    return navigator.standalone === true || matchMedia("(display-mode: standalone)").matches;
  }
  function ios() {  // iPadOS says it is a Mac; a Mac has no touch points
    return /iPad|iPhone|iPod/.test(navigator.userAgent) || (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1);
  }
  function offer() {
    if (installed || standalone()) return null;
    if (saved) return "prompt";
    return ios() ? "ios" : null;
  }
  function dismissed() {
    try { return localStorage.getItem(HINT_DISMISSED) === "1"; } catch (error) { return false; }
  }
  window.addEventListener("beforeinstallprompt", function (event) {
    event.preventDefault();  // no mini-infobar: the app offers it itself (Settings, once on Today)
    saved = event;
  });
  window.addEventListener("appinstalled", function () { installed = true; saved = null; });
  function prompt(id) {
    var event = saved;
    if (!event) { channel.postMessage({ id: id, outcome: "unavailable" }); return; }
    saved = null;  // an event prompts once
    Promise.resolve().then(function () { return event.prompt(); })
      .then(function () { return event.userChoice; })
      .then(function (choice) {
        channel.postMessage({ id: id, outcome: choice && choice.outcome === "accepted" ? "accepted" : "dismissed" });
      }, function (error) {  // e.g. no user activation left: the event may be tried again
        saved = event;
        console.warn("Install prompt failed:", error);
        channel.postMessage({ id: id, outcome: "unavailable" });
      });
  }
  channel.onmessage = function (e) {
    // Every tab of the site hears the channel: only the one in front (where the user taps) answers.
    if (document.hidden) return;
    var message = e.data || {};
    if (message.ask === "diary-install") {
      channel.postMessage({ id: message.id, offer: offer(), hintDismissed: dismissed() });
    } else if (message.do === "diary-install-prompt") {
      prompt(message.id);
    } else if (message.do === "diary-install-dismiss-hint") {
      try { localStorage.setItem(HINT_DISMISSED, "1"); } catch (error) { /* no localStorage: shown again */ }
    }
  };
})();
"""


def csp(policy: dict[str, str]) -> str:
    return "; ".join(f"{name} {value}" for name, value in policy.items())


def write_index(site: Path) -> str:
    """Patch index.html in `site`; returns the Content-Security-Policy it now carries."""
    index = site / "index.html"
    patch_index_html(str(index), base_href="/", app_name=APP_NAME, app_description=DESCRIPTION, pyodide=True,
                     pyodide_script_path=ENTRY_SCRIPT, pyodide_version=PYODIDE_VERSION,
                     app_package_url=APP_ARCHIVE, no_cdn=True)
    html = index.read_text(encoding="utf-8")
    html = html.replace('flet.pyodideUrl="pyodide/pyodide.mjs"', 'flet.pyodideUrl="./pyodide/pyodide.mjs"')
    html = html.replace('<script src="flutter_bootstrap.js" async></script>',
                        '<script src="install.js"></script>\n  <script src="start.js"></script>')
    if 'src="start.js"' not in html or "./pyodide/pyodide.mjs" not in html:
        raise ValueError("flet-web's index.html changed; update diary/pwa/site.py.")
    inline = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in inline)
    policy = csp({**CSP_BASE, "script-src": f"{CSP_BASE['script-src']} {hashes}"})
    head = (f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            f'  <meta name="theme-color" content="{SEED}">\n')
    html = html.replace("<head>\n", "<head>\n  " + head, 1)
    index.write_text(html, encoding="utf-8")
    (site / "start.js").write_text(START_JS, encoding="utf-8")
    (site / "install.js").write_text(INSTALL_JS, encoding="utf-8")
    return policy


def drop_flutter_service_worker(site: Path) -> None:
    """Flutter's bootstrap registers flutter_service_worker.js (a stub that unregisters every worker)
    when a registration exists; without `serviceWorkerSettings` it leaves ours alone."""
    bootstrap = site / "flutter_bootstrap.js"
    text = bootstrap.read_text(encoding="utf-8")
    patched = re.sub(r"\n\s*serviceWorkerSettings:\s*\{[^}]*\},", "", text, count=1)
    if patched == text:
        raise ValueError("flutter_bootstrap.js no longer passes serviceWorkerSettings; update diary/pwa/site.py.")
    bootstrap.write_text(patched, encoding="utf-8")
    (site / "flutter_service_worker.js").unlink(missing_ok=True)


def write_manifest_and_icons(site: Path) -> None:
    """The web app manifest with the diary's own name, colours and icons (diary/assets, as the desktop serves)."""
    icons = site / "icons"
    for source in sorted((ASSETS / "icons").glob("*.png")):
        shutil.copyfile(source, icons / source.name)
    shutil.copyfile(ASSETS / "favicon.png", site / "favicon.png")
    manifest = {
        "id": "./",
        "name": APP_NAME,
        "short_name": SHORT_NAME,
        "description": DESCRIPTION,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "orientation": "portrait",
        "background_color": BACKGROUND,
        "theme_color": SEED,
        "lang": "en",
        "prefer_related_applications": False,
        "icons": [
            {"src": f"icons/icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
            for size in (192, 512)
        ] + [
            {"src": f"icons/icon-maskable-{size}.png", "sizes": f"{size}x{size}", "type": "image/png",
             "purpose": "maskable"}
            for size in (192, 512)
        ],
    }
    (site / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
