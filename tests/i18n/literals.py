"""Find user-facing string literals outside the catalogs, with `ast`: text given to a Flet control's
constructor, and text the command line prints. Words belong in the text modules or in _() calls, so that
they reach the catalogs and read in the user's language."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "diary"
LETTERS = re.compile(r"[A-Za-zÅÄÖåäö]{2,}")
# Keywords whose string a person reads (value only where it is the text: Text and TextSpan).
TEXT_KEYWORDS = {"label", "text", "tooltip", "hint_text", "helper_text", "error_text", "semantics_label", "title",
                 "subtitle", "prefix_text", "suffix_text", "counter_text", "content", "placeholder_text", "message"}
TEXT_VALUE_CONTROLS = {"Text", "TextSpan", "SnackBar"}
PRINTERS = {"print", "fail", "error", "exit", "SystemExit", "write"}


@dataclass(frozen=True)
class Literal:
    where: str  # path:line
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.text!r}"


def _words(node: ast.AST) -> str | None:
    """The literal text of a string or f-string argument, if it has words in it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if LETTERS.search(node.value) else None
    if isinstance(node, ast.JoinedStr):
        fixed = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        return fixed if LETTERS.search(fixed) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _words(node.left) or _words(node.right)
    if isinstance(node, ast.IfExp):
        return _words(node.body) or _words(node.orelse)
    return None


def _control_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr[:1].isupper():
        base = func.value
        while isinstance(base, ast.Attribute):
            base = base.value
        if isinstance(base, ast.Name) and base.id == "ft":
            return func.attr
    return None


def _control_literals(call: ast.Call, name: str) -> list[ast.AST]:
    found = [arg for arg in call.args[:1]] if name in TEXT_VALUE_CONTROLS else []
    for keyword in call.keywords:
        if keyword.arg in TEXT_KEYWORDS or (keyword.arg == "value" and name in TEXT_VALUE_CONTROLS):
            found.append(keyword.value)
    return found


def _printed(call: ast.Call) -> list[ast.AST]:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    return list(call.args[:1]) if name in PRINTERS else []


def literals_in(path: Path, *, controls: bool, prints: bool) -> list[Literal]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        candidates = []
        if controls and (name := _control_name(node)):
            candidates += _control_literals(node, name)
        if prints:
            candidates += _printed(node)
        for arg in candidates:
            text = _words(arg)
            if text is not None:
                found.append(Literal(f"{path.relative_to(PACKAGE.parent)}:{arg.lineno}", text))
    return found


def ui_files() -> list[Path]:
    return sorted(p for p in (PACKAGE / "ui").rglob("*.py") if p.name != "text.py")


def cli_files() -> list[Path]:
    return sorted([*(PACKAGE / "cli").rglob("*.py"), PACKAGE / "app.py", PACKAGE / "__main__.py"])


def all_literals() -> list[Literal]:
    return ([lit for p in ui_files() for lit in literals_in(p, controls=True, prints=False)]
            + [lit for p in cli_files() for lit in literals_in(p, controls=False, prints=True)])


if __name__ == "__main__":
    for literal in all_literals():
        print(literal)


def _user_errors(files: list[Path]) -> set[str]:
    """The names of the exception classes a user reads: DiaryError and every class made from it."""
    bases: dict[str, set[str]] = {}
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(
                    b.id if isinstance(b, ast.Name) else b.attr for b in node.bases
                    if isinstance(b, (ast.Name, ast.Attribute)))
    found = {"DiaryError"}
    while grown := {name for name, of in bases.items() if of & found} - found:
        found |= grown
    return found


def raised_literals() -> list[Literal]:
    """Words raised in an error the user reads (a DiaryError) without the catalogs: `raise NotFound("...")`
    rather than `raise NotFound(Sentence("..."))` (the domain) or `raise NotFound(_("..."))`."""
    files = sorted(PACKAGE.rglob("*.py"))
    errors = _user_errors(files)
    found = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
                func = node.exc.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                if name in errors and (text := _words(node.exc.args[0])) is not None:
                    found.append(Literal(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}", text))
    return found
