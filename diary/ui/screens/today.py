"""Today: a quick check-in. Shows today's check-in for correction once it exists."""

from __future__ import annotations

import flet as ft

from diary.ui import text as T
from diary.ui.components.checkin_editor import CheckInEditor
from diary.ui.components.install_offer import InstallHint
from diary.ui.components.reminder_banner import reminder_banner
from diary.ui.components.saving import save_durably, save_form
from diary.ui.components.update_note import update_notes
from diary.ui.components.view import fresh_view
from diary.ui.state.checkin_form import CheckInForm, form_for, saved_message
from diary.ui.state.today import TodayState, read_today


def _prompt(key: str, icon, message: str, action: str, action_key: str, on_click) -> ft.Control:
    return ft.Container(
        key=key, padding=12, border_radius=10, bgcolor=ft.Colors.SECONDARY_CONTAINER,
        content=ft.Row(vertical_alignment=ft.CrossAxisAlignment.CENTER, controls=[
            ft.Icon(icon, color=ft.Colors.ON_SECONDARY_CONTAINER),
            ft.Text(message, color=ft.Colors.ON_SECONDARY_CONTAINER, expand=True),
            ft.FilledTonalButton(content=action, key=action_key, on_click=on_click),
        ]))


__all__ = ["TodayScreen", "save_form"]


