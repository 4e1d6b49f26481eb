"""Refusing hostile-but-validly-signed exports: each refusal's time as a ratio to the 0.3 s goal (issue 11).

Goal: every refusal below takes < 0.3 s (ratio <= 1.0), in the service and over the command line.

files     a clinician home with one pinned patient; each file is a genuine export of that patient, signed
          with their key and sealed to the clinic, with one hostile change (the issue's case: an unknown
          member holding 3.5 M values in a 9 MiB file; and the same up to the 16 MiB cap, too many check-ins,
          a huge map, a huge list where one value belongs, an unknown member deep inside).
service   ImportService.import_bytes(data): every check of security.md until the refusal, plus the
          import-log row (median of 5).
cli       `diary --home CLINIC --clinician import FILE` wall time, minus the same command on the same export
          with an unknown member holding one value (refused at the same step: the cost of starting Python,
          loading the app and opening a file), median of 5.

Run: .venv/bin/python benchmarks/bench_refusals.py [--no-cli]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from diary.exchange import encode_public_key, generate_patient_key  # noqa: E402
from diary.exchange.canonical import canonical_json  # noqa: E402
from diary.exchange.envelope import seal_signed, sign_payload  # noqa: E402
from diary.services.bootstrap import local_now, open_diary  # noqa: E402
from diary.services.demo_caseload import demo_patient  # noqa: E402
from diary.services.wire import payload_values  # noqa: E402

GOAL_S = 0.3
SMALL = ("an unknown member holding one value", lambda v: v.update(zzz=[0]))  # the CLI's baseline
CHANGES = {
    "unknown member, 3.5 M values (the issue)": lambda v: v.update(zzz=[0] * 3_500_000),
    "unknown member filling 16 MiB": lambda v: v.update(zzz=[0] * 6_000_000),
    "5,001 check-ins": lambda v: v.update(checkins=(v["checkins"] * (5001 // len(v["checkins"]) + 1))[:5001]),
    "a region map of 1 M entries": lambda v: v["checkins"][0].update(regions={f"r{i}": 1 for i in range(10**6)}),
    "3 M values where one number belongs": lambda v: v["checkins"][0].update(pain=[0] * 3_000_000),
    "an unknown member in a rating, 3 M values": lambda v: v["goals"][0]["ratings"][0].update(zz=[0] * 3_000_000),
}


def hostile_files(clinic, folder: Path) -> dict[str, Path]:
    now = local_now().replace(microsecond=0)
    record = demo_patient(0, days=365, seed=11, now=now)
    key = generate_patient_key()
    clinic.pairing.pair(encode_public_key(key.verify_key), label=record.label)
    own = clinic.keys.public_key()
    files = {}
    for n, (name, change) in enumerate([SMALL, *CHANGES.items()]):
        values = payload_values(record, seq=1, created_at=record.exported_at, recipients=[clinic.keys.fingerprint()],
                                patient_label=record.label, period_end=record.period_end)
        change(values)
        path = folder / f"hostile-{n}.diary"
        path.write_bytes(seal_signed(sign_payload(canonical_json(values), key), own))
        files[name] = path
    return files


def cli_seconds(home: Path, path: Path, rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "diary", "--home", str(home), "--clinician", "import", str(path)],
                       capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cli", action="store_true", help="time the service only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="diary-bench-refusals-") as tmp:
        folder = Path(tmp)
        clinic = open_diary(folder / "clinic", role="clinician")
        files = hostile_files(clinic, folder)
        baseline = files.pop(SMALL[0])
        start_cost = None if args.no_cli else cli_seconds(folder / "clinic", baseline)
        print(f"{'hostile file':<44} {'MiB':>5} {'service (s)':>11} {'cli extra (s)':>13} {'ratio':>6}")
        worst = 0.0
        for name, path in files.items():
            data = path.read_bytes()
            times = []
            for _ in range(5):
                start = time.perf_counter()
                result = clinic.imports.import_bytes(data, name=path.name)
                times.append(time.perf_counter() - start)
                assert result.outcome == "refused", result
            service = statistics.median(times)
            extra = None if start_cost is None else max(cli_seconds(folder / "clinic", path) - start_cost, 0.0)
            ratio = max(service, extra or 0.0) / GOAL_S
            worst = max(worst, ratio)
            shown = "-" if extra is None else f"{extra:.3f}"
            print(f"{name:<44} {len(data) / 2**20:5.1f} {service:11.3f} {shown:>13} {ratio:5.2f}x")
        clinic.close()
        if start_cost is not None:
            print(f"(the command itself, refusing the same export with a one-value unknown member: {start_cost:.3f} s)")
    print(f"Refusal time / {GOAL_S} s goal, worst case: {worst:.2f}x (goal <= 1.0x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
