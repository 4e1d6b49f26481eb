"""weekly.csv's weeks come from the logged days only; they must be the weeks of every day, gaps included."""

from datetime import date, timedelta, timezone

from diary.domain.days import days_between
from diary.domain.patient_record import PatientRecord
from diary.domain.weeks import weeks_of
from diary.research.weekly import _logged_days
from diary.services.demo import demo_checkins


def test_weeks_of_logged_days_equal_weeks_of_every_day():
    checkins = tuple(demo_checkins(days=400, seed=11, end=date(2026, 3, 15), tz=timezone(timedelta(hours=1))))
    # Gaps of a week and more, so whole weeks hold no check-in.
    checkins = tuple(c for c in checkins if not date(2025, 7, 1) <= c.day <= date(2025, 7, 20))
    record = PatientRecord(key="k", label=None, checkins=checkins, questionnaires=(), goals=(), ratings=(), plan=())
    every_day = days_between(min(c.day for c in checkins), max(c.day for c in checkins), list(checkins))
    assert weeks_of(_logged_days(record)) == weeks_of(every_day)
