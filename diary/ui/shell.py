"""The one navigation shell, for a patient's diary and a clinician's caseload alike: a bar on phones, a
rail from 840 px, a fresh scrollable per visit, the light/dark choice.

What differs between the two apps is data, not code: a `Navigation` names the destinations (label and
icons), which of them the bar and the rail show, which destination a sub-page belongs under, and
`screen(name, **options)` builds the screen. Screens are rebuilt whenever they are opened, so they
show what the diary holds now.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType

import flet as ft

from diary.i18n import use_language
from diary.ui import theme
from diary.ui.components.display import text_scale_probe
from diary.ui.components.view import fresh_view

RAIL_WIDTH = 88
THEME_MODES = {"system": ft.ThemeMode.SYSTEM, "light": ft.ThemeMode.LIGHT, "dark": ft.ThemeMode.DARK}


@dataclass(frozen=True)
class Navigation:
    """Where one app can go.

    words: the app's text catalogue; destinations: name → (the name of its label in `words`, icon,
        selected icon). Labels are read when the bar and rail are drawn, in the language of that moment.
    bar, rail: the destinations a phone's bar and a wide window's rail show, in order.
    parent: a page that is not in the bar or rail → the destination it belongs under (for the
        highlight); names in neither and without a parent light up `overflow` in the bar.
    reopen_on_resize: destinations drawn differently on phones and wide windows (built again when
        the window crosses 840 px).
    """

    words: ModuleType
    destinations: dict[str, tuple[str, str, str]]
    bar: list[str]
    rail: list[str]
    first: str
    parent: dict[str, str] = field(default_factory=dict)
    overflow: str | None = None
    reopen_on_resize: frozenset[str] = frozenset()

    def label(self, name: str) -> str:
        return getattr(self.words, self.destinations[name][0])

    def bar_index(self, name: str) -> int:
        name = self.parent.get(name, name)
        return self.bar.index(name if name in self.bar else self.overflow)

    def rail_index(self, name: str) -> int | None:
        name = self.parent.get(name, name)
        return self.rail.index(name) if name in self.rail else None


def apply_theme_mode(page: ft.Page, mode: str) -> None:
    page.theme_mode = THEME_MODES.get(mode, ft.ThemeMode.SYSTEM)


class Shell:
    """Owns the page layout; `open(name, **options)` shows a destination or a sub-page."""

    def __init__(self, page: ft.Page, diary, navigation: Navigation,
                 screen: Callable[["Shell", str, dict], ft.Control], *, first: str | None = None):
        """`first`: where to start instead of the navigation's first destination (the first-run welcome)."""
        self.page, self.diary, self.navigation, self._screen = page, diary, navigation, screen
        first = first or navigation.first
        self.current = first
        self.kept: dict[str, object] = {}  # what a screen keeps between visits (the caseload's sort and page)
        self.row: ft.Row | None = None
        self.wide: bool | None = None
        self._visits = 0
        self.body = ft.Container(key="body", padding=ft.Padding.symmetric(horizontal=16, vertical=12))
        self.scroller = self._new_scroller(first)
        self.bar = ft.NavigationBar(
            key="nav-bar", selected_index=0, on_change=lambda e: self.open(navigation.bar[e.control.selected_index]),
            destinations=self._bar_destinations())
        self.rail = ft.NavigationRail(
            key="nav-rail", selected_index=0, label_type=ft.NavigationRailLabelType.ALL, min_width=RAIL_WIDTH,
            on_change=lambda e: self.open(navigation.rail[e.control.selected_index]))
        page.navigation_bar = self.bar
        # The user's text size, measured on the client: screens laid out for it are drawn again when it changes.
        page.overlay.append(text_scale_probe(page, on_change=lambda scale: self._text_scale_changed()))
        page.on_resize = lambda e: self.layout(e.width)
        self.layout(page.width)
        self.open(first)
        self.row = ft.Row(controls=[self.rail, self.scroller], expand=True, spacing=0,
                          vertical_alignment=ft.CrossAxisAlignment.START)
        page.add(self.row)  # one message with the whole first screen

    def _bar_destinations(self) -> list[ft.NavigationBarDestination]:
        nav = self.navigation
        return [ft.NavigationBarDestination(label=nav.label(name), icon=nav.destinations[name][1],
                                            selected_icon=nav.destinations[name][2]) for name in nav.bar]

    def _rail_destinations(self) -> list[ft.NavigationRailDestination]:
        nav = self.navigation
        return [ft.NavigationRailDestination(label=nav.label(name), icon=nav.destinations[name][1],
                                             selected_icon=nav.destinations[name][2]) for name in nav.rail]

    def retranslate(self) -> None:
        """After a change of language: the bar, the rail, the title and the open screen in the new words."""
        self.bar.destinations = self._bar_destinations()
        self.rail.destinations = self._rail_destinations() if self.wide else []
        self.page.title = self.navigation.words.APP_TITLE
        self.open(self.current)

    def _new_scroller(self, name: str) -> ft.Column:
        # A fresh scrollable per visit (its own key), so every screen opens at its top.
        self._visits += 1
        return ft.Column(controls=[self.body], scroll=ft.ScrollMode.AUTO, expand=True,
                         horizontal_alignment=ft.CrossAxisAlignment.CENTER, key=f"scroller-{name}-{self._visits}")

    def layout(self, width: float | None) -> None:
        self.width = width or 400
        was_wide, self.wide = self.wide, (width or 0) >= theme.WIDE_BREAKPOINT
        self.rail.visible, self.bar.visible = self.wide, not self.wide
        if was_wide is not self.wide:  # the rail's destinations only where it shows: 8 controls less on a phone
            self.rail.destinations = self._rail_destinations() if self.wide else []
        self.body.width = min(theme.CONTENT_MAX_WIDTH, self.width - (RAIL_WIDTH if self.wide else 0))
        if self.row is not None and was_wide is not self.wide and self.current in self.navigation.reopen_on_resize:
            self.open(self.current)

    def open(self, name: str, **options) -> None:
        self.current = name
        self.bar.selected_index = self.navigation.bar_index(name)
        self.rail.selected_index = self.navigation.rail_index(name)
        self.body.content = fresh_view([self._screen(self, name, options)], name=f"screen-{name}",
                                       horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        if self.row is not None:
            self.scroller = self._new_scroller(name)
            self.row.controls[-1] = self.scroller

    def _text_scale_changed(self) -> None:
        self.open(self.current)
        self.page.update()

    def set_theme(self, mode: str) -> None:
        apply_theme_mode(self.page, mode)
        self.diary.set_theme(mode)

    def set_language(self, language: str) -> None:
        """Settings → Language: remembered in the home, and every word on the page redrawn in it."""
        self.diary.set_language(language)
        use_language(language)
        self.retranslate()
