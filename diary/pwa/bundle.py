"""What the build puts into the site besides Flet's client: libsodium as one ES module, the fonts, and
the app archive (the diary package and its wheels, which the Python worker unpacks)."""

from __future__ import annotations

import gzip
import io
import shutil
import tarfile
import zipfile
from pathlib import Path

from diary.pwa.site import ENTRY_SCRIPT
from diary.pwa.toolchain import REPO, run_tool

SODIUM_FILE = "libsodium/sodium.mjs"

# The worker runs main.py as __main__; everything else lives in __pypackages__ (on sys.path there).
MAIN_PY = b'''"""The diary in the browser: see diary/pwa/entry.py."""
from diary.pwa.entry import start

if __name__ == "__main__":
    start()
'''
SKIPPED_IN_ARCHIVE = ("__pycache__", "*.pyc", "py.typed")
# Never imported in the browser: type stubs, bills of materials, SQLAlchemy's other databases and test kit.
SKIPPED_WHEEL_MEMBERS = (".pyi", "/sboms/", "__pycache__", "sqlalchemy/dialects/mssql/", "sqlalchemy/dialects/mysql/",
                         "sqlalchemy/dialects/oracle/", "sqlalchemy/dialects/postgresql/", "sqlalchemy/testing/")


def bundle_libsodium(site: Path, node_modules: Path) -> Path:
    """libsodium-wrappers-sumo bundled with its libsodium into one ES module (a worker cannot resolve
    the bare `libsodium-sumo` import of the npm build)."""
    entry = node_modules / "libsodium-wrappers-sumo" / "dist" / "modules-sumo-esm" / "libsodium-wrappers.mjs"
    out = site / SODIUM_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    esbuild = node_modules / ".bin" / "esbuild"
    run_tool([str(esbuild), str(entry), "--bundle", "--format=esm", "--platform=browser", "--minify",
              "--log-level=error", f"--outfile={out}"], "Bundling libsodium", cwd=node_modules.parent)
    return out


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), 0o644, 0  # no timestamps: same inputs, same archive
    tar.addfile(info, io.BytesIO(data))


def _package_files(root: Path):
    for path in sorted(root.rglob("*")):
        if path.is_file() and not any(path.match(p) or p in path.parts for p in SKIPPED_IN_ARCHIVE):
            yield path


def stage_packages(folder: Path, wheels: Path) -> Path:
    """The diary package and the unpacked wheels in `folder` (what becomes __pypackages__)."""
    shutil.rmtree(folder, ignore_errors=True)
    for path in _package_files(REPO / "diary"):
        target = folder / path.relative_to(REPO)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    for wheel in sorted(wheels.glob("*.whl")):
        with zipfile.ZipFile(wheel) as archive:
            for member in archive.namelist():
                if not member.endswith("/") and not any(part in member for part in SKIPPED_WHEEL_MEMBERS):
                    target = folder / member
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(archive.read(member))
    return folder


def compile_bytecode(folder: Path, pyodide: Path) -> None:
    """Compile every module in `folder` with the site's Pyodide, run in Node, keeping only the bytecode:
    the browser then imports it instead of compiling some 900 modules at every start (seconds on a
    phone). Tracebacks in the browser show file and line, not the source text."""
    script = Path(__file__).with_name("compile_pyc.mjs")
    run_tool(["node", str(script), str(pyodide), str(folder)], "Compiling the app's Python for the browser")


def app_archive(out: Path, packages: Path) -> Path:
    """`app.tar.gz`: main.py, and in __pypackages__/ everything in `packages` (see stage_packages).

    No requirements.txt and no pyproject.toml, so the worker never starts micropip (which would fetch).
    """
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        _add(tar, ENTRY_SCRIPT, MAIN_PY)
        for path in sorted(p for p in packages.rglob("*") if p.is_file()):
            _add(tar, f"__pypackages__/{path.relative_to(packages).as_posix()}", path.read_bytes())
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
