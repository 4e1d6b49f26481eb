"""The goal lines of the one-page PDF, in words: each rating with its rater, the main goal's level and the
intermediate goals' T-score from one rater, and the patient's trial outcomes (diary.domain.trial) as the
caseload and `diary caseload` count them."""

from __future__ import annotations

from datetime import date

from diary.domain.goals import Goal, Rater
from diary.domain.patient_record import PatientRecord
from diary.domain.trial import goal_standing, patient_outcome
from diary.reports.series import day_label, one_decimal


_RATER_WORDS = {Rater.PATIENT: "patient", Rater.PHYSIOTHERAPIST: "physio"}
_RESULT_WORDS = {"fully": "fully attained", "partially": "partially attained", "not": "not attained",
                 "not_rated": "not rated", "all_fully": "all fully attained", "some_fully": "some fully attained",
                 "none_fully": "none fully attained", "incomplete": "incomplete (not every one rated)",
                 "none_set": "none set"}


def _level(level: int) -> str:
    return "0" if level == 0 else f"{level:+d}"


def rating_words(goal: Goal, rating) -> str:
    """ "level 0 (fully attained) (3 Mar, patient)": the level and what it means in words, never "+0, fully"."""
    what = ("worse than at the start" if rating.rated_worse and not goal.has_levels
            else f"{rating.category.value} attained")
    if rating.level is not None and goal.has_levels:
        what = f"level {_level(rating.level).replace('-', '−')} ({what})"
    return f"{what} ({day_label(rating.rated_on)}, {_RATER_WORDS[rating.rater]})"


def standing_line(record: PatientRecord, end: date) -> str:
    """The main goal's level and the intermediate goals' T-score, from the one rater the trial rule picks."""
    goals, ratings = list(record.goals), list(record.ratings)
    standing = goal_standing(goals, ratings, at=end)
    if standing.rater is None:
        return "No main goal yet."
    whose = "physiotherapist's" if standing.rater is Rater.PHYSIOTHERAPIST else "patient's"
    main = ("not rated" if standing.main_category is None
            else f"{standing.main_category.value} attained (level {_level(standing.main_level)})")
    t = "no step rated" if standing.t_score is None else one_decimal(standing.t_score)
    return (f"From the {whose} ratings: main goal {main}; T-score of the intermediate goals {t} (50 = as "
            "expected; the main goal is reported on its own, not in the T-score).")


def outcome_line(record: PatientRecord, end: date) -> str:
    """The trial's outcomes for this patient (diary.domain.trial), as the caseload and CLI count them."""
    o = patient_outcome(list(record.goals), [r for r in record.ratings if r.rated_on <= end])
    if not o.has_main_goal:
        return "Trial outcome: no main goal."
    when = f"assessed {day_label(o.assessed_on, year=True)}" if o.assessed_on else "nothing rated yet"
    who = "physiotherapist" if o.rater is Rater.PHYSIOTHERAPIST else "patient"
    steps = _RESULT_WORDS[o.intermediate.value]
    if o.n_intermediate_total:
        steps += f", {o.n_intermediate_fully} of {o.n_intermediate_total} fully ({o.n_intermediate_rated} rated)"
    return (f"Trial outcome ({who}'s ratings, {when}): main goal {_RESULT_WORDS[o.main.value]}; "
            f"intermediate goals {steps}.")
