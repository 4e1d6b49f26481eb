"""Colours, sizes and the light/dark themes.

One seed colour gives Material 3 its palettes; the roles the app draws with are pinned below to the
values Flutter derives from that seed (read from the rendered page in Chromium), so that
tests/ui/test_contrast.py checks the colours people actually see: WCAG AA 4.5:1 for text, 3:1 for the
focus ring and chart marks. Every focusable control shows a 3 px ring in ON_SURFACE when it has
keyboard focus (Material's own focus cue is a faint overlay).
"""

import flet as ft

SEED = "#2E6B5E"  # a calm teal-green
WIDE_BREAKPOINT = 840  # navigation rail from here up (Material 3 medium window class)
CONTENT_MAX_WIDTH = 1100  # two columns from ResponsiveRow's lg (992 px) up
TOUCH = 44  # smallest touch target side, in logical pixels
FOCUS_WIDTH = 3

LIGHT = {
    "primary": "#066B5B", "on_primary": "#FFFFFF", "primary_container": "#A0F2DE",
    "on_primary_container": "#005144", "secondary_container": "#CDE8E0", "on_secondary_container": "#334B45",
    "surface": "#F5FBF7", "on_surface": "#171D1B", "on_surface_variant": "#3F4946",
    "surface_container_low": "#EFF5F1", "surface_container_high": "#E3EAE6", "surface_container_highest": "#DEE4E0",
    "error": "#BA1A1A", "on_error": "#FFFFFF", "error_container": "#FFDAD6", "on_error_container": "#93000A",
    "outline": "#6F7976", "outline_variant": "#BFC9C4",
}
DARK = {
    "primary": "#84D6C2", "on_primary": "#00382E", "primary_container": "#005144",
    "on_primary_container": "#A0F2DE", "secondary_container": "#334B45", "on_secondary_container": "#CDE8E0",
    "surface": "#0E1513", "on_surface": "#DEE4E0", "on_surface_variant": "#BFC9C4",
    "surface_container_low": "#171D1B", "surface_container_high": "#252B29", "surface_container_highest": "#303634",
    "error": "#FFB4AB", "on_error": "#690005", "error_container": "#93000A", "on_error_container": "#FFDAD6",
    "outline": "#89938F", "outline_variant": "#3F4946",
}
FOCUS_RING = "on_surface"  # the role the ring is drawn in


def focus_ring() -> ft.BorderSide:
    return ft.BorderSide(FOCUS_WIDTH, getattr(ft.Colors, FOCUS_RING.upper()))


def focus_side(rest: ft.BorderSide | None = None) -> dict:
    """A button's border: the focus ring while it has keyboard focus, else `rest` (none by default)."""
    return {ft.ControlState.FOCUSED: focus_ring(),
            ft.ControlState.DEFAULT: rest or ft.BorderSide(0, ft.Colors.TRANSPARENT)}


def _theme(colours: dict[str, str]) -> ft.Theme:
    ring = ft.ButtonStyle(side={ft.ControlState.FOCUSED: focus_ring()})
    return ft.Theme(
        color_scheme_seed=SEED, use_material3=True, color_scheme=ft.ColorScheme(**colours),
        text_button_theme=ft.TextButtonTheme(style=ring), filled_button_theme=ft.FilledButtonTheme(style=ring),
        outlined_button_theme=ft.OutlinedButtonTheme(style=ring), icon_button_theme=ft.IconButtonTheme(style=ring),
        segmented_button_theme=ft.SegmentedButtonTheme(style=ring),
    )


def apply(page: ft.Page) -> None:
    page.theme = _theme(LIGHT)
    page.dark_theme = _theme(DARK)
    page.theme_mode = ft.ThemeMode.SYSTEM
