"""The clinician's caseload screen with 500 patients: building it, as a ratio to the caseload's data alone.

No numbered goal (P6 covers the data: bench_p6_import.py); this shows that the screen adds little to the
data it shows, because only one page of patients (diary.ui.clinician.caseload.PAGE_SIZE) becomes
controls, however large the caseload.

data     CaseloadService.rows() for every patient (one SQL statement and the Python around it).
screen   CaseloadScreen(diary, wide=True): rows() again, plus the count line, the filters and one page of
         table rows as Flet controls.
sent     the screen as the browser gets it: encoded as Flet's transport does (msgpack of the control
         tree), i.e. what a page of the caseload costs on the wire.

The home is a synthetic caseload (diary.services.demo_caseload, --patients, --days) in a temporary
folder. The two timings run alternately (ABBA) after a warm-up; the ratio is of the medians.

Run: .venv/bin/python benchmarks/bench_caseload_screen.py [--patients 500] [--days 60] [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import msgpack  # noqa: E402
from flet.controls.base_control import BaseControl  # noqa: E402
from flet.messaging.protocol import configure_encode_object_for_msgpack  # noqa: E402

from diary.services.bootstrap import open_diary  # noqa: E402
from diary.services.demo_caseload import fill_demo_caseload  # noqa: E402
from diary.ui.clinician.caseload import PAGE_SIZE, CaseloadScreen  # noqa: E402

ENCODE = configure_encode_object_for_msgpack(BaseControl)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=500)
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="diary-bench-caseload-") as folder:
        clinic = open_diary(Path(folder) / "clinic", role="clinician")
        made = fill_demo_caseload(clinic, patients=args.patients, days=args.days, seed=1)
        print(f"caseload: {made.patients} patients, {made.checkins:,} check-ins ({made.seconds:.1f} s to make)")
        times: dict[str, list[float]] = {"data": [], "screen": []}
        clinic.caseload.rows()
        CaseloadScreen(clinic, wide=True)  # warm-up (imports, caches)
        for i in range(args.repeat):
            for name in (("data", "screen") if i % 2 == 0 else ("screen", "data")):
                t0 = time.perf_counter()
                if name == "data":
                    clinic.caseload.rows()
                else:
                    screen = CaseloadScreen(clinic, wide=True)
                times[name].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        packed = msgpack.packb(screen, default=ENCODE)
        encode = time.perf_counter() - t0
        clinic.close()
    print(f"{'':<34}{'median':>10}{'min':>10}")
    for name, label in (("data", f"caseload rows ({args.patients})"), ("screen", f"screen (one page of {PAGE_SIZE})")):
        print(f"{label:<34}{statistics.median(times[name]) * 1000:>8.1f}ms{min(times[name]) * 1000:>8.1f}ms")
    print(f"{'encoded for the browser':<34}{encode * 1000:>8.1f}ms  ({len(packed) / 1024:.0f} KB)")
    ratio = statistics.median(times["screen"]) / statistics.median(times["data"])
    print(f"Caseload screen ratio (screen build / caseload rows, {args.patients} patients): {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
