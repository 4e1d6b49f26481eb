"""What the build puts into the site besides Flet's client: libsodium as one ES module, the fonts, and
the app archive (the diary package and its wheels, which the Python worker unpacks).

The archive is described by an `App`: its main.py, and whether the diary package goes in (the benchmarks
build a bare Flet app into a site the same way, to compare start times). The diary goes in without what
only the desktop runs (DESKTOP_ONLY): the command line, the local server, the matplotlib renderers, PyNaCl,
this build code. tests/ui/test_phone_app.py makes exactly those unimportable and runs every screen.
"""

from __future__ import annotations

import gzip
import io
import shutil
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from diary.i18n.babel_data import needed as babel_needed  # Babel's files for the app's languages only
from diary.pwa.site import ENTRY_SCRIPT
from diary.pwa.toolchain import REPO, run_tool
from diary.pwa.trim_check import check_imports

SODIUM_FILE = "libsodium/sodium.mjs"



@dataclass(frozen=True)
class App:
    """What goes into app.tar.gz: main.py (the worker runs it as __main__; everything else lives in
    __pypackages__, on sys.path there), whether the diary package does, and which of the browser's wheels
    (project names as in their file names, e.g. "flet"; None: all of them)."""

    name: str
    main_py: bytes
    with_diary: bool = True
    wheels: tuple[str, ...] | None = None

    def takes(self, wheel: Path) -> bool:
        return self.wheels is None or wheel.name.split("-")[0].lower() in self.wheels


DIARY_APP = App("diary", b'''"""The diary in the browser: see diary/pwa/entry.py."""
from diary.pwa.entry import start

if __name__ == "__main__":
    start()
''')
# The diary's files the browser never imports (paths relative to the repository; a folder ends in "/").
DESKTOP_ONLY = (
    "diary/cli/", "diary/assets/", "diary/__main__.py", "diary/app.py", "diary/web_server.py",
    "diary/server_guard.py", "diary/zoom.py", "diary/closed_tabs.py", "diary/ui/flet_entry.py", "diary/platform/crypto_pynacl.py",
    "diary/reports/charts.py", "diary/reports/body_heatmap.py", "diary/reports/style.py",
    "diary/reports/summary_pdf.py", "diary/reports/pdf_goals.py",
    "diary/pwa/build.py", "diary/pwa/bundle.py", "diary/pwa/fonts.py", "diary/pwa/report.py", "diary/pwa/serve.py",
    "diary/pwa/service_worker.py", "diary/pwa/site.py", "diary/pwa/toolchain.py", "diary/pwa/trim_check.py",
    "diary/pwa/webclient.py",
    "diary/pwa/compile_pyc.mjs", "diary/pwa/generate_sw.mjs",
)
SKIPPED_IN_ARCHIVE = ("__pycache__", "*.pyc", "py.typed", "*.po", "*.pot")  # catalogs: the compiled .mo only
# Never imported in the browser: type stubs, bills of materials, SQLAlchemy's other databases, its test kit
# (and SQLite's provisioning for it) and mypy plugin, pydantic 1's compatibility copy, Flet's test driver.
# trim_check.check_imports fails the build if a module left in imports one of these.
SKIPPED_WHEEL_MEMBERS = (".pyi", "/sboms/", "__pycache__", "sqlalchemy/dialects/mssql/", "sqlalchemy/dialects/mysql/",
                         "sqlalchemy/dialects/oracle/", "sqlalchemy/dialects/postgresql/", "sqlalchemy/testing/",
                         "sqlalchemy/dialects/sqlite/provision.py", "sqlalchemy/ext/mypy/", "pydantic/v1/",
                         "flet/testing/")
TRIMMED_MODULES = tuple(m.strip("/").removesuffix(".py").replace("/", ".") for m in SKIPPED_WHEEL_MEMBERS
                        if m[0].isalpha() and (m.endswith("/") or m.endswith(".py")))
# A wheel's .dist-info holds what pip needs (RECORD, METADATA, ...), which nothing in the browser reads (no
# package of the archive asks importlib.metadata about itself); its licence files stay with the code.
LICENCE_WORDS = ("LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS")


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


def _desktop_only(relative: str) -> bool:
    return any(relative == p or (p.endswith("/") and relative.startswith(p)) for p in DESKTOP_ONLY)


def _package_files(root: Path):
    for path in sorted(root.rglob("*")):
        if (path.is_file() and not any(path.match(p) or p in path.parts for p in SKIPPED_IN_ARCHIVE)
                and not _desktop_only(path.relative_to(REPO).as_posix())):
            yield path


def stage_packages(folder: Path, wheels: Path, *, app: App = DIARY_APP) -> Path:
    """The app's packages in `folder` (what becomes __pypackages__): the unpacked wheels, and the diary
    package less DESKTOP_ONLY when the app has it."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for path in _package_files(REPO / "diary") if app.with_diary else ():
        target = folder / path.relative_to(REPO)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    for wheel in sorted(w for w in wheels.glob("*.whl") if app.takes(w)):
        with zipfile.ZipFile(wheel) as archive:
            for member in archive.namelist():
                if _kept_member(member):
                    target = folder / member
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(archive.read(member))
    check_imports(folder, TRIMMED_MODULES)
    return folder


def _kept_member(member: str) -> bool:
    """Whether a wheel's file goes into the archive (see SKIPPED_WHEEL_MEMBERS, LICENCE_WORDS)."""
    if member.endswith("/") or any(part in member for part in SKIPPED_WHEEL_MEMBERS):
        return False
    if ".dist-info/" in member:
        return any(word in member.upper() for word in LICENCE_WORDS)
    return not member.startswith("babel/") or babel_needed(member)


def compile_bytecode(folder: Path, pyodide: Path) -> None:
    """Compile every module in `folder`, and the site's standard library (`pyodide`/python_stdlib.zip, which
    Pyodide ships as sources), with the site's Pyodide run in Node, keeping only the bytecode: the browser
    then imports it instead of compiling some 1,300 modules at every start (seconds on a phone).
    Tracebacks in the browser show file and line, not the source text."""
    script = Path(__file__).with_name("compile_pyc.mjs")
    run_tool(["node", str(script), str(pyodide), str(folder)], "Compiling the app's Python for the browser")


def app_archive(out: Path, packages: Path, *, app: App = DIARY_APP) -> Path:
    """`app.tar.gz`: the app's main.py, and in __pypackages__/ everything in `packages` (stage_packages).

    No requirements.txt and no pyproject.toml, so the worker never starts micropip (which would fetch).
    """
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        _add(tar, ENTRY_SCRIPT, app.main_py)
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
