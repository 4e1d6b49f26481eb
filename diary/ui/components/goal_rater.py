"""Rate every goal with one tap each: the five levels with their descriptions, or three categories."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from diary.domain.goals import LEVELS, Goal
from diary.ui import text as T
from diary.ui.components.choice import choice_button, mark
from diary.ui.state.goals import category_choices, format_level

Choice = tuple[int | None, str | None]  # (level, category)


class GoalRater(ft.Column):
    """`on_save(choices, rater, comment) -> error | None`; choices maps goal id → (level, category)."""

    def __init__(self, goals: list[Goal], *, on_save: Callable[[dict[str, Choice], str, str | None], str | None]):
        super().__init__(spacing=16, key="goal-rater", horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._on_save = on_save
        self._choices: dict[str, Choice] = {}
        self._buttons: dict[str, dict[Choice, ft.Control]] = {}
        self._with_physio = ft.Switch(label=T.WITH_PHYSIO, key="with-physio", value=False)
        self._comment = ft.TextField(label=T.RATING_COMMENT, key="rating-comment", multiline=True, max_length=1000)
        self._status = ft.Text(key="rate-status")
        self.controls = [
            ft.Text(T.RATE_HEADING, size=22, weight=ft.FontWeight.W_600),
            ft.Text(T.RATE_HELP, color=ft.Colors.ON_SURFACE_VARIANT),
            *[self._goal_block(goal) for goal in goals],
            self._comment, self._with_physio, self._status,
            ft.Row(alignment=ft.MainAxisAlignment.END, controls=[
                ft.FilledButton(content=T.SAVE_RATINGS, key="save-ratings", icon=ft.Icons.CHECK, on_click=self._save)]),
        ]

    def _goal_block(self, goal: Goal) -> ft.Control:
        if goal.levels:
            options = [((level, None), format_level(level), goal.levels[level]) for level in reversed(LEVELS)]
        else:
            options = [(choice, words, None) for choice, words in category_choices(goal)]
        buttons = {}
        rows = []
        for choice, short, description in options:
            label = f"{short}  {description}" if description else short
            key = f"rate-{goal.id}-{choice[0] if choice[0] is not None else choice[1]}"
            button = choice_button(label, spoken=T.RATING_LEVEL.format(title=goal.title, level=label), key=key,
                                   on_click=lambda e, g=goal.id, c=choice: self._pick(g, c))
            buttons[choice] = button
            rows.append(button)
        self._buttons[goal.id] = buttons
        return ft.Column(spacing=6, horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
                         controls=[ft.Text(goal.title, weight=ft.FontWeight.W_600, size=16), *rows])

    def _pick(self, goal_id: str, choice: Choice) -> None:
        self._choices[goal_id] = None if self._choices.get(goal_id) == choice else choice
        if self._choices[goal_id] is None:
            del self._choices[goal_id]
        for option, button in self._buttons[goal_id].items():
            mark(button, self._choices.get(goal_id) == option)

    def _save(self, e=None) -> None:
        if not self._choices:
            self._status.value = T.NOTHING_RATED
            return
        rater = "physiotherapist" if self._with_physio.value else "patient"
        self._status.value = self._on_save(dict(self._choices), rater, self._comment.value or None) or ""
