"""The layer contract: which of our packages may import which, read from the source with `ast`.

The table is shared/reference/architecture.md's "Dependency direction", written out per layer:

    domain      → the standard library and pydantic only (nothing of ours outside domain)
    storage     → domain (+ sqlmodel)
    exchange    → domain + the crypto adapter (the platform package, never an implementation module)
    reports     → domain (values in, bytes out; never storage or services)
    research    → domain (values in, files out; never storage or services) + the crypto adapter and durable
                  file writes of the platform (its sealed files and its one sentence for a full disk)
    platform    → domain, reports (the desktop's chart renderer is reports' matplotlib renderer)
    services    → domain, storage, exchange, reports, research, platform, config
    ui/state    → services, domain (no flet); ui/text, the words they are made of
    ui          → ui/state + flet, the platform package, and the domain values the states carry;
                  never services, storage, exchange, reports or research
    cli         → services, domain, config, and the entry points (app.py serves the app, pwa/ builds the
                  phone app); never ui or storage
    config      → domain, and the platform for where a diary lives by default
    entry       → app.py (with web_server.py and server_guard.py, which serve it), __main__.py,
                  ui/flet_entry.py and pwa/ (the phone app's site build and its start in the browser) wire
                  everything, but never storage

`diary` itself (`__version__`) may be imported by every layer. An import inside a function counts as
much as one at the top; so does one under `if TYPE_CHECKING:`. Besides the table, the platform seams
hold: outside diary/platform/ no module imports nacl, starts a thread (threading.Thread,
asyncio.to_thread, page.run_thread), opens a file dialog (ft.FilePicker) or imports a platform
implementation module (only the package and its interface modules). And for the phone app: outside
diary/platform/ and the browser's entry point (diary/pwa/entry.py, contract_hook.py) no module imports
a browser bridge (js, pyodide, pyodide_js, flet_js) or asks whether it runs in Pyodide (`is_pyodide()`,
a comparison with "pyodide" or "emscripten"): screens ask `current().features` instead.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "diary"

# Most specific prefix first.
LAYER_OF = [
    ("diary.ui.flet_entry", "entry"), ("diary.app", "entry"), ("diary.__main__", "entry"),
    ("diary.web_server", "entry"), ("diary.server_guard", "entry"), ("diary.zoom", "entry"), ("diary.closed_tabs", "entry"),
    ("diary.pwa", "entry"),
    ("diary.ui.state", "ui/state"), ("diary.ui.text", "ui/text"), ("diary.ui.clinician.text", "ui/text"),
    ("diary.domain", "domain"), ("diary.instruments", "domain"), ("diary.storage", "storage"),
    ("diary.exchange", "exchange"), ("diary.reports", "reports"), ("diary.research", "research"),
    ("diary.services", "services"), ("diary.platform", "platform"), ("diary.ui", "ui"), ("diary.cli", "cli"),
    ("diary.config", "config"), ("diary", "root"),
]
EVERYTHING = {"domain", "storage", "exchange", "reports", "research", "services", "platform", "ui/state", "ui/text",
              "ui", "cli", "config", "entry", "root"}
ALLOWED: dict[str, set[str]] = {
    "root": {"root"},
    "domain": {"domain"},
    "config": {"domain", "platform"},
    "storage": {"domain"},
    "exchange": {"domain", "platform"},
    "reports": {"domain"},
    "research": {"domain", "platform"},
    "platform": {"domain", "reports"},
    "services": {"domain", "storage", "exchange", "reports", "research", "platform", "config"},
    "ui/text": {"domain"},
    "ui/state": {"services", "domain", "ui/text"},
    "ui": {"ui/state", "ui/text", "domain", "platform"},
    "cli": {"services", "domain", "config", "entry"},
    "entry": EVERYTHING - {"storage"},
}
# The platform modules anyone allowed to use the platform may import; the rest are implementations,
# chosen once inside the package (diary/platform/__init__.py).
# Libraries outside ours: the domain may use pydantic only; below the UI nothing touches Flet.
DOMAIN_LIBRARIES = {"pydantic", "pydantic_core", "annotated_types"}
NO_FLET = {"domain", "storage", "exchange", "reports", "research", "services", "ui/state", "ui/text", "config"}
PLATFORM_INTERFACE = {"diary.platform", "diary.platform.crypto", "diary.platform.seams", "diary.platform.durable"}
THREAD_STARTERS = {"Thread", "to_thread", "run_thread"}
BROWSER_BRIDGES = {"js", "pyodide", "pyodide_js", "flet_js"}
BROWSER_ENTRY = {"diary.pwa.entry", "diary.pwa.contract_hook"}
RUNTIME_QUESTIONS = {"is_pyodide", "is_emscripten", "IS_PYODIDE"}
RUNTIME_NAMES = ("pyodide", "emscripten")


def layer_of(module: str) -> str:
    return next(layer for prefix, layer in LAYER_OF if module == prefix or module.startswith(prefix + "."))


def module_name(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(tree: ast.AST, module: str, is_package: bool, package: Path) -> list[tuple[int, str]]:
    """(line, imported module) for every import in the file, relative ones resolved; `from diary.ui import
    text` counts as importing diary.ui.text."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = module.split(".")[: len(module.split(".")) - node.level + (1 if is_package else 0)]
                base = ".".join([*parent, *([base] if base else [])])
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                path = package.parent.joinpath(*submodule.split("."))
                found.append((node.lineno, submodule if path.is_dir() or path.with_suffix(".py").exists() else base))
    return found


