"""P2: saving a check-in through the service, committed, as a ratio to a raw sqlite3 INSERT + COMMIT.

Goal: service / raw sqlite3 <= 1.5x (median time per save).

service  diary.log.record(day=..., pain=6, stress=4, regions=["neck", "lower_back"], moderate_min=20,
         note="Walked to the shop") on a diary home opened with open_diary(): validation, the
         day's existing check-ins read (to mark extra ones), then the insert in one committed
         transaction through SQLModel/SQLAlchemy.
raw      the same values on a second diary home's file through a plain sqlite3 connection with the
         same pragmas (apply_pragmas: WAL, synchronous=FULL, foreign keys, busy timeout):
         BEGIN IMMEDIATE; INSERT the checkin row and its 2 checkin_region rows; COMMIT. Row values
         (ids, timestamps) are prepared before timing.

Each save is a different past day (one check-in per day, going back from yesterday). The two run in
alternating blocks (ABBA order) after a short unmeasured warm-up, each save timed with perf_counter.
Both files live in one temporary folder (the system's, or --dir), so they pay the same fsyncs.

Run: .venv/bin/python benchmarks/bench_p2_save.py [--saves 300] [--block 25] [--dir DIR]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from diary.services.bootstrap import local_now, open_diary  # noqa: E402
from diary.storage.database import DB_FILENAME, apply_pragmas  # noqa: E402

GOAL = 1.5
WARMUP = 10
VALUES = dict(pain=6, stress=4, regions=["neck", "lower_back"], moderate_min=20, note="Walked to the shop")
INSERT_CHECKIN = (
    "INSERT INTO checkin (id, day, recorded_at, extra, pain, no_pain, fatigue, stress, sleep_quality, sleep_hours,"
    " light_min, moderate_min, vigorous_min, strength, worry, flare, note, updated_at)"
    " VALUES (?, ?, ?, 0, ?, 0, NULL, ?, NULL, NULL, NULL, ?, NULL, NULL, NULL, 0, ?, ?)"
)
INSERT_REGION = "INSERT INTO checkin_region (checkin_id, region, intensity) VALUES (?, ?, NULL)"


class ServiceSaver:
    def __init__(self, home: Path):
        self.diary = open_diary(home)

    def save(self, day: date) -> None:
        self.diary.log.record(day=day, **VALUES)

    def close(self) -> None:
        self.diary.close()


class RawSaver:
    """The schema comes from opening a diary home (its migrations); then only plain sqlite3 is used."""

    def __init__(self, home: Path):
        open_diary(home).close()
        self.connection = sqlite3.connect(home / DB_FILENAME, isolation_level=None)
        apply_pragmas(self.connection)
        self.prepared: dict[date, tuple] = {}

    def prepare(self, day: date) -> None:
        now = local_now()
        recorded_at = datetime.combine(day, datetime.min.time().replace(hour=20), tzinfo=now.tzinfo)
        self.prepared[day] = (uuid.uuid4().hex, day.isoformat(), recorded_at.isoformat(), now.isoformat())

    def save(self, day: date) -> None:
        checkin_id, day_text, recorded_at, updated_at = self.prepared.pop(day)
        c = self.connection
        c.execute("BEGIN IMMEDIATE")
        c.execute(INSERT_CHECKIN, (checkin_id, day_text, recorded_at, VALUES["pain"], VALUES["stress"],
                                   VALUES["moderate_min"], VALUES["note"], updated_at))
        c.execute(INSERT_REGION, (checkin_id, "neck"))
        c.execute(INSERT_REGION, (checkin_id, "lower_back"))
        c.execute("COMMIT")

    def close(self) -> None:
        self.connection.close()


def filesystem(path: Path) -> str:
    try:
        out = subprocess.run(["df", "-T", str(path)], capture_output=True, text=True, check=True).stdout
        return out.splitlines()[1].split()[1]
    except Exception:
        return "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=300, help="measured saves per side (default 300)")
    parser.add_argument("--block", type=int, default=25, help="saves per alternating block (default 25)")
    parser.add_argument("--dir", default=None, help="where to make the temporary folder (default: the system's)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="diary-bench-p2-", dir=args.dir) as tmp:
        work = Path(tmp)
        service, raw = ServiceSaver(work / "service"), RawSaver(work / "raw")
        yesterday = local_now().date() - timedelta(days=1)
        days = [yesterday - timedelta(days=i) for i in range(args.saves + WARMUP)]
        for day in days:
            raw.prepare(day)
        # Warm-up (first-use costs: SQLAlchemy statement compilation, mapper set-up, page cache).
        for day in days[args.saves:]:
            service.save(day)
            raw.save(day)

        times = {"service": [], "raw": []}
        savers = {"service": service, "raw": raw}
        block_no = 0
        for start in range(0, args.saves, args.block):
            block = days[start : start + args.block]
            order = ("service", "raw") if block_no % 2 == 0 else ("raw", "service")
            block_no += 1
            for name in order:
                save, out = savers[name].save, times[name]
                for day in block:
                    t0 = time.perf_counter()
                    save(day)
                    out.append(time.perf_counter() - t0)
        service.close()
        raw.close()
        fs = filesystem(work)

    print(f"{args.saves} saves each, blocks of {args.block}, temporary folder on {fs} "
          f"(synchronous=FULL: one WAL fsync per commit)")
    print(f"{'':<16}  {'median ms':>9}  {'mean ms':>8}  {'p90 ms':>7}  {'total s':>8}")
    for name, label in (("service", "service record()"), ("raw", "raw sqlite3")):
        t = times[name]
        p90 = statistics.quantiles(t, n=10)[-1]
        print(f"{label:<16}  {statistics.median(t) * 1e3:9.3f}  {statistics.fmean(t) * 1e3:8.3f}  "
              f"{p90 * 1e3:7.3f}  {sum(t):8.3f}")
    median_ratio = statistics.median(times["service"]) / statistics.median(times["raw"])
    total_ratio = sum(times["service"]) / sum(times["raw"])
    print(f"ratio of medians {median_ratio:.2f}x, ratio of totals {total_ratio:.2f}x")
    print(f"P2 save ratio (service / raw sqlite3, {args.saves} saves): {median_ratio:.2f}x (goal <= {GOAL}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
