"""Run every benchmarks/bench_*.py in turn with this interpreter and print their output.

Run: .venv/bin/python benchmarks/run_all.py   (or `make bench`)
Exits non-zero if any benchmark fails to run (a missed goal is reported, not a failure).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if not scripts:
        print(f"no bench_*.py in {HERE}")
        return 1
    failed = []
    for script in scripts:
        print(f"=== {script.name} ===", flush=True)
        start = time.perf_counter()
        status = subprocess.run([sys.executable, str(script)], cwd=HERE.parent).returncode
        print(f"--- {script.name}: {'ok' if status == 0 else f'FAILED (exit {status})'} "
              f"in {time.perf_counter() - start:.1f} s\n", flush=True)
        if status != 0:
            failed.append(script.name)
    if failed:
        print(f"failed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
