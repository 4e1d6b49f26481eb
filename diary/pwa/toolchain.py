"""Build-time downloads, cached: the npm packages (package-lock.json) and the browser's Python wheels.

Both land in a cache folder keyed by what pins them, so a second build (or CI after the first) reuses
them without touching a registry. npm is a build tool only; nothing here is fetched at run time.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# What the diary needs in the browser, besides the standard library Pyodide ships. Versions come from
# the build's own environment, which pyproject.toml pins. Left out on purpose: matplotlib, numpy,
# Pillow, PyNaCl, cffi (no wasm wheels on PyPI; the browser has its own adapters), httpx and oauthlib
# (flet needs them only outside Emscripten), flet-web (the client is copied, not imported).
BROWSER_PACKAGES = (
    "flet", "msgpack", "repath", "six",
    "sqlmodel", "sqlalchemy", "pydantic", "pydantic-core", "typing-extensions", "typing-inspection",
    "annotated-types", "platformdirs", "segno",
)
# The platform tag of Pyodide 314 (Python 3.14) wheels on PyPI.
WASM_PLATFORM = ("--platform", "pyemscripten_2026_0_wasm32", "--python-version", "3.14",
                 "--implementation", "cp", "--abi", "cp314")


class BuildError(Exception):
    """A build step failed; the message says which and why."""


def digest(*parts: bytes) -> str:
    sha = hashlib.sha256()
    for part in parts:
        sha.update(hashlib.sha256(part).digest())
    return sha.hexdigest()[:16]


def _run(command: list[str], cwd: Path, what: str) -> None:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-15:]
        raise BuildError(f"{what} failed ({' '.join(command[:3])} ...):\n" + "\n".join(tail))


def node_modules(cache: Path) -> Path:
    """`npm ci` of the repository's package.json + package-lock.json, once per lock file."""
    lock = (REPO / "package-lock.json").read_bytes()
    manifest = (REPO / "package.json").read_bytes()
    folder = cache / f"npm-{digest(manifest, lock)}"
    modules = folder / "node_modules"
    if (folder / ".complete").exists():
        return modules
    if shutil.which("npm") is None:
        raise BuildError("npm is not installed; the web app build needs Node.js and npm (apt-get install nodejs npm).")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "package.json").write_bytes(manifest)
    (folder / "package-lock.json").write_bytes(lock)
    _run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], folder, "Installing the npm build tools")
    (folder / ".complete").touch()
    return modules


def browser_requirements() -> list[str]:
    """`name==version` for every package the browser needs, at the versions of this environment."""
    try:
        return [f"{name}=={importlib.metadata.version(name)}" for name in BROWSER_PACKAGES]
    except importlib.metadata.PackageNotFoundError as exc:
        raise BuildError(f"{exc.name} is not installed here; run make .venv/.installed-stamp first.") from None


def browser_wheels(cache: Path) -> Path:
    """The wasm/pure wheels of browser_requirements(), downloaded once per set of pins."""
    requirements = browser_requirements()
    folder = cache / f"wheels-{digest(json.dumps(requirements).encode(), ' '.join(WASM_PLATFORM).encode())}"
    if (folder / ".complete").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    _run([sys.executable, "-m", "pip", "download", "--quiet", "--dest", str(folder), "--only-binary=:all:",
          *WASM_PLATFORM, "--no-deps", *requirements], folder, "Downloading the browser's Python wheels")
    (folder / ".complete").touch()
    return folder
