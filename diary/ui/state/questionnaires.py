"""What the Questionnaires screen shows: the list of forms, one page of answering, a result; and the words
for scores. Frozen values built by pure functions from the questionnaire service's answers. No Flet here."""

from __future__ import annotations

from dataclasses import dataclass

from diary.domain.instruments import INSTRUMENTS, band_caveat
from diary.domain.questionnaires import Response
from diary.ui import text as T


def band_words(band: str | None, score=None) -> str:
    """A band as words; the weekly 7-day PHQ-15's carries "bands validated for the 4-week version"."""
    if not band:
        return ""
    words = band.replace("_", " ").capitalize()
    if score is not None and band_caveat(score.instrument_id, score.version):
        return T.BAND_CAVEAT_7DAY.format(band=words)
    return words


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
    return T.LAST_SCORE.format(score=shown, band=band_words(s.band, s) if s else "",
                               day=last.completed_at.strftime("%-d %b"))


# The screen's views (frozen values built by pure functions from the service's answers)
PHQ15_ITEM4 = 3  # "Menstrual cramps or other problems with your periods": asked of women only


@dataclass(frozen=True)
class FormRow:
    instrument_id: str
    name: str
    due: bool
    last: str  # "Last: 7 (low), 3 Mar" or "Not answered yet"
    action: str  # Start, or "Resume (3 of 15)"
    latest: Response | None  # for "Scores so far"


@dataclass(frozen=True)
class FormsList:
    rows: tuple[FormRow, ...]
    due_line: str


def forms_list(administrable: list[str], due: set[str], histories: dict[str, list[Response]],
               drafts: dict[str, Response | None]) -> FormsList:
    rows = []
    for instrument_id in administrable:
        history, draft = histories[instrument_id], drafts.get(instrument_id)
        action = T.RESUME.format(n=draft.n_answered, total=len(draft.answers)) if draft else T.START
        rows.append(FormRow(instrument_id, INSTRUMENTS[instrument_id].name, instrument_id in due, last_line(history),
                            action, history[-1] if history else None))
    due_line = (T.FORMS_NONE_DUE if not due else
                f"{T.FORMS_DUE}: " + ", ".join(INSTRUMENTS[i].name for i in administrable if i in due))
    return FormsList(tuple(rows), due_line)


def read_forms_list(service) -> FormsList:
    administrable = service.administrable()
    return forms_list(administrable, {d.instrument_id for d in service.due()},
                      {i: service.history(i) for i in administrable}, {i: service.draft(i) for i in administrable})


@dataclass(frozen=True)
class Option:
    key: str
    label: str
    chosen: bool
    value: object = None


@dataclass(frozen=True)
class ItemView:
    index: int
    stem: str | None  # the group's stem, when this item shows it
    text: str
    options: tuple[Option, ...]
    not_applicable: Option | None  # PHQ-15 item 4's "does not apply to me"


@dataclass(frozen=True)
class AnswerView:
    """One page of a questionnaire: every item on a wide screen, one on a phone."""

    instrument_id: str
    page_no: int
    title: str
    instructions: str
    attribution: str
    answered: int
    total: int
    items: tuple[ItemView, ...]
    position: str | None  # "Question 3 of 15" on phones
    first: bool
    last: bool


def _item_view(wording, response: Response, i: int, *, wide: bool) -> ItemView:
    options = tuple(Option(f"q-option-{i}-{value}", label, response.answers[i] == value, value)
                    for value, label in wording.options[i])
    na = (Option("q-option-3-na", T.NOT_APPLICABLE, bool(response.options.get("exclude_item4")))
          if response.instrument_id == "phq15" and i == PHQ15_ITEM4 else None)
    stems = wording.item_stems or ()
    stem = stems[i] if i < len(stems) else None
    # On a phone every page repeats its group's stem; the whole form shows it once per group.
    show_stem = stem and (not wide or i == 0 or stems[i - 1] != stem)
    return ItemView(i, stem if show_stem else None, f"{i + 1}. {wording.items[i]}", options, na)


def answer_view(wording, response: Response, *, page_no: int, wide: bool) -> AnswerView:
    total = len(wording.items)
    shown = range(total) if wide else [page_no]
    return AnswerView(
        response.instrument_id, page_no, wording.title, wording.instructions, wording.attribution,
        response.n_answered, total, tuple(_item_view(wording, response, i, wide=wide) for i in shown),
        None if wide else T.QUESTION_OF.format(n=page_no + 1, total=total), page_no == 0,
        wide or page_no >= total - 1)


@dataclass(frozen=True)
class ResultView:
    name: str
    score: str
    band: str | None
    subscales: tuple[str, ...]
    change: str
    earlier: tuple[str, ...]  # newest first


def _subscale_line(name: str, value: float | None) -> str:
    label = name.replace("_", " ").capitalize()
    return f"{label}: {value:g}" if value is not None else f"{label}: —"


def result_view(response: Response, history: list[Response]) -> ResultView:
    s = response.result
    # Earlier means before this one: the history includes the response just shown.
    earlier = tuple(f"{r.completed_at.strftime('%-d %b %Y')}: "
                    f"{score_line(r)}{' · ' + band_words(r.result.band, r.result) if r.result and r.result.band else ''}"
                    for r in reversed(history) if r.id != response.id)
    return ResultView(INSTRUMENTS[response.instrument_id].name, score_line(response),
                      band_words(s.band, s) if s and s.band else None,
                      tuple(_subscale_line(k, v) for k, v in (s.subscales if s else {}).items()),
                      change_line(response, history), earlier)


# Settings → Questionnaires
# The intervals people actually use; a custom interval set elsewhere (CLI) is kept and shown as well.
INTERVALS = {7: "Every week", 14: "Every 2 weeks", 28: "Every 4 weeks", 91: "Every 3 months", 182: "Every 6 months"}


@dataclass(frozen=True)
class ScheduleRow:
    instrument_id: str
    name: str
    every: int
    enabled: bool
    choices: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class FormsSettingsView:
    schedule: tuple[ScheduleRow, ...]
    wordings: tuple[tuple[str, str], ...]  # (instrument id, "HADS (en), from hads.json") of clinic wordings


def forms_settings_view(schedule: dict[str, tuple[int, bool]], clinic_wordings) -> FormsSettingsView:
    rows = tuple(ScheduleRow(i, INSTRUMENTS[i].name, every, on,
                             tuple(sorted({**INTERVALS, every: INTERVALS.get(every, f"Every {every} days")}.items())))
                 for i, (every, on) in schedule.items())
    return FormsSettingsView(rows, tuple(
        (w.instrument_id, T.WORDING_LOADED.format(name=INSTRUMENTS[w.instrument_id].name, language=w.language,
                                                  source=w.sources[0])) for w in clinic_wordings))


def read_forms_settings(service) -> FormsSettingsView:
    return forms_settings_view(service.schedule(), service.clinic_wordings())


def schedule_saved(instrument_id: str, every_days: int, *, enabled: bool) -> str:
    name = INSTRUMENTS[instrument_id].name
    if not enabled:
        return T.SCHEDULE_OFF.format(name=name)
    return T.SCHEDULE_SAVED.format(name=name, every=INTERVALS.get(every_days, f"every {every_days} days").lower())


def default_crisis_text() -> str:
    from diary.services.questionnaires import DEFAULT_CRISIS_TEXT

    return DEFAULT_CRISIS_TEXT
