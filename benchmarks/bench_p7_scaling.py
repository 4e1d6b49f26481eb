"""P7: the research export at 1x, 4x, 16x and 64x the data: time grows no faster than the data.

Goal: at every larger scale, time / (data growth x time at 1x) <= 1.1, i.e. the time per
patient-year does not grow with the size of the caseload (streaming, no quadratic step), and the peak
memory stays flat.

Clinician demo caseloads (diary/services/demo_caseload.py) of --base times each of --scales patients x
--days days (default 25 x 1, 4, 16, 64: 25 to 1,600 patients) are built in a temporary folder (not timed;
64x takes a few minutes); each is exported (CSV files,
codebook, README; benchmarks/research_sides.py "export") in its own fresh process. The data growth
is measured in check-ins, not assumed from the patient count. The export runs with --workers worker
processes (default 2, as `diary research-export` on a machine with 2 cores; 1: none). The growth is judged
on each export's CPU time (user + system of its process and its workers): on a shared machine other jobs
stretch the wall time of a long run far more than a short one's. Both are printed; peak memory is the
export's process plus its workers' (research_sides.py).

Run: .venv/bin/python benchmarks/bench_p7_scaling.py [--base 25] [--days 365] [--scales 1,4,16,64] [--workers 2]
"""

from __future__ import annotations

import argparse
import shutil
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
    parser.add_argument("--scales", default="1,4,16,64", help="multiples of --base, the first is 1x (default 1,4,16,64)")
    parser.add_argument("--workers", type=int, default=2, help="the export's worker processes (default 2; 1: none)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="diary-bench-p7-") as tmp:
        for factor in (int(s) for s in args.scales.split(",")):
            home = Path(tmp) / f"x{factor}"
            checkins = build_caseload(home, patients=args.base * factor, days=args.days)
            result = run_side("export", home, Path(tmp) / f"out{factor}", args.workers)
            rows.append((factor, args.base * factor, checkins, result))
            shutil.rmtree(Path(tmp) / f"out{factor}")
            shutil.rmtree(home)  # a 64x home is a few hundred MB: keep one at a time on disk
    _, _, base_checkins, base = rows[0]
    print(f"{'scale':>5}  {'patients':>8}  {'check-ins':>10}  {'seconds':>8}  {'cpu s':>7}  {'ms/patient':>10}  "
          f"{'peak MB':>7}  {'growth (wall)':>13}  {'growth (cpu)':>12}")
    worst = worst_wall = 0.0
    for factor, patients, checkins, result in rows:
        data = checkins / base_checkins
        growth = (result["cpu_seconds"] / base["cpu_seconds"]) / data
        growth_wall = (result["seconds"] / base["seconds"]) / data
        if factor > 1:
            worst, worst_wall = max(worst, growth), max(worst_wall, growth_wall)
        print(f"{factor:>4}x  {patients:>8}  {checkins:>10,}  {result['seconds']:8.2f}  {result['cpu_seconds']:7.2f}  "
              f"{result['cpu_seconds'] / patients * 1e3:10.1f}  {result['peak_mb']:7.0f}  {growth_wall:13.2f}  "
              f"{growth:12.2f}")
    peaks = [result["peak_mb"] for *_, result in rows]
    print(f"P7 export scaling (CPU time growth / data growth, worst of {', '.join(f'{f}x' for f, *_ in rows[1:])}): "
          f"{worst:.2f} (goal <= {GOAL}; wall time {worst_wall:.2f}); peak memory {min(peaks):.0f}-{max(peaks):.0f} MB"
          f"{f' ({args.workers} workers included)' if args.workers > 1 else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
