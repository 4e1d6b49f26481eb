"""Words for questionnaire results. No Flet here."""

from __future__ import annotations

from diary.domain.instruments import INSTRUMENTS
from diary.domain.questionnaires import Response
from diary.ui import text as T


def band_words(band: str | None) -> str:
    return "" if not band else band.replace("_", " ").capitalize()


def _num(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.2f}".rstrip("0")


def score_line(response: Response) -> str:
    s = response.result
    if s is None or not s.valid or s.total is None:
        return T.RESULT_INVALID
    inst = INSTRUMENTS[response.instrument_id]
    high = inst.score_range[1] if inst.score_range else None
    return (T.RESULT_SCORE.format(total=_num(s.total), max=_num(high)) if high is not None
            else T.RESULT_SCORE_NO_MAX.format(total=_num(s.total)))


def change_line(response: Response, history: list[Response]) -> str:
    """Change since the first valid result of the same instrument."""
    first = next((r for r in history if r.result and r.result.valid and r.result.total is not None), None)
    name = INSTRUMENTS[response.instrument_id].name
    now = response.result.total if response.result else None
    if first is None or first.id == response.id or now is None:
        return T.RESULT_FIRST.format(name=name)
    diff = now - first.result.total
    change = "No change" if diff == 0 else f"{'+' if diff > 0 else '−'}{_num(abs(diff))}"
    return T.RESULT_CHANGE.format(change=change, first=_num(first.result.total),
                                  day=first.completed_at.strftime("%-d %b %Y"))


def last_line(history: list[Response]) -> str:
    if not history:
        return T.NEVER_ANSWERED
    last = history[-1]
    s = last.result
    shown = _num(s.total) if s and s.total is not None else "—"
    return T.LAST_SCORE.format(score=shown, band=band_words(s.band) if s else "", day=last.completed_at.strftime("%-d %b"))
