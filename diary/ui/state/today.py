"""What Today shows, as one frozen value: the form to fill (a new check-in, today's for correcting, or an
extra one), what is due (questionnaires, the weekly goal rating, the reminder) and the last export.

`today_state` is a pure function of the services' answers; `read_today` asks the services. No Flet here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from diary.domain.entries import CheckIn
from diary.domain.errors import DiaryError
from diary.domain.instruments import INSTRUMENTS
from diary.domain.numbers import round_half_up_int
from diary.ui import text as T
from diary.ui.state.checkin_form import CheckInForm, form_for
from diary.ui.state.share import last_export_line


MAX_DUE_ON_TODAY = 2  # more wait on the Questionnaires screen
SECONDS_PER_ITEM = 9  # about how long one questionnaire item takes (67 baseline items: about 10 minutes)


@dataclass(frozen=True)
class DueForm:
    instrument_id: str
    name: str
    items: int = 0
    never_answered: bool = False


@dataclass(frozen=True)
class Baseline:
    """The start-of-diary questionnaires, offered as one item: how many, about how long, the first."""

    count: int
    minutes: int
    first: str  # the instrument "Now" starts with: the shortest, for a gentle start

    @property
    def line(self) -> str:
        return T.BASELINE_ITEM.format(n=self.count, minutes=self.minutes)


def due_on_today(due: tuple[DueForm, ...], *, postponed: bool) -> tuple[Baseline | None, tuple[DueForm, ...]]:
    """What Today offers: the never-answered questionnaires as one start-of-diary item (unless postponed
    today) when there are two or more of them, and at most MAX_DUE_ON_TODAY others."""
    new = [d for d in due if d.never_answered]
    if len(new) >= 2:
        rest = tuple(d for d in due if not d.never_answered)[:MAX_DUE_ON_TODAY]
        if postponed:
            return None, rest
        minutes = max(1, round_half_up_int(sum(d.items for d in new) * SECONDS_PER_ITEM / 60))
        return Baseline(len(new), minutes, min(new, key=lambda d: d.items).instrument_id), rest  # shortest first
    return None, tuple(due)[:MAX_DUE_ON_TODAY]


@dataclass(frozen=True)
class TodayState:
    form: CheckInForm
    heading: str
    logged_today: bool  # "You have logged today" and "Add another check-in" show
    due_forms: tuple[DueForm, ...]
    rating_due: bool
    reminder_due: bool
    last_export: str | None  # "Last exported 12 Mar to Physiotherapist"
    baseline: Baseline | None = None
    more_forms_due: bool = False  # some due questionnaires wait on the Questionnaires screen


def today_state(*, today: date, existing: list[CheckIn], extra: bool, due_forms: tuple[DueForm, ...],
                rating_due: bool, reminder_due: bool, last_export: str | None,
                baseline_postponed: bool = False) -> TodayState:
    """Today's first check-in for correcting, or a blank form; `extra` starts another check-in."""
    if extra:
        form, heading = CheckInForm(day=today, extra=True), T.EXTRA_HEADING
    elif existing:
        form, heading = form_for(existing[0]), T.TODAY_HEADING
    else:
        form, heading = CheckInForm(day=today), T.TODAY_HEADING
    baseline, shown = due_on_today(due_forms, postponed=baseline_postponed)
    waiting = len(due_forms) - len(shown) - (baseline.count if baseline else 0)
    return TodayState(form=form, heading=heading, logged_today=bool(existing) and not extra, due_forms=shown,
                      rating_due=rating_due, reminder_due=reminder_due, last_export=last_export, baseline=baseline,
                      more_forms_due=waiting > 0)


def read_today(diary, *, extra: bool = False, forms: bool = True, rating: bool = True) -> TodayState:
    """Today's state from the diary's services (`forms`/`rating`: whether to ask what is due)."""
    today = diary.log.today()
    due = tuple(DueForm(d.instrument_id, d.name, INSTRUMENTS[d.instrument_id].n_items, d.last_completed is None)
                for d in diary.questionnaires.due()) if forms else ()
    return today_state(today=today, existing=diary.log.checkins_on(today), extra=extra, due_forms=due,
                       rating_due=rating and diary.goals.rating_due(), reminder_due=diary.reminders.due(),
                       last_export=_last_export(diary, today),
                       baseline_postponed=forms and diary.questionnaires.baseline_postponed())


def _last_export(diary, today: date) -> str | None:
    try:
        return last_export_line(diary.last_export(), today)
    except DiaryError:  # the line is a courtesy: never let it stop Today from opening
        return None
