"""The fixed inputs of the golden files: a demo caseload and the charts of one demo patient.

Everything here is deterministic (seeded generators, a fixed clock, a fixed salt), so the same code
gives the same files. `regenerate.py` writes the golden files from these; `test_golden.py` compares.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from diary.domain.patient_record import PatientRecord
from diary.services.demo_caseload import demo_patient

HERE = Path(__file__).resolve().parent
CHARTS = HERE / "charts"
RESEARCH = HERE / "research"
NOW = datetime(2026, 3, 15, 19, 30, tzinfo=timezone(timedelta(hours=1)))
TODAY: date = NOW.date()
SALT = bytes(range(32))
PATIENTS, DAYS, SEED = 3, 60, 7
CHART_PERIOD = "3m"
# (chart name, dark): every chart in the light theme, and the two most drawn ones in the dark theme.
CHART_CASES = [(name, False) for name in ("pain", "fatigue", "stress", "activity", "phq15", "goals", "body")] + [
    ("pain", True), ("body", True)]
# Per-pixel tolerance: a channel may differ by this much (font hinting, antialiasing between freetype
# builds), and at most this share of pixels may differ at all. A moved line or a new colour fails.
CHANNEL_TOLERANCE = 24
PIXEL_SHARE = 0.002


def caseload() -> list[PatientRecord]:
    """A fixed demo caseload: three synthetic patients with fixed keys (study ids come from the keys)."""
    return [replace(demo_patient(i, days=DAYS, seed=SEED, now=NOW), key=f"golden-{i}") for i in range(PATIENTS)]


def chart_record() -> PatientRecord:
    """The patient whose charts are golden: 200 days, so every chart has data in the 3-month period."""
    return replace(demo_patient(0, days=200, seed=SEED, now=NOW), key="golden-charts")


def chart_file(name: str, dark: bool) -> Path:
    return CHARTS / f"{name}-{'dark' if dark else 'light'}.png"
