"""P3: exporting 5 years of a patient's data — build, sign, seal — as a ratio to json-serialising the same
rows plus one sealed box.

Goal: export / baseline <= 2x (median time of one export).

data      a patient home filled by the demo generator over 1,826 days (check-ins on ~88 % of days plus
          extra check-ins on flare days, weekly PHQ-15, PHQ-9 and GAD-7 every 4 weeks, a main goal and
          two intermediate goals rated weekly, a two-activity plan). Read once with Diary.record().
export    what ExportService.export does after reading the record: build the ExportPayloadV1 values
          (diary.services.wire.payload_values), canonical JSON, Ed25519 sign-then-envelope
          (sign_payload), seal to the physiotherapist's X25519 key (seal_signed).
baseline  the same tables' rows as plain dicts (check-ins, their regions, questionnaire responses,
          goals, ratings, plan activities; fetched once with sqlite3), json.dumps of them, then one
          SealedBox.encrypt of the bytes.
Also printed, for information: the whole service call (record() from the database + the above + an
atomic, fsynced file write).

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

from diary.exchange.envelope import seal_signed, sign_payload  # noqa: E402
from diary.services.bootstrap import local_now, open_diary  # noqa: E402
from diary.services.demo import fill_demo  # noqa: E402
from diary.services.wire import payload_bytes, payload_values  # noqa: E402
from diary.storage.database import DB_FILENAME  # noqa: E402

GOAL = 2
TABLES = ("checkin", "checkin_region", "questionnaire_response", "goal", "goal_rating", "plan_activity")


def rows_as_dicts(database: Path) -> dict[str, list[dict]]:
    connection = sqlite3.connect(database)
    connection.row_factory = sqlite3.Row
    try:
        return {table: [dict(row) for row in connection.execute(f"SELECT * FROM {table}")] for table in TABLES}
    finally:
        connection.close()


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
        record = patient.record()
        signing_key, physio_key = patient.keys.private_key(), clinic.keys.public_key()
        fp = clinic.keys.fingerprint()
        rows = rows_as_dicts(work / "patient" / DB_FILENAME)
        now = local_now()

        def export() -> bytes:
            values = payload_values(record, seq=1, created_at=now, recipients=[fp], patient_label="Patient",
                                    period_end=now.date())
            return seal_signed(sign_payload(payload_bytes(values), signing_key), physio_key)

        def baseline() -> bytes:
            return nacl.public.SealedBox(nacl.public.PublicKey(bytes(physio_key))).encrypt(json.dumps(rows).encode("utf-8"))

        def service() -> None:
            patient.exports.export(to=["Physio"], out=work / "export.diary", since=None)

        for fn in (export, baseline, service):  # warm-up
            fn()
        times: dict[str, list[float]] = {"export": [], "baseline": [], "service": []}
        for i in range(args.repeat):
            order = (("export", export), ("baseline", baseline)) if i % 2 == 0 else (("baseline", baseline), ("export", export))
            for name, fn in order:
                t0 = time.perf_counter()
                fn()
                times[name].append(time.perf_counter() - t0)
        for _ in range(max(3, args.repeat // 3)):
            t0 = time.perf_counter()
            service()
            times["service"].append(time.perf_counter() - t0)
        size = (work / "export.diary").stat().st_size
        counts = {t: len(r) for t, r in rows.items()}
        patient.close()
        clinic.close()

    print(f"{args.days} days: {counts['checkin']} check-ins ({counts['checkin_region']} region rows), "
          f"{counts['questionnaire_response']} questionnaires, {counts['goal']} goals with {counts['goal_rating']} "
          f"ratings, {counts['plan_activity']} activities; export file {size:,} bytes")
    print(f"{'':<34}  {'median ms':>9}  {'min ms':>7}")
    labels = {"export": "build + sign + seal", "baseline": "json.dumps(rows) + one sealed box",
              "service": "service export (read+build+write)"}
    for name, label in labels.items():
        print(f"{label:<34}  {statistics.median(times[name]) * 1e3:9.1f}  {min(times[name]) * 1e3:7.1f}")
    ratio = statistics.median(times["export"]) / statistics.median(times["baseline"])
    print(f"P3 export ratio (build+sign+seal / json+seal, {args.days} days): {ratio:.2f}x (goal <= {GOAL}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
