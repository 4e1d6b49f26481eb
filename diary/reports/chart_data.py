"""What each chart shows, as plain values: the numbers, the one-sentence summary and the title.

These descriptions are the seam between the diary's figures and the drawing of them. The desktop draws
them with matplotlib (diary/reports/charts.py, body_heatmap.py); the phone app will draw the same
descriptions on a Flet canvas (diary.platform's ChartRenderer). Nothing here imports matplotlib, opens
the database or reads the clock: domain values and the period (`start`…`end`, inclusive) in, values out.
The numbers come from diary.reports.series, which states the rules (rolling mean, weeks, shares).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Union

from diary.domain.body_layout import REGION_NAMES
from diary.domain.days import DayValues
from diary.domain.goal_progress import ratings_of
from diary.domain.goals import Goal, Rater, Rating
from diary.domain.instruments import INSTRUMENTS, SEVEN_DAY_BAND_CAVEAT, band_caveat
from diary.domain.numbers import round_half_up, round_half_up_int, score_text
from diary.domain.questionnaires import Response
from diary.domain.trial import goal_standing
from diary.reports.series import (
    MEASURE_NAMES, Measure, PlanDose, WeekMinutes, completed, day_label, flare_runs, n_days, one_decimal,
    period_mean, previous_period, region_shares, rolling_mean, span_words, t_score_series, values_of,
    weekly_latest, weekly_minutes,
)

PHQ15_TOP = 30

Points = tuple[tuple[date, float], ...]


@dataclass(frozen=True)
class SymptomData:
    """Daily values of pain, fatigue or stress (0–10) with their 7-day mean and the flare days. For pain,
    the points are the day's 24-hour rating and `momentary` holds each day's highest "right now" rating,
    drawn apart (issue 15 §2); the rolling mean is of the 24-hour ratings only."""

    measure: Measure
    start: date
    end: date
    points: Points  # the period's daily values, oldest first
    rolling: tuple[tuple[date, float | None], ...]  # the trailing 7-day mean on each day of the period
    flares: tuple[tuple[date, int], ...]  # runs of flare days as (first day, length)
    summary: str
    title: str
    momentary: Points = ()  # pain only: each day's highest momentary rating


@dataclass(frozen=True)
class ActivityData:
    """Light, moderate and vigorous minutes per ISO week, and the plan's weekly dose."""

    start: date
    end: date
    weeks: tuple[WeekMinutes, ...]
    dose: PlanDose | None
    summary: str
    title: str = "Activity minutes per week"


@dataclass(frozen=True)
class Band:
    name: str
    low: float
    high: float


@dataclass(frozen=True)
class Phq15Data:
    """Weekly PHQ-15 totals (the latest of each week) and the severity bands they fall in."""

    start: date
    end: date
    points: Points
    bands: tuple[Band, ...]
    summary: str
    title: str = "PHQ-15 somatic symptoms, weekly"


@dataclass(frozen=True)
class GoalLine:
    title: str
    ratings: Points  # (day, GAS level −2…+2) of the ratings in the period


@dataclass(frozen=True)
class GoalsData:
    """Each goal's ratings over time and the Kiresuk–Sherman T-score of the intermediate goals, all from
    one rater (the trial rule's: diary.domain.trial.goal_standing)."""

    start: date
    end: date
    lines: tuple[GoalLine, ...]  # one per goal, in the goals' order
    t_scores: Points
    summary: str
    title: str = "Goal ratings over time"
    rater: str | None = None  # "patient" or "physiotherapist": whose ratings are drawn


@dataclass(frozen=True)
class BodyMapData:
    """How often each WPI region hurt: its share of the period's days with a body map."""

    start: date
    end: date
    shares: dict[str, float]  # empty when no day had a body map
    days_with_map: int
    summary: str
    title: str


ChartData = Union[SymptomData, ActivityData, Phq15Data, GoalsData, BodyMapData]


@dataclass(frozen=True)
class Chart:
    """A rendered chart: the PNG (None from a renderer that draws controls instead), one sentence for
    screen readers, a short title, the description it was drawn from, and whether it is the dark version
    (a renderer that draws later, like the phone's canvas, reads it)."""

    png: bytes | None
    summary: str
    alt_title: str
    data: ChartData | None = None
    dark: bool = False


