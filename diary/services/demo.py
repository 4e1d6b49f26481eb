"""Realistic synthetic data for trying the app, demos and benchmarks (`diary demo`).

The series has what real diaries of chronic widespread pain have: a slowly drifting pain level, flare
episodes of a few days with more pain and less activity, stress that travels with pain, sleep that
worsens in flares, a stable set of painful regions, skipped days, and the odd note.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from diary.domain.entries import CheckIn
from diary.domain.errors import DiaryError
from diary.domain.goals import Goal, Rater, Rating
from diary.domain.plans import Activity
from diary.domain.questionnaires import Response
from diary.services.bootstrap import Diary
from diary.services.questionnaires import ADMINISTRATION_OPTIONS
from diary.storage.goal_repository import GoalRepository
from diary.storage.questionnaire_repository import QuestionnaireRepository
from diary.i18n import _

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
        raise DiaryError(_("--days must be from 1 to 3660 (got {days}).").format(days=days))
    if diary.checkins.count() and diary.meta.get(DEMO_MARK) != "1":
        raise DiaryError(
            _("{home} already holds a real diary; demo data is only written to an empty home. Use --home with a new folder to try the demo.").format(home=diary.home)
        )
    now = diary.clock()
    # Up to yesterday, so that Today is left for the person trying the app to log.
    checkins = demo_checkins(days=days, seed=seed, end=now.date() - timedelta(days=1), tz=now.tzinfo)
    existing = {c.day for c in diary.checkins.all()}
    fresh = [c for c in checkins if c.day not in existing]
    diary.meta.set(DEMO_MARK, "1")
    diary.checkins.add_many(fresh, now=now)
    if not diary.goals.overview():
        goals, ratings, plan = demo_goal_set(start=now.date() - timedelta(days=days - 1), seed=seed, now=now)
        repo = GoalRepository(diary.engine)
        for goal in goals:
            repo.add_goal(goal, now=now)
        for activity in plan:
            repo.add_activity(activity, now=now)
        for rating in ratings:
            repo.add_rating(rating)
    if not diary.questionnaires.all_completed():
        forms = QuestionnaireRepository(diary.engine)
        for response in demo_responses(checkins, seed=seed):
            forms.save(response)
    return len(fresh)


def completed_response(instrument_id: str, answers: list, at: datetime) -> Response:
    # All answers at once: complete() scores them, and the scorer checks every answer.
    response = Response.start(instrument_id, now=at, options=ADMINISTRATION_OPTIONS.get(instrument_id))
    return replace(response, answers=tuple(answers)).complete(now=at)


def demo_responses(checkins: list[CheckIn], *, seed: int) -> list[Response]:
    """PHQ-15 every Sunday, PHQ-9 and GAD-7 every fourth, answers that follow that week's pain."""
    rng = random.Random(seed + 2)
    pain_by_day = {c.day: c.pain for c in checkins if not c.extra and c.pain is not None}
    responses: list[Response] = []
    for week, sunday in enumerate(sorted(d for d in pain_by_day if d.weekday() == 6)):
        at = datetime.combine(sunday, time(20, 30), tzinfo=checkins[0].recorded_at.tzinfo)
        burden = pain_by_day[sunday] / 10

        def item(top: int, weight: float = 1.0) -> int:
            return max(0, min(top, round(burden * weight * top + rng.gauss(0, 0.5))))

        # PHQ-15 item 4 (menstrual problems) left blank half the time, as it is for many respondents.
        phq15 = [item(2, w) for w in (1.2, 1.0, 1.1, 0.5, 0.6, 0.4, 0.5, 0.8, 0.4, 0.5, 0.3, 0.6, 0.9, 1.2, 1.0)]
        if rng.random() < 0.5:
            phq15[3] = None
        responses.append(completed_response("phq15", phq15, at))
        if week % 4 == 0:
            responses.append(completed_response("phq9", [item(3, 0.7) for _ in range(8)] + [0], at))
            responses.append(completed_response("gad7", [item(3, 0.8) for _ in range(7)], at))
    return responses


def demo_goal_set(*, start: date, seed: int, now: datetime,
                  response: float = 1.0) -> tuple[list[Goal], list[Rating], list[Activity]]:
    """A main goal with two steps, weekly ratings that mostly improve, and a two-activity plan.

    `response` scales how far the patient gets (1: to the goal; 0.5: about half way), so a demo caseload
    has patients who do not reach their goals.
    """
    rng = random.Random(seed + 1)
    today = now.date()
    main = Goal.create(
        type="main", title="Walk to work again", start_date=start, baseline_level=-2,
        measure="Walking the 2 km to work", baseline="Takes the bus every day",
        target="Walks to work 3 days a week", target_date=today + timedelta(days=60),
        levels={-2: "Takes the bus every day", -1: "Walks to work once a week", 0: "Walks to work 3 days a week",
                1: "Walks to work 4 days a week", 2: "Walks to work every day"},
    )
    walk = Goal.create(
        type="intermediate", title="Walk 30 minutes", main_goal_id=main.id, start_date=start, baseline_level=-2,
        levels={-2: "No walks", -1: "Walks 10 min twice a week", 0: "Walks 30 min 3 times a week",
                1: "Walks 40 min 3 times a week", 2: "Walks 40 min 4 times a week"},
    )
    stretch = Goal.create(type="intermediate", title="Stretch every morning", main_goal_id=main.id, start_date=start)
    plan = [Activity.create(name="Walk", intensity="moderate", minutes=30, times_per_week=3, goal_id=walk.id),
            Activity.create(name="Strength exercises", intensity="strength", times_per_week=2, goal_id=main.id)]
    ratings: list[Rating] = []

    def rate(goal: Goal, rated_on: date, **answer) -> None:
        ratings.append(Rating.create(goal, rated_on=rated_on, rater=Rater.PATIENT, recorded_at=now, **answer))

    weeks = max(1, (today - start).days // 7)
    for week in range(1, weeks + 1):
        rated_on = start + timedelta(days=7 * week)
        if rated_on > today:
            break
        progress = week / weeks * response
        rate(main, rated_on, level=_demo_level(progress - 0.2, rng))
        rate(walk, rated_on, level=_demo_level(progress, rng))
        rate(stretch, rated_on, category="fully" if progress > 0.7 else "partially" if progress > 0.3 else "not")
    return [main, walk, stretch], ratings, plan


def _demo_level(progress: float, rng: random.Random) -> int:
    return max(-2, min(2, round(-2 + 2.6 * progress + rng.gauss(0, 0.25))))
