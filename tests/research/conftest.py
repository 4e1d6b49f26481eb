"""Patient records for research-export tests, built once per session from the demo generator, plus
a helper that loads a data set with the dtypes its own codebook declares."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest

from diary.domain.entries import CheckIn
from diary.research import ResearchOptions, export_research
from diary.services.bootstrap import open_diary
from diary.services.demo import fill_demo
from tests.conftest import NOW, TZ, FixedClock

SALT = bytes(range(32))
FORMULA_NOTE = "=HYPERLINK(\"http://x\",\"click\")"
PANDAS_TYPES = {"string": "string", "category": "string", "date": "string", "integer": "Int64",
                "boolean": "Int64", "decimal": "Float64"}


def build_record(tmp_path_factory, *, days: int, seed: int, key: str, label: str):
    diary = open_diary(tmp_path_factory.mktemp(f"home-{seed}") / "home", clock=FixedClock(NOW))
    try:
        fill_demo(diary, days=days, seed=seed)
        record = diary.record()
    finally:
        diary.close()
    return replace(record, key=key, label=label)


@pytest.fixture(scope="session")
def records(tmp_path_factory):
    """Two patients; the first has a formula-like note and a day with only a pain rating."""
    first = build_record(tmp_path_factory, days=120, seed=1, key="fp-anna", label="Anna Andersson")
    odd_day = first.checkins[0].day - timedelta(days=3)
    extra = (CheckIn.create(day=odd_day, recorded_at=datetime.combine(odd_day, time(21), tzinfo=TZ), pain=4,
                            note=FORMULA_NOTE),)
    first = replace(first, checkins=extra + first.checkins)
    second = build_record(tmp_path_factory, days=60, seed=2, key="fp-bertil", label="Bertil Berg")
    return [first, second]


@pytest.fixture
def export(tmp_path, records):
    """export(**options) → the data set folder."""

    def run(name: str = "out", records_=None, **options):
        out = tmp_path / name
        export_research(records if records_ is None else records_, out,
                        options=ResearchOptions(salt=options.pop("salt", SALT), **options), today=NOW.date())
        return out

    return run


def codebook_types(folder: Path) -> dict[str, dict[str, str]]:
    types: dict[str, dict[str, str]] = {}
    with open(folder / "codebook.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            types.setdefault(row["file"], {}).setdefault(row["variable"], row["type"])
    return types


def read_table(folder: Path, name: str):
    """pandas.read_csv with the codebook's types; empty cells are missing and nothing else is."""
    import pandas as pd

    types = codebook_types(folder)[name]
    frame = pd.read_csv(folder / name, dtype={v: PANDAS_TYPES[t] for v, t in types.items()},
                        keep_default_na=False, na_values=[""])
    for column, kind in types.items():
        if kind == "date":
            parsed = pd.to_datetime(frame[column], format="%Y-%m-%d", errors="raise")
            assert parsed.notna().sum() == frame[column].notna().sum()
    return frame
