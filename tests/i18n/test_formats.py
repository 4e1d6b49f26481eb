"""Dates, numbers and percentages by locale (Babel): Swedish as the issue asks, English as the app always
wrote them; weeks start on Monday in both, also on the charts' axes."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from diary.i18n import in_language
from diary.i18n.formats import (
    clock, day_month, day_month_year, month, number, percent, score, signed, weekday_day_month,
)
from diary.reports.style import date_ticks

DAY = date(2026, 11, 23)  # a Monday


@pytest.mark.parametrize(("language", "expected"), [
    ("sv", ["23 nov. 2026", "23 nov.", "mån 23 nov.", "3,9", "2\u00a0000", "37\u00a0%", "−1,5", "7,5", "mars"]),
    ("en", ["23 Nov 2026", "23 Nov", "Mon 23 Nov", "3.9", "2,000", "37%", "−1.5", "7.5", "Mar"]),
])
def test_the_issue_s_examples(language, expected):
    with in_language(language):
        got = [day_month_year(DAY), day_month(DAY), weekday_day_month(DAY), number(3.85, 1), number(2000),
               percent(0.37), signed(-1.5, 1), score(7.5), month(date(2026, 3, 1))]
    assert got == expected


def test_rounding_is_half_up_never_half_even():
    with in_language("sv"):
        assert [number(2.25, 1), number(10.5), percent(0.125, 1), score(4.25)] == ["2,3", "11", "12,5\u00a0%", "4,3"]


def test_times_are_24_hour_in_both():
    moment = datetime(2026, 3, 15, 19, 5)
    for language in ("sv", "en"):
        with in_language(language):
            assert clock(moment) == "19:05"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_chart_weeks_start_on_monday(language):
    with in_language(language):
        positions, labels = date_ticks(date(2026, 3, 1), date(2026, 3, 28))
    assert all(date.fromordinal(p).weekday() == 0 for p in positions)
    assert labels[0] == ("2 mars" if language == "sv" else "2 Mar")


def test_month_ticks_carry_the_year_in_each_language():
    with in_language("sv"):
        _, labels = date_ticks(date(2026, 11, 1), date(2027, 3, 31))
    assert labels[:3] == ["nov. 2026", "dec.", "jan. 2027"]
