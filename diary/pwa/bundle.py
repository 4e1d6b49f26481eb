"""What the build puts into the site besides Flet's client: libsodium as one ES module, the fonts, and
the app archive (the diary package and its wheels, which the Python worker unpacks)."""

from __future__ import annotations

import gzip
import io
import shutil
import subprocess
import tarfile
import zipfile
from pathlib import Path

from diary.pwa.site import ENTRY_SCRIPT
from diary.pwa.toolchain import REPO, BuildError

SODIUM_FILE = "libsodium/sodium.mjs"

# The worker runs main.py as __main__; everything else lives in __pypackages__ (on sys.path there).
MAIN_PY = b'''"""The diary in the browser: see diary/pwa/entry.py."""
from diary.pwa.entry import start

if __name__ == "__main__":
    start()
'''
SKIPPED_IN_ARCHIVE = ("__pycache__", "*.pyc", "py.typed")
# Never imported in the browser: type stubs, bills of materials, SQLAlchemy's other databases and test kit.
SKIPPED_WHEEL_MEMBERS = (".pyi", "/sboms/", "sqlalchemy/dialects/mssql/", "sqlalchemy/dialects/mysql/",
                         "sqlalchemy/dialects/oracle/", "sqlalchemy/dialects/postgresql/", "sqlalchemy/testing/",
                         "__pycache__")


def bundle_libsodium(site: Path, node_modules: Path) -> Path:
    """libsodium-wrappers-sumo bundled with its libsodium into one ES module (a worker cannot resolve
    the bare `libsodium-sumo` import of the npm build)."""
    entry = node_modules / "libsodium-wrappers-sumo" / "dist" / "modules-sumo-esm" / "libsodium-wrappers.mjs"
    out = site / SODIUM_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    esbuild = node_modules / ".bin" / "esbuild"
    done = subprocess.run([str(esbuild), str(entry), "--bundle", "--format=esm", "--platform=browser", "--minify",
                           "--log-level=error", f"--outfile={out}"], cwd=node_modules.parent,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise BuildError(f"Bundling libsodium failed:\n{done.stderr.strip()[-2000:]}")
    return out


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), 0o644, 0  # no timestamps: same inputs, same archive
    tar.addfile(info, io.BytesIO(data))


def _package_files(root: Path):
    for path in sorted(root.rglob("*")):
        if path.is_file() and not any(path.match(p) or p in path.parts for p in SKIPPED_IN_ARCHIVE):
            yield path


def app_archive(out: Path, wheels: Path) -> Path:
    """`app.tar.gz`: main.py, and in __pypackages__/ the diary package and the unpacked wheels.

    No requirements.txt and no pyproject.toml, so the worker never starts micropip (which would fetch).
    """
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        _add(tar, ENTRY_SCRIPT, MAIN_PY)
        for path in _package_files(REPO / "diary"):
            _add(tar, f"__pypackages__/{path.relative_to(REPO).as_posix()}", path.read_bytes())
        for wheel in sorted(wheels.glob("*.whl")):
            with zipfile.ZipFile(wheel) as archive:
                for member in sorted(archive.namelist()):
                    if not member.endswith("/") and not any(part in member or member.endswith(part)
                                                            for part in SKIPPED_WHEEL_MEMBERS):
                        _add(tar, f"__pypackages__/{member}", archive.read(member))
    # No name and no time in the gzip header either: same inputs, same bytes, nothing new to download.
    with open(out, "wb") as raw:
        with gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0, compresslevel=9) as packed:
            packed.write(buffer.getvalue())
    return out


def copy_fonts(site: Path, fonts: dict[str, Path]) -> None:
    """Each font the client asks for, at the path it asks for (relative to the site)."""
    for target, source in fonts.items():
        (site / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, site / target)