class TodayScreen(ft.Column):
    """Today's check-in; `on_rate_goals` and `on_start_form` open Goals and Forms from the prompts."""

    def __init__(self, diary, *, on_rate_goals=None, on_start_form=None, on_backup=None, phone: bool = False):
        """`phone`: a narrow window, where the check-in's items after the body map are below the fold (they
        follow the first screen in a second message: CheckInEditor's `rest_after_first_frame`)."""
        super().__init__(key="today-screen", horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._diary, self._on_rate_goals, self._on_start_form = diary, on_rate_goals, on_start_form
        self._phone = phone
        self._storage = StoragePrompt(diary, on_backup=on_backup) if on_backup else None
        self.show_latest()

    def show_latest(self, *, extra: bool = False) -> None:
        """Today's first check-in for editing, or a blank form; `extra` starts another check-in."""
        self._draw(read_today(self._diary, extra=extra, forms=self._on_start_form is not None,
                              rating=self._on_rate_goals is not None))

    def _draw(self, state: TodayState) -> None:
        self._banner = reminder_banner(self._diary.reminders) if state.reminder_due else []
        self._editor = CheckInEditor(state.form, heading=state.heading, on_save=self._save,
                                     rest_after_first_frame=self._phone)
        self._another = ft.OutlinedButton(content=T.ADD_CHECKIN, icon=ft.Icons.ADD, key="add-checkin",
                                          visible=state.logged_today, on_click=lambda e: self.show_latest(extra=True))
        logged = ft.Text(T.TODAY_LOGGED, key="today-logged", visible=state.logged_today,
                         color=ft.Colors.ON_SURFACE_VARIANT)
        footer = [ft.Text(state.last_export, key="last-export", size=12, color=ft.Colors.ON_SURFACE_VARIANT)
                  ] if state.last_export else []
        storage = [self._storage, InstallHint(self._diary)] if self._storage else []  # the phone app's lines
        notes = [*update_notes(self._diary.meta), *storage, *self._banner, *self._prompts(state)]
        self.controls = [fresh_view([*notes, logged, self._editor, self._another, *footer], name="today-view",
                                    horizontal_alignment=ft.CrossAxisAlignment.STRETCH)]

    def _prompts(self, state: TodayState) -> list[ft.Control]:
        """What is due: the start-of-diary questionnaires as one item, at most two other questionnaires, and
        the weekly goal rating (never on a flare day)."""
        prompts = [self._baseline(state.baseline)] if state.baseline else []
        if state.due_forms:  # one compact line however many are due, so the check-in stays near the top
            prompts.append(ft.Container(
                key="forms-prompt", padding=ft.Padding.symmetric(horizontal=12, vertical=8), border_radius=10,
                bgcolor=ft.Colors.SECONDARY_CONTAINER,
                content=ft.Row(wrap=True, spacing=4, vertical_alignment=ft.CrossAxisAlignment.CENTER, controls=[
                    ft.Icon(ft.Icons.ASSIGNMENT, color=ft.Colors.ON_SECONDARY_CONTAINER),
                    ft.Text(T.FORMS_DUE + ":", color=ft.Colors.ON_SECONDARY_CONTAINER),
                    *[ft.TextButton(content=d.name, key=f"start-form-{d.instrument_id}",
                                    tooltip=T.FORM_DUE_PROMPT.format(name=d.name),
                                    on_click=lambda e, i=d.instrument_id: self._on_start_form(i))
                      for d in state.due_forms],
                    *([ft.Text(T.FORMS_MORE_DUE, color=ft.Colors.ON_SECONDARY_CONTAINER, key="forms-more")]
                      if state.more_forms_due else []),
                ])))
        if state.rating_due:
            prompts.append(_prompt("rating-prompt", ft.Icons.STAR_RATE, T.RATING_DUE, T.RATE_GOALS, "rate-goals-now",
                                   lambda e: self._on_rate_goals()))
        return prompts

    def _baseline(self, baseline) -> ft.Control:
        return ft.Container(
            key="baseline-prompt", padding=12, border_radius=10, bgcolor=ft.Colors.SECONDARY_CONTAINER,
            content=ft.Column(spacing=6, controls=[
                ft.Row(vertical_alignment=ft.CrossAxisAlignment.START, controls=[
                    ft.Icon(ft.Icons.ASSIGNMENT, color=ft.Colors.ON_SECONDARY_CONTAINER),
                    ft.Text(baseline.line, color=ft.Colors.ON_SECONDARY_CONTAINER, weight=ft.FontWeight.W_600,
                            expand=True, key="baseline-line")]),
                ft.Text(T.BASELINE_HELP, size=13, color=ft.Colors.ON_SECONDARY_CONTAINER),
                ft.Row(wrap=True, alignment=ft.MainAxisAlignment.END, controls=[
                    ft.TextButton(content=T.BASELINE_LATER, key="baseline-later", on_click=self._baseline_later),
                    ft.FilledTonalButton(content=T.BASELINE_NOW, key="baseline-now",
                                         on_click=lambda e: self._on_start_form(baseline.first)),
                ]),
            ]))

    def _baseline_later(self, e=None) -> None:
        self._diary.questionnaires.postpone_baseline()
        self.show_latest()

    async def _save(self, form: CheckInForm) -> str | None:
        saved, error = await save_durably(self._diary.log, form)
        if error:
            return error
        self._editor.form = form_for(saved)
        for banner in self._banner:  # logged now: the reminder has done its job
            banner.visible = False
        self._editor.show_status(saved_message(saved, today=self._diary.log.today()), ok=True)
        self._another.visible = True
        await self._editor.reveal_status()
        return None


class StoragePrompt(ft.Container):
    """The phone app's line about a browser that may delete the diary (ui/state/backups.storage_prompt):
    asked once Today is on screen, as the browser answers asynchronously; hidden where nothing is due."""

    def __init__(self, diary, *, on_backup):
        super().__init__(key="storage-prompt-slot", visible=False)
        self._diary, self._on_backup = diary, on_backup

    def did_mount(self) -> None:
        self.page.run_task(self._ask)

    async def _ask(self) -> None:
        from diary.platform import current as platform
        from diary.ui.state.backups import storage_prompt

        persisted = await platform().home.persisted()
        if persisted is not False:  # kept for good, or a folder on a desktop: nothing to say (nothing loaded)
            return
        backups, now = self._diary.backups, self._diary.clock()
        warned = backups.storage_warned()
        sentence = storage_prompt(persisted=persisted, warned=warned, last_file=backups.last_backup_file(), now=now)
        if sentence is None:
            return
        if warned is None:
            backups.note_storage_warned(now)
        self.content = _prompt("storage-prompt", ft.Icons.WARNING_AMBER, sentence, T.BACKUP_FILE_MAKE,
                               "storage-backup", lambda e: self._on_backup())
        self.visible = True
        try:
            self.update()
        except RuntimeError:  # the user left Today meanwhile
            pass
