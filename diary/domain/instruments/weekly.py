"""Weekly aggregates of the daily diary (shared/reference/instruments.md §4, the diary_weekly_* vectors).

Rules:
- A day counts as reported **per field** (issue 15 §4): pain on the days pain was answered, activity
  minutes on the days at least one of light / moderate / vigorous was answered (a blank intensity beside
  an answered one adds 0), strength on the days strength was answered yes or no. A day with only
  "strength: no" reports no minutes.
- An NRS weekly mean is valid only with at least 4 of the 7 days reported.
- Activity sums are valid only with at least 4 days of minutes reported. Sums are of the reported days
  and are never extrapolated, so the WHO aerobic flag, computed on the observed sums, can only
  under-estimate. The strength flag (strength exercises on ≥ 2 days) is valid only with strength
  answered on at least 4 days. Both are leisure-time activity only: the diary asks about free time.
- `days_reported` (and `strength_days_reported`) is always returned, valid or not.
Pure functions: a week is a list of 7 day values (None = not reported), oldest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from diary.domain.errors import Sentence, ValidationFailed
from diary.domain.instruments.common import exact, exact_sum, two_decimals
from diary.domain.instruments.definitions import is_number
from diary.domain.instruments.who import meets_aerobic, meets_strength, moderate_equivalent_min
from diary.domain.numbers import round_half_up

DAYS_IN_WEEK = 7
MIN_DAYS_REPORTED = 4
MINUTES_PER_DAY = 24 * 60  # a day's minutes are summed over its check-ins, so 600 per entry is not the cap
_MINUTE_FIELDS = ("light", "moderate", "vigorous")
_INT = {int}
_SEQUENCES = {list, tuple}
_PLAIN_NUMBERS = (int, float)  # exactly these types (not bool): NaN and infinities fail the range check


@dataclass(frozen=True)
class WeeklyMean:
    """A week's mean of a 0–10 rating, 2 decimals half up; None unless valid."""

    valid: bool
    mean: float | None
    days_reported: int


@dataclass(frozen=True)
class WeeklyActivity:
    """A week's leisure activity from the diary; every minute figure is None unless valid (≥ 4 days of
    minutes), the strength figures unless strength was answered on ≥ 4 days."""

    valid: bool
    days_reported: int  # days with minutes answered
    strength_days_reported: int = 0  # days with strength answered (yes or no)
    light_min: int | None = None
    moderate_min: int | None = None
    vigorous_min: int | None = None
    total_hours: float | None = None  # light + moderate + vigorous
    mvpa_hours: float | None = None  # moderate + vigorous
    moderate_equivalent_min: int | None = None  # moderate + 2 × vigorous
    strength_days: int | None = None  # days with strength exercises
    who_aerobic_met: bool | None = None  # ≥150 moderate-equivalent minutes
    who_strength_met: bool | None = None  # strength exercises on ≥2 days (major muscle groups not asked)


def _week(days: Any, what: str) -> list[Any]:
    if not isinstance(days, (list, tuple)) or len(days) != DAYS_IN_WEEK:
        got = f"{len(days)} days" if isinstance(days, (list, tuple)) else repr(days)
        raise ValidationFailed(Sentence("{what} needs one value per day for 7 days (None for a day not reported); got {got}.", what=what, got=got))
    return list(days)


def weekly_nrs_mean(values: Any, *, label: str = "Rating") -> WeeklyMean:
    """The weekly mean of a daily 0–10 rating (pain, fatigue, stress…).

    Args:
        values: 7 daily values 0–10 (daily means may have decimals), None for a day not reported.
        label: how error messages name the rating.

    Raises:
        ValidationFailed: for a week that is not 7 days or a value outside 0–10.
    """
    if type(values) is list and len(values) == DAYS_IN_WEEK:
        reported = [v for v in values if v is not None]
        if _INT.issuperset(map(type, reported)) and (not reported or 0 <= min(reported) and max(reported) <= 10):
            # Whole numbers in range (most weeks: one check-in a day), the rule below in a few C calls.
            n = len(reported)
            if n < MIN_DAYS_REPORTED:
                return WeeklyMean(valid=False, mean=None, days_reported=n)
            return WeeklyMean(valid=True, mean=whole_mean(sum(reported), n), days_reported=n)
    return _checked_nrs_mean(values, label)


def _checked_nrs_mean(values: Any, label: str) -> WeeklyMean:
    days = _week(values, f"The weekly {label.lower()} mean")
    for number, value in enumerate(days, start=1):
        if value is None or type(value) in _PLAIN_NUMBERS and 0 <= value <= 10:  # the usual case, cheaply
            continue
        if not (is_number(value) and 0 <= value <= 10):
            raise ValidationFailed(Sentence("{label} on day {number}: {value!r} is not allowed; values are numbers from 0 to 10 (or empty for a day not reported).", label=label, number=number, value=value), field=f"day{number}")
    reported = [v for v in days if v is not None]
    if len(reported) < MIN_DAYS_REPORTED:
        return WeeklyMean(valid=False, mean=None, days_reported=len(reported))
    if {*map(type, reported)} == _INT or all(v % 1 == 0 for v in reported):
        # Whole numbers add exactly as ints; their exact mean a / n as a float is int division, which is
        # correctly rounded: the float of Fraction(a, n) itself.
        return WeeklyMean(valid=True, mean=whole_mean(int(sum(reported)), len(reported)),
                          days_reported=len(reported))
    return WeeklyMean(valid=True, mean=two_decimals(exact_sum(exact(v) for v in reported) / len(reported)),
                      days_reported=len(reported))


