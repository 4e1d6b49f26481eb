"""The day's values: one row per calendar day, for history, charts and exports.

One rule, in one place (the foundation issue, and issue 15 for pain):
- pain: the day's **24-hour rating**, the pain answer of the day's first check-in, which asks about the
  last 24 hours. Extra check-ins ask about pain "right now": those momentary ratings are their own
  series (their mean, maximum and count), never averaged into the day's pain. A day without a 24-hour
  answer has no day's pain, whatever its momentary ratings. (Should a day ever hold two first
  check-ins, say an undone deletion, the day's pain is the mean of their 24-hour answers.)
- fatigue, stress, worry: the mean of that day's check-ins that answered them (2 decimals, half up);
- pain locations: the union of the day's regions (the WPI count is its size); an explicit "no pain"
  counts only when no check-in that day named a region;
- activity minutes: the sum over the day's check-ins that reported them;
- sleep: from the first check-in of the day that reported it (sleep is about the night before);
- strength: yes if any check-in said yes; flare: if any check-in marked it; notes: in time order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from diary.domain.entries import CheckIn
from diary.domain.errors import ValidationFailed
from diary.domain.items import ACTIVITY, DAY_MINUTES_MAX
from diary.domain.numbers import mean
from diary.domain.regions import region_order


@dataclass(frozen=True)
class DayValues:
    day: date
    n_checkins: int
    pain: float | None = None  # the 24-hour rating
    pain_now_mean: float | None = None  # momentary ("right now") ratings of the extra check-ins
    pain_now_max: int | None = None
    pain_now_n: int = 0
    fatigue: float | None = None
    stress: float | None = None
    worry: float | None = None
    regions: frozenset[str] | None = None  # None: no body map that day
    sleep_quality: int | None = None
    sleep_hours: float | None = None
    light_min: int | None = None
    moderate_min: int | None = None
    vigorous_min: int | None = None
    strength: bool | None = None
    flare: bool = False
    notes: tuple[str, ...] = ()

    @property
    def wpi_count(self) -> int | None:
        return None if self.regions is None else len(self.regions)

    @property
    def logged(self) -> bool:
        return self.n_checkins > 0

    @property
    def sorted_regions(self) -> list[str]:
        return sorted(self.regions or (), key=region_order)


def _answered(checkins: list[CheckIn], field: str) -> list:
    return [getattr(c, field) for c in checkins if getattr(c, field) is not None]


def _sum(values: list[int]) -> int | None:
    return sum(values) if values else None


def day_values(day: date, checkins: list[CheckIn]) -> DayValues:
    """Combine one day's check-ins (any order) into the day's values."""
    ordered = sorted((c for c in checkins if c.day == day), key=lambda c: c.recorded_at)
    if not ordered:
        return DayValues(day=day, n_checkins=0)
    if len(ordered) == 1:
        return _one_checkin_day(day, ordered[0])
    return _combined(day, ordered)


def _combined(day: date, ordered: list[CheckIn]) -> DayValues:
    """The rules above over a day's check-ins in time order."""
    day_pains = _answered([c for c in ordered if not c.extra], "pain")
    now_pains = _answered([c for c in ordered if c.extra], "pain")
    maps = [c.pain_regions for c in ordered if c.pain_regions is not None]
    strength = _answered(ordered, "strength")
    first_sleep = next((c for c in ordered if c.sleep_quality is not None or c.sleep_hours is not None), None)
    return DayValues(
        day=day,
        n_checkins=len(ordered),
        pain=mean(day_pains),
        pain_now_mean=mean(now_pains),
        pain_now_max=max(now_pains) if now_pains else None,
        pain_now_n=len(now_pains),
        fatigue=mean(_answered(ordered, "fatigue")),
        stress=mean(_answered(ordered, "stress")),
        worry=mean(_answered(ordered, "worry")),
        regions=frozenset().union(*maps) if maps else None,
        sleep_quality=first_sleep.sleep_quality if first_sleep else None,
        sleep_hours=first_sleep.sleep_hours if first_sleep else None,
        light_min=_sum(_answered(ordered, "light_min")),
        moderate_min=_sum(_answered(ordered, "moderate_min")),
        vigorous_min=_sum(_answered(ordered, "vigorous_min")),
        strength=any(strength) if strength else None,
        flare=any(c.flare for c in ordered),
        notes=tuple(c.note for c in ordered if c.note),
    )


def _mean_of_one(value: float | None) -> float | None:
    if type(value) is int:  # a rating: its mean is itself as a float (what mean([value]) gives)
        return float(value)
    return None if value is None else mean([value])


def _one_checkin_day(day: date, c: CheckIn) -> DayValues:
    # Most days hold one check-in, and a year of charts or a caseload's weekly figures build hundreds of
    # thousands of days: the rules above for a single check-in, without the per-field lists.
    # tests/domain/test_days.py checks this gives what the general rules give.
    day_pain, now_pain = (None, c.pain) if c.extra else (c.pain, None)
    return DayValues(
        day=day, n_checkins=1, pain=_mean_of_one(day_pain), pain_now_mean=_mean_of_one(now_pain),
        pain_now_max=now_pain, pain_now_n=0 if now_pain is None else 1, fatigue=_mean_of_one(c.fatigue),
        stress=_mean_of_one(c.stress), worry=_mean_of_one(c.worry), regions=c.pain_regions,
        sleep_quality=c.sleep_quality, sleep_hours=c.sleep_hours, light_min=c.light_min,
        moderate_min=c.moderate_min, vigorous_min=c.vigorous_min, strength=c.strength, flare=c.flare,
        notes=(c.note,) if c.note else (),
    )


def days_between(start: date, end: date, checkins: list[CheckIn]) -> list[DayValues]:
    """Every day from `start` to `end` inclusive, newest first; days without check-ins are included
    (n_checkins == 0) so gaps stay visible."""
    by_day = {d: list(group) for d, group in groupby(sorted(checkins, key=lambda c: c.day), key=lambda c: c.day)}
    total = (end - start).days
    return [day_values(d, by_day.get(d, [])) for d in (end - timedelta(days=i) for i in range(total + 1))]


def check_day_minutes(checkin: CheckIn, so_far: Mapping[str, int], *, previous: CheckIn | None = None) -> None:
    """Refuse a check-in that would take its day's minutes of one intensity past 1,440 (a day's length).

    `so_far` holds the day's minutes per intensity field over its other check-ins; `previous` is the
    check-in as it was before a correction. A day that already exceeds the cap (entered before the cap
    existed) may still be corrected: only an answer that adds minutes is refused.

    Raises:
        ValidationFailed: naming the intensity, the day's total and what is left of the day.
    """
    for field, label in ACTIVITY.items():
        minutes = getattr(checkin, field)
        kept = getattr(previous, field) if previous is not None and previous.day == checkin.day else None
        if not minutes or (kept is not None and minutes <= kept):
            continue
        earlier = so_far.get(field, 0)
        if earlier + minutes > DAY_MINUTES_MAX:
            left = max(0, DAY_MINUTES_MAX - earlier)
            raise ValidationFailed(
                f"{label} would add up to {earlier + minutes:,} minutes on {checkin.day.isoformat()}, more than a "
                f"day has ({DAY_MINUTES_MAX:,}); this check-in can hold at most {left:,}.", field=field)
