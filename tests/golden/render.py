"""What the golden files hold, made by the app's own code from the fixed cases (cases.py)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from diary.reports.overview import trend_view
from diary.research import ResearchOptions, export_research
from tests.golden import cases


def chart_pngs() -> dict[tuple[str, bool], bytes]:
    """(chart name, dark) → PNG bytes, for every case in cases.CHART_CASES."""
    record, pngs = cases.chart_record(), {}
    for dark in (False, True):
        wanted = tuple(name for name, is_dark in cases.CHART_CASES if is_dark is dark)
        view = trend_view(record, today=cases.TODAY, period=cases.CHART_PERIOD, dark=dark, only=wanted)
        pngs.update({(name, dark): chart.png for name, chart in view.charts.items()})
    return pngs


def research_csvs() -> dict[str, bytes]:
    """File name → bytes of every CSV file (the tables and the codebook) of the caseload's research export."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "data-set"
        export_research(cases.caseload(), out, options=ResearchOptions(salt=cases.SALT), today=cases.TODAY)
        return {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}
