"""The phone app's page when another tab owns the diary (diary/platform/browser_tabs.py): what is true,
and "Use it here", which takes it over. The hand-over itself is the entry point's (diary/pwa/entry.py);
this screen only shows the sentence and calls back."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import flet as ft

from diary.ui import text as T


def clear_page(page: ft.Page) -> None:
    """Take the diary's screens off the page (the bar and any dialog too), so nothing can be tapped."""
    page.navigation_bar = None
    page.on_resize = None
    page.controls.clear()
    while page.pop_dialog() is not None:
        pass


def show_elsewhere(page: ft.Page, *, taken_over: bool, on_use_here: Callable[[], Awaitable[None]]) -> None:
    """"The diary is open in another tab" (or "was opened in another tab": this tab had it) with the button."""
    status = ft.Text("", key="elsewhere-status", visible=False)

    async def use_here(e=None) -> None:
        button.disabled, status.value, status.visible = True, T.TAKING_OVER, True
        page.update()
        await on_use_here()

    button = ft.FilledButton(content=T.USE_HERE, key="use-here", icon=ft.Icons.OPEN_IN_BROWSER, on_click=use_here)
    clear_page(page)
    page.add(ft.Container(padding=24, key="elsewhere", content=ft.Column(spacing=12, controls=[
        ft.Text(T.TAKEN_OVER if taken_over else T.ELSEWHERE, size=22, weight=ft.FontWeight.W_600),
        ft.Text(T.TAKEN_OVER_TEXT if taken_over else T.ELSEWHERE_TEXT),
        ft.Row(wrap=True, controls=[button]),
        status,
    ])))
    page.update()
