"""The app for one browser session: the patient's diary or the clinician's caseload in the one shell
(diary/ui/shell.py), the language and the theme, and the rescue screen when the diary file is damaged."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import flet as ft

from diary.domain.errors import DiaryError
from diary.i18n import first_known, request_language, system_language, use_language
from diary.ui import text as T
from diary.ui import theme
from diary.ui.shell import Navigation, Shell, apply_theme_mode
from diary.ui.components.named import CopyableText

# Every destination: its label's name in diary.ui.text (read when drawn), icon, selected icon. Phones get a
# bar of five (the rest under "More"); from 840 px a rail shows them all.
DESTINATIONS = {
    "today": ("NAV_TODAY", ft.Icons.EDIT_NOTE_OUTLINED, ft.Icons.EDIT_NOTE),
    "history": ("NAV_HISTORY", ft.Icons.CALENDAR_MONTH_OUTLINED, ft.Icons.CALENDAR_MONTH),
    "trends": ("NAV_TRENDS", ft.Icons.SHOW_CHART_OUTLINED, ft.Icons.SHOW_CHART),
    "goals": ("NAV_GOALS", ft.Icons.FLAG_OUTLINED, ft.Icons.FLAG),
    "forms": ("NAV_FORMS", ft.Icons.ASSIGNMENT_OUTLINED, ft.Icons.ASSIGNMENT),
    "share": ("NAV_SHARE", ft.Icons.LOCK_OUTLINE, ft.Icons.LOCK),
    "settings": ("NAV_SETTINGS", ft.Icons.SETTINGS_OUTLINED, ft.Icons.SETTINGS),
    "more": ("NAV_MORE", ft.Icons.MORE_HORIZ, ft.Icons.MORE_HORIZ),
}
RAIL = ["today", "history", "trends", "goals", "forms", "share", "settings"]
BAR = ["today", "history", "trends", "goals", "more"]
MORE = [name for name in RAIL if name not in BAR]  # forms, share, settings
PATIENT_NAVIGATION = Navigation(words=T, destinations=DESTINATIONS, bar=BAR, rail=RAIL, first="today", overflow="more",
                                parent={"welcome": "today"})


def patient_screen(shell: Shell, name: str, options: dict) -> ft.Control:
    """The patient's destinations. Heavier screens load their modules on first visit, not at start."""
    diary = shell.diary
    if name == "today":
        from diary.ui.screens.today import TodayScreen

        return TodayScreen(diary, on_rate_goals=lambda: shell.open("goals", rate_now=True),
                           on_start_form=lambda instrument_id: shell.open("forms", start=instrument_id),
                           on_backup=lambda: shell.open("settings"), phone=not shell.wide)
    if name == "welcome":
        from diary.ui.screens.welcome import WelcomeScreen

        return WelcomeScreen(diary, on_done=shell.open)
    if name == "history":
        from diary.ui.screens.history import HistoryScreen

        return HistoryScreen(diary)
    if name == "trends":
        from diary.ui.screens.trends import TrendsScreen  # matplotlib: loaded on first visit

        return TrendsScreen(diary, page_width=shell.width)
    if name == "goals":
        from diary.ui.screens.goals import GoalsScreen

        return GoalsScreen(diary.goals, **options)
    if name == "forms":
        from diary.ui.screens.questionnaires import QuestionnairesScreen

        return QuestionnairesScreen(diary.questionnaires, wide=shell.wide, **options)
    if name == "share":
        from diary.ui.screens.share import ShareScreen  # the exchange code: loaded on first visit

        screen = ShareScreen(diary)
        if options.get("pair"):  # from the welcome: straight to pairing
            screen.show_pairing()
        return screen
    if name == "more":
        return MoreScreen(on_open=shell.open)
    from diary.ui.screens.settings import SettingsScreen

    return SettingsScreen(diary, on_theme=shell.set_theme, on_language=shell.set_language)


class MoreScreen(ft.Column):
    """Phones: the destinations that do not fit in the bar, as large tiles."""

    def __init__(self, *, on_open: Callable[[str], None]):
        super().__init__(key="more-screen", spacing=4)
        self.controls = [
            ft.Text(T.NAV_MORE, size=22, weight=ft.FontWeight.W_600),
            *[ft.ListTile(key=f"more-{name}", title=ft.Text(PATIENT_NAVIGATION.label(name)),
                          subtitle=ft.Text(T.MORE_HINTS[name]), leading=ft.Icon(DESTINATIONS[name][1]),
                          trailing=ft.Icon(ft.Icons.CHEVRON_RIGHT), on_click=lambda e, n=name: on_open(n))
              for name in MORE],
        ]


