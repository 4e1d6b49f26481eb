"""Shared by bench_p5_research.py and bench_p7_scaling.py: the demo caseload and the two timed sides.

Each side runs in a fresh process (`python benchmarks/research_sides.py SIDE HOME OUT [WORKERS]`) so its
peak memory (ru_maxrss) is its own; it prints one JSON line: seconds (wall), cpu_seconds (user + system
time of the process and of its worker processes, which other jobs on a shared machine inflate far less),
peak_mb (the process's peak plus WORKERS times the largest worker's peak: at least the sum of their peaks,
which the kernel does not report one by one; pages a forked worker shares with the parent count twice),
parent_mb, worker_mb, rows.

export  diary.services.research_export.export_data_set(diary, OUT, fhir=False, workers=WORKERS) on the
        clinician home, what `diary research-export --no-fhir --workers WORKERS` does: every patient read
        through the caseload (one PatientRecord at a time, its check-ins as stored rows), de-identified,
        the tidy CSV files, codebook and README written; WORKERS (default 1) > 1: the patients' rows built
        by that many forked processes (diary/research/parallel.py), written by this one.
fhir    the same with the FHIR bundles as well (reported, not part of the ratio).
dump    a plain sqlite3 CSV dump of the same rows: SELECT * from each table that holds the patients'
        data (patient_checkin, patient_checkin_region, patient_questionnaire, patient_goal,
        patient_goal_rating, patient_plan_activity, clinician_goal_rating), csv.writer, one file each.
"""

from __future__ import annotations

import csv
import json
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TABLES = ("patient_checkin", "patient_checkin_region", "patient_questionnaire", "patient_goal",
          "patient_goal_rating", "patient_plan_activity", "clinician_goal_rating")
SALT = bytes(range(32))


def build_caseload(home: Path, *, patients: int, days: int, seed: int = 1) -> int:
    """A clinician home with `patients` demo patients (diary --clinician demo); returns check-ins."""
    from diary.services.bootstrap import open_diary
    from diary.services.demo_caseload import fill_demo_caseload

    diary = open_diary(home, role="clinician")
    try:
        return fill_demo_caseload(diary, patients=patients, days=days, seed=seed).checkins
    finally:
        diary.close()


def _export(home: Path, out: Path, fhir: bool, workers: int) -> int:
    from diary.research.pseudonyms import SALT_HEADER
    from diary.services.bootstrap import open_diary
    from diary.services.research_export import export_data_set

    salt_file = out.parent / f".{out.name}-salt.txt"
    salt_file.write_text(f"{SALT_HEADER}\n{SALT.hex()}\n")
    diary = open_diary(home)
    try:
        summary = export_data_set(diary, out, fhir=fhir, salt_file=salt_file, workers=workers)
    finally:
        diary.close()
        salt_file.unlink()
    return sum(summary.rows.values())


def _dump(home: Path, out: Path) -> int:
    from diary.storage.database import DB_FILENAME

    out.mkdir()
    rows = 0
    connection = sqlite3.connect(f"file:{home / DB_FILENAME}?mode=ro", uri=True)
    for table in TABLES:
        cursor = connection.execute(f"SELECT * FROM {table}")
        with open(out / f"{table}.csv", "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow([d[0] for d in cursor.description])
            for row in cursor:
                writer.writerow(row)
                rows += 1
    connection.close()
    return rows


def _cpu() -> float:
    """User + system seconds of this process and of its ended (joined) worker processes."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_side(side: str, home: Path, out: Path, workers: int = 1) -> dict:
    """Run one side in a fresh interpreter; returns its JSON result."""
    result = subprocess.run([sys.executable, __file__, side, str(home), str(out), str(workers)], capture_output=True,
                            text=True, cwd=ROOT)
    if result.returncode != 0:
        raise RuntimeError(f"{side} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    side, home, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    workers = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    # Imports are neither side's work: load them before the clock starts.
    import diary.storage.database  # noqa: F401
    if side != "dump":
        import diary.research  # noqa: F401
        import diary.research.parallel  # noqa: F401
        import diary.services.bootstrap  # noqa: F401
        import diary.services.research_export  # noqa: F401
    start, cpu_start, parent_cpu_start = time.perf_counter(), _cpu(), time.process_time()
    rows = _dump(home, out) if side == "dump" else _export(home, out, fhir=side == "fhir", workers=workers)
    seconds, cpu_seconds = time.perf_counter() - start, _cpu() - cpu_start
    own = resource.getrusage(resource.RUSAGE_SELF)
    parent_mb, parent_cpu = own.ru_maxrss / 1024, own.ru_utime + own.ru_stime - parent_cpu_start
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest; 0 without workers
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "peak_mb": parent_mb + workers * worker_mb
                      if worker_mb else parent_mb, "parent_mb": parent_mb, "worker_mb": worker_mb, "parent_cpu_seconds": parent_cpu,
                      "rows": rows,
                      "workers": workers}))
