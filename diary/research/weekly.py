"""weekly.csv: one row per patient and ISO week, by diary.domain.weeks' rules (instruments.md §4).

Weeks run from the week of the patient's first check-in to the week of the last. Dates are shifted by
whole weeks, so a shifted week is still a Monday-to-Sunday ISO week.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from operator import attrgetter

from diary.domain.days import DayValues, day_values
from diary.domain.patient_record import PatientRecord
from diary.domain.regions import region_order
from diary.domain.weeks import weeks_of
from diary.research.tables import Deidentified

_DAY = attrgetter("day")


def _logged_days(record: PatientRecord) -> list[DayValues]:
    # Only the days with check-ins: a week's figures count reported days, and a day without a check-in
    # reports nothing whether it is absent or an empty DayValues (days_between's), so this is the same
    # weeks for less (tests/research/test_weekly.py compares the two).
    ordered = sorted(record.checkins, key=_DAY)
    return [day_values(day, list(group)) for day, group in groupby(ordered, key=_DAY)]


def weekly_rows(record: PatientRecord, who: Deidentified) -> Iterator[dict]:
    if not record.checkins:
        return
    for week in weeks_of(_logged_days(record)):
        monday = who.day(week.monday)
        year, number, _ = monday.isocalendar()
        a = week.activity
        row = {"study_id": who.study_id, "iso_year": year, "iso_week": number, "week_start": monday}
        for name in ("pain", "fatigue", "stress"):
            figure = getattr(week, name)
            row[f"{name}_mean"] = figure.mean
            row[f"{name}_days_reported"] = figure.days_reported
        row.update({
            "activity_days_reported": a.days_reported, "light_min": a.light_min, "moderate_min": a.moderate_min,
            "vigorous_min": a.vigorous_min, "moderate_equivalent_min": a.moderate_equivalent_min,
            "who_aerobic_met": a.who_aerobic_met, "strength_days_reported": a.strength_days_reported,
            "strength_days": a.strength_days, "who_strength_met": a.who_strength_met,
            "wpi_days_reported": week.wpi_days_reported, "wpi_mean": week.wpi_mean,
            "regions_week": ";".join(sorted(week.regions, key=region_order)) or None,
        })
        yield row
