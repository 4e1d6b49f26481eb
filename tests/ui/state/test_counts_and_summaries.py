"""Counts in words take the right form for one and for many (ngettext-style, so catalogues can translate
them), and the saved confirmation and History name sleep too."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from diary.domain.days import DayValues
from diary.domain.entries import CheckIn
from diary.ui import text as T
from diary.ui.state.checkin_form import saved_message, summary_parts
from diary.ui.state.history import history_rows

TODAY = date(2026, 3, 15)


@pytest.mark.parametrize(("words", "one", "two"), [
    (T.painful_areas, "1 painful area", "2 painful areas"),
    (T.ratings, "1 rating", "2 ratings"),
    (T.ratings_saved, "Saved 1 rating.", "Saved 2 ratings."),
    (T.questionnaires, "1 questionnaire", "2 questionnaires"),
    (T.check_ins, "1 check-in", "2 check-ins"),
    (T.days, "1 day", "2 days"),
    (T.flare_days_left_out, "1 flare or rest day left out", "2 flare or rest days left out"),
])
def test_one_and_many_take_their_own_form(words, one, two):
    assert words(1) == one and words(2) == two
    assert "0" in words(0)


def test_the_confirmation_names_one_area_and_sleep():
    checkin = CheckIn(id="c1", day=TODAY, recorded_at=datetime(2026, 3, 15, 20, tzinfo=timezone.utc), pain=6,
                      regions={"neck": None}, sleep_quality=7, sleep_hours=6.5)
    assert saved_message(checkin, today=TODAY) == "Saved today: pain 6, 1 painful area, sleep 7, 6.5 h sleep."


def test_history_names_sleep_and_counts_check_ins():
    values = DayValues(day=TODAY, n_checkins=1, pain=3.0, sleep_quality=4, sleep_hours=8.0)
    assert summary_parts(values) == ["pain 3", "sleep 4", "8 h sleep"]
    [row] = history_rows([DayValues(day=TODAY, n_checkins=2, pain=3.0)], today=TODAY)
    assert row.subtitle == "pain 3, 2 check-ins"
