"""`diary pwa build`: the diary as a static, offline, installable web app (Pyodide).

The site is assembled in a scratch folder and moved into place whole. A fingerprint of every input
(the diary package with its icons and this build code, the npm lock file, the browser's wheel pins, flet-web)
is kept in the site: a build with unchanged inputs does nothing, so CI builds once.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from diary import __version__
from diary.pwa import bundle, fonts, site, versioning, webclient
from diary.pwa.service_worker import write_service_worker
from diary.pwa.toolchain import REPO, browser_requirements, browser_wheels, digest, node_modules

DEFAULT_OUT = REPO / "build" / "pwa"
DEFAULT_CACHE = REPO / "build" / ".pwa-cache"
FINGERPRINT_FILE = ".build-fingerprint"


@dataclass
class BuildResult:
    out: Path
    built: bool  # False: the site was up to date
    seconds: float
    site_bytes: int
    precache_bytes: int


def input_fingerprint(app: bundle.App = bundle.DIARY_APP) -> str:
    """A digest of everything the site is made from."""
    import flet_web.version

    files = sorted(p for p in (REPO / "diary").rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    files += [REPO / "package.json", REPO / "package-lock.json"]
    parts = [f"{p.relative_to(REPO)}".encode() + b"\0" + p.read_bytes() for p in files]
    parts.append(json.dumps([browser_requirements(), flet_web.version.version, app.name, app.with_diary, app.wheels]).encode())
    parts.append(app.main_py)
    return digest(*parts)


def _built_from(out: Path) -> str | None:
    marker = out / FINGERPRINT_FILE
    return marker.read_text().strip() if marker.exists() else None


def is_up_to_date(out: Path, app: bundle.App = bundle.DIARY_APP) -> bool:
    return _built_from(out) == input_fingerprint(app)


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def build(out: Path = DEFAULT_OUT, *, cache: Path = DEFAULT_CACHE, force: bool = False,
          app: bundle.App = bundle.DIARY_APP) -> BuildResult:
    """Build the site of `app` (the diary; the benchmarks' bare Flet app) into `out` unless it is up to
    date (or `force`)."""
    started = time.monotonic()
    out = out.resolve()
    fingerprint = input_fingerprint(app)
    if not force and _built_from(out) == fingerprint:
        return BuildResult(out, False, time.monotonic() - started, folder_bytes(out), 0)
    cache.mkdir(parents=True, exist_ok=True)
    modules = node_modules()
    wheels = browser_wheels(cache)
    stage = out.with_name(f".{out.name}.building")
    shutil.rmtree(stage, ignore_errors=True)
    webclient.patched_web_client(stage)  # without the Rive runtime: the diary draws no Rive animation
    site.drop_flutter_service_worker(stage)
    site.write_index(stage)
    site.write_manifest_and_icons(stage)
    fonts.drop_unused_font_families(stage)
    bundle.copy_fonts(stage, fonts.site_fonts(modules))
    bundle.bundle_libsodium(stage, modules)
    packages = bundle.stage_packages(cache / f"app-packages-{app.name}", wheels, app=app)
    if app.with_diary:  # the app knows which site it came in (the "Updated to version N" note)
        versioning.write(packages, versioning.version_of(__version__, fingerprint))
    bundle.compile_bytecode(packages, stage / "pyodide")
    bundle.app_archive(stage / site.APP_ARCHIVE, packages, app=app)
    precache = write_service_worker(stage, modules, cache)
    (stage / FINGERPRINT_FILE).write_text(fingerprint + "\n")
    if out.exists():
        shutil.rmtree(out)
    stage.rename(out)
    return BuildResult(out, True, time.monotonic() - started, folder_bytes(out), precache["size"])
