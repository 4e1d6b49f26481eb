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
from itertools import groupby

from diary.domain.days import day_values
from diary.domain.goal_progress import ratings_of, t_score, trial_outcome
from diary.domain.goals import Goal, GoalType, Rater, Rating
from diary.domain.instruments import INSTRUMENTS, score
from diary.domain.numbers import round_half_up, round_half_up_int
from diary.domain.patient_record import PatientRecord
from diary.domain.questionnaires import Response
from diary.domain.regions import REGIONS, generalized_pain, region_order

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


def daily_rows(record: PatientRecord, who: Deidentified) -> Iterator[dict]:
    """Every day from the first to the last check-in, days without one included (n_checkins 0)."""
    checkins = sorted(record.checkins, key=lambda c: c.day)
    if not checkins:
        return
    by_day = {d: list(group) for d, group in groupby(checkins, key=lambda c: c.day)}
    first, last = checkins[0].day, checkins[-1].day
    for i in range((last - first).days + 1):
        day = first + timedelta(days=i)
        shifted = day + who.shift
        values = day_values(day, by_day.get(day, []))
        row = {"study_id": who.study_id, "day": shifted, "weekday": shifted.isoweekday(),
               "n_checkins": values.n_checkins}
        if values.logged:
            row.update(pain=values.pain, pain_max=values.pain_max, fatigue=values.fatigue, stress=values.stress,
                       worry=values.worry, sleep_quality=values.sleep_quality, sleep_hours=values.sleep_hours,
                       light_min=values.light_min, moderate_min=values.moderate_min,
                       vigorous_min=values.vigorous_min, strength=values.strength, flare=values.flare)
            if values.regions is not None:
                row["wpi_count"] = len(values.regions)
                row["generalized_pain"] = generalized_pain(values.regions)
                row.update({f"pain_{r}": r in values.regions for r in REGIONS})
            if who.include_notes and values.notes:
                row["notes"] = " | ".join(values.notes)
        yield row


def checkin_rows(record: PatientRecord, who: Deidentified) -> Iterator[dict]:
    ordered = sorted(record.checkins, key=lambda c: (c.day, c.recorded_at))
    for n, c in enumerate(ordered, start=1):
        regions = c.pain_regions
        yield {
            "study_id": who.study_id, "checkin_no": n, "day": who.day(c.day),
            "time": c.recorded_at.strftime("%H:%M"), "extra": c.extra, "pain": c.pain, "fatigue": c.fatigue,
            "stress": c.stress, "worry": c.worry, "sleep_quality": c.sleep_quality, "sleep_hours": c.sleep_hours,
            "light_min": c.light_min, "moderate_min": c.moderate_min, "vigorous_min": c.vigorous_min,
            "strength": c.strength, "flare": c.flare, "no_pain": c.no_pain,
            "regions": None if regions is None else ";".join(sorted(regions, key=region_order)),
            "wpi_count": None if regions is None else len(regions),
            "note": c.note if who.include_notes else None,
        }


def _pairs(values: dict) -> str | None:
    if not values:
        return None
    return ";".join(f"{k}={'' if v is None else v}" for k, v in values.items())


def questionnaire_rows(record: PatientRecord, who: Deidentified) -> Iterator[tuple[dict, list[dict]]]:
    """(administration row, its item rows) for every completed questionnaire."""
    for n, r in enumerate(completed_responses(record), start=1):
        s = r.result
        version = s.version or r.version
        row = {
            "study_id": who.study_id, "response_no": n, "instrument": r.instrument_id, "version": version,
            "scoring_rule": s.scoring_rule_id, "completed_on": who.day(r.completed_at.date()), "valid": s.valid,
            "total": s.total, "total_rounded": s.total_rounded, "band": s.band, "n_answered": s.n_answered,
            "n_missing": s.n_missing, "prorated": s.prorated, "subscales": _pairs(s.subscales),
            "subscale_bands": _pairs({k: v for k, v in s.subscale_bands.items() if v is not None}),
            "flags": ";".join(sorted(s.flags)) or None,
        }
        labels = INSTRUMENTS[r.instrument_id].item_labels if r.instrument_id in INSTRUMENTS else None
        items = []
        for i, answer in enumerate(r.answers, start=1):
            if isinstance(answer, (list, tuple, dict)):  # formats that are not item lists keep their score only
                continue
            items.append({"study_id": who.study_id, "response_no": n, "instrument": r.instrument_id,
                          "version": version, "item": i,
                          "item_label": labels[i - 1] if labels and i <= len(labels) else None, "answer": answer})
        yield row, items


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


def t_scores_by_day(goals: list[Goal], ratings: list[Rating]) -> dict[date, float | None]:
    """The T-score on every day with a rating, each goal counting with its latest rating so far; the
    same as goal_progress.t_score(at=day) for each day, in one pass instead of one per day."""
    latest: dict[str, Rating] = {}
    out: dict[date, float | None] = {}
    ordered = sorted(ratings, key=lambda r: (r.rated_on, r.recorded_at))
    for i, rating in enumerate(ordered):
        latest[rating.goal_id] = rating
        if i + 1 < len(ordered) and ordered[i + 1].rated_on == rating.rated_on:
            continue  # the day's last rating decides
        pairs = [[latest[g.id].gas_level, g.weight] if g.id in latest else None for g in goals]
        result = score("gas", pairs)
        out[rating.rated_on] = result.total if result.valid else None
    return out


def rating_rows(record: PatientRecord, who: Deidentified) -> Iterator[dict]:
    numbers, goals, ratings = goal_numbers(record), list(record.goals), list(record.ratings)
    known = {g.id for g in goals}
    scores = t_scores_by_day(goals, [r for r in ratings if r.goal_id in known])
    for goal in ordered_goals(record.goals):
        for n, r in enumerate(ratings_of(goal, ratings), start=1):
            yield {"study_id": who.study_id, "goal_no": numbers[goal.id], "rating_no": n,
                   "rated_on": who.day(r.rated_on), "rater": r.rater.value, "level": r.level,
                   "category": r.category.value, "gas_level": r.gas_level, "t_score": scores.get(r.rated_on),
                   "comment": r.comment if who.include_notes else None}


def trial_outcome_rows(record: PatientRecord, who: Deidentified) -> Iterator[dict]:
    goals, ratings = list(record.goals), list(record.ratings)
    for basis, rater in (("any", None), ("physiotherapist", Rater.PHYSIOTHERAPIST), ("patient", Rater.PATIENT)):
        outcome = trial_outcome(goals, ratings, rater=rater)
        share = outcome.intermediate_fully_share
        yield {
            "study_id": who.study_id, "rater_basis": basis, "review_date": who.day(outcome.review_date),
            "main_fully_attained": outcome.main_fully_attained, "intermediate_rated": outcome.intermediate_rated,
            "intermediate_fully": None if share is None else round_half_up_int(share * outcome.intermediate_rated),
            "intermediate_fully_share": None if share is None else round_half_up(share, 4),
            "t_score": t_score(goals, ratings, at=outcome.review_date, rater=rater) if outcome.review_date else None,
        }
