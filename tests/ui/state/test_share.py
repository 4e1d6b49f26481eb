"""The Share page as a frozen value, the period chosen and where a file went: no Flet, no database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from diary.domain.errors import DiaryError
from diary.ui.state.share import PERIOD_ALL, PERIOD_FROM, PERIOD_SINCE_LAST, saved_where, share_view, since_choice

TODAY = date(2026, 3, 15)


@dataclass
class Recipient:
    label: str
    fingerprint: str
    paired_at: datetime


@dataclass
class Last:
    at: datetime
    recipients: list[str]


@dataclass
class Own:
    text: str = "DIARY-SIG1:ABC"
    fingerprint_groups: str = "3f2a 9c01"


def view(recipients=(), since=None, last=None):
    return share_view(recipients=list(recipients), default_since=since, last=last, own=Own(), today=TODAY)


class TestShareView:
    def test_without_a_physiotherapist_the_passphrase_file_is_offered_first(self):
        page = view()
        assert page.passphrase_first and page.recipients == () and page.since_last is None
        assert page.last_export is None and page.own_key == "DIARY-SIG1:ABC"

    def test_paired_recipients_their_dates_and_the_last_export(self):
        physio = Recipient("Physio Berg", "3f2a9c01aabbccdd", datetime(2026, 3, 3, 10, tzinfo=timezone.utc))
        page = view([physio], since=date(2026, 3, 12), last=Last(datetime(2026, 3, 12, 9, tzinfo=timezone.utc),
                                                                   ["Physio Berg"]))
        assert not page.passphrase_first
        assert page.recipients[0].choice == "Physio Berg · 3f2a9c01"
        assert page.recipients[0].paired == "Physio Berg\npaired 3 Mar"
        assert page.since_last == "Since your last export (12 Mar)"
        assert page.last_export == "Last export: 12 Mar, for Physio Berg."

    def test_another_year_is_written_out(self):
        physio = Recipient("P", "00" * 8, datetime(2025, 12, 30, tzinfo=timezone.utc))
        assert view([physio]).recipients[0].paired.endswith("paired 30 Dec 2025")


class TestPeriod:
    def test_the_three_choices(self):
        assert since_choice(PERIOD_SINCE_LAST, "") == "last"
        assert since_choice(PERIOD_ALL, "2026-01-01") is None
        assert since_choice(PERIOD_FROM, " 2026-02-01 ") == date(2026, 2, 1)

    @pytest.mark.parametrize("typed", ["", "yesterday", "2026-02-30"])
    def test_a_typed_date_that_is_not_one_is_a_sentence(self, typed):
        with pytest.raises(DiaryError, match="must be a date like 2026-03-01"):
            since_choice(PERIOD_FROM, typed)


@dataclass
class File:
    path: Path | None


@dataclass
class Summary:
    files: list[File]


def test_where_the_file_went():
    assert saved_where(Summary([File(Path("/home/me/exports/a.diary"))]), web=False).startswith(
        "Saved in /home/me/exports. ")
    assert saved_where(Summary([File(None)]), web=True) != saved_where(Summary([File(None)]), web=False)
