"""weekly.csv: one row per patient and ISO week, by diary.domain.weeks' rules (instruments.md §4).

Weeks run from the week of the patient's first check-in to the week of the last. Dates are shifted by
whole weeks, so a shifted week is still a Monday-to-Sunday ISO week.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from diary.domain.patient_record import PatientRecord
from diary.domain.weeks import WeekFigures, figures_of_week
from diary.research.tables import DAILY_COLUMNS, NOTHING_LOGGED, Deidentified, patient_days, regions_text

# Where the week's inputs sit in patient_days' values (DAILY_COLUMNS from "pain" on).
_VALUES = DAILY_COLUMNS[DAILY_COLUMNS.index("pain"):]
_PAIN, _FATIGUE, _STRESS = (_VALUES.index(name) for name in ("pain", "fatigue", "stress"))
_ACTIVITY = slice(_VALUES.index("light_min"), _VALUES.index("strength") + 1)  # light, moderate, vigorous, strength


def patient_weeks(days: list[tuple]) -> Iterator[WeekFigures]:
    """The ISO weeks of patient_days(...) (every day from the first to the last check-in), oldest first:
    diary.domain.weeks.weeks_of over the same days, each week's columns passed to its rules directly."""
    if not days:
        return
    lead = days[0][0].weekday()  # the days of the first week before the first check-in: not reported
    padded = [None] * lead + days
    for start in range(0, len(padded), 7):
        week = padded[start:start + 7]
        week += [None] * (7 - len(week))
        logged = [d if d is not None and d[1] else None for d in week]  # an empty day reports nothing
        values = [NOTHING_LOGGED if d is None else d[2] for d in logged]
        yield figures_of_week(
            days[0][0] + timedelta(days=start - lead),
            pain=[v[_PAIN] for v in values], fatigue=[v[_FATIGUE] for v in values],
            stress=[v[_STRESS] for v in values], activity=[None if d is None else d[2][_ACTIVITY] for d in logged],
            maps=[d[3] for d in logged if d is not None and d[3] is not None])


def weekly_rows(record: PatientRecord, who: Deidentified, days: list[tuple] | None = None) -> Iterator[tuple]:
    """Tuples in WEEKLY_COLUMNS order. `days`: patient_days(record.checkins), when already made."""
    days = patient_days(record.checkins) if days is None else days
    for week in patient_weeks(days):
        monday = who.day(week.monday)
        year, number, _ = monday.isocalendar()
        a, pain, fatigue, stress = week.activity, week.pain, week.fatigue, week.stress
        yield (who.study_id, year, number, monday, pain.mean, pain.days_reported, fatigue.mean,
               fatigue.days_reported, stress.mean, stress.days_reported, a.days_reported, a.light_min,
               a.moderate_min, a.vigorous_min, a.moderate_equivalent_min, a.who_aerobic_met,
               a.strength_days_reported, a.strength_days, a.who_strength_met, week.wpi_days_reported,
               week.wpi_mean, regions_text(week.regions) or None)
