"""The clinician's app shell: Caseload, Import and Settings (a bar on phones, a rail from 840 px); a
patient's page opens from the caseload and goes back to it.

Like the patient's shell (diary/ui/app.py), every screen is built afresh when opened, so it shows what
the caseload holds now; the caseload keeps its sort, filter, page and selection between visits.
"""

from __future__ import annotations

import flet as ft

from diary.services.bootstrap import Diary
from diary.ui import theme
from diary.ui.clinician import text as T
from diary.ui.components.view import fresh_view

DESTINATIONS = {
    "caseload": (T.NAV_CASELOAD, ft.Icons.GROUPS_OUTLINED, ft.Icons.GROUPS),
    "import": (T.NAV_IMPORT, ft.Icons.FILE_DOWNLOAD_OUTLINED, ft.Icons.FILE_DOWNLOAD),
    "settings": (T.NAV_SETTINGS, ft.Icons.SETTINGS_OUTLINED, ft.Icons.SETTINGS),
}
NAV = list(DESTINATIONS)
RAIL_WIDTH = 88
THEME_MODES = {"system": ft.ThemeMode.SYSTEM, "light": ft.ThemeMode.LIGHT, "dark": ft.ThemeMode.DARK}


class ClinicianShell:
    """Owns the page layout of a clinician's home."""

    def __init__(self, page: ft.Page, diary: Diary):
        from diary.ui.clinician.caseload import CaseloadView

        self.page, self.diary = page, diary
        page.title = T.APP_TITLE
        self.caseload_view = CaseloadView()  # sort, filter, page and selection, kept between visits
        self.current = "caseload"
        self.body = ft.Container(key="body", padding=ft.Padding.symmetric(horizontal=16, vertical=12))
        self._visits = 0
        self.scroller = self._new_scroller("caseload")
        self.bar = ft.NavigationBar(
            key="nav-bar", selected_index=0, on_change=lambda e: self.open(NAV[e.control.selected_index]),
            destinations=[ft.NavigationBarDestination(label=label, icon=icon, selected_icon=selected)
                          for label, icon, selected in DESTINATIONS.values()])
        self.rail = ft.NavigationRail(
            key="nav-rail", selected_index=0, label_type=ft.NavigationRailLabelType.ALL, min_width=RAIL_WIDTH,
            on_change=lambda e: self.open(NAV[e.control.selected_index]),
            destinations=[ft.NavigationRailDestination(label=label, icon=icon, selected_icon=selected)
                          for label, icon, selected in DESTINATIONS.values()])
        page.navigation_bar = self.bar
        self.row: ft.Row | None = None
        page.on_resize = lambda e: self.layout(e.width)
        self.layout(page.width)
        self.open("caseload")
        self.row = ft.Row(controls=[self.rail, self.scroller], expand=True, spacing=0,
                          vertical_alignment=ft.CrossAxisAlignment.START)
        page.add(self.row)

    def _new_scroller(self, name: str) -> ft.Column:
        # A fresh scrollable per visit (its own key), so every screen opens at its top.
        self._visits += 1
        return ft.Column(controls=[self.body], scroll=ft.ScrollMode.AUTO, expand=True,
                         horizontal_alignment=ft.CrossAxisAlignment.CENTER, key=f"scroller-{name}-{self._visits}")

    def layout(self, width: float | None) -> None:
        self.width = width or 400
        was_wide = getattr(self, "wide", None)
        self.wide = wide = (width or 0) >= theme.WIDE_BREAKPOINT
        self.rail.visible = wide
        self.bar.visible = not wide
        available = (width or 400) - (RAIL_WIDTH if wide else 0)
        self.body.width = min(theme.CONTENT_MAX_WIDTH, available)
        if self.row is not None and self.current == "caseload" and was_wide is not wide:
            self.open("caseload")  # the caseload is a table when wide and cards on a phone

    def open(self, name: str, **options) -> None:
        self.current = name
        nav = "caseload" if name == "patient" else name
        self.bar.selected_index = self.rail.selected_index = NAV.index(nav)
        screen = self._screen(name, **options)
        self.body.content = fresh_view([screen], name=f"screen-{name}", horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        if self.row is not None:
            self.scroller = self._new_scroller(name)
            self.row.controls[-1] = self.scroller

    def _screen(self, name: str, **options) -> ft.Control:
        diary = self.diary
        if name == "caseload":
            from diary.ui.clinician.caseload import CaseloadScreen

            return CaseloadScreen(diary, view=self.caseload_view, wide=self.wide,
                                  on_open_patient=lambda label: self.open("patient", label=label),
                                  on_open=self.open)
        if name == "patient":
            from diary.ui.clinician.patient import PatientScreen  # matplotlib: loaded on first visit

            return PatientScreen(diary, options["label"], page_width=self.width,
                                 on_back=lambda: self.open("caseload"))
        if name == "import":
            from diary.ui.clinician.import_screen import ImportScreen

            return ImportScreen(diary)
        from diary.ui.clinician.settings import ClinicianSettings

        return ClinicianSettings(diary, on_theme=self.set_theme)

    def set_theme(self, mode: str) -> None:
        self.page.theme_mode = THEME_MODES.get(mode, ft.ThemeMode.SYSTEM)
        self.diary.meta.set("theme", mode)