# Symptoms
def min_days_to_compare(start: date, end: date) -> int:
    """Rated days the period before needs for a fair comparison: a quarter of its days, at least 4."""
    return max(4, -(-n_days(start, end) // 4))


def symptom_summary(days: list[DayValues], measure: str, start: date, end: date) -> str:
    """"Pain averaged 5.2 over the last 4 weeks (20 days rated), down from 6.1 in the 4 weeks before."

    The period ends today wherever charts are shown, hence "the last". Pain is the day's 24-hour rating."""
    values, span = values_of(days, measure), span_words(start, end)
    now, n = period_mean(values, start, end)
    if now is None:
        return f"No {measure} ratings in this period."
    sentence = f"{MEASURE_NAMES[measure]} averaged {one_decimal(now)} over the last {span} ({n} " \
               f"{'day' if n == 1 else 'days'} rated)"
    before, n_before = period_mean(values, *previous_period(start, end))
    if before is not None and n_before >= min_days_to_compare(start, end):
        a, b = one_decimal(now), one_decimal(before)
        change = "about the same as" if a == b else "down from" if float(a) < float(b) else "up from"
        sentence += f", {change} {b} in the {span} before"
    n_flare = sum(n for _, n in flare_runs(days, start, end))
    if n_flare:
        sentence += f"; {n_flare} flare {'day' if n_flare == 1 else 'days'}"
    if measure == "pain":
        n_now = sum(1 for d in days if start <= d.day <= end and d.pain_now_max is not None)
        if n_now:
            sentence += f"; momentary ratings on {n_now} {'day' if n_now == 1 else 'days'}, shown apart"
    return sentence + "."


def symptom_data(days: list[DayValues], *, measure: Measure, start: date, end: date) -> SymptomData:
    """Args: days in any order; those in the period before start the rolling mean and the comparison.

    Raises:
        ValueError: an unknown measure.
    """
    if measure not in MEASURE_NAMES:
        raise ValueError(f"Unknown measure {measure!r}; use pain, fatigue or stress.")
    values = values_of(days, measure)
    momentary = values_of(days, "pain_now_max") if measure == "pain" else {}
    return SymptomData(
        measure=measure, start=start, end=end,
        points=tuple(sorted((d, v) for d, v in values.items() if start <= d <= end)),
        rolling=tuple(rolling_mean(values, start, end)), flares=tuple(flare_runs(days, start, end)),
        summary=symptom_summary(days, measure, start, end),
        title=f"{MEASURE_NAMES[measure]}, {day_label(start, year=True)} to {day_label(end, year=True)}",
        momentary=tuple(sorted((d, float(v)) for d, v in momentary.items() if start <= d <= end)))


# Activity
def activity_summary(days: list[DayValues], start: date, end: date, dose: PlanDose | None) -> str:
    reported = [w for w in weekly_minutes(days, start, end) if w.days_reported]
    if not reported:
        return "No activity minutes in this period."
    average, n = round_half_up_int(sum(w.total for w in reported) / len(reported)), len(reported)
    summary = f"You were active {average} minutes a week on average over the {n} " \
              f"{'week' if n == 1 else 'weeks'} with activity logged"
    if dose:
        met = sum(dose.counted(w) >= dose.minutes for w in reported)
        summary += f"; {met} of {n} reached the plan's {dose.words}"
    return summary + "."


def activity_data(days: list[DayValues], *, start: date, end: date, dose: PlanDose | None) -> ActivityData:
    """Weeks at the period's edges count only their days inside the period."""
    return ActivityData(start=start, end=end, weeks=tuple(weekly_minutes(days, start, end)), dose=dose,
                        summary=activity_summary(days, start, end, dose))


# PHQ-15
def phq15_summary(points: list) -> str:
    if not points:
        return "No PHQ-15 results in this period."
    day, last = points[-1]
    first_day = points[0][0]
    year = first_day.year != day.year
    caveat = f"; {SEVEN_DAY_BAND_CAVEAT}" if band_caveat(last.instrument_id, last.version) else ""
    summary = f"PHQ-15 was {score_text(last.total)} ({last.band}{caveat}) on {day_label(day, year=year)}"
    if len(points) > 1:
        first = points[0][1]
        change = round_half_up(last.total - first.total, 1)
        summary += (f", {'up' if change > 0 else 'down'} {score_text(abs(change))} from {score_text(first.total)} "
                    f"on {day_label(first_day, year=year)}" if change
                    else f", the same as on {day_label(first_day, year=year)}")
    return summary + "."


def phq15_bands() -> tuple[Band, ...]:
    bands = INSTRUMENTS["phq15"].bands
    return tuple(Band(b.name, b.low, bands[i + 1].low if i + 1 < len(bands) else PHQ15_TOP)
                 for i, b in enumerate(bands))


def phq15_data(responses: list[Response], *, start: date, end: date) -> Phq15Data:
    points = weekly_latest(completed(responses, "phq15", start=start, end=end))
    return Phq15Data(start=start, end=end, points=tuple((d, s.total) for d, s in points), bands=phq15_bands(),
                     summary=phq15_summary(points))


# Goals
_WHOSE = {Rater.PATIENT: "the patient's", Rater.PHYSIOTHERAPIST: "the physiotherapist's"}


def goal_summary(goals: list[Goal], ratings: list[Rating], start: date, end: date, rater: Rater) -> str:
    mine = [r for r in ratings if r.rater is rater]
    series = t_score_series(goals, ratings, start, end, rater=rater)
    ids = {g.id for g in goals}
    rated = len({r.goal_id for r in mine if r.goal_id in ids and start <= r.rated_on <= end})
    if not rated:
        return "No goal ratings in this period."
    whose = f"From {_WHOSE[rater]} ratings"
    if not series:
        summary = f"{whose}: no intermediate goal rated, so no T-score"
    else:
        (first_day, first), (day, now) = series[0], series[-1]
        year = first_day.year != day.year
        summary = f"{whose}: T-score of the intermediate goals {one_decimal(now)} on {day_label(day, year=year)}"
        if first_day != day:
            change = "up" if now > first else "down" if now < first else "unchanged"
            summary += f", {change} from {one_decimal(first)} on {day_label(first_day, year=year)}"
    return summary + f"; {rated} of {len(goals)} {'goal' if len(goals) == 1 else 'goals'} rated in this period."


def goal_data(goals: list[Goal], ratings: list[Rating], *, start: date, end: date) -> GoalsData:
    """One rater's ratings as GAS levels (a category by its goal's baseline: Goal.level_of) and the
    intermediate goals' T-score on each day that rater rated; the rater is the trial rule's as of `end`."""
    rater = goal_standing(goals, ratings, at=end).rater or Rater.PATIENT
    mine = [r for r in ratings if r.rater is rater]
    lines = tuple(GoalLine(goal.title, tuple((r.rated_on, goal.level_of(r)) for r in ratings_of(goal, mine)
                                             if start <= r.rated_on <= end)) for goal in goals)
    return GoalsData(start=start, end=end, lines=lines,
                     t_scores=tuple(t_score_series(goals, ratings, start, end, rater=rater)),
                     summary=goal_summary(goals, ratings, start, end, rater), rater=rater.value)


# The body map
def most_frequent(shares: dict[str, float], k: int = 3) -> list[tuple[str, float]]:
    """The `k` regions that hurt most often (ties in WPI order), leaving out those that never did."""
    ranked = sorted(((r, s) for r, s in shares.items() if s > 0), key=lambda t: -t[1])
    return ranked[:k]


def body_map_summary(shares: dict[str, float], n_maps: int) -> str:
    top = most_frequent(shares)
    if not n_maps:
        return "No body map entries in this period."
    if not top:
        return f"No painful regions marked on the {n_maps} {'day' if n_maps == 1 else 'days'} with a body map."
    parts = [f"{REGION_NAMES[r].lower()} ({round_half_up_int(s * 100)}%)" for r, s in top]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" and {parts[-1]}"
    return f"Over {n_maps} {'day' if n_maps == 1 else 'days'} with a body map, pain was most often in the {listed}."


def body_map_data(days: list[DayValues], *, start: date, end: date) -> BodyMapData:
    shares, n_maps = region_shares(days, start, end)
    return BodyMapData(start=start, end=end, shares=shares, days_with_map=n_maps,
                       summary=body_map_summary(shares, n_maps),
                       title=f"Where it hurt, {day_label(start, year=True)} to {day_label(end, year=True)}")
