"""One patient's rows for each CSV file of the research data set, de-identified on the way out.

`Deidentified` carries what every row builder needs: the study id, the date shift and whether notes go
out. Nothing else about the patient (key, label, export times, check-in ids) is ever read here.
Goals are numbered G1, G2, … in a stable order (main goals first, each followed by its steps) and
check-ins and questionnaires by time, so no internal id leaves the clinic.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import chain, count, groupby, repeat
from operator import attrgetter

from diary.domain.days import DayValues, day_values
from diary.domain.entries import CheckIn
from diary.domain.goal_progress import ratings_of
from diary.domain.goals import Goal, GoalType, Rater, Rating, current_main_goal, steps_of
from diary.domain.instruments import INSTRUMENTS, score
from diary.domain.numbers import round_half_up
from diary.domain.patient_record import PatientRecord
from diary.domain.questionnaires import Response
from diary.domain.regions import REGIONS, generalized_pain, region_order
from diary.domain.trial import DEFAULT_RATER_RULE, Assessment, RaterRule, patient_outcome
from diary.research.cells import Formatted

LEVEL_COLUMNS = {-2: "level_m2", -1: "level_m1", 0: "level_0", 1: "level_p1", 2: "level_p2"}


@dataclass(frozen=True)
class Deidentified:
    study_id: str
    shift: timedelta  # whole weeks (0 when dates are not shifted)
    include_notes: bool

    def day(self, value: date | None) -> date | None:
        return None if value is None else value + self.shift


def ordered_goals(goals: tuple[Goal, ...]) -> list[Goal]:
    """Main goals by start date, each followed by its intermediate goals; orphans last."""
    key = lambda g: (g.start_date, g.title, g.id)
    mains = sorted((g for g in goals if g.type is GoalType.MAIN), key=key)
    out: list[Goal] = []
    for main in mains:
        out += [main, *sorted((g for g in goals if g.main_goal_id == main.id), key=key)]
    return out + sorted((g for g in goals if g not in out), key=key)


def goal_numbers(record: PatientRecord) -> dict[str, str]:
    return {g.id: f"G{i}" for i, g in enumerate(ordered_goals(record.goals), start=1)}


def completed_responses(record: PatientRecord) -> list[Response]:
    done = [r for r in record.questionnaires if r.completed_at is not None and r.result is not None]
    return sorted(done, key=lambda r: (r.completed_at, r.instrument_id))


# The files with a row per day, check-in, questionnaire, item, goal rating or week get their rows as
# tuples in column order, which costs far less than a dict per row; the codebook's columns must be these
# (export.py checks), with the free-text column last when notes go out.
DAILY_COLUMNS = ("study_id", "day", "weekday", "n_checkins", "pain", "pain_now_mean", "pain_now_max", "pain_now_n",
                 "fatigue", "stress", "worry",
                 "sleep_quality", "sleep_hours", "light_min", "moderate_min", "vigorous_min", "strength", "flare",
                 "wpi_count", "generalized_pain", *(f"pain_{r}" for r in REGIONS))  # + "notes"
CHECKIN_COLUMNS = ("study_id", "checkin_no", "day", "time", "extra", "pain", "pain_recall", "fatigue", "stress", "worry",
                   "sleep_quality", "sleep_hours", "light_min", "moderate_min", "vigorous_min", "strength", "flare",
                   "no_pain", "regions", "wpi_count")  # + "note"
ITEM_COLUMNS = ("study_id", "response_no", "instrument", "version", "item", "item_label", "answer")
RATING_COLUMNS = ("study_id", "goal_no", "rating_no", "rated_on", "rater", "level", "category", "worse_than_start",
                  "gas_level", "t_score_intermediate")  # + "comment"
QUESTIONNAIRE_COLUMNS = ("study_id", "response_no", "instrument", "version", "scoring_rule", "completed_on", "valid",
                         "total", "total_rounded", "band", "n_answered", "n_missing", "prorated", "subscales",
                         "subscale_bands", "flags")
WEEKLY_COLUMNS = ("study_id", "iso_year", "iso_week", "week_start",
                  *(f"{name}_{figure}" for name in ("pain", "fatigue", "stress") for figure in ("mean", "days_reported")),
                  "activity_days_reported", "light_min", "moderate_min", "vigorous_min", "moderate_equivalent_min",
                  "who_aerobic_met", "strength_days_reported", "strength_days", "who_strength_met", "wpi_days_reported",
                  "wpi_mean", "regions_week")
TUPLE_COLUMNS = {"daily.csv": (DAILY_COLUMNS, "notes"), "checkins.csv": (CHECKIN_COLUMNS, "note"),
                 "questionnaires.csv": (QUESTIONNAIRE_COLUMNS, None), "questionnaire_items.csv": (ITEM_COLUMNS, None),
                 "goal_ratings.csv": (RATING_COLUMNS, "comment"), "weekly.csv": (WEEKLY_COLUMNS, None)}

NOTHING_LOGGED = (None,) * 14  # pain … flare on a day without check-ins
_NO_MAP = Formatted((None,) * (2 + len(REGIONS)))  # wpi_count, generalized_pain, pain_<region>: no map


@lru_cache(maxsize=16384)
def _region_cells(regions: frozenset[str]) -> Formatted:
    """wpi_count, generalized_pain and pain_<region> for a set of regions, formatted once (a caseload repeats
    the same few sets)."""
    return Formatted((len(regions), generalized_pain(regions), *(r in regions for r in REGIONS)))


@lru_cache(maxsize=16384)
def regions_text(regions: frozenset[str]) -> str:
    """The regions, `;`-separated in WPI order (a caseload repeats the same sets)."""
    return ";".join(sorted(regions, key=region_order))


def _one_checkin_day(c: CheckIn) -> tuple:
    """pain … flare of a day with one check-in: diary.domain.days.day_values for that case (the mean,
    maximum and sum of one value are the value, e.g. a mean pain of 6.0 for a pain of 6, which the CSV
    cell writes alike; the first sleep answer is its own; a lone extra check-in's pain is momentary),
    written out because most days have exactly one check-in and building DayValues for each costs more
    than the rest of the row."""
    pain, strength = c.pain, c.strength
    if c.extra:
        pains = (None, pain, pain, 0 if pain is None else 1)
    else:
        pains = (pain, None, None, 0)
    return (*pains, c.fatigue, c.stress, c.worry, c.sleep_quality, c.sleep_hours, c.light_min, c.moderate_min,
            c.vigorous_min, None if strength is None else bool(strength), c.flare)


def _many_checkins_day(v: DayValues) -> tuple:
    return (v.pain, v.pain_now_mean, v.pain_now_max, v.pain_now_n, v.fatigue, v.stress, v.worry, v.sleep_quality,
            v.sleep_hours, v.light_min, v.moderate_min, v.vigorous_min, v.strength, v.flare)


def patient_days(checkins) -> list[tuple]:
    """Every day from the first to the last check-in, days without one included: (day, n_checkins,
    pain … flare in DAILY_COLUMNS order, the day's regions or None, its notes or None), by the rules of
    diary.domain.days (what daily.csv and weekly.csv both read)."""
    ordered = sorted(checkins, key=_DAY)
    if not ordered:
        return []
    by_day = {d: list(group) for d, group in groupby(ordered, key=_DAY)}
    first, last = ordered[0].day, ordered[-1].day
    out = []
    for i in range((last - first).days + 1):
        day = first + timedelta(days=i)
        on_day = by_day.get(day)
        if on_day is None:
            out.append((day, 0, NOTHING_LOGGED, None, None))
        elif len(on_day) == 1:
            c = on_day[0]
            out.append((day, 1, _one_checkin_day(c), c.pain_regions, c.note or None))
        else:
            values = day_values(day, on_day)
            regions = None if values.regions is None else frozenset(values.regions)
            out.append((day, len(on_day), _many_checkins_day(values), regions, " | ".join(values.notes) or None))
    return out


def daily_rows(record: PatientRecord, who: Deidentified, days: list[tuple] | None = None) -> Iterator[tuple]:
    """Every day from the first to the last check-in, days without one included (n_checkins 0); tuples
    in DAILY_COLUMNS order (+ notes), the body map's 21 columns as one Formatted run. `days`:
    patient_days(record.checkins), when already made."""
    study_id, shift, include_notes = who.study_id, who.shift, who.include_notes
    for day, n, values, regions, notes in patient_days(record.checkins) if days is None else days:
        shifted = day + shift
        row = (study_id, shifted, shifted.isoweekday(), n, *values,
               _NO_MAP if regions is None else _region_cells(regions))
        yield row + (notes,) if include_notes else row


def checkin_rows(record: PatientRecord, who: Deidentified) -> Iterator[tuple]:
    """One row per check-in, in CHECKIN_COLUMNS order (+ note)."""
    ordered = sorted(record.checkins, key=_DAY_AND_TIME)
    study_id, shift, include_notes = who.study_id, who.shift, who.include_notes
    for n, c in enumerate(ordered, start=1):
        regions = c.pain_regions
        at = c.recorded_at
        recall = None if c.pain is None else "now" if c.extra else "24h"
        row = (study_id, n, c.day + shift, _TIMES[at.hour * 60 + at.minute], c.extra, c.pain, recall, c.fatigue,
               c.stress, c.worry, c.sleep_quality, c.sleep_hours, c.light_min, c.moderate_min, c.vigorous_min, c.strength,
               c.flare, c.no_pain, None if regions is None else regions_text(regions),
               None if regions is None else len(regions))
        yield row + (c.note,) if include_notes else row


_DAY, _DAY_AND_TIME = attrgetter("day"), attrgetter("day", "recorded_at")
_TIMES = [f"{h:02d}:{m:02d}" for h in range(24) for m in range(60)]  # recorded_at.strftime("%H:%M")


def _pairs(values: dict) -> str | None:
    if not values:
        return None
    return ";".join(f"{k}={'' if v is None else v}" for k, v in values.items())


def _item_labels(instrument_id: str) -> tuple:
    return (INSTRUMENTS[instrument_id].item_labels or ()) if instrument_id in INSTRUMENTS else ()


def questionnaire_rows(record: PatientRecord, who: Deidentified) -> Iterator[tuple[tuple, list[tuple]]]:
    """(administration row in QUESTIONNAIRE_COLUMNS order, its item rows in ITEM_COLUMNS order) for every
    completed questionnaire."""
    study_id = who.study_id
    for n, r in enumerate(completed_responses(record), start=1):
        s = r.result
        version = s.version or r.version
        bands = {k: v for k, v in s.subscale_bands.items() if v is not None}
        row = (study_id, n, r.instrument_id, version, s.scoring_rule_id, who.day(r.completed_at.date()), s.valid,
               s.total, s.total_rounded, s.band, s.n_answered, s.n_missing, s.prorated, _pairs(s.subscales),
               _pairs(bands), ";".join(sorted(s.flags)) or None)
        head = (study_id, n, r.instrument_id, version)
        labels = chain(_item_labels(r.instrument_id), repeat(None))  # None past the known labels
        yield row, [(*head, i, label, answer) for i, label, answer in zip(count(1), labels, r.answers)
                    if not isinstance(answer, (list, tuple, dict))]  # other formats keep their score only


def goal_rows(record: PatientRecord, who: Deidentified) -> Iterator[dict]:
    numbers = goal_numbers(record)
    for goal in ordered_goals(record.goals):
        row = {
            "study_id": who.study_id, "goal_no": numbers[goal.id], "type": goal.type.value,
            "main_goal_no": numbers.get(goal.main_goal_id or ""), "start_date": who.day(goal.start_date),
            "target_date": who.day(goal.target_date), "baseline_level": goal.baseline_level, "weight": goal.weight,
            "has_levels": goal.has_levels, "title": goal.title, "measure": goal.measure,
            "baseline_text": goal.baseline, "target_text": goal.target,
        }
        row.update({LEVEL_COLUMNS[lv]: text for lv, text in (goal.levels or {}).items()})
        yield row


def t_scores_by_day(goals: list[Goal], ratings: list[Rating], rater: Rater) -> dict[date, float | None]:
    """The intermediate goals' T-score from `rater`'s ratings on every day that rater rated a goal (each
    goal's latest rating so far; the main goal that was current that day): the same as
    goal_progress.intermediate_t_score(rater=rater, at=day) for each day, in one pass."""
    latest: dict[str, Rating] = {}
    out: dict[date, float | None] = {}
    ordered = sorted((r for r in ratings if r.rater is rater), key=lambda r: (r.rated_on, r.recorded_at))
    for i, rating in enumerate(ordered):
        latest[rating.goal_id] = rating
        if i + 1 < len(ordered) and ordered[i + 1].rated_on == rating.rated_on:
            continue  # the day's last rating decides
        steps = steps_of(current_main_goal(goals, on=rating.rated_on), goals)
        out[rating.rated_on] = _gas_total(tuple((g.level_of(latest[g.id]), g.weight) if g.id in latest else None
                                                for g in steps)) if steps else None
    return out


@lru_cache(maxsize=16384)
def _gas_total(pairs: tuple[tuple[int | None, float] | None, ...]) -> float | None:
    """The GAS T-score of (level, weight) pairs, None unless valid; patients share the same few
    patterns of levels, so each is scored once."""
    result = score("gas", [None if p is None else list(p) for p in pairs])
    return result.total if result.valid else None


def rating_rows(record: PatientRecord, who: Deidentified) -> Iterator[tuple]:
    """One row per goal rating, goal by goal in the order made; tuples in RATING_COLUMNS order (+ comment)."""
    numbers, goals, ratings = goal_numbers(record), list(record.goals), list(record.ratings)
    known = {g.id for g in goals}
    mine = [r for r in ratings if r.goal_id in known]
    scores = {rater: t_scores_by_day(goals, mine, rater) for rater in Rater}
    study_id, shift, include_notes = who.study_id, who.shift, who.include_notes
    for goal in ordered_goals(record.goals):
        number, has_levels = numbers[goal.id], goal.has_levels
        for n, r in enumerate(ratings_of(goal, ratings), start=1):
            row = (study_id, number, n, r.rated_on + shift, r.rater.value, r.level, r.category.value,
                   r.rated_worse and not has_levels, goal.level_of(r), scores[r.rater].get(r.rated_on))
            yield row + (r.comment,) if include_notes else row


def trial_outcome_rows(record: PatientRecord, who: Deidentified, *, rule: RaterRule = DEFAULT_RATER_RULE,
                       assessment: Assessment = Assessment()) -> Iterator[dict]:
    """One row per patient: diary.domain.trial.patient_outcome under the export's rule and assessment."""
    goals, ratings = list(record.goals), list(record.ratings)
    o = patient_outcome(goals, ratings, rule=rule, assessment=assessment)
    share = o.share_intermediate_fully
    yield {
        "study_id": who.study_id, "rater_rule": RaterRule(rule).value, "rater": o.rater and o.rater.value,
        "assessment_date": who.day(o.assessed_on), "has_main_goal": o.has_main_goal,
        "main_goal": o.main and o.main.value, "intermediate_goals": o.intermediate and o.intermediate.value,
        "n_intermediate_total": o.n_intermediate_total if o.has_main_goal else None,
        "n_intermediate_rated": o.n_intermediate_rated if o.has_main_goal else None,
        "n_intermediate_fully": o.n_intermediate_fully if o.has_main_goal else None,
        "all_intermediate_fully": o.all_intermediate_fully,
        "share_intermediate_fully": None if share is None else round_half_up(share, 4),
    }
