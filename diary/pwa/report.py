"""What a first visit downloads: the precached files, plus the renderer files the browser fetches."""

from __future__ import annotations

from pathlib import Path

# Chromium (WasmGC) runs Flutter's dart2wasm build with the skwasm renderer; measured with
# tests/e2e/pwa/test_first_visit_size.py, which records what Chromium actually fetches.
CHROMIUM_RENDERER = ("main.dart.wasm", "main.dart.mjs", "canvaskit/skwasm.js", "canvaskit/skwasm.wasm")
# Safari and Firefox get the JavaScript build with the full CanvasKit (flutter_bootstrap.js).
OTHER_RENDERER = ("main.dart.js", "canvaskit/canvaskit.js", "canvaskit/canvaskit.wasm")


def first_visit_bytes(site: Path, precache_bytes: int, renderer: tuple[str, ...] = CHROMIUM_RENDERER) -> int:
    return precache_bytes + sum((site / name).stat().st_size for name in renderer if (site / name).exists())


def chromium_first_visit_bytes(site: Path, precache_bytes: int) -> int:
    return first_visit_bytes(site, precache_bytes, CHROMIUM_RENDERER)


def first_visit_summary(result) -> str:
    total = chromium_first_visit_bytes(result.out, result.precache_bytes)
    others = first_visit_bytes(result.out, result.precache_bytes, OTHER_RENDERER)
    return (f"First visit (Chromium): about {total / 1e6:.1f} MB -- {result.precache_bytes / 1e6:.1f} MB precached "
            f"for every browser plus {(total - result.precache_bytes) / 1e6:.1f} MB of its renderer; "
            f"Safari and Firefox: about {others / 1e6:.1f} MB.")
