"""The goal lines of the one-page PDF, in words: each rating with its rater, the main goal's level and the
intermediate goals' T-score from one rater, and the patient's trial outcomes (diary.domain.trial) as the
caseload and `diary caseload` count them. In the current language (diary.i18n)."""

from __future__ import annotations

from datetime import date

from diary.domain.goals import Goal, Rater
from diary.domain.marks import N_
from diary.domain.patient_record import PatientRecord
from diary.domain.trial import goal_standing, patient_outcome
from diary.i18n import _, words
from diary.reports.series import day_label, one_decimal


_RATER_WORDS = {Rater.PATIENT: "patient", Rater.PHYSIOTHERAPIST: "physiotherapist"}
_RESULT_WORDS = {"fully": N_("fully attained"), "partially": N_("partially attained"), "not": N_("not attained"),
                 "not_rated": N_("not rated"), "all_fully": N_("all fully attained"),
                 "some_fully": N_("some fully attained"), "none_fully": N_("none fully attained"),
                 "incomplete": N_("incomplete (not every one rated)"), "none_set": N_("none set")}


def _level(level: int) -> str:
    return "0" if level == 0 else f"{level:+d}"


def rating_words(goal: Goal, rating) -> str:
    """ "level 0 (fully attained) (3 Mar, patient)": the level and what it means in words, never "+0, fully"."""
    what = (_("worse than at the start") if rating.rated_worse and not goal.has_levels
            else _(_RESULT_WORDS[rating.category.value]))
    if rating.level is not None and goal.has_levels:
        what = _("level {level} ({what})").format(level=_level(rating.level).replace("-", "−"), what=what)
    return f"{what} ({day_label(rating.rated_on)}, {words.rater(_RATER_WORDS[rating.rater])})"


def standing_line(record: PatientRecord, end: date) -> str:
    """The main goal's level and the intermediate goals' T-score, from the one rater the trial rule picks."""
    goals, ratings = list(record.goals), list(record.ratings)
    standing = goal_standing(goals, ratings, at=end)
    if standing.rater is None:
        return _("No main goal yet.")
    main = (_("not rated") if standing.main_category is None
            else _("{category} attained (level {level})").format(
                category=words.category_short(standing.main_category.value), level=_level(standing.main_level)))
    t = _("no step rated") if standing.t_score is None else one_decimal(standing.t_score)
    template = (_("From the physiotherapist's ratings: main goal {main}; T-score of the intermediate goals {t} "
                  "(50 = as expected; the main goal is reported on its own, not in the T-score).")
                if standing.rater is Rater.PHYSIOTHERAPIST else
                _("From the patient's ratings: main goal {main}; T-score of the intermediate goals {t} "
                  "(50 = as expected; the main goal is reported on its own, not in the T-score)."))
    return template.format(main=main, t=t)


def outcome_line(record: PatientRecord, end: date) -> str:
    """The trial's outcomes for this patient (diary.domain.trial), as the caseload and CLI count them."""
    o = patient_outcome(list(record.goals), [r for r in record.ratings if r.rated_on <= end])
    if not o.has_main_goal:
        return _("Trial outcome: no main goal.")
    when = (_("assessed {day}").format(day=day_label(o.assessed_on, year=True)) if o.assessed_on
            else _("nothing rated yet"))
    steps = _(_RESULT_WORDS[o.intermediate.value])
    if o.n_intermediate_total:
        steps = _("{steps}, {fully} of {total} fully ({rated} rated)").format(
            steps=steps, fully=o.n_intermediate_fully, total=o.n_intermediate_total, rated=o.n_intermediate_rated)
    template = (_("Trial outcome (physiotherapist's ratings, {when}): main goal {main}; intermediate goals {steps}.")
                if o.rater is Rater.PHYSIOTHERAPIST else
                _("Trial outcome (patient's ratings, {when}): main goal {main}; intermediate goals {steps}."))
    return template.format(when=when, main=_(_RESULT_WORDS[o.main.value]), steps=steps)
