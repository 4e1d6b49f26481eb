"""P6: importing 500 patients' export files into a clinician home, per file, as a ratio to open + verify +
parse alone; and the caseload's data for those 500 patients as a ratio to one SQL aggregate query.

Goals: import / open+verify+parse <= 1.5x (median per file); caseload / one aggregate query <= 2x (median).

files     one real export per patient (diary.services.demo_caseload.demo_patient: --days of check-ins,
          weekly PHQ-15, 4-weekly PHQ-9/GAD-7, three goals rated weekly, a plan), signed with the
          patient's own key and sealed to the clinician's key, written to disk before timing. Each patient
          is pinned in the clinician home first.
import    ImportService.import_file(path): stat, read, every check of security.md (open_export), the
          domain's re-validation, then the snapshot rows, bookkeeping and import-log row in one committed
          transaction (synchronous=FULL). The home fills up as it goes, as a real caseload would.
open      the same file read, then diary.exchange.open_export (size, header, unseal, strict JSON,
          envelope, pinned signer, signature, canonical form, pydantic validation incl. the domain rules of
          every check-in, recipients) — nothing stored. Timed on the same file right before or after
          its import, the order alternating file by file: alternating blocks of 25 files gave 1.32x to
          1.75x on the same code within 20 minutes of one quiet afternoon, as this shared machine's
          speed drifted between blocks (benchmarks/README.md, P6).
caseload  CaseloadService.rows() for all patients (one SQL statement + the Python that turns its rows
          into CaseloadRows with trend and flags) against one aggregate query over the same home:
          SELECT patient_id, count(DISTINCT day), max(day) FROM patient_checkin GROUP BY patient_id.

Run: .venv/bin/python benchmarks/bench_p6_import.py [--patients 500] [--days 365]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from diary.exchange import encode_public_key, fingerprint, generate_patient_key, open_export  # noqa: E402
from diary.exchange.envelope import seal_signed, sign_payload  # noqa: E402
from diary.services.bootstrap import local_now, open_diary  # noqa: E402
from diary.services.demo_caseload import demo_patient  # noqa: E402
from diary.services.wire import payload_bytes, payload_values  # noqa: E402

IMPORT_GOAL, CASELOAD_GOAL = 1.5, 2
AGGREGATE = "SELECT patient_id, count(DISTINCT day), max(day) FROM patient_checkin GROUP BY patient_id"


def make_files(clinic, folder: Path, *, patients: int, days: int) -> tuple[list[Path], dict[str, bytes]]:
    now = local_now().replace(microsecond=0)
    own, fp = clinic.keys.public_key(), clinic.keys.fingerprint()
    paths, pinned = [], {}
    for index in range(patients):
        record = demo_patient(index, days=days, seed=6, now=now)
        key = generate_patient_key()
        clinic.pairing.pair(encode_public_key(key.verify_key), label=record.label)
        pinned[fingerprint(key.verify_key)] = bytes(key.verify_key)
        values = payload_values(record, seq=1, created_at=record.exported_at, recipients=[fp],
                                patient_label=record.label, period_end=record.period_end)
        path = folder / f"patient-{index:04d}.diary"
        path.write_bytes(seal_signed(sign_payload(payload_bytes(values), key), own))
        paths.append(path)
    return paths, pinned


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=500)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--repeat", type=int, default=20, help="timed caseload runs (default 20)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="diary-bench-p6-") as tmp:
        work = Path(tmp)
        clinic = open_diary(work / "clinic", role="clinician")
        (work / "files").mkdir()
        start = time.perf_counter()
        paths, pinned = make_files(clinic, work / "files", patients=args.patients, days=args.days)
        made = time.perf_counter() - start
        sizes = [p.stat().st_size for p in paths]
        private = clinic.keys.private_key()
        now = local_now()

        def open_only(path: Path) -> None:
            open_export(path.read_bytes(), now=now, pinned_signers=pinned, recipient_private_key=private)

        def import_one(path: Path) -> None:
            result = clinic.imports.import_file(path)
            assert result.outcome == "imported", result

        open_only(paths[0])  # warm-up (first-use costs); the first import is timed like the others
        times: dict[str, list[float]] = {"import": [], "open": []}
        cpu: dict[str, list[float]] = {"import": [], "open": []}  # process_time: what other jobs move least
        for number, path in enumerate(paths):
            order = (("import", import_one), ("open", open_only)) if number % 2 == 0 else \
                (("open", open_only), ("import", import_one))
            for name, fn in order:
                t0, c0 = time.perf_counter(), time.process_time()
                fn(path)
                times[name].append(time.perf_counter() - t0)
                cpu[name].append(time.process_time() - c0)

        raw = clinic.engine.raw_connection()
        caseload_times, aggregate_times = [], []
        clinic.caseload.rows()
        raw.cursor().execute(AGGREGATE).fetchall()
        for i in range(args.repeat):
            for name in (("caseload", "aggregate") if i % 2 == 0 else ("aggregate", "caseload")):
                t0 = time.perf_counter()
                if name == "caseload":
                    rows = clinic.caseload.rows()
                else:
                    raw.cursor().execute(AGGREGATE).fetchall()
                (caseload_times if name == "caseload" else aggregate_times).append(time.perf_counter() - t0)
        raw.close()
        with clinic.engine.connect() as conn:
            checkins = conn.exec_driver_sql("SELECT count(*) FROM patient_checkin").scalar()
        clinic.close()

    print(f"{args.patients} patients x {args.days} days: {checkins:,} check-ins stored; files "
          f"{statistics.median(sizes):,.0f} bytes (median), made in {made:.0f} s")
    print(f"{'':<30}  {'median ms':>9}  {'p90 ms':>7}  {'total s':>8}")
    for name, label in (("import", "import_file (stored)"), ("open", "open + verify + parse")):
        t = times[name]
        print(f"{label:<30}  {statistics.median(t) * 1e3:9.1f}  {statistics.quantiles(t, n=10)[-1] * 1e3:7.1f}  "
              f"{sum(t):8.1f}")
    for label, t in ((f"caseload rows ({args.patients} patients)", caseload_times), ("one aggregate query", aggregate_times)):
        print(f"{label:<30}  {statistics.median(t) * 1e3:9.1f}  {statistics.quantiles(t, n=10)[-1] * 1e3:7.1f}  "
              f"{sum(t):8.2f}")
    ratio = statistics.median(times["import"]) / statistics.median(times["open"])
    pairs = statistics.median(i / o for i, o in zip(times["import"], times["open"]))
    print(f"median of the {len(paths)} files' own ratios (import / open of the same file, back to back): {pairs:.2f}x")
    print(f"by CPU time (medians {statistics.median(cpu['import']) * 1e3:.1f} / {statistics.median(cpu['open']) * 1e3:.1f} "
          f"ms; the import's fsync wait is not CPU): {statistics.median(cpu['import']) / statistics.median(cpu['open']):.2f}x")
    caseload_ratio = statistics.median(caseload_times) / statistics.median(aggregate_times)
    print(f"P6 import ratio (import / open+verify+parse, per file, {args.patients} files): {ratio:.2f}x "
          f"(goal <= {IMPORT_GOAL}x)")
    print(f"P6 caseload ratio (caseload rows / one aggregate query, {len(rows)} patients): {caseload_ratio:.2f}x "
          f"(goal <= {CASELOAD_GOAL}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
