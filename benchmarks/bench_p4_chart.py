"""P4: drawing a 365-day trend chart as a ratio to a minimal matplotlib Agg line plot of the same data.

Goal: trend chart / minimal line plot <= 1.25x (median time per PNG).

trend    diary.reports.charts.symptom_chart(days, measure="pain", start, end) for the 365 days to today:
         daily points, the 7-day rolling mean, flare days shaded, legend, date axis, the summary
         sentence, PNG bytes (720 x 440, the phone size the app shows).
minimal  a Figure of the same size and dpi with a FigureCanvasAgg, one ax.plot(days, pain) of the same
         365 values, savefig to PNG bytes at the same resolution.

The data are one year of the demo generator's check-ins (diary.services.demo.demo_checkins) turned into
day values by the one rule in diary/domain/days.py (not timed). The two run alternately (ABBA) after a
short unmeasured warm-up; each render is timed with perf_counter, and its CPU time (process_time) is
printed beside it: a render is one thread's work, so on a shared machine the CPU time is what other
jobs move least (the wall-time ratio stays the headline).

Run: .venv/bin/python benchmarks/bench_p4_chart.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from datetime import date, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from diary.domain.days import days_between  # noqa: E402
from diary.reports.charts import symptom_chart  # noqa: E402
from diary.reports.style import DPI, HEIGHT_IN, SCALE, WIDTH_IN  # noqa: E402
from diary.services.demo import demo_checkins  # noqa: E402

GOAL = 1.25
WARMUP = 3
TODAY = date(2026, 3, 15)


def year_of_days():
    checkins = demo_checkins(days=400, seed=4, end=TODAY, tz=timezone(timedelta(hours=1)))
    return days_between(TODAY - timedelta(days=400), TODAY, checkins)


def trend(days, start, end) -> bytes:
    return symptom_chart(days, measure="pain", start=start, end=end).png


def minimal(x, y) -> bytes:
    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    FigureCanvasAgg(fig)
    fig.add_subplot().plot(x, y)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI * SCALE)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="renders per side (default 20)")
    args = parser.parse_args()
    days = year_of_days()
    start, end = TODAY - timedelta(days=364), TODAY
    inside = sorted((d.day, d.pain) for d in days if start <= d.day <= end and d.pain is not None)
    x, y = [d.toordinal() for d, _ in inside], [v for _, v in inside]
    sides = {"trend": lambda: trend(days, start, end), "minimal": lambda: minimal(x, y)}
    for _ in range(WARMUP):
        for render in sides.values():
            render()
    times = {"trend": [], "minimal": []}
    cpu = {"trend": [], "minimal": []}
    for i in range(args.rounds):
        for name in (("trend", "minimal") if i % 2 == 0 else ("minimal", "trend")):
            t0, c0 = time.perf_counter(), time.process_time()
            png = sides[name]()
            times[name].append(time.perf_counter() - t0)
            cpu[name].append(time.process_time() - c0)
            assert png[:4] == b"\x89PNG"
    print(f"{len(inside)} daily pain values over 365 days, {args.rounds} renders each, PNG "
          f"{int(WIDTH_IN * DPI * SCALE)} x {int(HEIGHT_IN * DPI * SCALE)}")
    print(f"{'':<22}  {'median ms':>9}  {'mean ms':>8}  {'min ms':>7}  {'CPU median ms':>13}")
    for name, label in (("trend", "trend chart"), ("minimal", "minimal Agg line plot")):
        t = times[name]
        print(f"{label:<22}  {statistics.median(t) * 1e3:9.1f}  {statistics.fmean(t) * 1e3:8.1f}  {min(t) * 1e3:7.1f}  "
              f"{statistics.median(cpu[name]) * 1e3:13.1f}")
    ratio = statistics.median(times["trend"]) / statistics.median(times["minimal"])
    cpu_ratio = statistics.median(cpu["trend"]) / statistics.median(cpu["minimal"])
    print(f"by CPU time (median of {args.rounds}): {cpu_ratio:.2f}x")
    print(f"P4 chart ratio (365-day trend chart / minimal Agg line plot, median of {args.rounds}): "
          f"{ratio:.2f}x (goal <= {GOAL}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
