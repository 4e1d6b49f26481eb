"""What Today shows, as one frozen value: the form to fill (a new check-in, today's for correcting, or an
extra one), what is due (questionnaires, the weekly goal rating, the reminder) and the last export.

`today_state` is a pure function of the services' answers; `read_today` asks the services. No Flet here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from diary.domain.entries import CheckIn
from diary.domain.errors import DiaryError
from diary.ui import text as T
from diary.ui.state.checkin_form import CheckInForm, form_for
from diary.ui.state.share import last_export_line


@dataclass(frozen=True)
class DueForm:
    instrument_id: str
    name: str


@dataclass(frozen=True)
class TodayState:
    form: CheckInForm
    heading: str
    logged_today: bool  # "You have logged today" and "Add another check-in" show
    due_forms: tuple[DueForm, ...]
    rating_due: bool
    reminder_due: bool
    last_export: str | None  # "Last exported 12 Mar to Physiotherapist"


def today_state(*, today: date, existing: list[CheckIn], extra: bool, due_forms: tuple[DueForm, ...],
                rating_due: bool, reminder_due: bool, last_export: str | None) -> TodayState:
    """Today's first check-in for correcting, or a blank form; `extra` starts another check-in."""
    if extra:
        form, heading = CheckInForm(day=today, extra=True), T.EXTRA_HEADING
    elif existing:
        form, heading = form_for(existing[0]), T.TODAY_HEADING
    else:
        form, heading = CheckInForm(day=today), T.TODAY_HEADING
    return TodayState(form=form, heading=heading, logged_today=bool(existing) and not extra, due_forms=due_forms,
                      rating_due=rating_due, reminder_due=reminder_due, last_export=last_export)


def read_today(diary, *, extra: bool = False, forms: bool = True, rating: bool = True) -> TodayState:
    """Today's state from the diary's services (`forms`/`rating`: whether to ask what is due)."""
    today = diary.log.today()
    due = tuple(DueForm(d.instrument_id, d.name) for d in diary.questionnaires.due()) if forms else ()
    return today_state(today=today, existing=diary.log.checkins_on(today), extra=extra, due_forms=due,
                       rating_due=rating and diary.goals.rating_due(), reminder_due=diary.reminders.due(),
                       last_export=_last_export(diary, today))


def _last_export(diary, today: date) -> str | None:
    try:
        return last_export_line(diary.last_export(), today)
    except DiaryError:  # the line is a courtesy: never let it stop Today from opening
        return None
