"""History's list and one day, as frozen values built from day values: no Flet, no database."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from diary.domain.days import DayValues
from diary.domain.entries import CheckIn
from diary.ui.state.history import DayRow, WeekHeading, day_view, history_list

TODAY = date(2026, 3, 15)  # a Sunday
TZ = timezone(timedelta(hours=1))


def day(offset: int, **values) -> DayValues:
    return DayValues(day=TODAY - timedelta(days=offset), n_checkins=1 if values else 0, **values)


class TestHistoryList:
    def test_each_week_is_headed_once_above_its_days_newest_first(self):
        days = [day(i, pain=4.0) if i % 3 else day(i) for i in range(10)]
        items = history_list(days, days, today=TODAY, first=TODAY - timedelta(days=9), days_shown=30).items
        headings = [i for i in items if isinstance(i, WeekHeading)]
        assert [h.monday for h in headings] == [date(2026, 3, 9), date(2026, 3, 2)]
        assert isinstance(items[0], WeekHeading) and items[0].line.startswith("Week of 9 Mar")
        rows = [i for i in items if isinstance(i, DayRow)]
        assert [r.day for r in rows] == [d.day for d in days] and rows[0].title == "Today, 15 Mar"
        assert rows[0].subtitle == "Not logged" and not rows[0].logged and rows[1].logged

    def test_older_days_are_offered_when_there_are_more(self):
        days = [day(i, pain=3.0) for i in range(30)]
        assert history_list(days, days, today=TODAY, first=TODAY - timedelta(days=40), days_shown=30).more
        assert not history_list(days, days, today=TODAY, first=TODAY - timedelta(days=29), days_shown=30).more

    def test_a_week_is_judged_on_its_whole_seven_days_not_the_ones_on_the_page(self):
        monday = date(2026, 3, 9)
        page = [DayValues(day=TODAY, n_checkins=1, pain=5.0)]
        whole = page + [DayValues(day=monday + timedelta(days=i), n_checkins=1, pain=5.0) for i in range(4)]
        heading = history_list(page, whole, today=TODAY, first=monday, days_shown=30).items[0]
        assert "5.0" in heading.line


def test_one_day_lists_its_checkins_with_time_and_summary():
    at = datetime(2026, 3, 14, 20, 15, tzinfo=TZ)
    checkin = CheckIn.create(day=at.date(), recorded_at=at, pain=6, note="walked")
    view = day_view(at.date(), [checkin], today=TODAY)
    assert view.title == "Yesterday, 14 Mar" and len(view.cards) == 1
    assert view.cards[0].time == "20:15" and view.cards[0].summary.startswith("pain 6")
    assert day_view(TODAY, [], today=TODAY).cards == ()
