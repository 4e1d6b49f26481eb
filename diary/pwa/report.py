"""What a first visit downloads: the precached files, plus the renderer files Chromium fetches."""

from __future__ import annotations

from pathlib import Path

# Chromium (WasmGC) runs Flutter's dart2wasm build with the skwasm renderer and the plain Rive build;
# measured with tests/e2e/test_pwa.py, which records what Chromium actually fetches.
CHROMIUM_RENDERER = ("main.dart.wasm", "main.dart.mjs", "canvaskit/skwasm.js", "canvaskit/skwasm.wasm",
                     "rive-wasm/wasm/rive_native.js", "rive-wasm/wasm/rive_native.wasm")


def chromium_first_visit_bytes(site: Path, precache_bytes: int) -> int:
    return precache_bytes + sum((site / name).stat().st_size for name in CHROMIUM_RENDERER if (site / name).exists())


def first_visit_summary(result) -> str:
    total = chromium_first_visit_bytes(result.out, result.precache_bytes)
    return (f"First visit (Chromium): about {total / 1e6:.1f} MB -- {result.precache_bytes / 1e6:.1f} MB precached "
            f"for every browser plus {(total - result.precache_bytes) / 1e6:.1f} MB of its renderer.")
