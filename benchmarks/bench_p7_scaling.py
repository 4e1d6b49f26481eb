"""P7: the research export at 1x, 4x and 16x the data: time grows no faster than the data.

Goal: at 4x and 16x the patients, time / (data growth x time at 1x) <= 1.1, i.e. the time per
patient-year does not grow with the size of the caseload (streaming, no quadratic step).

Three clinician demo caseloads (diary/services/demo_caseload.py) of --base, 4 x --base and 16 x --base
patients x --days days are built in a temporary folder (not timed); each is exported (CSV files,
codebook, README; benchmarks/research_sides.py "export") in its own fresh process. The data growth
is measured in check-ins, not assumed from the patient count.

Run: .venv/bin/python benchmarks/bench_p7_scaling.py [--base 25] [--days 365]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from research_sides import build_caseload, run_side  # noqa: E402

GOAL = 1.1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=25, help="patients at 1x (default 25)")
    parser.add_argument("--days", type=int, default=365)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="diary-bench-p7-") as tmp:
        for factor in (1, 4, 16):
            home = Path(tmp) / f"x{factor}"
            checkins = build_caseload(home, patients=args.base * factor, days=args.days)
            result = run_side("export", home, Path(tmp) / f"out{factor}")
            rows.append((factor, args.base * factor, checkins, result))
    _, _, base_checkins, base = rows[0]
    print(f"{'scale':>5}  {'patients':>8}  {'check-ins':>10}  {'seconds':>8}  {'ms/patient':>10}  {'peak MB':>7}  "
          f"{'time growth / data growth':>25}")
    worst = 0.0
    for factor, patients, checkins, result in rows:
        growth = (result["seconds"] / base["seconds"]) / (checkins / base_checkins)
        if factor > 1:
            worst = max(worst, growth)
        print(f"{factor:>4}x  {patients:>8}  {checkins:>10,}  {result['seconds']:8.2f}  "
              f"{result['seconds'] / patients * 1e3:10.1f}  {result['peak_mb']:7.0f}  {growth:25.2f}")
    print(f"P7 export scaling (time growth / data growth, worst of 4x and 16x): {worst:.2f} (goal <= {GOAL})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
