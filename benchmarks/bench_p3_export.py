"""P3: the whole export service for 5 years of a patient's data — read the rows, build, sign, seal, write the
file — as a ratio to its floor: a raw sqlite3 SELECT of the same rows, json.dumps, one Ed25519 signature, one
sealed box and the same durable write.

Goal: service / floor <= 1.5x (median time of one export).

data      a patient home filled by the demo generator over 1,826 days (check-ins on ~88 % of days plus
          extra check-ins on flare days, weekly PHQ-15, PHQ-9 and GAD-7 every 4 weeks, a main goal and
          two intermediate goals rated weekly, a two-activity plan), paired with one physiotherapist.
service   ExportService.export(to=["Physio"], out=FILE, since=None): resolve the recipient, read the record
          from the database (Diary.record), commit the export log's seq, build the payload values
          (diary.services.wire), canonical JSON, Ed25519 sign-then-envelope, seal to the physiotherapist's
          X25519 key, write the file atomically (fsync of the file and its folder), mark the log "written".
floor     a plain sqlite3 connection to the same file: SELECT * from each table holding the record
          (check-ins, their regions, questionnaire responses, goals, ratings, plan activities) as dicts,
          json.dumps of them, one Ed25519 detached signature of the bytes, one SealedBox of signature + bytes,
          the same write_atomically (the floor of a file that is never half-written).

The two alternate (ABBA) after one warm-up each; both read a database the OS has cached.

Run: .venv/bin/python benchmarks/bench_p3_export.py [--days 1826] [--repeat 15]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nacl.public  # noqa: E402
import nacl.signing  # noqa: E402

from diary.platform.durable import write_atomically  # noqa: E402
from diary.services.bootstrap import open_diary  # noqa: E402
from diary.services.demo import fill_demo  # noqa: E402
from diary.storage.database import DB_FILENAME  # noqa: E402

GOAL = 1.5
TABLES = ("checkin", "checkin_region", "questionnaire_response", "goal", "goal_rating", "plan_activity")


def _as_dict(cursor: sqlite3.Cursor, row: tuple) -> dict:
    return {column[0]: value for column, value in zip(cursor.description, row)}


def floor_export(database: Path, signing_key: nacl.signing.SigningKey, box: nacl.public.SealedBox,
                 out: Path) -> dict[str, int]:
    """The floor: the same rows read raw, serialised, signed once, sealed once, written durably."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    connection.row_factory = _as_dict
    try:
        rows = {table: connection.execute(f"SELECT * FROM {table}").fetchall() for table in TABLES}
    finally:
        connection.close()
    payload = json.dumps(rows).encode("utf-8")
    signature = signing_key.sign(payload).signature
    write_atomically(out, box.encrypt(signature + payload))
    return {table: len(found) for table, found in rows.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=1826, help="days of data (default 1826 = 5 years)")
    parser.add_argument("--repeat", type=int, default=15, help="timed runs of each (default 15)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="diary-bench-p3-") as tmp:
        work = Path(tmp)
        patient = open_diary(work / "patient")
        clinic = open_diary(work / "clinic", role="clinician")
        fill_demo(patient, days=args.days, seed=1)
        patient.pairing.pair(clinic.pairing.own_key().text, label="Physio")
        signing_key = nacl.signing.SigningKey(bytes(patient.keys.private_key()))
        box = nacl.public.SealedBox(nacl.public.PublicKey(bytes(clinic.keys.public_key())))
        database = work / "patient" / DB_FILENAME

        def service() -> None:
            patient.exports.export(to=["Physio"], out=work / "export.diary", since=None)

        def floor() -> None:
            floor_export(database, signing_key, box, work / "floor.bin")

        sides = {"service": service, "floor": floor}
        for fn in sides.values():  # warm-up
            fn()
        times: dict[str, list[float]] = {name: [] for name in sides}
        for i in range(args.repeat):
            for name in (("service", "floor") if i % 2 == 0 else ("floor", "service")):
                t0 = time.perf_counter()
                sides[name]()
                times[name].append(time.perf_counter() - t0)
        size = (work / "export.diary").stat().st_size
        counts = floor_export(database, signing_key, box, work / "floor.bin")
        patient.close()
        clinic.close()

    print(f"{args.days} days: {counts['checkin']} check-ins ({counts['checkin_region']} region rows), "
          f"{counts['questionnaire_response']} questionnaires, {counts['goal']} goals with {counts['goal_rating']} "
          f"ratings, {counts['plan_activity']} activities; export file {size:,} bytes")
    print(f"{'':<52}  {'median ms':>9}  {'min ms':>7}")
    labels = {"service": "service export (read, build, sign, seal, write)",
              "floor": "sqlite3 SELECT + json.dumps + sign + seal + write"}
    for name, label in labels.items():
        print(f"{label:<52}  {statistics.median(times[name]) * 1e3:9.1f}  {min(times[name]) * 1e3:7.1f}")
    ratio = statistics.median(times["service"]) / statistics.median(times["floor"])
    print(f"P3 export ratio (service / raw read+json+sign+seal+write, {args.days} days): {ratio:.2f}x "
          f"(goal <= {GOAL}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
