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

from diary.domain.days import DayValues
from diary.domain.goal_progress import ratings_of
from diary.domain.goals import Goal, Rater, Rating
from diary.domain.instruments import INSTRUMENTS, SEVEN_DAY_BAND_CAVEAT, band_caveat
from diary.domain.numbers import round_half_up, round_half_up_int
from diary.domain.questionnaires import Response
from diary.domain.trial import goal_standing
from diary.i18n import _, ngettext, words
from diary.i18n.formats import percent, score as score_text
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

    # The words both renderers (matplotlib's PNG, the phone's canvas) put on the chart, in the current language.
    @property
    def daily_label(self) -> str:
        """The legend's name for the day's values: "24-hour pain", "Daily fatigue"."""
        if self.measure == "pain":
            return _("24-hour pain")
        return _("Daily {measure}").format(measure=words.measure(self.measure).lower())

    @property
    def empty_text(self) -> str:
        """What an empty chart says."""
        return _("No {measure} ratings in this period").format(measure=words.measure(self.measure).lower())


@dataclass(frozen=True)
class ActivityData:
    """Light, moderate and vigorous minutes per ISO week, and the plan's weekly dose."""

    start: date
    end: date
    weeks: tuple[WeekMinutes, ...]
    dose: PlanDose | None
    summary: str
    title: str = ""  # set by activity_data, in the language of the moment


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
    title: str = ""


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
    title: str = ""  # set by goal_data, in the language of the moment
    rater: str | None = None  # "patient" or "physiotherapist": whose ratings are drawn

    @property
    def rated(self) -> bool:
        """Whether any goal has a rating in the period (the chart then has something to draw)."""
        return any(line.ratings for line in self.lines)


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
    name = _(MEASURE_NAMES[measure])
    if now is None:
        return _("No {measure} ratings in this period.").format(measure=name.lower())
    sentence = ngettext("{measure} averaged {value} over the last {span} ({n} day rated)",
                        "{measure} averaged {value} over the last {span} ({n} days rated)", n).format(
        measure=name, value=one_decimal(now), span=span, n=n)
    before, n_before = period_mean(values, *previous_period(start, end))
    if before is not None and n_before >= min_days_to_compare(start, end):
        a, b = round_half_up(now, 1), round_half_up(before, 1)
        change = (_(", about the same as {before} in the {span} before") if a == b else
                  _(", down from {before} in the {span} before") if a < b else
                  _(", up from {before} in the {span} before"))
        sentence += change.format(before=one_decimal(before), span=span)
    n_flare = sum(n for _day, n in flare_runs(days, start, end))
    if n_flare:
        sentence += ngettext("; {n} flare day", "; {n} flare days", n_flare).format(n=n_flare)
    if measure == "pain":
        n_now = sum(1 for d in days if start <= d.day <= end and d.pain_now_max is not None)
        if n_now:
            sentence += ngettext("; momentary ratings on {n} day, shown apart",
                                 "; momentary ratings on {n} days, shown apart", n_now).format(n=n_now)
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
        title=_("{measure}, {start} to {end}").format(measure=_(MEASURE_NAMES[measure]),
                                                       start=day_label(start, year=True),
                                                       end=day_label(end, year=True)),
        momentary=tuple(sorted((d, float(v)) for d, v in momentary.items() if start <= d <= end)))


# Activity
def activity_summary(days: list[DayValues], start: date, end: date, dose: PlanDose | None) -> str:
    reported = [w for w in weekly_minutes(days, start, end) if w.days_reported]
    if not reported:
        return _("No activity minutes in this period.")
    average, n = round_half_up_int(sum(w.total for w in reported) / len(reported)), len(reported)
    summary = ngettext("You were active {minutes} minutes a week on average over the {n} week with activity logged",
                       "You were active {minutes} minutes a week on average over the {n} weeks with activity logged",
                       n).format(minutes=average, n=n)
    if dose:
        met = sum(dose.counted(w) >= dose.minutes for w in reported)
        summary += _("; {met} of {n} reached the plan's {dose}").format(met=met, n=n, dose=dose.words)
    return summary + "."


def activity_data(days: list[DayValues], *, start: date, end: date, dose: PlanDose | None) -> ActivityData:
    """Weeks at the period's edges count only their days inside the period."""
    return ActivityData(start=start, end=end, weeks=tuple(weekly_minutes(days, start, end)), dose=dose,
                        summary=activity_summary(days, start, end, dose), title=_("Activity minutes per week"))


# PHQ-15
def phq15_summary(points: list) -> str:
    if not points:
        return _("No PHQ-15 results in this period.")
    day, last = points[-1]
    first_day = points[0][0]
    year = first_day.year != day.year
    caveat = f"; {_(SEVEN_DAY_BAND_CAVEAT)}" if band_caveat(last.instrument_id, last.version) else ""
    summary = _("PHQ-15 was {score} ({band}) on {day}").format(score=score_text(last.total),
                                                               band=words.band(last.band) + caveat,
                                                               day=day_label(day, year=year))
    if len(points) > 1:
        first = points[0][1]
        change = round_half_up(last.total - first.total, 1)
        template = (_(", up {change} from {first} on {day}") if change > 0 else
                    _(", down {change} from {first} on {day}") if change < 0 else _(", the same as on {day}"))
        summary += template.format(change=score_text(abs(change)), first=score_text(first.total),
                                   day=day_label(first_day, year=year))
    return summary + "."