def _sources(package: Path):
    for path in sorted(package.rglob("*.py")):
        if "__pycache__" not in path.parts:
            yield path, module_name(path, package), ast.parse(path.read_text(encoding="utf-8"), str(path))


def broken_edges(package: Path = PACKAGE) -> list[str]:
    """Every import that breaks the table or a platform seam, as "module:line → imported (why)"."""
    broken: list[str] = []
    for path, module, tree in _sources(package):
        here = layer_of(module)
        in_platform = here == "platform"
        for line, target in _imports(tree, module, path.name == "__init__.py", package):
            where = f"{module}:{line} → {target}"
            if target == "nacl" or target.startswith("nacl."):
                if not in_platform:
                    broken.append(f"{where} (nacl only inside diary/platform)")
                continue
            if target.split(".")[0] in BROWSER_BRIDGES:
                if not in_platform and module not in BROWSER_ENTRY:
                    broken.append(f"{where} (browser bridges only inside diary/platform and the browser entry)")
                continue
            if target != "diary" and not target.startswith("diary."):
                broken += _library_edge(here, where, target)
                continue
            there = layer_of(target)
            if there not in (here, "root") and there not in ALLOWED[here]:
                broken.append(f"{where} ({here} may not import {there})")
            elif there == "platform" and not in_platform and target not in PLATFORM_INTERFACE:
                broken.append(f"{where} (a platform implementation; use the diary.platform package)")
        if not in_platform:
            broken += _seam_calls(tree, module)
    return list(dict.fromkeys(broken))  # `from x import a, b` is one edge


def _library_edge(here: str, where: str, target: str) -> list[str]:
    top = target.split(".")[0]
    if here == "domain" and top not in DOMAIN_LIBRARIES and top not in sys.stdlib_module_names:
        return [f"{where} (the domain uses the standard library and pydantic only)"]
    if here in NO_FLET and top == "flet":
        return [f"{where} ({here} never imports Flet)"]
    return []


def _asks_for_the_runtime(node: ast.AST) -> bool:
    """`x == "emscripten"`, `"pyodide" in sys.modules` and the like."""
    return isinstance(node, ast.Compare) and any(
        isinstance(part, ast.Constant) and isinstance(part.value, str) and part.value.lower() in RUNTIME_NAMES
        for part in [node.left, *node.comparators])