def warm_up_controls() -> None:
    """Load what the first screen uses: the Flet control classes (Flet imports them lazily, on first use) and
    Today's modules with their view states, so that the first session only builds and sends the screen
    (they took about half of its time when the session loaded them itself)."""
    for name in ("Theme", "NavigationBar", "NavigationRail", "NavigationBarDestination", "NavigationRailDestination",
                 "TextButton", "FilledButton", "OutlinedButton", "TextField", "Checkbox", "Switch", "Stack",
                 "ResponsiveRow", "Semantics", "ButtonStyle", "RoundedRectangleBorder", "SnackBar", "ListTile", "Card",
                 # Today's own (found by recording flet.__getattr__ during a first session):
                 "Alignment", "Border", "ColorScheme", "Colors", "Container", "ControlState", "CrossAxisAlignment",
                 "FilledButtonTheme", "FilledTonalButton", "FontWeight", "GestureDetector", "Icon", "IconButtonTheme",
                 "KeyboardType", "MainAxisAlignment", "MouseCursor", "NavigationRailLabelType",
                 "NumbersOnlyInputFilter", "OutlinedButtonTheme", "Padding", "Row", "ScrollKey", "ScrollMode",
                 "SegmentedButtonTheme", "TextButtonTheme"):
        getattr(ft, name)
    ft.Theme(color_scheme_seed=theme.SEED, use_material3=True)
    import diary.ui.screens.today  # noqa: F401  (the patient's first screen, its components and states)


def warm_up_first_screen(diary) -> None:
    """Build the patient's first screen once, on no page, and diff and encode it as a session does, while the
    browser fetches the web client: the first session then finds Flet's per-class caches, SQLAlchemy's compiled
    queries and the catalogue ready (measured in-process: the first Today 0.57 s, a later one 0.17 s). Reads
    the diary, writes nothing; nothing of what it builds is kept."""
    if diary.role.value == "clinician":
        return
    import msgpack
    import flet.components.component  # noqa: F401  (imported by the page's first update)
    from flet.controls.base_control import BaseControl
    from flet.controls.object_patch import ObjectPatch
    from flet.messaging.protocol import configure_encode_object_for_msgpack

    from diary.i18n import current_language, in_language
    from diary.ui.screens.today import TodayScreen

    nav = PATIENT_NAVIGATION
    with in_language(diary.language() or current_language()):
        screen = ft.Row(controls=[
            ft.NavigationRail(destinations=[ft.NavigationRailDestination(label=nav.label(name), icon=DESTINATIONS[name][1])
                                            for name in nav.rail]),
            ft.NavigationBar(destinations=[ft.NavigationBarDestination(label=nav.label(name), icon=DESTINATIONS[name][1])
                                           for name in nav.bar]),
            TodayScreen(diary, on_rate_goals=lambda: None, on_start_form=lambda name: None, on_backup=lambda: None),
        ])
        patch, _, _ = ObjectPatch.from_diff(None, screen, control_cls=BaseControl)
        msgpack.packb(patch.to_message(), default=configure_encode_object_for_msgpack(BaseControl))


def open_shell(page: ft.Page, diary) -> Shell:
    """The patient's diary, or a physiotherapist's caseload: the same shell, other destinations."""
    if diary.role.value == "clinician":
        from diary.ui.clinician import text as CT
        from diary.ui.clinician.shell import CLINICIAN_NAVIGATION, clinician_screen

        page.title = CT.APP_TITLE
        return Shell(page, diary, CLINICIAN_NAVIGATION, clinician_screen)
    return Shell(page, diary, PATIENT_NAVIGATION, patient_screen, first="welcome" if diary.welcome_due() else None)


async def device_language(page: ft.Page) -> str:
    """The browser's language in the web app, else the system's. The browser's: as its request to our server
    said (Accept-Language, no waiting), else navigator.languages, asked of the page (the phone app, which has
    no request, or a browser whose first language is not one the app speaks)."""
    if page.web:
        found = request_language()
        if found:
            return found
        try:
            info = await asyncio.wait_for(page.get_device_info(), timeout=3)
            found = first_known([*(getattr(info, "languages", None) or []), getattr(info, "language", None)])
            if found:
                return found
        except Exception:  # noqa: BLE001 - an old client or a slow one: the system's language will do
            pass
    return system_language()


def make_main(open_diary: Callable[[], object], *, home: Path | None = None,
              language: str | None = None) -> Callable[[ft.Page], object]:
    """The Flet entry point for one browser session; the diary is opened once and shared. With `home`, a
    damaged diary file gets the rescue screen (diary/ui/screens/rescue.py) instead of an error.

    The language: `language` (`diary --lang sv`, for this run), else the one chosen in Settings, else the
    browser's (web) or the system's (desktop)."""

    async def main(page: ft.Page) -> None:
        page.padding = 0
        theme.apply(page)
        try:
            diary = open_diary()
        except DiaryError as exc:
            use_language(language or await device_language(page))
            page.title = T.APP_TITLE
            from diary.ui.screens.rescue import show_rescue  # backups and crypto: loaded only when needed

            if home is not None and show_rescue(page, home, on_recovered=lambda: restart(page)):
                return
            page.add(ft.Container(padding=24, content=ft.Column(controls=[
                ft.Text(T.ERROR_OPENING, size=22, weight=ft.FontWeight.W_600),
                CopyableText(str(exc), key="open-error"),
            ])))
            return
        use_language(language or diary.language() or await device_language(page))
        page.title = T.APP_TITLE
        apply_theme_mode(page, diary.theme())
        open_shell(page, diary)

    def restart(page: ft.Page) -> None:  # after a rescue: the repaired diary opens as on a normal start
        page.clean()
        page.run_task(main, page)

    return main
