"""Fonts for everything the app shows, served where Flutter's web engine asks for them.

Flutter draws text with Roboto, fetched from its font "fallback base URL" (here the site's own
assets/fonts/), and for a character Roboto lacks it fetches a Noto font chosen from a table compiled
into the client. Without these files the client asks Google Fonts or, offline, draws empty boxes. The
paths below are the ones Chromium requested (tests/e2e/test_pwa.py fails on any 404); the files come
from npm (package.json): a full Roboto (Latin incl. å ä ö, Greek, ≤ ≥ − √ Σ) and Noto subsets for
arrows and mathematical signs.
"""

from __future__ import annotations

import json
from pathlib import Path

ROBOTO = "roboto-fontface/fonts/roboto/Roboto-Regular.woff2"
NOTO_SYMBOLS = "@fontsource/noto-sans-symbols/files/noto-sans-symbols-symbols-400-normal.woff2"

# site path -> npm file
FONT_FILES = {
    # Flet's own "Roboto" (FontManifest.json) is a Latin-only subset: the full font replaces it.
    "assets/fonts/roboto.woff2": ROBOTO,
    # Flutter's default font: the wasm client (skwasm, Chromium) fetches it relative to the assets folder
    # (hence assets/assets/), the JavaScript client (CanvasKit: Safari, Firefox) relative to the page.
    "assets/assets/fonts/roboto/v32/KFOmCnqEu92Fr1Me4GZLCzYlKw.woff2": ROBOTO,
    "assets/fonts/roboto/v32/KFOmCnqEu92Fr1Me4GZLCzYlKw.woff2": ROBOTO,
    # Arrows (→) and other symbols.
    "assets/fonts/notosanssymbols/v43/rP2up3q65FkAtHfwd-eIS2brbDN6gxP34F9jRRCe4W3gfQ8gb_VFRkzrbQ.woff2": NOTO_SYMBOLS,
}
# Font families in Flet's FontManifest.json the diary never uses; Flutter fetches every listed font at start.
UNUSED_FAMILIES_PREFIX = "packages/flutter_math_fork/"


def site_fonts(node_modules: Path) -> dict[str, Path]:
    return {target: node_modules / source for target, source in FONT_FILES.items()}


def drop_unused_font_families(site: Path) -> None:
    """Remove the KaTeX fonts (16 files, only for math rendering) from FontManifest.json and the site."""
    manifest_path = site / "assets" / "FontManifest.json"
    families = json.loads(manifest_path.read_text(encoding="utf-8"))
    kept = [f for f in families if not f["family"].startswith(UNUSED_FAMILIES_PREFIX)]
    manifest_path.write_text(json.dumps(kept), encoding="utf-8")
    for folder in (site / "assets" / "packages" / "flutter_math_fork",):
        for path in sorted(folder.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        folder.rmdir()