def _seam_calls(tree: ast.AST, module: str) -> list[str]:
    """Threads started, file dialogs opened and the runtime asked about outside the platform package."""
    found = []
    for node in ast.walk(tree):
        name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else None
        if name in THREAD_STARTERS:
            found.append(f"{module}:{node.lineno} → {name} (background work goes through diary.platform)")
        elif name == "FilePicker":
            found.append(f"{module}:{node.lineno} → FilePicker (files reach the user through diary.platform)")
        elif name in RUNTIME_QUESTIONS or _asks_for_the_runtime(node):
            found.append(f"{module}:{node.lineno} → asks whether it runs in Pyodide (ask current().features)")
    return found


def test_every_module_keeps_the_layer_contract():
    broken = broken_edges()
    assert not broken, "imports that break the layer contract (architecture.md):\n" + "\n".join(broken)


def _is_type_name(node: ast.AST) -> bool:
    """`type(x).__name__`."""
    return (isinstance(node, ast.Attribute) and node.attr == "__name__" and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name) and node.value.func.id == "type")


def test_no_module_judges_an_exception_by_its_class_name():
    """Failures are DiaryError subclasses at the service boundary, not class names compared as strings."""
    found = [f"{module}:{node.lineno}" for path, module, tree in _sources(PACKAGE) for node in ast.walk(tree)
             if isinstance(node, ast.Compare) and any(map(_is_type_name, [node.left, *node.comparators]))]
    assert not found, f"type(exc).__name__ compared at {found}"


@pytest.mark.parametrize(("source", "expected"), [
    ("from diary.storage.database import DB_FILENAME", "ui may not import storage"),
    ("import nacl.public", "nacl only inside diary/platform"),
    ("from diary.platform.crypto_pynacl import PyNaclSodium", "a platform implementation"),
    ("import asyncio\nasync def f(x):\n    await asyncio.to_thread(x)", "background work goes through"),
    ("from diary.services.backup import read_backup", "ui may not import services"),
    ("import js", "browser bridges only inside diary/platform"),
    ("from pyodide.ffi import to_js", "browser bridges only inside diary/platform"),
    ("from diary.platform.browser import BrowserPlatform", "a platform implementation"),
    ("from diary.platform.canvas_charts import CanvasCharts", "a platform implementation"),
    ("import sys\nIN_BROWSER = sys.platform == 'emscripten'", "asks whether it runs in Pyodide"),
    ("import sys\nIN_BROWSER = 'pyodide' in sys.modules", "asks whether it runs in Pyodide"),
    ("from flet.utils import is_pyodide\nX = is_pyodide()", "asks whether it runs in Pyodide"),
])
def test_the_walk_finds_a_broken_edge(tmp_path, source, expected):
    """The test above can fail: a screen with one bad line is caught and named."""
    package = tmp_path / "diary"
    (package / "ui" / "screens").mkdir(parents=True)
    for folder in (package, package / "ui", package / "ui" / "screens"):
        (folder / "__init__.py").write_text("")
    (package / "ui" / "screens" / "bad.py").write_text(source + "\n")
    broken = broken_edges(package)
    assert len(broken) == 1 and expected in broken[0] and broken[0].startswith("diary.ui.screens.bad:")


def test_a_state_module_with_flet_is_caught(tmp_path):
    package = tmp_path / "diary"
    (package / "ui" / "state").mkdir(parents=True)
    for folder in (package, package / "ui", package / "ui" / "state"):
        (folder / "__init__.py").write_text("")
    (package / "ui" / "state" / "bad.py").write_text("import flet as ft\n")
    assert broken_edges(package) == ["diary.ui.state.bad:1 → flet (ui/state never imports Flet)"]


def test_every_layer_in_the_table_is_a_folder_or_module_that_exists():
    for prefix, _ in LAYER_OF:
        relative = prefix.replace(".", "/")
        assert (PACKAGE.parent / relative).is_dir() or (PACKAGE.parent / f"{relative}.py").exists(), prefix
