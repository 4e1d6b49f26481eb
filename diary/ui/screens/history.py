"""History: every day with gaps visible; open a day to correct it, back-fill it, or delete a check-in (with undo)."""

from __future__ import annotations

from datetime import date, timedelta

import flet as ft

from diary.domain.entries import CheckIn
from diary.domain.errors import DiaryError
from diary.services.log import LogService
from diary.ui import text as T
from diary.ui.components.checkin_editor import CheckInEditor
from diary.ui.components.view import fresh_view
from diary.ui.screens.today import save_form
from diary.ui.state.checkin_form import CheckInForm, form_for, saved_message, summary_parts
from diary.domain.plans import week_start
from diary.ui.state.history import PAGE_DAYS, day_title, history_rows, week_line, weeks_in


class HistoryScreen(ft.Column):
    def __init__(self, log: LogService):
        super().__init__(key="history-screen", horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._log = log
        self._days_shown = PAGE_DAYS
        self.show_list()

    # The list of days
    def show_list(self) -> None:
        today = self._log.today()
        first = self._log.first_day() or today
        # From the first logged day (at least the last week, for back-filling), a page at a time.
        start = max(min(first, today - timedelta(days=6)), today - timedelta(days=self._days_shown - 1))
        days = self._log.history(start=start)
        rows = history_rows(days, today=today)
        # A week line above each week's days (newest first), with its weekly figures (≥ 4-of-7 rule).
        # Whole weeks, so the oldest week on the page is not judged on the few days shown of it.
        whole_weeks = self._log.history(start=week_start(start), end=today) if days else []
        week_lines = {monday: week_line(whole_weeks, monday=monday) for monday in weeks_in(days)}
        tiles = []
        for row in rows:
            monday = week_start(row.day)
            if monday in week_lines:
                tiles.append(ft.Container(
                    key=f"week-{monday.isoformat()}", padding=ft.Padding.only(left=16, top=12, right=16),
                    content=ft.Text(week_lines.pop(monday), size=13, weight=ft.FontWeight.W_600,
                                    color=ft.Colors.ON_SURFACE_VARIANT)))
            tiles.append(self._day_tile(row))
        more = ft.TextButton(content=T.SHOW_MORE, key="show-more", icon=ft.Icons.EXPAND_MORE,
                             visible=first < today - timedelta(days=self._days_shown - 1),
                             on_click=self._show_more)
        self._show([ft.Text(T.HISTORY_HEADING, size=22, weight=ft.FontWeight.W_600), *tiles, more], "history-list")

    def _day_tile(self, row) -> ft.Control:
        return ft.ListTile(
            key=f"day-{row.day.isoformat()}",
            title=ft.Text(row.title, weight=ft.FontWeight.W_600 if row.logged else None),
            subtitle=ft.Text(row.subtitle, color=None if row.logged else ft.Colors.ON_SURFACE_VARIANT),
            leading=ft.Icon(
                ft.Icons.LOCAL_FIRE_DEPARTMENT if row.flare else (ft.Icons.CHECK_CIRCLE if row.logged else ft.Icons.RADIO_BUTTON_UNCHECKED),
                color=ft.Colors.PRIMARY if row.logged else ft.Colors.OUTLINE,
                semantics_label=T.FLARE_DAY if row.flare else None,
            ),
            trailing=ft.Icon(ft.Icons.CHEVRON_RIGHT) if row.logged else ft.Text(T.FILL_IN, color=ft.Colors.PRIMARY),
            on_click=lambda e, d=row.day: self.show_day(d),
        )

    def _show_more(self, e=None) -> None:
        self._days_shown += PAGE_DAYS
        self.show_list()

    # One day
    def show_day(self, day: date, *, message: str | None = None) -> None:
        checkins = self._log.checkins_on(day)
        if not checkins:
            return self.edit(CheckInForm(day=day), heading=T.BACKFILL_HEADING.format(day=day_title(day, self._log.today())))
        cards = [self._checkin_card(c) for c in checkins]
        status = [ft.Container(content=ft.Text(message, key="status"), bgcolor=ft.Colors.PRIMARY_CONTAINER,
                               padding=12, border_radius=8)] if message else []
        self._show([
            self._back_button(),
            ft.Text(day_title(day, self._log.today()), size=22, weight=ft.FontWeight.W_600, key="day-heading"),
            *status,
            *cards,
            ft.OutlinedButton(content=T.ADD_CHECKIN, icon=ft.Icons.ADD, key="add-checkin-day",
                              on_click=lambda e: self.edit(CheckInForm(day=day, extra=True), heading=T.EXTRA_HEADING)),
        ], "history-day")

    def _checkin_card(self, checkin: CheckIn) -> ft.Control:
        summary = ", ".join(summary_parts(checkin))
        lines = [ft.Text(checkin.recorded_at.strftime("%H:%M"), weight=ft.FontWeight.W_600), ft.Text(summary)]
        if checkin.note:
            lines.append(ft.Text(checkin.note, italic=True, selectable=True))  # plain text, never markup
        return ft.Card(content=ft.Container(padding=12, content=ft.Column(spacing=6, controls=[
            *lines,
            ft.Row(controls=[
                ft.TextButton(content=T.EDIT, icon=ft.Icons.EDIT, key=f"edit-{checkin.id}",
                              on_click=lambda e: self.edit(form_for(checkin), heading=T.EDIT_HEADING.format(
                                  day=day_title(checkin.day, self._log.today())))),
                ft.TextButton(content=T.DELETE, icon=ft.Icons.DELETE_OUTLINE, key=f"delete-{checkin.id}",
                              on_click=lambda e: self._delete(checkin)),
            ], alignment=ft.MainAxisAlignment.END),
        ])))

    def edit(self, form: CheckInForm, *, heading: str) -> None:
        def save(form: CheckInForm) -> str | None:
            saved, error = save_form(self._log, form)
            if error:
                return error
            self.show_day(saved.day, message=saved_message(saved, today=self._log.today()))
            return None

        self._show([self._back_button(), CheckInEditor(form, heading=heading, on_save=save)], "history-edit")

    def _delete(self, checkin: CheckIn) -> None:
        try:
            removed = self._log.delete(checkin.id)
        except DiaryError as exc:
            return self._snack(str(exc))
        self.show_day(checkin.day)

        def undo(e=None):
            self._log.restore(removed)
            self.show_day(removed.day, message=T.RESTORED)

        self._snack(T.DELETED.format(day=day_title(checkin.day, self._log.today())), action=T.UNDO, on_action=undo)

    def _show(self, controls: list[ft.Control], name: str) -> None:
        self.controls = [fresh_view(controls, name=name, spacing=8, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)]

    def _snack(self, message: str, *, action: str | None = None, on_action=None) -> None:
        snack = ft.SnackBar(content=ft.Text(message), key="snack", duration=ft.Duration(seconds=8), persist=False)
        if action:
            snack.action = ft.SnackBarAction(label=action, on_click=on_action, key="snack-action")
        self.page.show_dialog(snack)

    def _back_button(self) -> ft.Control:
        return ft.Row(controls=[ft.TextButton(content=T.BACK_TO_HISTORY, icon=ft.Icons.ARROW_BACK,
                                              key="back-to-history", on_click=lambda e: self.show_list())])
