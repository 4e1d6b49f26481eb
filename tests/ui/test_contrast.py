"""Contrast, from the colours the app draws with (axe cannot judge a Flutter canvas; see
tests/e2e/test_accessibility.py): WCAG AA 4.5:1 for text, 3:1 for the focus ring and for chart marks."""

from __future__ import annotations

import pytest

from diary.reports import charts, style
from diary.ui import theme

TEXT_PAIRS = [  # (text, background) roles the screens use
    ("on_surface", "surface"), ("on_surface_variant", "surface"), ("primary", "surface"),
    ("on_primary", "primary"), ("on_primary_container", "primary_container"),
    ("on_secondary_container", "secondary_container"), ("error", "surface"),
    ("on_error_container", "error_container"), ("on_surface", "surface_container_highest"),
    ("on_surface_variant", "surface_container_highest"), ("on_surface", "surface_container_low"),
    ("primary", "surface_container_highest"), ("on_surface", "surface_container_high"),
]
FOCUS_BACKGROUNDS = ("surface", "surface_container_low", "surface_container_high", "surface_container_highest",
                     "secondary_container", "primary_container")


def luminance(colour: str) -> float:
    red, green, blue = (int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4))
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def blended(colour: str, background: str, alpha: float) -> str:
    mix = [round(alpha * int(colour[i:i + 2], 16) + (1 - alpha) * int(background[i:i + 2], 16)) for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02X}" for c in mix)


def test_the_formula_matches_wcags_own_examples():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("scheme", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_text_reaches_4_5_to_1(scheme):
    low = {(fg, bg): round(contrast(scheme[fg], scheme[bg]), 2) for fg, bg in TEXT_PAIRS
           if contrast(scheme[fg], scheme[bg]) < 4.5}
    assert not low


@pytest.mark.parametrize("scheme", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_the_focus_ring_reaches_3_to_1_on_every_background(scheme):
    ring = scheme[theme.FOCUS_RING]
    assert all(contrast(ring, scheme[bg]) >= 3 for bg in FOCUS_BACKGROUNDS)
    assert theme.FOCUS_WIDTH >= 2  # WCAG 2.4.13: at least a 2 px perimeter


@pytest.mark.parametrize("chart_theme", [style.LIGHT, style.DARK], ids=["light", "dark"])
def test_chart_marks_reach_3_to_1_and_chart_text_4_5_to_1(chart_theme):
    face = chart_theme.face
    marks = {**chart_theme.measure, **{f"series {i}": c for i, c in enumerate(chart_theme.series)}}
    low = {name: round(contrast(c, face), 2) for name, c in marks.items() if contrast(c, face) < 3}
    assert not low
    dots = {m: blended(chart_theme.measure[m], face, charts.DOT_ALPHA) for m in ("pain", "fatigue", "stress")}
    assert all(contrast(c, face) >= 3 for c in dots.values()), dots
    assert contrast(chart_theme.text, face) >= 4.5 and contrast(chart_theme.muted, face) >= 4.5
