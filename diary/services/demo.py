"""Realistic synthetic data for trying the app, demos and benchmarks (`diary demo`).

The series has what real diaries of chronic widespread pain have: a slowly drifting pain level, flare
episodes of a few days with more pain and less activity, stress that travels with pain, sleep that
worsens in flares, a stable set of painful regions, skipped days, and the odd note.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from diary.domain.entries import CheckIn
from diary.domain.errors import DiaryError
from diary.services.bootstrap import Diary

DEMO_MARK = "demo_data"
_USUAL_REGIONS = ["neck", "upper_back", "lower_back", "shoulder_left", "shoulder_right", "hip_left", "hip_right",
                  "upper_leg_left", "upper_leg_right", "lower_arm_right", "jaw_left", "abdomen"]
_NOTES = ["Walked with a friend.", "Bad night, woke at 4.", "Physio visit today.", "Rained all day; stayed in.",
          "Tried the new stretching routine.", "Long day at work.", "Good day, did the garden."]


def _clamp(value: float, low: int = 0, high: int = 10) -> int:
    return max(low, min(high, round(value)))


def demo_checkins(*, days: int, seed: int, end: date, tz) -> list[CheckIn]:
    """`days` days of check-ins ending on `end`, the same for the same seed."""
    rng = random.Random(seed)
    level = rng.uniform(4.0, 6.5)
    usual = rng.sample(_USUAL_REGIONS, k=rng.randint(4, 8))
    flare_left = 0
    checkins: list[CheckIn] = []
    for offset in range(days - 1, -1, -1):
        day = end - timedelta(days=offset)
        level = min(8.0, max(2.0, level + rng.gauss(0, 0.15)))
        if flare_left == 0 and rng.random() < 0.025:
            flare_left = rng.randint(2, 5)
        flare = flare_left > 0
        flare_left = max(0, flare_left - 1)
        if rng.random() < 0.12 and not flare:
            continue  # a skipped day
        pain = _clamp(level + (2.5 if flare else 0) + rng.gauss(0, 1.0))
        active = 0.3 if flare else 1.0
        regions = {r: None for r in usual if rng.random() < 0.45 + pain / 25}
        checkins.append(CheckIn.create(
            day=day,
            recorded_at=datetime.combine(day, time(20, rng.randint(0, 59)), tzinfo=tz),
            pain=pain,
            regions=regions or None,
            no_pain=not regions and pain == 0,
            fatigue=_clamp(pain + rng.gauss(0.5, 1.2)),
            stress=_clamp(pain * 0.6 + rng.gauss(1.5, 1.5)),
            sleep_quality=_clamp(8 - pain * 0.5 + rng.gauss(0, 1.2)),
            sleep_hours=max(3.0, min(10.0, round((7.2 - pain * 0.15 + rng.gauss(0, 0.8)) * 2) / 2)),
            light_min=int(rng.choice([0, 15, 20, 30, 45, 60, 90]) * active),
            moderate_min=int(rng.choice([0, 0, 10, 20, 30, 40]) * active) // 5 * 5,
            vigorous_min=rng.choice([0, 0, 0, 0, 10, 20]) if not flare else 0,
            strength=rng.random() < (0.1 if flare else 0.35),
            worry=_clamp(pain * 0.5 + rng.gauss(0, 1.5)),
            flare=flare,
            note=rng.choice(_NOTES) if rng.random() < 0.08 else None,
        ))
        if flare and rng.random() < 0.5:  # an extra "right now" check-in on a bad afternoon
            checkins.append(CheckIn.create(
                day=day, extra=True, recorded_at=datetime.combine(day, time(15, 0), tzinfo=tz),
                pain=_clamp(pain + 1), flare=True,
            ))
    return checkins


def fill_demo(diary: Diary, *, days: int, seed: int) -> int:
    """Fill an empty home with demo data; returns the number of check-ins written.

    Raises:
        DiaryError: the home already holds data that is not demo data (never mixed with real data).
    """
    if days < 1 or days > 3660:
        raise DiaryError(f"--days must be from 1 to 3660 (got {days}).")
    if diary.checkins.count() and diary.meta.get(DEMO_MARK) != "1":
        raise DiaryError(
            f"{diary.home} already holds a real diary; demo data is only written to an empty home. "
            "Use --home with a new folder to try the demo."
        )
    now = diary.clock()
    # Up to yesterday, so that Today is left for the person trying the app to log.
    checkins = demo_checkins(days=days, seed=seed, end=now.date() - timedelta(days=1), tz=now.tzinfo)
    existing = {c.day for c in diary.checkins.all()}
    fresh = [c for c in checkins if c.day not in existing]
    diary.meta.set(DEMO_MARK, "1")
    diary.checkins.add_many(fresh, now=now)
    return len(fresh)
