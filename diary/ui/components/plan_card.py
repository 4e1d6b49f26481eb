"""This week's activity plan against its dose, filled from the log; add or remove activities."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from diary.domain.errors import DiaryError
from diary.ui import text as T
from diary.ui.state.goals import PlanRow, plan_rows
from diary.ui.components.named import NamedDropdown, icon_button


class PlanCard(ft.Card):
    """`goals`: the diary's goals service (its plan and the week's log)."""

    def __init__(self, goals, *, on_changed: Callable[[str], None]):
        super().__init__(key="plan-card")
        self._goals, self._on_changed = goals, on_changed
        rows = [self._row(row) for row in plan_rows(goals.plan_week())]
        self._name = ft.TextField(label=T.ACTIVITY_NAME, key="activity-name", expand=2, dense=True)
        self._intensity = NamedDropdown(
            label=T.ACTIVITY_INTENSITY, key="activity-intensity", value="moderate", expand=2, dense=True,
            options=[ft.DropdownOption(key=k, text=v) for k, v in T.INTENSITY_NAMES.items()])
        self._minutes = ft.TextField(label=T.ACTIVITY_MINUTES, key="activity-minutes", expand=1, dense=True,
                                     keyboard_type=ft.KeyboardType.NUMBER, input_filter=ft.NumbersOnlyInputFilter())
        self._times = ft.TextField(label=T.ACTIVITY_TIMES, key="activity-times", expand=1, dense=True,
                                   keyboard_type=ft.KeyboardType.NUMBER, input_filter=ft.NumbersOnlyInputFilter())
        self._status = ft.Text(key="plan-status", color=ft.Colors.ERROR)
        self.content = ft.Container(padding=14, content=ft.Column(spacing=10, controls=[
            ft.Text(T.PLAN_HEADING, size=18, weight=ft.FontWeight.W_600),
            *(rows or [ft.Text(T.PLAN_EMPTY)]),
            ft.ResponsiveRow(controls=[
                ft.Container(content=self._name, col={"xs": 12, "md": 4}),
                ft.Container(content=self._intensity, col={"xs": 12, "sm": 6, "md": 3}),
                # Phones give each number a line of its own: half a phone crowds "Minutes per session".
                ft.Container(content=self._minutes, col={"xs": 12, "sm": 3, "md": 2.5}),
                ft.Container(content=self._times, col={"xs": 12, "sm": 3, "md": 2.5}),
            ]),
            self._status,
            ft.Row(controls=[ft.OutlinedButton(content=T.ADD_ACTIVITY, icon=ft.Icons.ADD, key="add-activity",
                                               on_click=self._add)]),
        ]))

    def _row(self, row: PlanRow) -> ft.Control:
        activity = row.activity
        return ft.Column(spacing=4, key=f"activity-{activity.id}", controls=[
            ft.Row(controls=[
                ft.Text(row.title, weight=ft.FontWeight.W_600, expand=True),
                icon_button(ft.Icons.DELETE_OUTLINE, f"{T.REMOVE} {activity.name}",
                            key=f"remove-activity-{activity.id}", on_click=lambda e: self._remove(activity.id)),
            ]),
            ft.ProgressBar(value=row.adherence, semantics_label=row.progress),
            ft.Text(row.line, size=12, key=f"activity-progress-{activity.id}"),
        ])

    def _add(self, e=None) -> None:
        def number(field: ft.TextField) -> int | None:
            return int(field.value) if (field.value or "").strip().isdigit() else None

        intensity = self._intensity.value or "moderate"
        try:
            activity = self._goals.add_activity(
                name=self._name.value or "", intensity=intensity, times_per_week=number(self._times),
                minutes=None if intensity == "strength" else number(self._minutes))
        except DiaryError as exc:
            self._status.value = str(exc)
            return
        self._on_changed(T.ACTIVITY_ADDED.format(name=activity.name, dose=activity.dose))

    def _remove(self, activity_id: str) -> None:
        try:
            self._goals.remove_activity(activity_id)
        except DiaryError as exc:
            self._status.value = str(exc)
            return
        self._on_changed(T.REMOVE + "d.")
