"""Counts in words take the right form for one and for many (plural messages of the catalogs), and the saved
confirmation and History name sleep too."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from diary.domain.days import DayValues
from diary.domain.entries import CheckIn
from diary.ui import text as T
from diary.ui.state.checkin_form import saved_message, summary_parts
from diary.ui.state.history import history_rows

TODAY = date(2026, 3, 15)


@pytest.mark.parametrize(("message", "one", "two"), [
    ("SUMMARY_REGIONS", "1 painful area", "2 painful areas"),
    ("HISTORY_OF_RATINGS", "1 rating", "2 ratings"),
    ("RATINGS_SAVED", "Saved 1 rating.", "Saved 2 ratings."),
    ("COUNT_QUESTIONNAIRES", "1 questionnaire", "2 questionnaires"),
    ("COUNT_CHECKINS", "1 check-in", "2 check-ins"),
    ("DAY_CHECKINS", "1 check-in", "2 check-ins"),
    ("PLAN_FLARE_DAYS", "1 flare or rest day left out", "2 flare or rest days left out"),
])
def test_one_and_many_take_their_own_form(message, one, two):
    words = getattr(T, message)  # a plural message of the catalogs (P_): its form follows n
    assert words.format(n=1) == one and words.format(n=2) == two
    assert "0" in words.format(n=0)


def test_days_and_check_ins_count_each_in_its_own_form():
    assert T.days_and_checkins(1, 1) == "1 day, 1 check-in"
    assert T.days_and_checkins(2, 3) == "2 days, 3 check-ins"
    assert T.days_logged_and_checkins(1, 1) == "1 day logged, 1 check-in"
    assert T.days_logged_and_checkins(30, 32) == "30 days logged, 32 check-ins"


def test_the_confirmation_names_one_area_and_sleep():
    checkin = CheckIn(id="c1", day=TODAY, recorded_at=datetime(2026, 3, 15, 20, tzinfo=timezone.utc), pain=6,
                      regions={"neck": None}, sleep_quality=7, sleep_hours=6.5)
    assert saved_message(checkin, today=TODAY) == "Saved today: pain 6, 1 painful area, sleep 7, 6.5 h sleep."


def test_history_names_sleep_and_counts_check_ins():
    values = DayValues(day=TODAY, n_checkins=1, pain=3.0, sleep_quality=4, sleep_hours=8.0)
    assert summary_parts(values) == ["pain 3", "sleep 4", "8 h sleep"]
    [row] = history_rows([DayValues(day=TODAY, n_checkins=2, pain=3.0)], today=TODAY)
    assert row.subtitle == "pain 3, 2 check-ins"
