"""The shape of the code: module and function sizes under diary/, and the layer contract's broken edges.

Run: .venv/bin/python benchmarks/structure.py [ROOT]   (ROOT: a checkout, default this one)

Not a timing benchmark (so not named bench_*.py): it prints the numbers issue 12 asked to measure before and
after the restructuring. Lines are physical lines of a file; a function's size is its `def` to its last line
(nested functions count inside their parent and on their own). The layer edges come from
tests/test_layers.py, so this script and the test judge by the same table.
"""

from __future__ import annotations

import ast
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _python_files(package: Path) -> list[Path]:
    return sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)


def _function_sizes(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(node.end_lineno - node.lineno + 1, f"{path}:{node.lineno} {node.name}")
            for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]


def _percentile(values: list[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(root: Path) -> None:
    files = _python_files(root / "diary")
    lines = {p.relative_to(root).as_posix(): len(p.read_text(encoding="utf-8").splitlines()) for p in files}
    functions = [size for p in files for size in _function_sizes(p)]
    sizes = [s for s, _ in functions]
    print(f"modules: {len(lines)}, lines: {sum(lines.values()):,}, median {statistics.median(lines.values()):.0f}, "
          f"over 300: {sum(n > 300 for n in lines.values())}")
    for name, n in sorted(lines.items(), key=lambda kv: -kv[1])[:8]:
        print(f"    {n:5d}  {name}")
    print(f"functions: {len(sizes)}, median {statistics.median(sizes):.0f} lines, 90th percentile "
          f"{_percentile(sizes, 0.9)}, over 30: {sum(s > 30 for s in sizes)}, over 50: {sum(s > 50 for s in sizes)}")
    for size, where in sorted(functions, reverse=True)[:8]:
        print(f"    {size:5d}  {Path(where).relative_to(root) if where.startswith(str(root)) else where}")
    sys.path.insert(0, str(HERE.parent))
    from tests.test_layers import broken_edges

    broken = broken_edges(root / "diary")
    print(f"layer contract: {len(broken)} broken edges")
    for edge in broken[:60]:
        print(f"    {edge}")


if __name__ == "__main__":
    report(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE.parent)
