"""What the clinician's screens say, in words, from the services' values. No Flet here, so every
sentence can be tested directly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from diary.domain.goal_progress import intermediate_t_score, ratings_of
from diary.domain.trial import goal_standing
from diary.domain.goals import GoalType, Rater, Rating
from diary.domain.instruments import INSTRUMENTS, band_caveat
from diary.domain.numbers import round_half_up, round_half_up_int, score_text
from diary.domain.patient_record import PatientRecord, record_days
from diary.domain.plans import week_adherence, week_start
from diary.domain.questionnaires import completed
from diary.services.caseload import FLAGS  # noqa: F401 - the flags' words, for the caseload's chips and filter
from diary.ui import text as PT
from diary.ui.clinician import text as T
from diary.ui.state.goals import format_level
from diary.ui.state.share import short_day

PLAN_WEEKS = 4


def signed(value: float) -> str:
    """+3, −1.5 (a true minus sign)."""
    return ("+" if value > 0 else "−" if value < 0 else "") + score_text(abs(value))


def period_words(start: date | None, end: date | None, today: date) -> str:
    if end is None:
        return T.NOT_AVAILABLE
    if start is None:
        return T.PERIOD_EVERYTHING.format(end=short_day(end, today))
    return T.PERIOD_RANGE.format(start=short_day(start, today), end=short_day(end, today))


# The caseload
PAGE_SIZE = 25
SHOW_ALL, SHOW_FLAGGED = "all", "any"


@dataclass(frozen=True)
class CaseloadPage:
    """The patients shown on one page of the caseload, after the filter and the search."""

    rows: tuple  # this page's CaseloadRows
    matching: int  # how many patients match, on every page
    page: int  # the page shown (0-based), kept within the pages there are
    first: int  # its first and last patient's positions (1-based), for "1–25 of 480"

    @property
    def has_next(self) -> bool:
        return self.first - 1 + len(self.rows) < self.matching


def caseload_page(rows, *, show: str, search: str, page: int, size: int = PAGE_SIZE) -> CaseloadPage:
    """Filter (all, any flag, or one flag), search the labels (case-insensitive), then take one page."""
    if show == SHOW_FLAGGED:
        rows = [r for r in rows if r.flags]
    elif show != SHOW_ALL:
        rows = [r for r in rows if show in r.flags]
    needle = search.strip().casefold()
    if needle:
        rows = [r for r in rows if needle in r.label.casefold()]
    page = min(max(page, 0), max(1, -(-len(rows) // size)) - 1)
    start = page * size
    return CaseloadPage(tuple(rows[start:start + size]), len(rows), page, start + 1)


def export_line(row, today: date) -> str:
    if row.exported_at is None:
        return T.NO_EXPORT
    return T.EXPORT_LINE.format(day=short_day(row.exported_at.date(), today), period=export_period(row, today))


def export_day(row, today: date) -> str:
    return T.NO_EXPORT if row.exported_at is None else short_day(row.exported_at.date(), today)


def export_period(row, today: date) -> str | None:
    return None if row.exported_at is None else period_words(row.period_start, row.period_end, today)


def days_line(row, today: date) -> str:
    line = T.DAYS_LOGGED.format(n=row.days_logged)
    if row.last_day is not None:
        line += " · " + T.LAST_DAY.format(day=short_day(row.last_day, today))
    return line


def goal_line(row) -> str:
    if row.main_goal_title is None:
        return T.NO_GOAL
    if row.main_goal_category is None:
        return T.GOAL_LINE.format(title=row.main_goal_title, category=T.GOAL_NOT_RATED)
    words = PT.CATEGORY_NAMES[row.main_goal_category.value]
    if row.main_goal_rater is not None:
        words = T.GOAL_RATED_BY.format(category=words, rater=T.GOAL_RATERS_SHORT[row.main_goal_rater.value])
    if row.main_goal_trend is not None:
        words += ", " + T.TREND_WORDS[row.main_goal_trend.value]
    return T.GOAL_LINE.format(title=row.main_goal_title, category=words)


def phq15_line(row, *, short: bool = False) -> str:
    """ "PHQ-15 12, +3 since the one before"; a prorated total is rounded (half up) and says so
    ("PHQ-15 16, prorated, +6 since …"), with the exact value in `phq15_exact` for whoever asks."""
    if row.phq15 is None:
        return T.PHQ15_NONE
    prorated = getattr(row, "phq15_prorated", False)
    shown = (lambda v: f"{round_half_up_int(v)}") if prorated else score_text
    line = T.PHQ15_LINE.format(score=shown(row.phq15)) + (f", {T.PHQ15_PRORATED}" if prorated else "")
    if row.phq15_change is not None:
        change = round_half_up_int(row.phq15_change) if prorated else row.phq15_change
        if change == 0:
            line += f" ({T.PHQ15_NO_CHANGE})" if short else ", " + T.PHQ15_NO_CHANGE
        else:
            template = T.PHQ15_CHANGE_SHORT if short else T.PHQ15_CHANGE
            line += (" " if short else ", ") + template.format(sign="", change=signed(change))
    return line


def phq15_exact(row) -> str | None:
    """The exact prorated total (and change), shown on demand; None when the total was not prorated."""
    if row.phq15 is None or not getattr(row, "phq15_prorated", False):
        return None
    if row.phq15_change is None:
        return T.PHQ15_EXACT.format(score=f"{row.phq15:g}")
    change = f"{row.phq15_change:+g}".replace("-", "−")
    return T.PHQ15_EXACT_CHANGE.format(score=f"{row.phq15:g}", change=change)


def count_line(rows) -> str:
    flagged = sum(1 for r in rows if r.flags)
    return (T.CASELOAD_COUNT_ONE.format(flagged=flagged) if len(rows) == 1
            else T.CASELOAD_COUNT.format(n=len(rows), flagged=flagged))


def trial_lines(figure) -> tuple[str, ...]:
    """The trial figure (diary.domain.trial.TrialFigure) as the caseload shows it: both denominators side
    by side as "k of n (p%)", what they mean, whose ratings counted and when goals were judged."""
    used = ", ".join(T.TRIAL_RATERS_USED.format(rater=T.TRIAL_RATER_NAMES[who], n=n)
                     for who, n in sorted(figure.raters_used.items())) or T.TRIAL_NOBODY_RATED
    return (
        T.TRIAL_MAIN.format(itt=figure.main_itt.text, complete=figure.main_complete.text),
        T.TRIAL_INTERMEDIATE.format(itt=figure.intermediate_itt.text, complete=figure.intermediate_complete.text),
        T.TRIAL_DENOMINATORS,
        T.TRIAL_DEFINITION.format(rater=f"{T.TRIAL_RULE_WORDS[figure.rule.value]} ({used})"),
    )


# One patient
def patient_header(record: PatientRecord, today: date, imported_at: datetime | None) -> str:
    if record.exported_at is None:
        paired = record.extra.get("paired_at")
        day = datetime.fromisoformat(paired).date() if paired else today
        return T.PATIENT_NO_EXPORT.format(day=short_day(day, today))
    return T.PATIENT_EXPORT.format(
        day=short_day(record.exported_at.date(), today),
        period=period_words(record.period_start, record.period_end, today),
        imported=short_day(imported_at.date(), today) if imported_at else T.NOT_AVAILABLE)


def rating_what(goal, rating: Rating) -> str:
    if rating.rated_worse and not goal.levels:
        return PT.WORSE_THAN_START
    words = PT.CATEGORY_NAMES[rating.category.value]
    if rating.level is not None:
        description = (goal.levels or {}).get(rating.level)
        words += f" (level {format_level(rating.level)}" + (f": {description})" if description else ")")
    return words


@dataclass(frozen=True)
class RatingView:
    line: str
    mine: bool
    rater: str


@dataclass(frozen=True)
class GoalView:
    goal: object  # diary.domain.goals.Goal
    heading: str
    ratings: tuple[RatingView, ...]  # newest first


def ordered_goals(goals) -> list:
    """Main goals first, each followed by its steps; steps of a missing main goal last."""
    mains = [g for g in goals if g.type is GoalType.MAIN]
    ordered = []
    for main in mains:
        ordered.append(main)
        ordered += [g for g in goals if g.main_goal_id == main.id]
    return ordered + [g for g in goals if g not in ordered]


def goal_views(record: PatientRecord, own_ids: set[str], today: date) -> list[GoalView]:
    views = []
    for goal in ordered_goals(list(record.goals)):
        history = list(reversed(ratings_of(goal, list(record.ratings))))
        lines = tuple(RatingView(T.RATING_LINE.format(
            day=short_day(r.rated_on, today),
            who=T.RATER_YOU if r.id in own_ids else T.RATERS[r.rater.value],
            what=rating_what(goal, r)), r.id in own_ids, r.rater.value) for r in history)
        views.append(GoalView(goal, T.GOAL_TYPES[goal.type.value], lines))
    return views


def main_goal_words(category, level) -> str:
    """"partially attained (level −1)", or "not rated"."""
    if category is None:
        return T.MAIN_NOT_RATED
    return PT.MAIN_LEVEL.format(category=PT.CATEGORY_NAMES[category.value].lower(), level=format_level(level))


def t_score_lines(record: PatientRecord) -> tuple[str, str | None]:
    """The main goal's level and the intermediate goals' T-score from the one rater the trial rule picks,
    then the T-score by each rater (issue 15 §3: reported apart, never from mixed raters)."""
    goals, ratings = list(record.goals), list(record.ratings)
    standing = goal_standing(goals, ratings)
    if standing.rater is None or (standing.main_category is None and standing.t_score is None):
        return T.T_SCORE_NONE, None

    def shown(value):
        return T.NOT_AVAILABLE if value is None else f"{value:.1f}"

    by = T.T_SCORE_BY.format(patient=shown(intermediate_t_score(goals, ratings, rater=Rater.PATIENT)),
                             physio=shown(intermediate_t_score(goals, ratings, rater=Rater.PHYSIOTHERAPIST)))
    return T.T_SCORE.format(rater=T.TRIAL_RATER_NAMES[standing.rater.value],
                            main=main_goal_words(standing.main_category, standing.main_level),
                            value=shown(standing.t_score)), by


@dataclass(frozen=True)
class WeekView:
    line: str
    adherence: float | None


def plan_views(record: PatientRecord, end: date, weeks: int = PLAN_WEEKS) -> list[tuple[object, list[WeekView]]]:
    """Each activity with its adherence in the last `weeks` weeks up to `end`, newest first."""
    if not record.plan:
        return []
    first = week_start(end) - timedelta(weeks=weeks - 1)
    days = record_days(record, first, end)
    out = []
    for activity in record.plan:
        views = []
        for n in range(weeks):
            monday = week_start(end) - timedelta(weeks=n)
            week = week_adherence(activity, days, week_of=monday)
            day = short_day(monday, end) + (T.PLAN_SO_FAR if end < monday + timedelta(days=6) else "")
            if week.expected:
                line = T.PLAN_WEEK.format(day=day, done=week.done, expected=week.expected)
            else:
                line = T.PLAN_WEEK_NOTHING.format(day=day)
            if week.flare_days and week.expected:
                line += T.PLAN_WEEK_FLARES.format(n=week.flare_days)
            views.append(WeekView(line, week.adherence))
        out.append((activity, views))
    return out


@dataclass(frozen=True)
class QuestionnaireView:
    instrument_id: str
    name: str
    latest: str
    baseline: str


def _band(score) -> str:
    if not score.band:
        return ""
    words = score.band.replace("_", " ")
    return f" ({PT.BAND_CAVEAT_7DAY.format(band=words) if band_caveat(score.instrument_id, score.version) else words})"


def questionnaire_views(record: PatientRecord, today: date) -> list[QuestionnaireView]:
    """Each instrument's latest valid score with its band, and the first one with the change since."""
    views = []
    ids = sorted({r.instrument_id for r in record.questionnaires},
                 key=lambda i: INSTRUMENTS[i].name if i in INSTRUMENTS else i)
    for instrument_id in ids:
        results = completed(record.questionnaires, instrument_id)
        if not results:
            continue
        (first_day, first), (last_day, last) = results[0], results[-1]
        name = INSTRUMENTS[instrument_id].name if instrument_id in INSTRUMENTS else instrument_id
        latest = T.QUESTIONNAIRE_LATEST.format(score=score_text(last.total), band=_band(last),
                                               day=short_day(last_day, today))
        if len(results) == 1:
            baseline = T.QUESTIONNAIRE_ONLY_ONE
        else:
            change = round_half_up(last.total - first.total, 2)
            baseline = T.QUESTIONNAIRE_BASELINE.format(score=score_text(first.total), band=_band(first),
                                                       day=short_day(first_day, today),
                                                       change=signed(change) if change else T.PHQ15_NO_CHANGE)
        views.append(QuestionnaireView(instrument_id, name, latest, baseline))
    return views
