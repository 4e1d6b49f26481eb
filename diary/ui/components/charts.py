"""Chart cards in a responsive grid (two columns from 992 px), for Trends and the clinician's patient
page. Each chart is shown by the platform's renderer (an image on the desktop) on a card of the chart's
own background, with its title and its one-sentence summary."""

from __future__ import annotations

import flet as ft

from diary.platform import current as platform
from diary.ui.state.trends import ChartCard


# A chart is drawn for 360 px; at this width or less its legend stays smaller than the card's title.
CHART_MAX_WIDTH = 420


def chart_grid(cards: list[ChartCard], *, dark: bool, wide: bool = False) -> ft.Control:
    """`wide` (from 840 px): each chart at most CHART_MAX_WIDTH wide, centred in its card."""
    charts = platform().charts
    face, text = charts.colours(dark=dark)

    def image(card: ChartCard) -> ft.Control:
        shown = charts.control(card.chart, key=f"chart-image-{card.name}", label=card.image_label)
        if not wide:
            return shown
        return ft.Row(alignment=ft.MainAxisAlignment.CENTER, controls=[ft.Container(width=CHART_MAX_WIDTH,
                                                                                   content=shown)])

    return ft.ResponsiveRow(spacing=12, run_spacing=12, controls=[ft.Container(
        key=f"chart-{card.name}", col={"xs": 12, "lg": 6}, padding=12, border_radius=12, bgcolor=face,
        content=ft.Column(spacing=6, controls=[
            ft.Text(card.title, size=16, weight=ft.FontWeight.W_600, color=text),
            image(card),
            ft.Text(card.summary, key=f"chart-summary-{card.name}", size=14, color=text),
        ])) for card in cards])


def page_is_dark(page: ft.Page) -> bool:
    """Whether the page shows the dark theme (its own choice, or the system's)."""
    mode = page.theme_mode
    return mode == ft.ThemeMode.DARK or (mode in (None, ft.ThemeMode.SYSTEM)
                                         and page.platform_brightness == ft.Brightness.DARK)
