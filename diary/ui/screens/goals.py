"""Goals: the main goal on top with its steps, each with its latest rating, a small trend and the next
review; rating, editing; and this week's activity plan filled from the log."""

from __future__ import annotations

import flet as ft

from diary.domain.errors import DiaryError
from diary.domain.goals import Goal
from diary.ui import text as T
from diary.ui.components.goal_editor import GoalEditor
from diary.ui.components.goal_rater import GoalRater
from diary.ui.components.plan_card import PlanCard
from diary.ui.components.view import Screen
from diary.ui.state.goals import GoalsView, GoalTile, read_goals
from diary.ui.components.named import icon_button

TREND_ICONS = {"improving": ft.Icons.TRENDING_UP, "worsening": ft.Icons.TRENDING_DOWN,
               "no_change": ft.Icons.TRENDING_FLAT}


def attempt(action) -> str | None:
    """Run a service call; its sentence on failure (a storage failure is a DiaryError too), None on success."""
    try:
        action()
    except DiaryError as exc:
        return str(exc)
    return None


class GoalsScreen(Screen):
    """`goals`: the diary's goals service; `rate_now` opens the weekly rating (from Today's prompt)."""

    page_spacing = 14

    def __init__(self, goals, *, rate_now: bool = False):
        super().__init__(key="goals-screen", horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._goals = goals
        view = read_goals(goals)
        self.show_rating(view) if rate_now and view.trees else self._draw_list(view, None)


    # The overview
    def show_list(self, message: str | None = None) -> None:
        self._draw_list(read_goals(self._goals), message)

    def _draw_list(self, view: GoalsView, message: str | None) -> None:
        controls: list[ft.Control] = [ft.Text(T.GOALS_HEADING, size=22, weight=ft.FontWeight.W_600)]
        if message:
            controls.append(ft.Container(content=ft.Text(message, key="goals-message"), padding=12, border_radius=8,
                                         bgcolor=ft.Colors.PRIMARY_CONTAINER))
        if not view.trees:
            controls += [ft.Text(T.GOALS_EMPTY),
                         ft.Row(controls=[ft.FilledButton(content=T.ADD_MAIN_GOAL, icon=ft.Icons.FLAG,
                                                          key="add-main-goal",
                                                          on_click=lambda e: self.edit(None, main=None))])]
        else:
            if view.rating_due:
                controls.append(ft.Text(T.RATING_DUE, key="rating-due", color=ft.Colors.PRIMARY))
            controls += [ft.Text(view.t_score, key="t-score"),
                         ft.Row(controls=[ft.FilledButton(content=T.RATE_GOALS, icon=ft.Icons.STAR_RATE,
                                                          key="rate-goals", on_click=lambda e: self.show_rating())])]
            controls += [self._tree_card(main, steps) for main, steps in view.trees]
        controls.append(PlanCard(self._goals, on_changed=lambda msg: self.show_list(msg)))
        self._show(controls, "goals-list")

    def _tree_card(self, main: GoalTile, steps: tuple[GoalTile, ...]) -> ft.Control:
        indented = [ft.Container(content=self._goal_tile(step), padding=ft.Padding.only(left=20)) for step in steps]
        return ft.Card(content=ft.Container(padding=14, content=ft.Column(spacing=10, controls=[
            self._goal_tile(main),
            *indented,
            ft.Row(controls=[ft.TextButton(content=T.ADD_STEP, icon=ft.Icons.ADD, key=f"add-step-{main.goal.id}",
                                           on_click=lambda e: self.edit(None, main=main.goal))]),
        ])))

    def _goal_tile(self, tile: GoalTile) -> ft.Control:
        goal, main, trend = tile.goal, tile.main, tile.trend
        return ft.Column(spacing=4, key=f"goal-{goal.id}", controls=[
            ft.Row(controls=[
                ft.Icon(ft.Icons.FLAG if main else ft.Icons.SUBDIRECTORY_ARROW_RIGHT, color=ft.Colors.PRIMARY),
                ft.Text(goal.title, size=18 if main else 16, weight=ft.FontWeight.W_600, expand=True),
                icon_button(ft.Icons.EDIT_OUTLINED, f"{T.EDIT_GOAL} {goal.title}",
                            key=f"edit-goal-{goal.id}", on_click=lambda e: self.edit(goal, main=None)),
            ]),
            ft.Text(tile.rating, key=f"goal-rating-{goal.id}"),
            ft.Row(spacing=8, vertical_alignment=ft.CrossAxisAlignment.START, controls=[
                *([ft.Icon(TREND_ICONS[trend], size=18, semantics_label=T.TREND_NAMES[trend])] if trend else []),
                ft.Text(tile.progress, size=12, color=ft.Colors.ON_SURFACE_VARIANT,
                        key=f"goal-progress-{goal.id}", expand=True),
            ]),
        ])

    # Editing
    def edit(self, goal: Goal | None, *, main: Goal | None) -> None:
        heading = T.EDIT_GOAL_HEADING if goal else (T.NEW_STEP.format(title=main.title) if main else T.NEW_MAIN_GOAL)

        def save(fields: dict) -> str | None:
            if goal:
                error = attempt(lambda: self._goals.update_goal(goal.id, **fields))
            else:
                kind = {"type": "intermediate", "main_goal_id": main.id} if main else {"type": "main"}
                error = attempt(lambda: self._goals.add_goal(**kind, **fields))
            if not error:
                self.show_list(T.GOAL_SAVED.format(title=fields["title"].strip()))
            return error

        controls: list[ft.Control] = [GoalEditor(heading=heading, goal=goal, on_save=save, on_cancel=self.show_list)]
        if goal:
            controls.append(ft.Row(controls=[ft.TextButton(
                content=T.DELETE_GOAL, icon=ft.Icons.DELETE_OUTLINE, key="delete-goal",
                on_click=lambda e: self._delete(goal))]))
        self._show(controls, "goal-edit")

    def _delete(self, goal: Goal) -> None:
        error = attempt(lambda: self._goals.delete_goal(goal.id))
        self.show_list(error or T.GOAL_DELETED.format(title=goal.title))

    # Rating
    def show_rating(self, view: GoalsView | None = None) -> None:
        goals = (view or read_goals(self._goals)).goals

        def save(choices, rater, comment) -> str | None:
            for goal_id, (level, category) in choices.items():
                error = attempt(lambda: self._goals.rate(goal_id, level=level, category=category, rater=rater,
                                                         comment=comment))
                if error:
                    return error
            self.show_list(T.ratings_saved(len(choices)))
            return None

        self._show([ft.Row(controls=[ft.TextButton(content=T.BACK_TO_GOALS, icon=ft.Icons.ARROW_BACK,
                                                   key="back-to-goals", on_click=lambda e: self.show_list())]),
                    GoalRater(goals, on_save=save)], "goal-rate")
