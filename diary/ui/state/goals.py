"""What the Goals screen shows: each goal's tile and the plan's rows as frozen values built by pure
functions from the goal service's answers, and the words for goal progress. No Flet here."""

from __future__ import annotations

from dataclasses import dataclass

from diary.domain.goals import WORSE_LEVEL, Goal, Rater
from diary.domain.trial import GoalStanding
from diary.domain.plans import Activity
from diary.services.goals import GoalSummary
from diary.ui import text as T


def rating_line(summary: GoalSummary) -> str:
    """"Partially attained (level −1: Walks 10 min twice a week), 12 Mar" or "Not rated yet"."""
    last = summary.latest
    if last is None:
        return T.NOT_RATED
    words = T.WORSE_THAN_START if last.rated_worse and not summary.goal.levels else T.CATEGORY_NAMES[last.category.value]
    if last.level is not None and summary.goal.levels:
        words += f" (level {format_level(last.level)}: {summary.goal.levels[last.level]})"
    if last.rater is Rater.PHYSIOTHERAPIST:
        words = T.RATED_WITH_PHYSIO.format(words=words)
    return f"{words}, {last.rated_on.strftime('%-d %b')}"


def category_choices(goal: Goal) -> list[tuple[tuple[int | None, str], str]]:
    """The one-tap choices for a goal rated by category: fully, partially, not attained, and (when the
    goal starts at −1, so "not attained" means "no change") "worse than at the start", stored as level −2
    with "not" (issue 15 §3)."""
    choices = [((None, c), T.CATEGORY_NAMES[c]) for c in ("fully", "partially", "not")]
    if goal.baseline_level > WORSE_LEVEL:
        choices.append(((WORSE_LEVEL, "not"), T.WORSE_THAN_START))
    return choices


def format_level(level: int) -> str:
    """−2, −1, 0, +1, +2 as people write them (a true minus sign, no sign on zero)."""
    return "0" if level == 0 else f"{level:+d}".replace("-", "−")


def progress_line(summary: GoalSummary) -> str:
    parts = [T.STATUS_NAMES.get(summary.status, summary.status)]
    if summary.ratings:
        parts.append(T.ratings(len(summary.ratings)))
    parts.append(T.NEXT_REVIEW.format(day=summary.next_review.strftime("%-d %b")))
    return " · ".join(parts)


def t_score_line(standing: GoalStanding | None) -> str:
    """The main goal's level and the steps' T-score, from one rater, saying whose (issue 15 §3)."""
    if standing is None or standing.rater is None or (standing.main_category is None and standing.t_score is None):
        return T.T_SCORE_NONE
    main = (T.MAIN_NOT_RATED if standing.main_category is None else
            T.MAIN_LEVEL.format(category=T.CATEGORY_NAMES[standing.main_category.value].lower(),
                                level=format_level(standing.main_level)))
    value = T.NO_T_SCORE if standing.t_score is None else f"{standing.t_score:.1f}"
    return T.T_SCORE.format(whose=T.T_SCORE_WHOSE[standing.rater.value], main=main, value=value)


# The Goals screen, as frozen values
@dataclass(frozen=True)
class GoalTile:
    goal: Goal
    main: bool
    rating: str
    progress: str
    trend: str | None  # "improving", "worsening", "no_change"


@dataclass(frozen=True)
class GoalsView:
    trees: tuple[tuple[GoalTile, tuple[GoalTile, ...]], ...]  # (main goal, its steps)
    rating_due: bool
    t_score: str

    @property
    def goals(self) -> list[Goal]:
        """Every goal, each main goal before its steps (the order they are rated in)."""
        return [tile.goal for main, steps in self.trees for tile in (main, *steps)]


def goal_tile(summary: GoalSummary, *, main: bool) -> GoalTile:
    return GoalTile(summary.goal, main, rating_line(summary), progress_line(summary),
                    summary.trend.value if summary.trend else None)


def goals_view(trees: list, *, rating_due: bool, t_score: GoalStanding | None) -> GoalsView:
    return GoalsView(tuple((goal_tile(tree.main, main=True), tuple(goal_tile(s, main=False) for s in tree.steps))
                           for tree in trees), rating_due, t_score_line(t_score))


def read_goals(goals) -> GoalsView:
    trees = goals.overview()
    return goals_view(trees, rating_due=bool(trees) and goals.rating_due(), t_score=goals.standing() if trees else None)


@dataclass(frozen=True)
class PlanRow:
    activity: Activity
    title: str  # "Walk · 30 min, 3× a week"
    progress: str  # "2 of 3 this week" (what the bar says to a screen reader)
    line: str  # the progress and any flare days left out
    adherence: float


def plan_rows(week) -> tuple[PlanRow, ...]:
    """This week's activities against their dose (GoalService.plan_week)."""
    rows = []
    for activity, done in week:
        progress = (T.PLAN_PROGRESS.format(done=done.done, expected=done.expected) if done.expected
                    else T.PLAN_NOTHING_EXPECTED)
        extra = f" · {T.flare_days_left_out(done.flare_days)}" if done.flare_days else ""
        rows.append(PlanRow(activity, f"{activity.name} · {activity.dose}", progress, progress + extra,
                            done.adherence or 0))
    return tuple(rows)
