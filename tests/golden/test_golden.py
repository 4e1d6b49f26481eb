"""Golden files: the charts (per-pixel, with a small tolerance) and the research export (byte for byte).

A failure here means the output changed. If that was the point of the change, regenerate on purpose
(`.venv/bin/python -m tests.golden.regenerate`), look at the files and commit them with it.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from tests.golden import cases
from tests.golden.render import chart_pngs, research_csvs

REGENERATE = "intended? run `.venv/bin/python -m tests.golden.regenerate` and commit the new files"


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"), dtype=np.int16)


def differing_share(a: np.ndarray, b: np.ndarray) -> float:
    """The share of pixels where some channel differs by more than the tolerance."""
    return float((np.abs(a - b) > cases.CHANNEL_TOLERANCE).any(axis=-1).mean())


@pytest.fixture(scope="module")
def charts():
    return chart_pngs()


@pytest.mark.parametrize(("name", "dark"), cases.CHART_CASES, ids=lambda v: str(v))
def test_chart_matches_its_golden_png(charts, name, dark):
    golden = pixels(cases.chart_file(name, dark).read_bytes())
    now = pixels(charts[(name, dark)])
    assert now.shape == golden.shape, f"{name}: size {now.shape[:2]} instead of {golden.shape[:2]}; {REGENERATE}"
    share = differing_share(now, golden)
    assert share <= cases.PIXEL_SHARE, f"{name} ({'dark' if dark else 'light'}): {share:.2%} of pixels differ; " \
                                       f"{REGENERATE}"


def test_the_comparison_sees_a_small_change():
    """The tolerance is not so loose that a changed chart would pass: one 12-pixel dot more fails."""
    golden = pixels(cases.chart_file("pain", False).read_bytes())
    changed = golden.copy()
    changed[200:240, 300:340] = (0, 0, 0, 255)
    assert differing_share(changed, golden) > cases.PIXEL_SHARE


def test_research_export_matches_its_golden_csvs_byte_for_byte():
    now = research_csvs()
    golden = {p.name: p.read_bytes() for p in sorted(cases.RESEARCH.glob("*.csv"))}
    assert "codebook.csv" in golden and "daily.csv" in golden
    assert sorted(now) == sorted(golden), REGENERATE
    for name, data in golden.items():
        assert now[name] == data, f"{name} changed; {REGENERATE}"
