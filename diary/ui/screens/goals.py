"""Goals: the main goal on top with its steps, each with its latest rating, a small trend and the next
review; rating, editing; and this week's activity plan filled from the log."""

from __future__ import annotations

import flet as ft

from diary.domain.errors import DiaryError
from diary.domain.goals import Goal
from diary.services.goals import GoalService, GoalSummary, GoalTree
from diary.storage.database import describe_failure
from diary.ui import text as T
from diary.ui.components.goal_editor import GoalEditor
from diary.ui.components.goal_rater import GoalRater
from diary.ui.components.plan_card import PlanCard
from diary.ui.components.view import fresh_view
from diary.ui.state.goals import progress_line, rating_line, sparkline, t_score_line

TREND_ICONS = {"improving": ft.Icons.TRENDING_UP, "worsening": ft.Icons.TRENDING_DOWN,
               "no_change": ft.Icons.TRENDING_FLAT}


def attempt(action) -> str | None:
    """Run a service call; a sentence on failure (never library text), None on success."""
    try:
        action()
    except DiaryError as exc:
        return str(exc)
    except Exception as exc:
        return describe_failure(exc)
    return None


class GoalsScreen(ft.Column):
    def __init__(self, goals: GoalService, *, rate_now: bool = False):
        super().__init__(key="goals-screen", horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._goals = goals
        self.show_rating() if rate_now and goals.overview() else self.show_list()

    def _show(self, controls: list[ft.Control], name: str) -> None:
        self.controls = [fresh_view(controls, name=name, spacing=14,
                                    horizontal_alignment=ft.CrossAxisAlignment.STRETCH)]

    # The overview
    def show_list(self, message: str | None = None) -> None:
        trees = self._goals.overview()
        controls: list[ft.Control] = [ft.Text(T.GOALS_HEADING, size=22, weight=ft.FontWeight.W_600)]
        if message:
            controls.append(ft.Container(content=ft.Text(message, key="goals-message"), padding=12, border_radius=8,
                                         bgcolor=ft.Colors.PRIMARY_CONTAINER))
        if not trees:
            controls += [ft.Text(T.GOALS_EMPTY),
                         ft.Row(controls=[ft.FilledButton(content=T.ADD_MAIN_GOAL, icon=ft.Icons.FLAG,
                                                          key="add-main-goal",
                                                          on_click=lambda e: self.edit(None, main=None))])]
        else:
            if self._goals.rating_due():
                controls.append(ft.Text(T.RATING_DUE, key="rating-due", color=ft.Colors.PRIMARY))
            controls += [ft.Text(t_score_line(self._goals.t_score()), key="t-score"),
                         ft.Row(controls=[ft.FilledButton(content=T.RATE_GOALS, icon=ft.Icons.STAR_RATE,
                                                          key="rate-goals", on_click=lambda e: self.show_rating())])]
            controls += [self._tree_card(tree) for tree in trees]
        controls.append(PlanCard(self._goals, on_changed=lambda msg: self.show_list(msg)))
        self._show(controls, "goals-list")

    def _tree_card(self, tree: GoalTree) -> ft.Control:
        steps = [ft.Container(content=self._goal_tile(step, main=False), padding=ft.Padding.only(left=20))
                 for step in tree.steps]
        return ft.Card(content=ft.Container(padding=14, content=ft.Column(spacing=10, controls=[
            self._goal_tile(tree.main, main=True),
            *steps,
            ft.Row(controls=[ft.TextButton(content=T.ADD_STEP, icon=ft.Icons.ADD, key=f"add-step-{tree.main.goal.id}",
                                           on_click=lambda e: self.edit(None, main=tree.main.goal))]),
        ])))

    def _goal_tile(self, summary: GoalSummary, *, main: bool) -> ft.Control:
        goal = summary.goal
        trend = summary.trend.value if summary.trend else None
        return ft.Column(spacing=4, key=f"goal-{goal.id}", controls=[
            ft.Row(controls=[
                ft.Icon(ft.Icons.FLAG if main else ft.Icons.SUBDIRECTORY_ARROW_RIGHT, color=ft.Colors.PRIMARY),
                ft.Text(goal.title, size=18 if main else 16, weight=ft.FontWeight.W_600, expand=True),
                ft.IconButton(icon=ft.Icons.EDIT_OUTLINED, tooltip=f"{T.EDIT_GOAL} {goal.title}",
                              key=f"edit-goal-{goal.id}", on_click=lambda e: self.edit(goal, main=None)),
            ]),
            ft.Text(rating_line(summary), key=f"goal-rating-{goal.id}"),
            ft.Row(spacing=8, controls=[
                *([ft.Icon(TREND_ICONS[trend], size=18, semantics_label=T.TREND_NAMES[trend])] if trend else []),
                self._spark(summary),
                ft.Text(progress_line(summary), size=12, color=ft.Colors.ON_SURFACE_VARIANT,
                        key=f"goal-progress-{goal.id}", expand=True),
            ]),
        ])

    @staticmethod
    def _spark(summary: GoalSummary) -> ft.Control:
        """A tiny bar chart of the latest ratings (−2…+2), decorative: the text beside it says the same."""
        levels = sparkline(summary)
        bars = [ft.Container(width=6, height=4 + (lv + 2) * 4, border_radius=2,
                             bgcolor=ft.Colors.PRIMARY if lv >= 0 else ft.Colors.OUTLINE) for lv in levels]
        return ft.Row(controls=bars, spacing=2, vertical_alignment=ft.CrossAxisAlignment.END, height=22)

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
    def show_rating(self) -> None:
        goals = [g for tree in self._goals.overview() for g in (tree.main.goal, *(s.goal for s in tree.steps))]

        def save(choices, rater, comment) -> str | None:
            for goal_id, (level, category) in choices.items():
                error = attempt(lambda: self._goals.rate(goal_id, level=level, category=category, rater=rater,
                                                         comment=comment))
                if error:
                    return error
            self.show_list(T.RATINGS_SAVED.format(n=len(choices)))
            return None

        self._show([ft.Row(controls=[ft.TextButton(content=T.BACK_TO_GOALS, icon=ft.Icons.ARROW_BACK,
                                                   key="back-to-goals", on_click=lambda e: self.show_list())]),
                    GoalRater(goals, on_save=save)], "goal-rate")
