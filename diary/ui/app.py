"""The app shell: navigation (a bar on phones, a rail from 840 px), the screens, the theme."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import flet as ft

from diary.domain.errors import DiaryError
from diary.services.bootstrap import Diary
from diary.services.reminders import reminders_for
from diary.ui import text as T
from diary.ui import theme
from diary.ui.components.view import fresh_view
from diary.ui.screens.goals import GoalsScreen
from diary.ui.screens.history import HistoryScreen
from diary.ui.screens.questionnaires import QuestionnairesScreen
from diary.ui.screens.settings import SettingsScreen
from diary.ui.screens.today import TodayScreen

# Every destination: label, icon, selected icon. Phones get a bar of five (the rest under "More");
# from 840 px a rail shows them all.
DESTINATIONS = {
    "today": (T.NAV_TODAY, ft.Icons.EDIT_NOTE_OUTLINED, ft.Icons.EDIT_NOTE),
    "history": (T.NAV_HISTORY, ft.Icons.CALENDAR_MONTH_OUTLINED, ft.Icons.CALENDAR_MONTH),
    "trends": (T.NAV_TRENDS, ft.Icons.SHOW_CHART_OUTLINED, ft.Icons.SHOW_CHART),
    "goals": (T.NAV_GOALS, ft.Icons.FLAG_OUTLINED, ft.Icons.FLAG),
    "forms": (T.NAV_FORMS, ft.Icons.ASSIGNMENT_OUTLINED, ft.Icons.ASSIGNMENT),
    "share": (T.NAV_SHARE, ft.Icons.LOCK_OUTLINE, ft.Icons.LOCK),
    "settings": (T.NAV_SETTINGS, ft.Icons.SETTINGS_OUTLINED, ft.Icons.SETTINGS),
    "more": (T.NAV_MORE, ft.Icons.MORE_HORIZ, ft.Icons.MORE_HORIZ),
}
RAIL = ["today", "history", "trends", "goals", "forms", "share", "settings"]
BAR = ["today", "history", "trends", "goals", "more"]
MORE = [name for name in RAIL if name not in BAR]  # forms, share, settings
THEME_MODES = {"system": ft.ThemeMode.SYSTEM, "light": ft.ThemeMode.LIGHT, "dark": ft.ThemeMode.DARK}
RAIL_WIDTH = 88


class Shell:
    """Owns the page layout; screens are rebuilt when opened so they show fresh data."""

    def __init__(self, page: ft.Page, diary: Diary):
        self.page, self.diary = page, diary
        self.current = "today"
        self.body = ft.Container(key="body", padding=ft.Padding.symmetric(horizontal=16, vertical=12))
        self.scroller = self._new_scroller("today")
        self.bar = ft.NavigationBar(
            key="nav-bar", selected_index=0, on_change=lambda e: self.open(BAR[e.control.selected_index]),
            destinations=[ft.NavigationBarDestination(label=DESTINATIONS[n][0], icon=DESTINATIONS[n][1],
                                                      selected_icon=DESTINATIONS[n][2]) for n in BAR],
        )
        self.rail = ft.NavigationRail(
            key="nav-rail", selected_index=0, label_type=ft.NavigationRailLabelType.ALL, min_width=RAIL_WIDTH,
            on_change=lambda e: self.open(RAIL[e.control.selected_index]),
            destinations=[ft.NavigationRailDestination(label=DESTINATIONS[n][0], icon=DESTINATIONS[n][1],
                                                       selected_icon=DESTINATIONS[n][2]) for n in RAIL],
        )
        page.navigation_bar = self.bar
        self.row: ft.Row | None = None
        page.on_resize = lambda e: self.layout(e.width)
        self.layout(page.width)
        self.open("today")
        self.row = ft.Row(controls=[self.rail, self.scroller], expand=True, spacing=0,
                          vertical_alignment=ft.CrossAxisAlignment.START)
        page.add(self.row)  # one message with the whole first screen

    def _new_scroller(self, name: str) -> ft.Column:
        # A fresh scrollable per visit (its own key), so every screen opens at its top.
        self._visits = getattr(self, "_visits", 0) + 1
        return ft.Column(controls=[self.body], scroll=ft.ScrollMode.AUTO, expand=True,
                         horizontal_alignment=ft.CrossAxisAlignment.CENTER, key=f"scroller-{name}-{self._visits}")

    def layout(self, width: float | None) -> None:
        self.width = width or 400
        self.wide = wide = (width or 0) >= theme.WIDE_BREAKPOINT
        self.rail.visible = wide
        self.bar.visible = not wide
        available = (width or 400) - (RAIL_WIDTH if wide else 0)
        self.body.width = min(theme.CONTENT_MAX_WIDTH, available)

    def open(self, name: str, **options) -> None:
        self.current = name
        self.bar.selected_index = BAR.index(name) if name in BAR else BAR.index("more")
        self.rail.selected_index = RAIL.index(name) if name in RAIL else None
        screen = self._screen(name, **options)
        self.body.content = fresh_view([screen], name=f"screen-{name}", horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        if self.row is not None:
            self.scroller = self._new_scroller(name)
            self.row.controls[-1] = self.scroller

    def _screen(self, name: str, **options) -> ft.Control:
        diary = self.diary
        if name == "today":
            return TodayScreen(diary.log, goals=diary.goals, questionnaires=diary.questionnaires,
                               on_rate_goals=lambda: self.open("goals", rate_now=True),
                               on_start_form=lambda instrument_id: self.open("forms", start=instrument_id),
                               last_export=self._last_export_line(), reminders=reminders_for(diary))
        if name == "history":
            return HistoryScreen(diary.log)
        if name == "trends":
            from diary.ui.screens.trends import TrendsScreen  # matplotlib: loaded on first visit, not at start

            return TrendsScreen(diary, page_width=self.width)
        if name == "goals":
            return GoalsScreen(diary.goals, **options)
        if name == "forms":
            return QuestionnairesScreen(diary.questionnaires, wide=self.wide, **options)
        if name == "share":
            from diary.ui.screens.share import ShareScreen  # PyNaCl and the wire models: loaded on first visit

            return ShareScreen(diary)
        if name == "more":
            return MoreScreen(on_open=self.open)
        return SettingsScreen(diary, on_theme=self.set_theme)

    def _last_export_line(self) -> str | None:
        # Read the export log directly: the export service would load the cryptography on every start.
        from diary.storage.export_log import ExportLogRepository
        from diary.ui.state.share import last_export_line

        try:
            entries = ExportLogRepository(self.diary.engine).entries(limit=1)
        except DiaryError:
            return None
        return last_export_line(entries[0] if entries else None, self.diary.clock().date())

    def set_theme(self, mode: str) -> None:
        self.page.theme_mode = THEME_MODES.get(mode, ft.ThemeMode.SYSTEM)
        self.diary.meta.set("theme", mode)


class MoreScreen(ft.Column):
    """Phones: the destinations that do not fit in the bar, as large tiles."""

    def __init__(self, *, on_open: Callable[[str], None]):
        super().__init__(key="more-screen", spacing=4)
        self.controls = [
            ft.Text(T.NAV_MORE, size=22, weight=ft.FontWeight.W_600),
            *[ft.ListTile(key=f"more-{name}", title=ft.Text(DESTINATIONS[name][0]),
                          subtitle=ft.Text(T.MORE_HINTS[name]), leading=ft.Icon(DESTINATIONS[name][1]),
                          trailing=ft.Icon(ft.Icons.CHEVRON_RIGHT), on_click=lambda e, n=name: on_open(n))
              for name in MORE],
        ]


def warm_up_controls() -> None:
    """Load the Flet control classes the first screen uses (Flet imports them lazily, on first use)."""
    for name in ("Theme", "NavigationBar", "NavigationRail", "NavigationBarDestination", "NavigationRailDestination",
                 "TextButton", "FilledButton", "OutlinedButton", "TextField", "Checkbox", "Switch", "Stack",
                 "ResponsiveRow", "Semantics", "ButtonStyle", "RoundedRectangleBorder", "SnackBar", "ListTile", "Card"):
        getattr(ft, name)
    ft.Theme(color_scheme_seed=theme.SEED, use_material3=True)


def make_main(open_diary: Callable[[], Diary], *, home: Path | None = None) -> Callable[[ft.Page], None]:
    """The Flet entry point for one browser session; the diary is opened once and shared. With `home`, a
    damaged diary file gets the rescue screen (diary/ui/screens/rescue.py) instead of an error."""

    def main(page: ft.Page) -> None:
        page.title = T.APP_TITLE
        page.padding = 0
        theme.apply(page)
        try:
            diary = open_diary()
        except DiaryError as exc:
            from diary.ui.screens.rescue import show_rescue  # backups and PyNaCl: loaded only when needed

            if home is not None and show_rescue(page, home, on_recovered=lambda: restart(page)):
                return
            page.add(ft.Container(padding=24, content=ft.Column(controls=[
                ft.Text(T.ERROR_OPENING, size=22, weight=ft.FontWeight.W_600),
                ft.Text(str(exc), key="open-error", selectable=True),
            ])))
            return
        page.theme_mode = THEME_MODES.get(diary.meta.get("theme") or "system", ft.ThemeMode.SYSTEM)
        if diary.role.value == "clinician":
            from diary.ui.clinician.shell import ClinicianShell  # a physiotherapist's caseload, not a diary

            ClinicianShell(page, diary)
        else:
            Shell(page, diary)

    def restart(page: ft.Page) -> None:  # after a rescue: the repaired diary opens as on a normal start
        page.clean()
        main(page)

    return main
