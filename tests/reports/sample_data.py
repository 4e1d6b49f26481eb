"""A deterministic, realistic diary for report tests, samples and the P4 benchmark."""

from __future__ import annotations

import math
import random
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone

from diary.domain.days import DayValues
from diary.domain.goals import Goal, Rating
from diary.domain.plans import Activity
from diary.domain.questionnaires import Response

TODAY = date(2026, 3, 15)
TZ = timezone(timedelta(hours=1))
LEVELS = {-2: "Much less than expected", -1: "Somewhat less", 0: "As expected", 1: "Somewhat more", 2: "Much more"}


def at(day: date, hour: int = 19) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=TZ)


def year_of_days(today: date = TODAY, n: int = 365, seed: int = 7) -> list[DayValues]:
    """`n` days to `today`, newest first, with gaps, flares, slow improvement and weekly rhythm."""
    rng = random.Random(seed)
    days = []
    for i in range(n):
        day = today - timedelta(days=i)
        if rng.random() < 0.12:
            days.append(DayValues(day=day, n_checkins=0))
            continue
        base = 4.2 + 1.6 * i / n + 0.8 * math.sin(i / 9)
        flare = rng.random() < 0.05
        pain = min(10, max(0, round(base + (2.5 if flare else 0) + rng.gauss(0, 1.1))))
        regions = None
        if rng.random() < 0.8:
            regions = frozenset(r for r, p in (("lower_back", .85), ("neck", .7), ("shoulder_left", .55),
                                               ("shoulder_right", .35), ("upper_back", .45), ("hip_left", .2),
                                               ("upper_leg_left", .15), ("lower_arm_right", .1), ("jaw_left", .05))
                                if rng.random() < p)
        days.append(DayValues(
            day=day, n_checkins=2 if flare else 1, pain=float(pain),
            # a flare afternoon's extra "right now" check-in: its own series, never in the day's pain
            **({"pain_now_mean": float(min(10, pain + 2)), "pain_now_max": min(10, pain + 2), "pain_now_n": 1}
               if flare else {}),
            fatigue=float(min(10, max(0, round(base + 0.5 + rng.gauss(0, 1.3))))),
            stress=float(min(10, max(0, round(3.5 + rng.gauss(0, 1.6))))),
            regions=regions, sleep_quality=min(10, max(0, round(7 - pain / 2 + rng.gauss(0, 1.2)))),
            light_min=rng.choice([None, 10, 20, 30, 45]), moderate_min=rng.choice([None, 0, 15, 20, 30]),
            vigorous_min=rng.choice([None, None, 0, 0, 10]), flare=flare,
            notes=(("Bad night, neck stiff after the drive.",) if rng.random() < 0.1 else ()),
        ))
    return days


def goals_and_ratings(start: date = TODAY - timedelta(days=84)) -> tuple[list[Goal], list[Rating]]:
    main = Goal.create(type="main", title="Walk to the market and back without stopping", start_date=start,
                       levels=LEVELS, baseline_level=-2)
    steps = [
        Goal.create(type="intermediate", title="Walk 20 minutes three times a week", start_date=start,
                    main_goal_id=main.id, levels=LEVELS, baseline_level=-2),
        Goal.create(type="intermediate", title="Sleep through the night at least four nights a week",
                    start_date=start, main_goal_id=main.id),
        Goal.create(type="intermediate", title="Carry the shopping bags up the stairs", start_date=start,
                    main_goal_id=main.id, levels=LEVELS, baseline_level=-2),
    ]
    plan = {main.id: [-2, -2, -1, -1, 0], steps[0].id: [-2, -1, 0, 0, 1], steps[2].id: [-2, -1, -1, 0, 0]}
    ratings = []
    for k in range(5):
        day = start + timedelta(days=7 + 18 * k)
        for goal in (main, steps[0], steps[2]):
            ratings.append(Rating.create(goal, rated_on=day, rater="physiotherapist", recorded_at=at(day),
                                         level=plan[goal.id][k]))
        ratings.append(Rating.create(steps[1], rated_on=day, rater="patient", recorded_at=at(day),
                                     category=["not", "partially", "partially", "fully", "partially"][k]))
    return [main, *steps], ratings


def response(instrument_id: str, answers: list[int | None], day: date) -> Response:
    r = Response.start(instrument_id, now=at(day, 9))
    return replace(r, answers=tuple(answers)).complete(now=at(day, 10))


def phq15_answers(total: int) -> list[int]:
    answers = [0] * 15
    for i in range(total):
        answers[i % 15] += 1
    return answers


def questionnaire_responses(today: date = TODAY) -> list[Response]:
    totals = [14, 13, 13, 12, 11, 12, 10, 9, 9, 8, 8, 7]
    out = [response("phq15", phq15_answers(t), today - timedelta(days=7 * (len(totals) - 1 - k) + 1))
           for k, t in enumerate(totals)]
    out += [response("phq9", [2, 1, 2, 1, 1, 1, 0, 1, 0], today - timedelta(days=80)),
            response("phq9", [1, 1, 1, 1, 1, 0, 0, 1, 0], today - timedelta(days=10)),
            response("gad7", [2, 2, 1, 1, 1, 1, 1], today - timedelta(days=80)),
            response("gad7", [1, 1, 1, 1, 0, 1, 1], today - timedelta(days=10))]
    return out


def plan() -> list[Activity]:
    return [Activity.create(name="Walk", intensity="moderate", minutes=30, times_per_week=3),
            Activity.create(name="Exercise bike", intensity="light", minutes=20, times_per_week=2),
            Activity.create(name="Strength exercises", intensity="strength", times_per_week=2)]
