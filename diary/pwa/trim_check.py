"""The build's check that trimming the app archive broke no import: every module left in it is read (with
`ast`) for the imports it can make, at the top or inside a function, and the build fails if one names a
module the archive left out, unless that import
- runs only for type checkers (`if TYPE_CHECKING:`),
- is guarded by `except ImportError` (the code copes without it), or
- is listed in KNOWN_UNREACHED with why the diary never reaches it.
An import spelled as a string (`__import__("...")`, SQLAlchemy's dialect loading by URL) is not seen; the
archive therefore trims by package only where such loading names what the diary never asks for (another
database than SQLite).
"""

from __future__ import annotations

import ast
from pathlib import Path

# (file in the archive, module it imports) → why the diary never runs that import.
KNOWN_UNREACHED = {
    ("pydantic/_internal/_generate_schema.py", "pydantic.v1"):
        "only for a type with the pydantic 1 hook __get_validators__; the diary's models have none",
    ("pydantic/_migration.py", "pydantic.v1"): "only to explain a name pydantic 2 removed, when such a name is used",
    ("flet/pytest_plugin.py", "flet.testing"): "flet's pytest plugin: pytest never runs in the browser",
}
GUARDS = {"ImportError", "ModuleNotFoundError", "Exception"}


class TrimmedImport(Exception):
    """A module left in the archive imports one the archive left out."""


def _guarded(handlers: list[ast.ExceptHandler]) -> bool:
    names = set()
    for handler in handlers:
        kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        names |= {k.id for k in kinds if isinstance(k, ast.Name)}
    return bool(names & GUARDS)


def _imports(tree: ast.AST, package: str):
    """(line, module) of every import that can run: not under TYPE_CHECKING, not guarded by except ImportError."""
    def visit(node, skipped: bool):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                yield from visit(child, skipped)
            return
        if isinstance(node, ast.Try) and _guarded(node.handlers):  # the guarded body only: a fallback can run
            for child in node.body:
                yield from visit(child, True)
            for child in [*node.handlers, *node.orelse, *node.finalbody]:
                yield from visit(child, skipped)
            return
        if not skipped and isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif not skipped and isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            yield node.lineno, base
            yield from ((node.lineno, f"{base}.{alias.name}") for alias in node.names)
        for child in ast.iter_child_nodes(node):
            yield from visit(child, skipped)
    yield from visit(tree, False)


def check_imports(folder: Path, trimmed: tuple[str, ...]) -> None:
    """Raise TrimmedImport naming each module in `folder` (the archive's packages, as sources) that can import
    one of `trimmed` (dotted module prefixes the archive left out)."""
    problems = []
    for path in sorted(folder.rglob("*.py")):
        relative = path.relative_to(folder).as_posix()
        dotted = relative.removesuffix(".py").replace("/", ".")
        package = dotted.removesuffix(".__init__") if relative.endswith("__init__.py") else dotted.rpartition(".")[0]
        tree = ast.parse(path.read_bytes(), filename=relative)
        for line, module in _imports(tree, package):
            gone = next((t for t in trimmed if module == t or module.startswith(t + ".")), None)
            if gone and (relative, gone) not in KNOWN_UNREACHED:
                problems.append(f"{relative}:{line} imports {module}")
    if problems:
        raise TrimmedImport("The app archive leaves out modules that modules it keeps import "
                            "(keep them, or list why the diary never runs that import in diary/pwa/trim_check.py):\n"
                            + "\n".join(sorted(set(problems))))
