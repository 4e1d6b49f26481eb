"""Words for goal progress: what the Goals screen says about each goal. No Flet here."""

from __future__ import annotations

from diary.services.goals import GoalSummary
from diary.ui import text as T


def rating_line(summary: GoalSummary) -> str:
    """"Partially attained (level −1: Walks 10 min twice a week), 12 Mar" or "Not rated yet"."""
    last = summary.latest
    if last is None:
        return T.NOT_RATED
    words = T.CATEGORY_NAMES[last.category.value]
    if last.level is not None and summary.goal.levels:
        words += f" (level {format_level(last.level)}: {summary.goal.levels[last.level]})"
    return f"{words}, {last.rated_on.strftime('%-d %b')}"


def format_level(level: int) -> str:
    """−2, −1, 0, +1, +2 as people write them (a true minus sign, no sign on zero)."""
    return "0" if level == 0 else f"{level:+d}".replace("-", "−")


def progress_line(summary: GoalSummary) -> str:
    parts = [T.STATUS_NAMES.get(summary.status, summary.status)]
    if summary.ratings:
        parts.append(T.HISTORY_OF_RATINGS.format(n=len(summary.ratings)))
    parts.append(T.NEXT_REVIEW.format(day=summary.next_review.strftime("%-d %b")))
    return " · ".join(parts)


def sparkline(summary: GoalSummary, width: int = 8) -> list[int]:
    """The last ratings' levels (categories mapped to levels), oldest first, for a small trend chart."""
    ordered = sorted(summary.ratings, key=lambda r: (r.rated_on, r.recorded_at))
    return [r.gas_level for r in ordered[-width:]]


def t_score_line(value: float | None) -> str:
    return T.T_SCORE_NONE if value is None else T.T_SCORE.format(value=f"{value:.1f}")