@lru_cache(maxsize=1024)
def whole_mean(total: int, n: int) -> float:
    """The mean of n whole numbers that add up to `total`, to 2 decimals half up: numbers.mean's value for
    them (a caseload's weeks share a few hundred such pairs, so each is rounded once)."""
    return round_half_up(total / n, 2)


@lru_cache(maxsize=4096)
def _hours(minutes: int) -> float:
    """Minutes as hours, 2 decimals half up: two_decimals(Fraction(minutes, 60)), since int division is
    correctly rounded like the Fraction's float."""
    return round_half_up(minutes / 60, 2)


def weekly_pain_mean(values: Any) -> WeeklyMean:
    """The weekly mean pain NRS; valid only with ≥4 of 7 days reported.

    Args:
        values: 7 daily pain values 0–10, None for a day not reported.

    Raises:
        ValidationFailed: for a week that is not 7 days or a value outside 0–10.
    """
    return weekly_nrs_mean(values, label="Pain")


def _check_day(number: int, day: Any) -> None:
    where = f"Activity on day {number}"
    if not isinstance(day, (list, tuple)) or len(day) != 4:
        raise ValidationFailed(Sentence("{where}: {day!r} is not allowed; give [light min, moderate min, vigorous min, strength yes/no], or None for a day not reported.", where=where, day=day), field=f"day{number}")
    for name, minutes in zip(_MINUTE_FIELDS, day):
        if minutes is None or type(minutes) is int and 0 <= minutes <= MINUTES_PER_DAY:  # the usual case, cheaply
            continue
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 <= minutes <= MINUTES_PER_DAY:
            raise ValidationFailed(Sentence("{where}: {name} minutes {minutes!r} is not allowed; minutes are whole numbers from 0 to {MINUTES_PER_DAY} (or empty).", where=where, name=name, minutes=minutes, MINUTES_PER_DAY=MINUTES_PER_DAY), field=f"day{number}")
    if day[3] is not None and not isinstance(day[3], bool):
        raise ValidationFailed(Sentence("{where}: strength {day!r} is not allowed; answers are true, false or empty.", where=where, day=day[3]),
                               field=f"day{number}")
    return None


def _plain_day(day: Any) -> bool:
    """_check_day's rule for the usual day (a list or tuple of ints in range or None, and a bool or None),
    without building its messages."""
    if type(day) not in _SEQUENCES or len(day) != 4:
        return False
    light, moderate, vigorous, strength = day
    return ((light is None or type(light) is int and 0 <= light <= MINUTES_PER_DAY)
            and (moderate is None or type(moderate) is int and 0 <= moderate <= MINUTES_PER_DAY)
            and (vigorous is None or type(vigorous) is int and 0 <= vigorous <= MINUTES_PER_DAY)
            and (strength is None or type(strength) is bool))


def weekly_activity(days: Any) -> WeeklyActivity:
    """The week's activity totals and WHO 2020 flags from the daily diary.

    Minutes and strength are reported per field: a day reports minutes when any of its three minute
    fields is filled in, and strength when strength is; a blank adds nothing (blank is "not reported",
    never 0, and the week is not extrapolated).

    Args:
        days: 7 entries, each [light min, moderate min, vigorous min, strength yes/no] or None.

    Raises:
        ValidationFailed: for a week that is not 7 days or a malformed day.
    """
    week = _week(days, "The weekly activity")
    minute_days = light = moderate = vigorous = strength_answered = strength_days = 0
    for number, day in enumerate(week, start=1):
        if day is None:
            continue
        if not _plain_day(day):
            _check_day(number, day)  # raises, but for a day of subclasses (an int subclass…), which counts
        if day[0] is not None or day[1] is not None or day[2] is not None:
            minute_days += 1
            light, moderate, vigorous = light + (day[0] or 0), moderate + (day[1] or 0), vigorous + (day[2] or 0)
        if day[3] is not None:
            strength_answered += 1
            strength_days += day[3]
    strength_valid = strength_answered >= MIN_DAYS_REPORTED
    strength_figures = dict(strength_days_reported=strength_answered,
                            strength_days=strength_days if strength_valid else None,
                            who_strength_met=meets_strength(strength_days) if strength_valid else None)
    if minute_days < MIN_DAYS_REPORTED:
        return WeeklyActivity(valid=False, days_reported=minute_days, **strength_figures)
    return WeeklyActivity(
        valid=True, days_reported=minute_days, light_min=light, moderate_min=moderate, vigorous_min=vigorous,
        total_hours=_hours(light + moderate + vigorous), mvpa_hours=_hours(moderate + vigorous),
        moderate_equivalent_min=moderate_equivalent_min(moderate, vigorous),
        who_aerobic_met=meets_aerobic(moderate, vigorous), **strength_figures,
    )
