"""The app shell: navigation (a bar on phones, a rail from 840 px), the three screens, the theme."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from diary.domain.errors import DiaryError
from diary.services.bootstrap import Diary
from diary.ui import text as T
from diary.ui import theme
from diary.ui.components.view import fresh_view
from diary.ui.screens.goals import GoalsScreen
from diary.ui.screens.history import HistoryScreen
from diary.ui.screens.questionnaires import QuestionnairesScreen
from diary.ui.screens.settings import SettingsScreen
from diary.ui.screens.today import TodayScreen

DESTINATIONS = [
    (T.NAV_TODAY, ft.Icons.EDIT_NOTE_OUTLINED, ft.Icons.EDIT_NOTE),
    (T.NAV_HISTORY, ft.Icons.CALENDAR_MONTH_OUTLINED, ft.Icons.CALENDAR_MONTH),
    (T.NAV_GOALS, ft.Icons.FLAG_OUTLINED, ft.Icons.FLAG),
    (T.NAV_FORMS, ft.Icons.ASSIGNMENT_OUTLINED, ft.Icons.ASSIGNMENT),
    (T.NAV_SETTINGS, ft.Icons.SETTINGS_OUTLINED, ft.Icons.SETTINGS),
]
TODAY, HISTORY, GOALS, FORMS, SETTINGS = range(5)
THEME_MODES = {"system": ft.ThemeMode.SYSTEM, "light": ft.ThemeMode.LIGHT, "dark": ft.ThemeMode.DARK}
RAIL_WIDTH = 88


class Shell:
    """Owns the page layout; screens are rebuilt when their tab is opened so they show fresh data."""

    def __init__(self, page: ft.Page, diary: Diary):
        self.page, self.diary = page, diary
        self.index = 0
        self.body = ft.Container(key="body", padding=ft.Padding.symmetric(horizontal=16, vertical=12))
        self.scroller = self._new_scroller(0)
        self.bar = ft.NavigationBar(
            key="nav-bar", selected_index=0, on_change=lambda e: self.open(e.control.selected_index),
            destinations=[ft.NavigationBarDestination(label=label, icon=icon, selected_icon=selected)
                          for label, icon, selected in DESTINATIONS],
        )
        self.rail = ft.NavigationRail(
            key="nav-rail", selected_index=0, label_type=ft.NavigationRailLabelType.ALL, min_width=RAIL_WIDTH,
            on_change=lambda e: self.open(e.control.selected_index),
            destinations=[ft.NavigationRailDestination(label=label, icon=icon, selected_icon=selected)
                          for label, icon, selected in DESTINATIONS],
        )
        page.navigation_bar = self.bar
        self.row: ft.Row | None = None
        page.on_resize = lambda e: self.layout(e.width)
        self.layout(page.width)
        self.open(0)
        self.row = ft.Row(controls=[self.rail, self.scroller], expand=True, spacing=0,
                          vertical_alignment=ft.CrossAxisAlignment.START)
        page.add(self.row)  # one message with the whole first screen

    def _new_scroller(self, index: int) -> ft.Column:
        # A fresh scrollable per visit (its own key), so every screen opens at its top.
        self._visits = getattr(self, "_visits", 0) + 1
        return ft.Column(controls=[self.body], scroll=ft.ScrollMode.AUTO, expand=True,
                         horizontal_alignment=ft.CrossAxisAlignment.CENTER, key=f"scroller-{index}-{self._visits}")

    def layout(self, width: float | None) -> None:
        self.wide = wide = (width or 0) >= theme.WIDE_BREAKPOINT
        self.rail.visible = wide
        self.bar.visible = not wide
        available = (width or 400) - (RAIL_WIDTH if wide else 0)
        self.body.width = min(theme.CONTENT_MAX_WIDTH, available)

    def open(self, index: int, **options) -> None:
        self.index = self.bar.selected_index = self.rail.selected_index = index
        if index == TODAY:
            screen = TodayScreen(self.diary.log, goals=self.diary.goals, questionnaires=self.diary.questionnaires,
                                 on_rate_goals=lambda: self.open(GOALS, rate_now=True),
                                 on_start_form=lambda instrument_id: self.open(FORMS, start=instrument_id))
        elif index == HISTORY:
            screen = HistoryScreen(self.diary.log)
        elif index == GOALS:
            screen = GoalsScreen(self.diary.goals, **options)
        elif index == FORMS:
            screen = QuestionnairesScreen(self.diary.questionnaires, wide=self.wide, **options)
        else:
            screen = SettingsScreen(self.diary, on_theme=self.set_theme)
        self.body.content = fresh_view([screen], name=f"screen-{index}", horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        if self.row is not None:
            self.scroller = self._new_scroller(index)
            self.row.controls[-1] = self.scroller

    def set_theme(self, mode: str) -> None:
        self.page.theme_mode = THEME_MODES.get(mode, ft.ThemeMode.SYSTEM)
        self.diary.meta.set("theme", mode)


def warm_up_controls() -> None:
    """Load the Flet control classes the first screen uses (Flet imports them lazily, on first use)."""
    for name in ("Theme", "NavigationBar", "NavigationRail", "NavigationBarDestination", "NavigationRailDestination",
                 "TextButton", "FilledButton", "OutlinedButton", "TextField", "Checkbox", "Switch", "Stack",
                 "ResponsiveRow", "Semantics", "ButtonStyle", "RoundedRectangleBorder", "SnackBar", "ListTile", "Card"):
        getattr(ft, name)
    ft.Theme(color_scheme_seed=theme.SEED, use_material3=True)


def make_main(open_diary: Callable[[], Diary]) -> Callable[[ft.Page], None]:
    """The Flet entry point for one browser session; the diary is opened once and shared."""

    def main(page: ft.Page) -> None:
        page.title = T.APP_TITLE
        page.padding = 0
        theme.apply(page)
        try:
            diary = open_diary()
        except DiaryError as exc:
            page.add(ft.Container(padding=24, content=ft.Column(controls=[
                ft.Text(T.ERROR_OPENING, size=22, weight=ft.FontWeight.W_600),
                ft.Text(str(exc), key="open-error", selectable=True),
            ])))
            return
        page.theme_mode = THEME_MODES.get(diary.meta.get("theme") or "system", ft.ThemeMode.SYSTEM)
        Shell(page, diary)

    return main
