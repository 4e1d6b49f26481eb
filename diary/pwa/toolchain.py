"""Build-time downloads: the npm packages (package-lock.json, into the repository's node_modules, shared
with the end-to-end tests' axe-core) and the browser's Python wheels (in a cache folder keyed by their pins).

Either is fetched once, so a second build (or CI after the first) reuses them without touching a registry. npm is a build tool only; nothing here is fetched at run time.
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


def run_tool(command: list[str], what: str, *, cwd: Path | None = None, env: dict | None = None) -> str:
    """Run a build tool; returns its output. Raises BuildError naming the step, with the tool's last lines."""
    try:
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    except FileNotFoundError:
        raise BuildError(f"{what} needs {Path(command[0]).name}, which is not installed "
                         "(the web app build needs Node.js and npm: apt-get install nodejs npm).") from None
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-15:]
        raise BuildError(f"{what} failed ({Path(command[0]).name} ...):\n" + "\n".join(tail))
    return done.stdout


def _keep_only(folder: Path) -> None:
    """Remove the cache's older folders of the same kind (npm-*, wheels-*): their pins are gone."""
    kind = folder.name.split("-")[0]
    for other in folder.parent.glob(f"{kind}-*"):
        if other != folder:
            shutil.rmtree(other, ignore_errors=True)


def node_modules() -> Path:
    """The repository's node_modules: `npm ci` of package.json + package-lock.json, as `make node-tools`
    does (the same stamp file), run again only when either is newer than the last install."""
    modules = REPO / "node_modules"
    stamp = modules / ".installed-stamp"
    pins = max((REPO / name).stat().st_mtime for name in ("package.json", "package-lock.json"))
    if stamp.exists() and stamp.stat().st_mtime >= pins:
        return modules
    if shutil.which("npm") is None:
        raise BuildError("npm is not installed; the web app build needs Node.js and npm (apt-get install nodejs npm).")
    run_tool(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], "Installing the npm build tools", cwd=REPO)
    stamp.touch()
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
    run_tool([sys.executable, "-m", "pip", "download", "--quiet", "--dest", str(folder), "--only-binary=:all:",
              *WASM_PLATFORM, "--no-deps", *requirements], "Downloading the browser's Python wheels", cwd=folder)
    (folder / ".complete").touch()
    _keep_only(folder)
    return folder
