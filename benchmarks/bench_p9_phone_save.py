"""P9: the phone app's save — a check-in saved and synced to IndexedDB, as a ratio to a raw sqlite3
INSERT + COMMIT + IDBFS sync in the same browser worker.

Goal: diary / raw <= 3x (median over saves).

Both sides run inside the built site's Python worker in Chromium (diary/pwa/bench_hook.py, opened with
`?bench-save&n=N`): the diary's side is what Today does on "Save" — the log service records a check-in
(pain, stress, two regions, a note; a day of its own each time) and the platform's flush returns once the
commit is in IndexedDB; the raw side is one INSERT of the same values into a one-table database with the
same pragmas (DELETE journal, synchronous=FULL) and one IDBFS sync. The two alternate, in a folder on an
IndexedDB database of their own that is emptied afterwards.

Run: .venv/bin/python benchmarks/bench_p9_phone_save.py [--saves 40]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
GOAL = 3.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=40)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from diary.pwa.build import DEFAULT_OUT, build
    from tests.e2e.conftest import PHONE
    from tests.e2e.pwa.conftest import PwaPage, SiteServer

    site = build(DEFAULT_OUT)
    server = SiteServer(site.out)
    try:
        with sync_playwright() as pw:
            page = PwaPage(pw.chromium, Path(tempfile.mkdtemp(prefix="p9-")), server.url, "p9", PHONE)
            try:
                page.page.goto(f"{server.url}?bench-save&n={args.saves}")
                [result] = page.wait_for_event("bench-save", timeout=60 + args.saves * 5)
                page.check()
            finally:
                page.close()
    finally:
        server.stop()
    diary, raw = (statistics.median(result[side]) for side in ("diary", "raw"))
    ratio = diary / raw
    print(f"{args.saves} saves each in the browser worker (median): diary {diary * 1000:.1f} ms "
          f"(p90 {statistics.quantiles(result['diary'], n=10)[-1] * 1000:.1f}), raw sqlite3 + IDBFS sync "
          f"{raw * 1000:.1f} ms (p90 {statistics.quantiles(result['raw'], n=10)[-1] * 1000:.1f})")
    print(f"P9 ratio diary / raw: {ratio:.2f}x (goal <= {GOAL}x) -> {'met' if ratio <= GOAL else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