def phq15_bands() -> tuple[Band, ...]:
    bands = INSTRUMENTS["phq15"].bands
    return tuple(Band(b.name, b.low, bands[i + 1].low if i + 1 < len(bands) else PHQ15_TOP)
                 for i, b in enumerate(bands))


def phq15_data(responses: list[Response], *, start: date, end: date) -> Phq15Data:
    points = weekly_latest(completed(responses, "phq15", start=start, end=end))
    return Phq15Data(start=start, end=end, points=tuple((d, s.total) for d, s in points), bands=phq15_bands(),
                     summary=phq15_summary(points), title=_("PHQ-15 somatic symptoms, weekly"))


# Goals
def goal_summary(goals: list[Goal], ratings: list[Rating], start: date, end: date, rater: Rater) -> str:
    mine = [r for r in ratings if r.rater is rater]
    series = t_score_series(goals, ratings, start, end, rater=rater)
    ids = {g.id for g in goals}
    rated = len({r.goal_id for r in mine if r.goal_id in ids and start <= r.rated_on <= end})
    if not rated:
        return _("No goal ratings in this period.")
    physio = rater is Rater.PHYSIOTHERAPIST
    if not series:
        summary = (_("From the physiotherapist's ratings: no intermediate goal rated, so no T-score") if physio else
                   _("From the patient's ratings: no intermediate goal rated, so no T-score"))
    else:
        (first_day, first), (day, now) = series[0], series[-1]
        year = first_day.year != day.year
        summary = (_("From the physiotherapist's ratings: T-score of the intermediate goals {value} on {day}") if physio
                   else _("From the patient's ratings: T-score of the intermediate goals {value} on {day}")).format(
            value=one_decimal(now), day=day_label(day, year=year))
        if first_day != day:
            template = (_(", up from {first} on {day}") if now > first else _(", down from {first} on {day}")
                        if now < first else _(", unchanged from {first} on {day}"))
            summary += template.format(first=one_decimal(first), day=day_label(first_day, year=year))
    return summary + ngettext("; {rated} of {n} goal rated in this period.",
                              "; {rated} of {n} goals rated in this period.", len(goals)).format(rated=rated,
                                                                                                 n=len(goals))


def goal_data(goals: list[Goal], ratings: list[Rating], *, start: date, end: date) -> GoalsData:
    """One rater's ratings as GAS levels (a category by its goal's baseline: Goal.level_of) and the
    intermediate goals' T-score on each day that rater rated; the rater is the trial rule's as of `end`."""
    rater = goal_standing(goals, ratings, at=end).rater or Rater.PATIENT
    mine = [r for r in ratings if r.rater is rater]
    lines = tuple(GoalLine(goal.title, tuple((r.rated_on, goal.level_of(r)) for r in ratings_of(goal, mine)
                                             if start <= r.rated_on <= end)) for goal in goals)
    return GoalsData(start=start, end=end, lines=lines,
                     t_scores=tuple(t_score_series(goals, ratings, start, end, rater=rater)),
                     summary=goal_summary(goals, ratings, start, end, rater), title=_("Goal ratings over time"),
                     rater=rater.value)


# The body map
def most_frequent(shares: dict[str, float], k: int = 3) -> list[tuple[str, float]]:
    """The `k` regions that hurt most often (ties in WPI order), leaving out those that never did."""
    ranked = sorted(((r, s) for r, s in shares.items() if s > 0), key=lambda t: -t[1])
    return ranked[:k]


def body_map_summary(shares: dict[str, float], n_maps: int) -> str:
    top = most_frequent(shares)
    if not n_maps:
        return _("No body map entries in this period.")
    if not top:
        return ngettext("No painful regions marked on the {n} day with a body map.",
                        "No painful regions marked on the {n} days with a body map.", n_maps).format(n=n_maps)
    parts = [f"{words.region(r).lower()} ({percent(s)})" for r, s in top]
    listed = parts[0] if len(parts) == 1 else _("{first} and {last}").format(first=", ".join(parts[:-1]),
                                                                            last=parts[-1])
    return ngettext("Over {n} day with a body map, pain was most often in the {regions}.",
                    "Over {n} days with a body map, pain was most often in the {regions}.", n_maps).format(
        n=n_maps, regions=listed)


def body_map_data(days: list[DayValues], *, start: date, end: date) -> BodyMapData:
    shares, n_maps = region_shares(days, start, end)
    return BodyMapData(start=start, end=end, shares=shares, days_with_map=n_maps,
                       summary=body_map_summary(shares, n_maps),
                       title=_("Where it hurt, {start} to {end}").format(start=day_label(start, year=True),
                                                                         end=day_label(end, year=True)))
