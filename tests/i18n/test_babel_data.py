"""Babel stripped to what the app reads (diary.i18n.babel_data, for the phone app's build) still formats
every kind of value in both languages, and is a small part of the whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import babel

from diary.i18n.babel_data import needed

INSTALLED = Path(babel.__file__).parent

PROBE = """
import json, sys
from datetime import date, datetime
import babel
from diary.i18n import in_language
from diary.i18n.formats import clock, day_month_year, month, number, percent, weekday_day_month
from diary.reports.style import date_ticks

out = {"babel": babel.__file__}
for language in ("sv", "en"):
    with in_language(language):
        positions, labels = date_ticks(date(2026, 3, 1), date(2026, 3, 29))
        out[language] = [day_month_year(date(2026, 11, 23)), weekday_day_month(date(2026, 11, 23)), number(3.85, 1),
                         number(2000), percent(0.37), month(date(2026, 3, 1)), clock(datetime(2026, 1, 1, 21, 5)),
                         date.fromordinal(positions[0]).weekday(), labels[0]]
print(json.dumps(out))
"""


def _strip(target: Path) -> int:
    """Copy the installed Babel into `target`, keeping only what `needed` keeps; the bytes kept."""
    kept = 0
    for path in INSTALLED.rglob("*"):
        member = f"babel/{path.relative_to(INSTALLED).as_posix()}"
        if path.is_file() and "__pycache__" not in member and needed(member):
            (target / member).parent.mkdir(parents=True, exist_ok=True)
            (target / member).write_bytes(path.read_bytes())
            kept += path.stat().st_size
    return kept


def test_the_stripped_babel_formats_both_languages(tmp_path):
    kept = _strip(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "MPLBACKEND": "Agg"}
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    out = json.loads(result.stdout)
    assert out["babel"].startswith(str(tmp_path))  # the stripped copy, not the installed one
    assert out["sv"] == ["23 nov. 2026", "mån 23 nov.", "3,9", "2\u00a0000", "37\u00a0%", "mars", "21:05", 0, "2 mars"]
    assert out["en"] == ["23 Nov 2026", "Mon 23 Nov", "3.9", "2,000", "37%", "Mar", "21:05", 0, "2 Mar"]
    assert kept < 1_500_000, kept  # of about 33 MB


def test_only_the_app_s_locales_and_no_extraction_tools_are_kept():
    assert needed("babel/locale-data/sv.dat") and needed("babel/locale-data/en.dat")
    assert needed("babel/locale-data/root.dat") and needed("babel/global.dat") and needed("babel/dates.py")
    assert not needed("babel/locale-data/sv_FI.dat") and not needed("babel/locale-data/de.dat")
    assert not needed("babel/messages/frontend.py")
    assert needed("babel-2.18.0.dist-info/METADATA")
