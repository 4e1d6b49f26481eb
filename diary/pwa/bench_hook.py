"""`?bench-save`: the P9 benchmark's measurement, run in the phone app's own worker (benchmarks/
bench_p9_phone_save.py opens the page with it and reads the answer).

A check-in saved as Today saves one (the log service, then the platform's flush: the commit is in
IndexedDB) against the least the browser can do for the same: a raw sqlite3 INSERT + COMMIT with the same
pragmas, then one IDBFS sync. Both run alternately, `n` times each, in a folder of their own on its own
IndexedDB database (/diary-benchmark), which is emptied afterwards: the user's diary is never opened.
The result is posted as {event: "bench-save", diary: [seconds...], raw: [seconds...]} on the "diary-pwa"
BroadcastChannel.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path

import flet as ft

MOUNT = Path("/diary-benchmark")
RAW_TABLE = ("CREATE TABLE IF NOT EXISTS checkin (id INTEGER PRIMARY KEY, day TEXT NOT NULL, pain INTEGER, "
             "stress INTEGER, regions TEXT, note TEXT)")


def _raw_connection(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in ("PRAGMA journal_mode=DELETE", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"):
        connection.execute(pragma)
    connection.execute(RAW_TABLE)
    return connection


async def measure(n: int, announce) -> None:
    from diary.platform import start_browser
    from diary.services.bootstrap import open_diary

    platform = await start_browser(mount=MOUNT)
    home = platform.home.default_home()
    diary = open_diary(home)
    raw = _raw_connection(MOUNT / "raw.sqlite3")
    await platform.home.flush()
    timings: dict[str, list[float]] = {"diary": [], "raw": []}
    first = date.today() - timedelta(days=n)
    for i in range(n):
        day = first + timedelta(days=i)
        started = time.perf_counter()
        diary.log.record(day=day, pain=5, stress=3, regions=["neck", "lower_back"], note="Walked to the shop")
        await platform.home.flush()
        timings["diary"].append(time.perf_counter() - started)
        started = time.perf_counter()
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO checkin (day, pain, stress, regions, note) VALUES (?, 5, 3, ?, ?)",
                    (day.isoformat(), "neck,lower_back", "Walked to the shop"))
        raw.execute("COMMIT")
        await platform.home.sync()
        timings["raw"].append(time.perf_counter() - started)
    diary.close()
    raw.close()
    for child in MOUNT.iterdir():  # leave nothing behind in the browser
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    await platform.home.sync()
    announce("bench-save", **timings)


async def serve_save_benchmark(page: ft.Page, query: str, announce) -> None:
    from urllib.parse import parse_qs

    n = int((parse_qs(query).get("n") or ["30"])[0])
    page.add(ft.Text(f"Measuring {n} saves…", key="bench-running"))
    page.update()
    await measure(max(1, min(n, 500)), announce)
    page.add(ft.Text("Save benchmark done", key="bench-done"))
    page.update()
