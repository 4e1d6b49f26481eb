"""Today: a quick check-in. Shows today's check-in for correction once it exists."""

from __future__ import annotations

import flet as ft

from diary.domain.errors import DiaryError
from diary.services.goals import GoalService
from diary.services.log import LogService
from diary.services.questionnaires import QuestionnaireService
from diary.storage.database import describe_failure
from diary.ui import text as T
from diary.ui.components.checkin_editor import CheckInEditor
from diary.ui.components.reminder_banner import reminder_banner
from diary.ui.components.view import fresh_view
from diary.ui.state.checkin_form import CheckInForm, form_for, saved_message


def save_form(log: LogService, form: CheckInForm):
    """Save a form as a new check-in or as a correction. Returns (check-in, None) or (None, error)."""
    try:
        if form.checkin_id:
            return log.update(form.checkin_id, **form.changed_fields()), None  # another tab's changes stay
        return log.record(day=form.day, **form.to_fields()), None
    except DiaryError as exc:
        return None, str(exc)
    except Exception as exc:  # storage failures: a sentence, never the library's text
        return None, describe_failure(exc)


def _prompt(key: str, icon, message: str, action: str, action_key: str, on_click) -> ft.Control:
    return ft.Container(
        key=key, padding=12, border_radius=10, bgcolor=ft.Colors.SECONDARY_CONTAINER,
        content=ft.Row(vertical_alignment=ft.CrossAxisAlignment.CENTER, controls=[
            ft.Icon(icon, color=ft.Colors.ON_SECONDARY_CONTAINER),
            ft.Text(message, color=ft.Colors.ON_SECONDARY_CONTAINER, expand=True),
            ft.FilledTonalButton(content=action, key=action_key, on_click=on_click),
        ]))


class TodayScreen(ft.Column):
    def __init__(self, log: LogService, *, goals: GoalService | None = None,
                 questionnaires: QuestionnaireService | None = None, on_rate_goals=None, on_start_form=None,
                 last_export: str | None = None, reminders=None):
        super().__init__(key="today-screen", horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._log, self._goals, self._on_rate_goals = log, goals, on_rate_goals
        self._questionnaires, self._on_start_form = questionnaires, on_start_form
        self._last_export = last_export  # "Last exported 12 Mar to Physiotherapist", or None
        self._reminders = reminders  # diary.services.reminders.ReminderService: the "Not logged yet" banner
        self.show_latest()

    def _prompts(self) -> list[ft.Control]:
        """What is due: questionnaires, and the weekly goal rating (never on a flare day)."""
        self._banner = reminder_banner(self._reminders)
        prompts = [*self._banner]
        due = self._questionnaires.due() if self._questionnaires and self._on_start_form else []
        if due:  # one compact line however many are due, so the check-in stays near the top
            prompts.append(ft.Container(
                key="forms-prompt", padding=ft.Padding.symmetric(horizontal=12, vertical=8), border_radius=10,
                bgcolor=ft.Colors.SECONDARY_CONTAINER,
                content=ft.Row(wrap=True, spacing=4, vertical_alignment=ft.CrossAxisAlignment.CENTER, controls=[
                    ft.Icon(ft.Icons.ASSIGNMENT, color=ft.Colors.ON_SECONDARY_CONTAINER),
                    ft.Text(T.FORMS_DUE + ":", color=ft.Colors.ON_SECONDARY_CONTAINER),
                    *[ft.TextButton(content=d.name, key=f"start-form-{d.instrument_id}",
                                    tooltip=T.FORM_DUE_PROMPT.format(name=d.name),
                                    on_click=lambda e, i=d.instrument_id: self._on_start_form(i)) for d in due],
                ])))
        if self._goals and self._on_rate_goals and self._goals.rating_due():
            prompts.append(_prompt("rating-prompt", ft.Icons.STAR_RATE, T.RATING_DUE, T.RATE_GOALS, "rate-goals-now",
                                   lambda e: self._on_rate_goals()))
        return prompts

    def show_latest(self, *, extra: bool = False) -> None:
        """Today's first check-in for editing, or a blank form; `extra` starts another check-in."""
        today = self._log.today()
        existing = self._log.checkins_on(today)
        if extra:
            form, heading = CheckInForm(day=today, extra=True), T.EXTRA_HEADING
        elif existing:
            form, heading = form_for(existing[0]), T.TODAY_HEADING
        else:
            form, heading = CheckInForm(day=today), T.TODAY_HEADING
        self._editor = CheckInEditor(form, heading=heading, on_save=self._save)
        self._another = ft.OutlinedButton(content=T.ADD_CHECKIN, icon=ft.Icons.ADD, key="add-checkin",
                                          visible=bool(existing) and not extra,
                                          on_click=lambda e: self.show_latest(extra=True))
        self._logged_note = ft.Text(T.TODAY_LOGGED, key="today-logged", visible=bool(existing) and not extra,
                                    color=ft.Colors.ON_SURFACE_VARIANT)
        footer = [ft.Text(self._last_export, key="last-export", size=12, color=ft.Colors.ON_SURFACE_VARIANT)
                  ] if self._last_export else []
        self.controls = [fresh_view([*self._prompts(), self._logged_note, self._editor, self._another, *footer],
                                    name="today-view",
                                    horizontal_alignment=ft.CrossAxisAlignment.STRETCH)]

    def _save(self, form: CheckInForm) -> str | None:
        saved, error = save_form(self._log, form)
        if error:
            return error
        self._editor.form = form_for(saved)
        for banner in getattr(self, "_banner", []):  # logged now: the reminder has done its job
            banner.visible = False
        self._editor.show_status(saved_message(saved, today=self._log.today()), ok=True)
        self._another.visible = True
        return None
