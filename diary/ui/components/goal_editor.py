"""Guided goal form: what, how much, by when; the five level descriptions; the baseline level."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import flet as ft

from diary.domain.goals import LEVELS, Goal
from diary.ui import text as T


class GoalEditor(ft.Column):
    """`on_save(fields) -> error | None` receives GoalService.add_goal/update_goal keyword arguments."""

    def __init__(self, *, heading: str, goal: Goal | None, on_save: Callable[[dict], str | None],
                 on_cancel: Callable[[], None]):
        super().__init__(spacing=14, key="goal-editor", horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._on_save = on_save

        def field(key, label, hint, value, **kw) -> ft.TextField:
            return ft.TextField(key=key, label=label, hint_text=hint, value=value or "", **kw)

        self._title = field("goal-title", T.GOAL_TITLE, T.GOAL_TITLE_HINT, goal and goal.title, max_length=120,
                            capitalization=ft.TextCapitalization.SENTENCES, autofocus=True)
        self._measure = field("goal-measure", T.GOAL_MEASURE, T.GOAL_MEASURE_HINT, goal and goal.measure)
        self._baseline = field("goal-baseline", T.GOAL_BASELINE, T.GOAL_BASELINE_HINT, goal and goal.baseline)
        self._target = field("goal-target", T.GOAL_TARGET, T.GOAL_TARGET_HINT, goal and goal.target)
        self._target_date = field("goal-target-date", T.GOAL_TARGET_DATE, "2026-06-30",
                                  goal and goal.target_date and goal.target_date.isoformat(),
                                  keyboard_type=ft.KeyboardType.DATETIME)
        self._levels = {level: field(f"goal-level-{level}", T.LEVEL_LABELS[level], T.LEVEL_HINTS[level],
                                     goal and goal.levels and goal.levels[level], max_length=200)
                        for level in LEVELS}
        self._baseline_level = ft.SegmentedButton(
            key="goal-baseline-level", selected=[str(goal.baseline_level if goal else -1)],
            allow_empty_selection=False,
            segments=[ft.Segment(value="-2", label="−2"), ft.Segment(value="-1", label="−1")],
        )
        self._status = ft.Text(key="goal-status", color=ft.Colors.ERROR)
        self.controls = [
            ft.Text(heading, size=22, weight=ft.FontWeight.W_600, key="goal-editor-heading"),
            self._title, self._measure, self._baseline, self._target, self._target_date,
            ft.Text(T.LEVELS_HEADING, weight=ft.FontWeight.W_600),
            ft.Text(T.LEVELS_HELP, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
            *[self._levels[level] for level in reversed(LEVELS)],
            ft.Text(T.BASELINE_LEVEL), ft.Row(controls=[self._baseline_level]),
            self._status,
            ft.Row(alignment=ft.MainAxisAlignment.END, controls=[
                ft.TextButton(content=T.CANCEL, key="goal-cancel", on_click=lambda e: on_cancel()),
                ft.FilledButton(content=T.SAVE, key="goal-save", icon=ft.Icons.CHECK, on_click=self._save),
            ]),
        ]

    def fields(self) -> dict:
        """The form as service arguments; raises ValueError with a sentence for a bad date."""
        raw_date = (self._target_date.value or "").strip()
        try:
            target_date = date.fromisoformat(raw_date) if raw_date else None
        except ValueError:
            raise ValueError(T.BAD_TARGET_DATE.format(value=raw_date)) from None
        levels = {level: (f.value or "").strip() for level, f in self._levels.items() if (f.value or "").strip()}
        return {
            "title": self._title.value or "", "measure": self._measure.value, "baseline": self._baseline.value,
            "target": self._target.value, "target_date": target_date,
            "levels": levels or None,
            "baseline_level": int(self._baseline_level.selected[0]),
        }

    def _save(self, e=None) -> None:
        try:
            error = self._on_save(self.fields())
        except ValueError as exc:
            error = str(exc)
        self._status.value = error or ""
