"""The caseload: every patient with their latest export's figures and flags; sort, filter, a page at a
time; the trial's figure for everyone or a selection; how to begin when there is nobody yet.

Rows come from diary.caseload.rows (one SQL statement for the whole caseload); the screen keeps them
and filters and pages them itself, so typing in the search box never goes back to the database. Only
one page of patients is ever built as controls, which keeps the screen quick with 500 patients.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import flet as ft

from diary.platform import current as platform
from diary.ui.state import clinician as state
from diary.ui.state.trends import failure_sentence
from diary.ui.state.clinician import FLAGS, PAGE_SIZE, flag_words, SHOW_ALL, SHOW_FLAGGED, CaseloadPage, caseload_page
from diary.ui.clinician import text as T
from diary.ui.clinician.research_card import ResearchCard
from diary.ui.components.view import fresh_view
from diary.ui.components.named import NamedDropdown, icon_button

__all__ = ["PAGE_SIZE", "CaseloadScreen", "CaseloadView", "flag_chip"]
FLAG_ICONS = {
    "phq9_item9": ft.Icons.REPORT_OUTLINED,
    "no_entry_7_days": ft.Icons.EVENT_BUSY_OUTLINED,
    "phq15_up_3": ft.Icons.TRENDING_UP,
    "stale_export": ft.Icons.HOURGLASS_BOTTOM,
}


@dataclass
class CaseloadView:
    """What the clinician chose on the caseload, kept while the app runs (the shell holds it)."""

    sort: str = "label"
    descending: bool = False
    show: str = SHOW_ALL  # all, any (flagged), or one key of FLAGS
    search: str = ""
    page: int = 0
    selected: set[str] = field(default_factory=set)
    rater: str = "physiotherapist_else_patient"  # diary.domain.trial.DEFAULT_RATER_RULE


def flag_chip(flag: str) -> ft.Control:
    """A flag as an icon and its words (never colour alone); item 9 stands out most."""
    serious = flag == "phq9_item9"
    return ft.Container(
        padding=ft.Padding.symmetric(horizontal=8, vertical=3), border_radius=12,
        bgcolor=ft.Colors.ERROR_CONTAINER if serious else None,
        border=ft.Border.all(1, ft.Colors.ERROR if serious else ft.Colors.OUTLINE),
        content=ft.Row(spacing=4, tight=True, controls=[
            ft.Icon(FLAG_ICONS[flag], size=16, color=ft.Colors.ERROR if serious else ft.Colors.ON_SURFACE_VARIANT),
            ft.Text(flag_words(flag), size=12, color=ft.Colors.ON_ERROR_CONTAINER if serious else None),
        ]))


class CaseloadScreen(ft.Column):
    def __init__(self, diary, *, view: CaseloadView | None = None, wide: bool = False,
                 on_open_patient: Callable[[str], None] = lambda label: None,
                 on_open: Callable[[str], None] = lambda name: None):
        super().__init__(key="caseload-screen", spacing=14, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._diary, self._view, self._wide = diary, view or CaseloadView(), wide
        self._on_open_patient, self._on_open = on_open_patient, on_open
        self._today = diary.clock().date()
        self._load()
        if not self._all:
            self.controls = self._empty_state()
            return
        v = self._view
        self._view.selected &= {r.label for r in self._all}
        self._search = ft.TextField(label=T.SEARCH, key="caseload-search", value=v.search, dense=True,
                                    prefix_icon=ft.Icons.SEARCH, on_change=self._search_changed)
        self._show = NamedDropdown(label=T.SHOW, key="caseload-show", value=v.show, dense=True, expand=True,
                                 on_select=self._show_changed,
                                 options=[ft.DropdownOption(key=SHOW_ALL, text=T.SHOW_ALL),
                                          ft.DropdownOption(key=SHOW_FLAGGED, text=T.SHOW_FLAGGED),
                                          *[ft.DropdownOption(key=k, text=flag_words(k)) for k in FLAGS]])
        self._sort = NamedDropdown(label=T.SORT, key="caseload-sort", value=v.sort, dense=True, expand=True,
                                 on_select=self._sort_changed,
                                 options=[ft.DropdownOption(key=k, text=words) for k, words in T.SORT_NAMES.items()])
        self._direction = ft.IconButton(key="caseload-direction", on_click=self._flip_direction)
        self._list = ft.Container(key="caseload-list")
        self._trial = ft.Container(key="trial-figure")
        self._selected_text = ft.Text(key="selected-count", size=13)
        self._rater = NamedDropdown(label=T.TRIAL_RATER, key="trial-rater", value=v.rater, dense=True, width=320,
                                  on_select=self._rater_changed,
                                  options=[ft.DropdownOption(key=k, text=w) for k, w in T.TRIAL_RATERS.items()])
        self.controls = [
            ft.Text(T.CASELOAD_HEADING, size=22, weight=ft.FontWeight.W_600),
            ft.Text(state.count_line(self._all), key="caseload-count"),
            ft.ResponsiveRow(spacing=8, run_spacing=8, vertical_alignment=ft.CrossAxisAlignment.CENTER, controls=[
                ft.Container(content=self._search, col={"xs": 12, "md": 4}),
                ft.Row(controls=[self._show], col={"xs": 12, "sm": 6, "md": 4}),
                ft.Row(spacing=4, controls=[self._sort, self._direction], col={"xs": 12, "sm": 6, "md": 4}),
            ]),
            self._list,
            self._trial_card(),
            ResearchCard(diary, chosen=lambda: sorted(self._view.selected), total=lambda: len(self._all)),
        ]
        self._render()

    # Data
    def _load(self) -> None:
        self._all = self._diary.caseload.rows(sort=self._view.sort, descending=self._view.descending)

    def _page(self) -> CaseloadPage:
        v = self._view
        shown = caseload_page(self._all, show=v.show, search=v.search, page=v.page)
        v.page = shown.page
        return shown

    # Handlers
    def _search_changed(self, e) -> None:
        self._view.search, self._view.page = e.control.value or "", 0
        self._render()

    def _show_changed(self, e) -> None:
        self._view.show, self._view.page = e.control.value or SHOW_ALL, 0
        self._render()

    def _sort_changed(self, e) -> None:
        self._view.sort, self._view.page = e.control.value or "label", 0
        self._load()
        self._render()

    def _flip_direction(self, e=None) -> None:
        self._view.descending, self._view.page = not self._view.descending, 0
        self._load()
        self._render()

    def _turn_page(self, step: int) -> None:
        self._view.page += step
        self._render()

    def _select(self, label: str, on: bool) -> None:
        (self._view.selected.add if on else self._view.selected.discard)(label)
        self._refresh_figure()

    def _select_shown(self, e=None) -> None:
        self._view.selected |= {r.label for r in self._page().rows}
        self._render()
        self._refresh_figure()

    def _clear_selection(self, e=None) -> None:
        self._view.selected.clear()
        self._render()
        self._refresh_figure()

    def _rater_changed(self, e) -> None:
        self._view.rater = e.control.value or CaseloadView.rater
        self._refresh_figure()

    # Rendering the list
    def _render(self) -> None:
        v = self._view
        self._direction.icon = ft.Icon(ft.Icons.ARROW_DOWNWARD if v.descending else ft.Icons.ARROW_UPWARD,
                                       semantics_label=T.SORT_DIRECTION.format(
                                           direction=T.DESCENDING if v.descending else T.ASCENDING))
        shown = self._page()
        if not shown.matching:
            self._list.content = fresh_view([ft.Text(T.CASELOAD_NONE_MATCH, key="caseload-none")], name="caseload-rows")
            return
        pager = ft.Row(alignment=ft.MainAxisAlignment.SPACE_BETWEEN, controls=[
            ft.TextButton(content=T.PREVIOUS_PAGE, icon=ft.Icons.CHEVRON_LEFT, key="page-previous",
                          disabled=shown.page == 0, on_click=lambda e: self._turn_page(-1)),
            ft.Text(T.CASELOAD_SHOWN.format(first=shown.first, last=shown.first - 1 + len(shown.rows),
                                            n=shown.matching), key="caseload-shown", size=13, expand=True,
                    text_align=ft.TextAlign.CENTER),  # takes the room between the buttons, and wraps
            ft.TextButton(content=T.NEXT_PAGE, icon=ft.Icons.CHEVRON_RIGHT, key="page-next",
                          disabled=not shown.has_next, on_click=lambda e: self._turn_page(1)),
        ])
        body = [self._header()] if self._wide else []
        body += [self._wide_row(r) if self._wide else self._card(r) for r in shown.rows]
        self._list.content = fresh_view([*body, pager], name="caseload-rows", spacing=8)

    def _checkbox(self, label: str) -> ft.Checkbox:
        return ft.Checkbox(key=f"select-{label}", value=label in self._view.selected,
                           semantics_label=T.SELECT_PATIENT.format(label=label),
                           on_change=lambda e: self._select(label, bool(e.control.value)))

    def _open_button(self, label: str) -> ft.Control:
        return ft.TextButton(content=ft.Text(label, size=16, weight=ft.FontWeight.W_600), key=f"open-{label}",
                             style=ft.ButtonStyle(padding=ft.Padding.symmetric(horizontal=4, vertical=2)),
                             on_click=lambda e: self._on_open_patient(label))

    def _flags(self, row) -> list[ft.Control]:
        return [ft.Row(wrap=True, spacing=6, run_spacing=4, key=f"flags-{row.label}",
                       controls=[flag_chip(f) for f in row.flags])] if row.flags else []

    def _card(self, row) -> ft.Control:
        """Phones: one card per patient, the figures one under another."""
        lines = [state.export_line(row, self._today), state.days_line(row, self._today), state.goal_line(row),
                 state.phq15_line(row)]
        return ft.Container(
            key=f"row-{row.label}", padding=ft.Padding.only(left=4, right=4, top=6, bottom=10), border_radius=12,
            bgcolor=ft.Colors.SURFACE_CONTAINER_LOW,
            content=ft.Row(vertical_alignment=ft.CrossAxisAlignment.START, spacing=4, controls=[
                self._checkbox(row.label),
                ft.Column(expand=True, spacing=3, controls=[
                    self._open_button(row.label),
                    *[ft.Text(line, size=13, key=f"{row.label}-line-{i}",
                              tooltip=state.phq15_exact(row) if i == len(lines) - 1 else None)
                      for i, line in enumerate(lines)],
                    *self._flags(row),
                ]),
                icon_button(ft.Icons.CHEVRON_RIGHT, T.OPEN_PATIENT.format(label=row.label),
                            on_click=lambda e, label=row.label: self._on_open_patient(label)),
            ]))

    def _header(self) -> ft.Control:
        def cell(text, expand):
            return ft.Text(text, size=12, weight=ft.FontWeight.W_600, color=ft.Colors.ON_SURFACE_VARIANT,
                           expand=expand)
        return ft.Row(spacing=8, controls=[
            ft.Container(width=40), cell(T.COLUMN_PATIENT, 3), cell(T.COLUMN_EXPORT, 3), cell(T.COLUMN_DAYS, 2),
            cell(T.COLUMN_GOAL, 4), cell(T.COLUMN_PHQ15, 2)])

    def _wide_row(self, row) -> ft.Control:
        """From 840 px: a table row, its flags on a line under it."""
        def cell(text, expand, key, tooltip=None):
            return ft.Text(text, size=13, expand=expand, key=f"{row.label}-{key}", tooltip=tooltip)
        return ft.Container(
            key=f"row-{row.label}", padding=ft.Padding.symmetric(horizontal=4, vertical=6), border_radius=10,
            bgcolor=ft.Colors.SURFACE_CONTAINER_LOW,
            content=ft.Column(spacing=2, controls=[
                ft.Row(spacing=8, vertical_alignment=ft.CrossAxisAlignment.CENTER, controls=[
                    ft.Container(content=self._checkbox(row.label), width=40),
                    ft.Container(content=self._open_button(row.label), expand=3, alignment=ft.Alignment.CENTER_LEFT),
                    ft.Column(spacing=0, expand=3, controls=[
                        ft.Text(state.export_day(row, self._today), size=13, key=f"{row.label}-export"),
                        *([ft.Text(period, size=12, color=ft.Colors.ON_SURFACE_VARIANT)]
                          if (period := state.export_period(row, self._today)) else []),
                    ]),
                    cell(T.DAYS_SHORT.format(n=row.days_logged), 2, "days"),
                    cell(state.goal_line(row), 4, "goal"),
                    cell(state.phq15_line(row, short=True), 2, "phq15", state.phq15_exact(row)),
                ]),
                *[ft.Container(padding=ft.Padding.only(left=48), content=c) for c in self._flags(row)],
            ]))

    # The trial's figure
    def _trial_card(self) -> ft.Control:
        return ft.Container(
            padding=14, border_radius=12, bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST,
            content=ft.Column(spacing=8, controls=[
                ft.Text(T.TRIAL_HEADING, size=18, weight=ft.FontWeight.W_600),
                self._trial,
                self._rater,
                ft.Row(wrap=True, spacing=8, vertical_alignment=ft.CrossAxisAlignment.CENTER, controls=[
                    ft.OutlinedButton(content=T.SELECT_SHOWN, key="select-shown", on_click=self._select_shown),
                    ft.TextButton(content=T.CLEAR_SELECTION, key="clear-selection", on_click=self._clear_selection),
                    self._selected_text,
                ]),
            ]))

    def did_mount(self) -> None:
        if self._all:
            self._refresh_figure()

    def _refresh_figure(self) -> None:
        chosen = sorted(self._view.selected)
        n = len(chosen)
        self._selected_text.value = T.SELECTED.format(n=n) if n else ""
        if n:
            who = T.TRIAL_FOR_ONE if n == 1 else T.TRIAL_FOR_SELECTED.format(n=n)
        else:
            who = T.TRIAL_FOR_THE_ONE if len(self._all) == 1 else T.TRIAL_FOR_ALL.format(n=len(self._all))
        self._trial.content = fresh_view([ft.Text(who, weight=ft.FontWeight.W_600, key="trial-who"),
                                          ft.Row(controls=[ft.ProgressRing(width=16, height=16, stroke_width=2),
                                                           ft.Text(T.TRIAL_WORKING)])], name="trial", spacing=4)
        if self.page is not None:
            self.page.run_task(self._compute_figure, chosen or None, self._view.rater, who)

    async def _compute_figure(self, labels, rater, who) -> None:
        try:
            figure = await platform().work.run(
                lambda: self._diary.caseload.trial_figure(labels, rule=rater))
        except Exception as exc:  # noqa: BLE001 - a sentence in place of the spinner, never a spinner for good
            lines = (T.TRIAL_FAILED.format(reason=failure_sentence(exc)),)
        else:
            lines = state.trial_lines(figure)
        if (sorted(self._view.selected) or None) != labels or self._view.rater != rater:
            return  # the selection changed meanwhile: a newer figure is on its way
        self._trial.content = fresh_view([ft.Text(who, weight=ft.FontWeight.W_600, key="trial-who"),
                                          *[ft.Text(line, key=f"trial-line-{i}") for i, line in enumerate(lines)]],
                                         name="trial", spacing=4)
        self.update()

    # Nobody yet
    def _empty_state(self) -> list[ft.Control]:
        return [
            ft.Text(T.CASELOAD_HEADING, size=22, weight=ft.FontWeight.W_600),
            ft.Container(key="caseload-empty", padding=16, border_radius=12, bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST,
                         content=ft.Column(spacing=10, controls=[
                             ft.Text(T.EMPTY_HEADING, size=18, weight=ft.FontWeight.W_600),
                             *[ft.Text(step) for step in T.EMPTY_STEPS],
                             ft.Row(wrap=True, spacing=8, controls=[
                                 ft.FilledButton(content=T.GO_TO_SETTINGS, icon=ft.Icons.QR_CODE_2, key="empty-pair",
                                                 on_click=lambda e: self._on_open("settings")),
                                 ft.OutlinedButton(content=T.GO_TO_IMPORT, icon=ft.Icons.FILE_DOWNLOAD_OUTLINED,
                                                   key="empty-import", on_click=lambda e: self._on_open("import")),
                             ]),
                         ])),
        ]
