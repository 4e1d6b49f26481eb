"""History: every day with gaps visible; open a day to correct it, back-fill it, or delete a check-in (with undo)."""

from __future__ import annotations

from datetime import date

import flet as ft

from diary.domain.errors import DiaryError
from diary.ui import text as T
from diary.ui.components.checkin_editor import CheckInEditor
from diary.ui.components.named import CopyableText
from diary.ui.components.saving import durable, save_durably
from diary.ui.components.view import Screen
from diary.ui.state.checkin_form import CheckInForm, form_for, saved_message
from diary.ui.state.history import (
    PAGE_DAYS, CheckInCard, DayRow, DayView, HistoryList, WeekHeading, day_title, read_day, read_history_list,
)


class HistoryScreen(Screen):
    """`diary`: the open diary (its log is what History shows and changes)."""

    page_spacing = 8

    def __init__(self, diary):
        super().__init__(key="history-screen", horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._diary, self._log = diary, diary.log
        self._days_shown = PAGE_DAYS
        self.show_list()

    # The list of days
    def show_list(self) -> None:
        self._draw_list(read_history_list(self._log, days_shown=self._days_shown))

    def _draw_list(self, history: HistoryList) -> None:
        tiles = [self._week_heading(item) if isinstance(item, WeekHeading) else self._day_tile(item)
                 for item in history.items]
        more = ft.TextButton(content=T.SHOW_MORE, key="show-more", icon=ft.Icons.EXPAND_MORE, visible=history.more,
                             on_click=self._show_more)
        self._show([ft.Text(T.HISTORY_HEADING, size=22, weight=ft.FontWeight.W_600), *tiles, more], "history-list")

    @staticmethod
    def _week_heading(heading: WeekHeading) -> ft.Control:
        return ft.Container(key=f"week-{heading.monday.isoformat()}", padding=ft.Padding.only(left=16, top=12, right=16),
                            content=ft.Text(heading.line, size=13, weight=ft.FontWeight.W_600,
                                            color=ft.Colors.ON_SURFACE_VARIANT))

    def _day_tile(self, row: DayRow) -> ft.Control:
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
        view = read_day(self._log, day)
        if not view.cards:
            return self.edit(CheckInForm(day=day), heading=T.BACKFILL_HEADING.format(day=view.title))
        self._draw_day(view, message)

    def _draw_day(self, view: DayView, message: str | None) -> None:
        status = [ft.Container(content=ft.Text(message, key="status"), bgcolor=ft.Colors.PRIMARY_CONTAINER,
                               padding=12, border_radius=8)] if message else []
        self._show([
            self._back_button(),
            ft.Text(view.title, size=22, weight=ft.FontWeight.W_600, key="day-heading"),
            *status,
            *[self._checkin_card(card) for card in view.cards],
            ft.OutlinedButton(content=T.ADD_CHECKIN, icon=ft.Icons.ADD, key="add-checkin-day",
                              on_click=lambda e: self.edit(CheckInForm(day=view.day, extra=True),
                                                           heading=T.EXTRA_HEADING)),
        ], "history-day")

    def _checkin_card(self, card: CheckInCard) -> ft.Control:
        checkin = card.checkin

        async def delete(e=None) -> None:
            await self._delete(checkin)

        lines = [ft.Text(card.time, weight=ft.FontWeight.W_600), ft.Text(card.summary)]
        if checkin.note:
            lines.append(CopyableText(checkin.note, italic=True))  # plain text, never markup
        return ft.Card(content=ft.Container(padding=12, content=ft.Column(spacing=6, controls=[
            *lines,
            ft.Row(controls=[
                ft.TextButton(content=T.EDIT, icon=ft.Icons.EDIT, key=f"edit-{checkin.id}",
                              on_click=lambda e: self.edit(form_for(checkin), heading=T.EDIT_HEADING.format(
                                  day=day_title(checkin.day, self._log.today())))),
                ft.TextButton(content=T.DELETE, icon=ft.Icons.DELETE_OUTLINE, key=f"delete-{checkin.id}",
                              on_click=delete),
            ], alignment=ft.MainAxisAlignment.END),
        ])))

    def edit(self, form: CheckInForm, *, heading: str) -> None:
        async def save(form: CheckInForm) -> str | None:
            saved, error = await save_durably(self._log, form)
            if error:
                return error
            self.show_day(saved.day, message=saved_message(saved, today=self._log.today()))
            return None

        self._show([self._back_button(), CheckInEditor(form, heading=heading, on_save=save)], "history-edit")

    async def _delete(self, checkin) -> None:
        try:
            removed = self._log.delete(checkin.id)
        except DiaryError as exc:
            return self._snack(str(exc))
        await durable()
        self.show_day(checkin.day)

        async def undo(e=None):
            self._log.restore(removed)
            await durable()
            self.show_day(removed.day, message=T.RESTORED)

        self._snack(T.DELETED.format(day=day_title(checkin.day, self._log.today())), action=T.UNDO, on_action=undo)


    def _snack(self, message: str, *, action: str | None = None, on_action=None) -> None:
        snack = ft.SnackBar(content=ft.Text(message), key="snack", duration=ft.Duration(seconds=8), persist=False)
        if action:
            snack.action = ft.SnackBarAction(label=action, on_click=on_action, key="snack-action")
        self.page.show_dialog(snack)

    def _back_button(self) -> ft.Control:
        return ft.Row(controls=[ft.TextButton(content=T.BACK_TO_HISTORY, icon=ft.Icons.ARROW_BACK,
                                              key="back-to-history", on_click=lambda e: self.show_list())])
