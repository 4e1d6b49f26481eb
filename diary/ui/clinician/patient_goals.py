"""A patient's goals on the clinician's patient page: every rating over time (the patient's, and the
physiotherapist's marked as such), the T-score, and the physiotherapist's own rating of a goal.

The physio's own ratings are stored in the caseload by diary.caseload.rate_goal, apart from what the
patient's exports bring, and are never overwritten by a later import.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import flet as ft

from diary.domain.errors import DiaryError
from diary.domain.goals import LEVELS
from diary.ui.state import clinician as state
from diary.ui.clinician import text as T
from diary.ui.components.view import fresh_view
from diary.ui.components.choice import choice_button, mark
from diary.ui.state.goals import category_choices, format_level

SHOWN_RATINGS = 5


class GoalsCard(ft.Container):
    """`on_rated(message)` after the physio saved a rating (the page reloads the record)."""

    def __init__(self, diary, label: str, record, *, on_rated: Callable[[str], None], today: date):
        super().__init__(key="patient-goals", padding=14, border_radius=12, bgcolor=ft.Colors.SURFACE_CONTAINER_LOW)
        self._diary, self._label, self._record, self._today = diary, label, record, today
        self._on_rated = on_rated
        self._expanded: set[str] = set()
        own = {r.id for r in diary.caseload.clinician_ratings(label)}
        self._views = state.goal_views(record, own, today)
        self._render()

    def _render(self) -> None:
        self._holders: dict[str, ft.Container] = {}
        overall, by = state.t_score_lines(self._record)
        blocks = [self._goal_block(view) for view in self._views] or [ft.Text(T.GOALS_NONE, key="goals-none")]
        self.content = fresh_view([
            ft.Text(T.GOALS_HEADING, size=18, weight=ft.FontWeight.W_600),
            ft.Text(overall, key="patient-t-score", weight=ft.FontWeight.W_600),
            *([ft.Text(by, key="patient-t-score-by", size=13, color=ft.Colors.ON_SURFACE_VARIANT)] if by else []),
            *blocks,
        ], name="goals", spacing=12)

    def _goal_block(self, view: state.GoalView) -> ft.Control:
        goal = view.goal
        ratings = view.ratings if goal.id in self._expanded else view.ratings[:SHOWN_RATINGS]
        lines = [self._rating_line(goal.id, i, r) for i, r in enumerate(ratings)] or [ft.Text(T.RATINGS_NONE, size=13)]
        more = []
        if len(view.ratings) > SHOWN_RATINGS:
            words = (T.SHOW_FEWER_RATINGS.format(n=SHOWN_RATINGS) if goal.id in self._expanded
                     else T.SHOW_ALL_RATINGS.format(n=len(view.ratings)))
            more = [ft.TextButton(content=words, key=f"more-ratings-{goal.id}",
                                  on_click=lambda e, g=goal.id: self._toggle(g))]
        indent = 0 if goal.type.value == "main" else 16
        holder = self._holders[goal.id] = ft.Container(key=f"rate-form-{goal.id}")
        return ft.Container(
            key=f"goal-{goal.id}", padding=ft.Padding.only(left=indent),
            content=ft.Column(spacing=4, controls=[
                ft.Text(view.heading, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
                ft.Text(goal.title, size=16, weight=ft.FontWeight.W_600),
                *([ft.Text(goal.target, size=13)] if goal.target else []),
                *lines,
                ft.Row(wrap=True, spacing=4, controls=[
                    *more,
                    ft.OutlinedButton(content=T.RATE_GOAL, icon=ft.Icons.RATE_REVIEW_OUTLINED, key=f"rate-{goal.id}",
                                      tooltip=T.RATE_GOAL_OF.format(title=goal.title),
                                      on_click=lambda e, g=goal: self._show_form(g)),
                ]),
                holder,
            ]))

    @staticmethod
    def _rating_line(goal_id: str, index: int, rating: state.RatingView) -> ft.Control:
        if rating.mine:  # the physio's own: an icon and the words "You (this clinic)", not colour alone
            icon = ft.Icon(ft.Icons.MEDICAL_SERVICES_OUTLINED, size=16, color=ft.Colors.PRIMARY)
        elif rating.rater == "physiotherapist":
            icon = ft.Icon(ft.Icons.MEDICAL_SERVICES_OUTLINED, size=16, color=ft.Colors.ON_SURFACE_VARIANT)
        else:
            icon = ft.Icon(ft.Icons.PERSON_OUTLINE, size=16, color=ft.Colors.ON_SURFACE_VARIANT)
        return ft.Row(spacing=6, vertical_alignment=ft.CrossAxisAlignment.START, controls=[
            icon, ft.Text(rating.line, size=13, expand=True, key=f"rating-{goal_id}-{index}",
                          weight=ft.FontWeight.W_600 if rating.mine else None)])

    def _toggle(self, goal_id: str) -> None:
        (self._expanded.discard if goal_id in self._expanded else self._expanded.add)(goal_id)
        self._render()

    # The physio's own rating
    def _show_form(self, goal) -> None:
        self._render()  # one form at a time
        self._holders[goal.id].content = RatingForm(goal, today=self._today, on_save=lambda **kw: self._save(goal, **kw),
                                    on_cancel=self._render)

    def _save(self, goal, *, level, category, rated_on, comment) -> str | None:
        try:
            rating = self._diary.caseload.rate_goal(self._label, goal.id, level=level, category=category,
                                                    rated_on=rated_on, comment=comment)
        except DiaryError as exc:
            return str(exc)
        self._on_rated(T.RATING_SAVED.format(title=goal.title, what=state.rating_what(goal, rating)))
        return None


class RatingForm(ft.Column):
    """The five levels (or three categories), a date and a comment. `on_save(...) -> error or None`."""

    def __init__(self, goal, *, today: date, on_save, on_cancel: Callable[[], None]):
        super().__init__(key="rate-form", spacing=8, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._goal, self._on_save = goal, on_save
        self._choice: tuple[int | None, str | None] | None = None
        if goal.levels:
            options = [((level, None), f"{format_level(level)}  {goal.levels[level]}") for level in reversed(LEVELS)]
        else:
            options = category_choices(goal)
        self._buttons = {}
        for choice, words in options:
            key = f"physio-{choice[0] if choice[0] is not None else choice[1]}"
            self._buttons[choice] = choice_button(words, spoken=f"{goal.title}: {words}", key=key,
                                                  on_click=lambda e, c=choice: self._pick(c))
        self._date = ft.TextField(label=T.RATING_DATE, key="physio-date", value=today.isoformat(), dense=True, width=220)
        self._comment = ft.TextField(label=T.RATING_COMMENT, key="physio-comment", multiline=True, max_length=1000)
        self._status = ft.Text(key="physio-status", color=ft.Colors.ERROR)
        self.controls = [
            ft.Text(T.YOUR_RATING_HEADING.format(title=goal.title), weight=ft.FontWeight.W_600),
            ft.Text(T.YOUR_RATING_HELP, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
            *self._buttons.values(), ft.Row(controls=[self._date]), self._comment, self._status,
            ft.Row(wrap=True, controls=[
                ft.FilledButton(content=T.SAVE_RATING, icon=ft.Icons.CHECK, key="physio-save", on_click=self._save),
                ft.TextButton(content=T.CANCEL, key="physio-cancel", on_click=lambda e: on_cancel()),
            ]),
        ]

    def _pick(self, choice) -> None:
        self._choice = choice
        for option, button in self._buttons.items():
            mark(button, option == choice)

    def _save(self, e=None) -> None:
        if self._choice is None:
            self._status.value = T.CHOOSE_LEVEL
            return
        raw = (self._date.value or "").strip()
        try:
            rated_on = date.fromisoformat(raw)
        except ValueError:
            self._status.value = T.BAD_RATING_DATE.format(value=raw or "nothing")
            return
        level, category = self._choice
        self._status.value = self._on_save(level=level, category=category, rated_on=rated_on,
                                           comment=(self._comment.value or "").strip() or None) or ""
