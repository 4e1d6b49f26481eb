"""The chronic-widespread-pain trial's goal figure, as a definition (issue 15 §1).

The trial reported the share of patients whose **main goal** was fully attained (37% vs 19%) and whose
**intermediate goals** were fully attained (54% vs 36%). Reproducing such a figure needs every choice
written down; these are ours, and the caseload, `diary caseload`, the research export's
`trial_outcomes.csv` and the PDF all read them from here:

- **Goals**: the patient's *current* main goal (diary.domain.goals.current_main_goal, as of the
  assessment date when one is given) and its intermediate goals. A superseded main goal is history.
- **Rater** (one per patient, never a mix): `patient`, `physiotherapist`, or
  `physiotherapist_else_patient` — the physiotherapist's ratings when the physiotherapist rated the
  current main goal in the assessment, else the patient's.
- **Assessment**: by default each patient's latest rating (by that rater) of the current main goal —
  the assessment date — and each goal counts with its latest rating on or before that date (when the
  main goal is unrated, the latest rating of an intermediate goal dates the assessment). With
  `at=DATE`, each goal counts with its latest rating on or before DATE; with `at=DATE` and
  `window_days=N`, its latest rating from DATE − N to DATE + N, and a goal rated only outside the
  window is unrated.
- **Per patient**: the main goal fully / partially / not attained / not rated; the intermediate goals
  all fully / some fully / none fully attained, or *incomplete* when any current intermediate goal is
  unrated (or *none set*); the counts behind it and the share of intermediate goals fully attained
  (fully attained over all current intermediate goals, so an unrated one counts as not attained).
- **Denominators**, side by side: every patient with a current main goal (intention to treat: unrated
  counts as not attained) and the complete cases (main goal rated; every intermediate goal rated, at
  least one). Shares are "k of n (p%)", p a whole percent rounded half up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

from diary.domain.errors import ValidationFailed
from diary.domain.goal_progress import intermediate_t_score, main_goal_level, ratings_of
from diary.domain.goals import Category, Goal, Rater, Rating, current_main_goal, steps_of
from diary.domain.numbers import round_half_up_int


class RaterRule(str, Enum):
    PATIENT = "patient"
    PHYSIOTHERAPIST = "physiotherapist"
    PHYSIOTHERAPIST_ELSE_PATIENT = "physiotherapist_else_patient"


DEFAULT_RATER_RULE = RaterRule.PHYSIOTHERAPIST_ELSE_PATIENT
MAX_WINDOW_DAYS = 365


class MainResult(str, Enum):
    FULLY = "fully"
    PARTIALLY = "partially"
    NOT = "not"
    NOT_RATED = "not_rated"


class IntermediateResult(str, Enum):
    ALL_FULLY = "all_fully"
    SOME_FULLY = "some_fully"
    NONE_FULLY = "none_fully"
    INCOMPLETE = "incomplete"  # a current intermediate goal is unrated
    NONE_SET = "none_set"  # the main goal has no intermediate goals


@dataclass(frozen=True)
class Assessment:
    """When goals are judged: None (each patient's latest rating of the current main goal), a date, or
    a date with a window of ± `window_days` days around it."""

    at: date | None = None
    window_days: int | None = None

    @classmethod
    def create(cls, at: date | None = None, window_days: int | None = None) -> "Assessment":
        """Raises: ValidationFailed for a window without a date, or a window outside 0–365 days."""
        if window_days is not None:
            if at is None:
                raise ValidationFailed("A window needs a date: give --at DATE with --window-days.",
                                       field="window_days")
            if isinstance(window_days, bool) or not isinstance(window_days, int) or not 0 <= window_days <= MAX_WINDOW_DAYS:
                raise ValidationFailed(f"The window is a whole number of days from 0 to {MAX_WINDOW_DAYS} "
                                       f"(got {window_days!r}).", field="window_days")
        return cls(at, window_days)

    def counts(self, rating: Rating, assessed_on: date) -> bool:
        """Whether a rating may stand for its goal at this assessment (judged on `assessed_on`)."""
        if self.window_days is None:
            return rating.rated_on <= assessed_on
        return abs((rating.rated_on - assessed_on).days) <= self.window_days

    def describe(self) -> str:
        if self.at is None:
            return "each patient's latest rating of their current main goal"
        if self.window_days is None:
            return f"the latest rating on or before {self.at.isoformat()}"
        return f"ratings from {(self.at - timedelta(days=self.window_days)).isoformat()} to " \
               f"{(self.at + timedelta(days=self.window_days)).isoformat()} ({self.at.isoformat()} ± " \
               f"{self.window_days} days)"


@dataclass(frozen=True)
class PatientOutcome:
    """One patient's three outcomes at the assessment, and what they rest on."""

    has_main_goal: bool
    rater: Rater | None  # whose ratings were counted (None: no current main goal)
    assessed_on: date | None  # None: nothing rated in the assessment
    main: MainResult | None  # None: no current main goal
    intermediate: IntermediateResult | None
    n_intermediate_total: int = 0
    n_intermediate_rated: int = 0
    n_intermediate_fully: int = 0

    @property
    def all_intermediate_fully(self) -> bool | None:
        """True/False once every current intermediate goal is rated (at least one); None otherwise."""
        if self.intermediate in (IntermediateResult.ALL_FULLY, IntermediateResult.SOME_FULLY,
                                 IntermediateResult.NONE_FULLY):
            return self.intermediate is IntermediateResult.ALL_FULLY
        return None

    @property
    def share_intermediate_fully(self) -> float | None:
        """Intermediate goals fully attained over all current ones (unrated = not attained)."""
        return self.n_intermediate_fully / self.n_intermediate_total if self.n_intermediate_total else None


_NO_MAIN_GOAL = PatientOutcome(False, None, None, None, None)


def _counted(goal: Goal, ratings: list[Rating], rater: Rater, assessment: Assessment, assessed_on: date | None
             ) -> Rating | None:
    if assessed_on is None:
        return None
    inside = [r for r in ratings_of(goal, ratings, rater=rater) if assessment.counts(r, assessed_on)]
    return inside[-1] if inside else None


def _assessed_on(main: Goal, steps: list[Goal], ratings: list[Rating], rater: Rater,
                 assessment: Assessment) -> date | None:
    if assessment.at is not None:
        return assessment.at
    for goals in ([main], steps):
        days = [r.rated_on for g in goals for r in ratings_of(g, ratings, rater=rater)]
        if days:
            return max(days)
    return None


def _rater_for(rule: RaterRule, main: Goal, ratings: list[Rating], assessment: Assessment) -> Rater:
    if rule is RaterRule.PATIENT:
        return Rater.PATIENT
    if rule is RaterRule.PHYSIOTHERAPIST:
        return Rater.PHYSIOTHERAPIST
    physio = Rater.PHYSIOTHERAPIST
    on = _assessed_on(main, [], ratings, physio, assessment)
    return physio if _counted(main, ratings, physio, assessment, on) else Rater.PATIENT


def patient_outcome(goals: list[Goal], ratings: list[Rating], *, rule: RaterRule = DEFAULT_RATER_RULE,
                    assessment: Assessment = Assessment()) -> PatientOutcome:
    """One patient's trial outcomes under `rule` and `assessment` (see the module's definitions)."""
    main = current_main_goal(goals, on=assessment.at)
    if main is None:
        return _NO_MAIN_GOAL
    steps = steps_of(main, goals)
    rater = _rater_for(RaterRule(rule), main, ratings, assessment)
    assessed_on = _assessed_on(main, steps, ratings, rater, assessment)
    main_rating = _counted(main, ratings, rater, assessment, assessed_on)
    step_ratings = [_counted(g, ratings, rater, assessment, assessed_on) for g in steps]
    rated = [r for r in step_ratings if r is not None]
    fully = sum(r.category is Category.FULLY for r in rated)
    if not steps:
        intermediate = IntermediateResult.NONE_SET
    elif len(rated) < len(steps):
        intermediate = IntermediateResult.INCOMPLETE
    else:
        intermediate = (IntermediateResult.ALL_FULLY if fully == len(steps) else
                        IntermediateResult.SOME_FULLY if fully else IntermediateResult.NONE_FULLY)
    anything = main_rating is not None or bool(rated)
    return PatientOutcome(
        has_main_goal=True, rater=rater, assessed_on=assessed_on if anything else None,
        main=MainResult(main_rating.category.value) if main_rating else MainResult.NOT_RATED,
        intermediate=intermediate, n_intermediate_total=len(steps), n_intermediate_rated=len(rated),
        n_intermediate_fully=fully,
    )


@dataclass(frozen=True)
class GoalStanding:
    """One patient's goals in a line, from one rater: the current main goal's level and category and the
    T-score of its intermediate goals (reported apart, as the T-score's ρ assumes separate goals)."""

    rater: Rater | None  # None: no current main goal
    main_title: str | None
    main_level: int | None  # None: not rated by this rater
    main_category: Category | None
    t_score: float | None  # None: no intermediate goal rated by this rater


def goal_standing(goals: list[Goal], ratings: list[Rating], *, rule: RaterRule = DEFAULT_RATER_RULE,
                  at: date | None = None) -> GoalStanding:
    """The current main goal's latest level and the intermediate goals' T-score on or before `at`, both
    from the one rater `rule` picks for this patient (the physiotherapist-else-patient rule asks whether
    the physiotherapist rated the main goal by then)."""
    main = current_main_goal(goals, on=at)
    if main is None:
        return GoalStanding(None, None, None, None, None)
    rater = _rater_for(RaterRule(rule), main, ratings, Assessment(at))
    last = [r for r in ratings_of(main, ratings, rater=rater, until=at)]
    return GoalStanding(rater, main.title, main_goal_level(goals, ratings, rater=rater, at=at),
                        last[-1].category if last else None,
                        intermediate_t_score(goals, ratings, rater=rater, at=at))


def share_text(k: int, n: int) -> str:
    """"k of n (p%)" with p a whole percent rounded half up; "0 of 0 (–)" when nobody counts."""
    return f"{k} of {n} ({round_half_up_int(100 * k / n)}%)" if n else f"{k} of {n} (–)"


@dataclass(frozen=True)
class Share:
    k: int
    n: int

    @property
    def text(self) -> str:
        return share_text(self.k, self.n)

    @property
    def proportion(self) -> float | None:
        return self.k / self.n if self.n else None


@dataclass(frozen=True)
class TrialFigure:
    """The figure over a set of patients, with both denominators.

    itt: every patient with a current main goal (unrated counts as not attained);
    complete: patients whose main goal is rated (main), or all of whose current intermediate goals are
    rated, at least one (intermediate).
    """

    rule: RaterRule
    assessment: Assessment
    patients: int
    main_itt: Share
    main_complete: Share
    intermediate_itt: Share
    intermediate_complete: Share
    raters_used: dict[str, int] = field(default_factory=dict)  # patient / physiotherapist → patients


def trial_figure(outcomes: list[PatientOutcome], *, rule: RaterRule = DEFAULT_RATER_RULE,
                 assessment: Assessment = Assessment()) -> TrialFigure:
    """Add up per-patient outcomes (one per patient chosen, with or without a main goal)."""
    with_main = [o for o in outcomes if o.has_main_goal]
    main_rated = [o for o in with_main if o.main is not MainResult.NOT_RATED]
    main_fully = sum(o.main is MainResult.FULLY for o in with_main)
    complete = [o for o in with_main if o.all_intermediate_fully is not None]
    all_fully = sum(o.all_intermediate_fully is True for o in with_main)
    used: dict[str, int] = {}
    for o in with_main:
        if o.rater is not None and o.assessed_on is not None:
            used[o.rater.value] = used.get(o.rater.value, 0) + 1
    return TrialFigure(RaterRule(rule), assessment, len(outcomes), Share(main_fully, len(with_main)),
                       Share(main_fully, len(main_rated)), Share(all_fully, len(with_main)),
                       Share(all_fully, len(complete)), used)
