"""weekly.csv's weeks come from the export's day rows (research.tables.patient_days) passed column by column to
the domain's week rules; they must be the weeks diary.domain.weeks makes from every day's DayValues."""

from datetime import date, timedelta, timezone

from diary.domain.days import days_between
from diary.domain.weeks import weeks_of
from diary.research.tables import patient_days
from diary.research.weekly import patient_weeks
from diary.services.demo import demo_checkins


def _demo(seed: int, end: date) -> list:
    return demo_checkins(days=400, seed=seed, end=end, tz=timezone(timedelta(hours=1)))


def _domain_weeks(checkins: list) -> list:
    return weeks_of(days_between(min(c.day for c in checkins), max(c.day for c in checkins), checkins))


def test_weeks_of_the_day_rows_equal_the_domain_weeks_of_every_day():
    # Gaps of a week and more, so whole weeks hold no check-in; a start and an end mid-week.
    checkins = [c for c in _demo(11, date(2026, 3, 15)) if not date(2025, 7, 1) <= c.day <= date(2025, 7, 20)]
    assert list(patient_weeks(patient_days(checkins))) == _domain_weeks(checkins)


def test_weeks_starting_on_a_monday_and_a_sunday():
    for end in (date(2026, 3, 16), date(2026, 3, 22)):  # the last week cut short, and ending on a Sunday
        for first_weekday in (0, 6):
            checkins = _demo(3, end)
            first = min(c.day for c in checkins)
            start = first + timedelta(days=(first_weekday - first.weekday()) % 7)
            kept = [c for c in checkins if c.day >= start]
            assert min(c.day for c in kept).weekday() == first_weekday
            assert list(patient_weeks(patient_days(kept))) == _domain_weeks(kept)


def test_no_checkins_no_weeks():
    assert patient_days([]) == [] and list(patient_weeks([])) == []
