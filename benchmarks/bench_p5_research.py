"""P5: research export of 1,000 patients x 365 days as a ratio to a plain sqlite3 CSV dump of the same rows.

Goals: export / dump <= 1.5x (wall time); the export's peak memory <= 300 MB (its process and its worker
processes together).

The caseload is the clinician demo (`diary --clinician demo --patients 1000 --days 365`,
diary/services/demo_caseload.py), built in a temporary folder (about 1.5 minutes, not timed) unless
--home names an existing one. Each side runs in its own fresh process (benchmarks/research_sides.py
says exactly what each does), alternating export/dump for --rounds rounds. The export runs as
`diary research-export` does by default: --workers (default 2) processes build the patients' rows and
the export's own process writes them (diary/research/parallel.py; --workers 1: all in one process).
Peak memory is the export process's ru_maxrss plus the workers' (interpreter and imports included;
the workers' counted as their number times the largest one's, an upper bound of their sum). Both the
wall-time ratio (the goal) and the CPU-time ratio (user + system, the workers' included: the work
done, which other jobs on a shared machine inflate far less) are printed. With --fhir, one extra
export that also writes the FHIR bundles is reported (not part of the ratio: the dump has no
counterpart for it).

Run: .venv/bin/python benchmarks/bench_p5_research.py [--patients 1000] [--days 365] [--rounds 1]
     [--home DIR] [--fhir] [--workers 2]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from research_sides import build_caseload, run_side  # noqa: E402

GOAL, MEMORY_GOAL_MB = 1.5, 300


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=1000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--rounds", type=int, default=1, help="export/dump pairs (default 1)")
    parser.add_argument("--home", help="an existing clinician home to export (default: build one)")
    parser.add_argument("--fhir", action="store_true", help="also time an export with the FHIR bundles")
    parser.add_argument("--workers", type=int, default=2, help="the export's worker processes (default 2; 1: none)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="diary-bench-p5-") as tmp:
        work = Path(tmp)
        if args.home:
            home = Path(args.home)
            print(f"caseload: {home}")
        else:
            home = work / "caseload"
            t0 = time.perf_counter()
            checkins = build_caseload(home, patients=args.patients, days=args.days)
            print(f"caseload: {args.patients} patients x {args.days} days, {checkins:,} check-ins "
                  f"(built in {time.perf_counter() - t0:.0f} s, not timed)")
        results = {"export": [], "dump": []}
        for i in range(args.rounds):
            for side in (("export", "dump") if i % 2 == 0 else ("dump", "export")):
                out = work / f"{side}-{i}"
                results[side].append(run_side(side, home, out, args.workers))
                shutil.rmtree(out)
        fhir = None
        if args.fhir:
            fhir = run_side("fhir", home, work / "fhir", args.workers)
            size = sum(p.stat().st_size for p in (work / "fhir").rglob("*") if p.is_file())
            shutil.rmtree(work / "fhir")
    print(f"{'':<32}  {'median s':>8}  {'cpu s':>7}  {'peak MB':>7}  {'rows':>10}")
    for side, label in (("export", "research export (CSV)"), ("dump", "sqlite3 CSV dump")):
        r = results[side]
        print(f"{label:<32}  {statistics.median(x['seconds'] for x in r):8.1f}  "
              f"{statistics.median(x['cpu_seconds'] for x in r):7.1f}  {max(x['peak_mb'] for x in r):7.0f}  "
              f"{r[0]['rows']:>10,}")
    if fhir:
        print(f"{'research export (CSV + FHIR)':<32}  {fhir['seconds']:8.1f}  {fhir['cpu_seconds']:7.1f}  "
              f"{fhir['peak_mb']:7.0f}  "
              f"{fhir['rows']:>10,}  ({size / 2**20:,.0f} MiB written)")
    ratio, cpu_ratio = (statistics.median(x[key] for x in results["export"]) /
                        statistics.median(x[key] for x in results["dump"]) for key in ("seconds", "cpu_seconds"))
    peak = max(x["peak_mb"] for x in results["export"] + ([fhir] if fhir else []))
    worst = max(results["export"] + ([fhir] if fhir else []), key=lambda x: x["peak_mb"])
    workers = f"{args.workers} workers" if args.workers > 1 else "no workers"
    print(f"export peak memory: {worst['parent_mb']:.0f} MB its own process + {args.workers if worst['worker_mb'] else 0}"
          f" x {worst['worker_mb']:.0f} MB its workers' (the largest)")
    print(f"P5 research export ratio (export / sqlite3 CSV dump, {args.patients} patients x {args.days} days, {workers}): "
          f"{ratio:.2f}x (goal <= {GOAL}x; CPU time {cpu_ratio:.2f}x); peak memory {peak:.0f} MB, workers included "
          f"(goal <= {MEMORY_GOAL_MB} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
