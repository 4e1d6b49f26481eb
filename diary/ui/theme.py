"""Colours, sizes and the light/dark themes. One seed colour keeps Material 3 palettes consistent."""

import flet as ft

SEED = "#2E6B5E"  # a calm teal-green; contrast checked against white and dark surfaces
WIDE_BREAKPOINT = 840  # navigation rail from here up (Material 3 medium window class)
CONTENT_MAX_WIDTH = 1100  # two columns from ResponsiveRow's lg (992 px) up
TOUCH = 44  # smallest touch target side, in logical pixels


def apply(page: ft.Page) -> None:
    page.theme = ft.Theme(color_scheme_seed=SEED, use_material3=True)
    page.dark_theme = ft.Theme(color_scheme_seed=SEED, use_material3=True)
    page.theme_mode = ft.ThemeMode.SYSTEM
