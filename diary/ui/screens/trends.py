"""Trends: the period's charts with a sentence each, the links in the diary, and a PDF for the visit (where
the platform makes PDFs; elsewhere — the phone app — a sentence says who makes it).

Charts are drawn off the UI (the platform's background work) and cached by the diary's content
(diary/services/trends.py), so the first visit shows a short "drawing" line and switching period is
instant once the other periods have been drawn in the background.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import flet as ft

from diary.platform import current as platform
from diary.platform.seams import VISIT_PDF
from diary.ui import text as T
from diary.ui.components.charts import chart_grid, page_is_dark
from diary.ui.components.deliver import make_and_deliver
from diary.ui.components.named import CopyableText
from diary.ui.components.display import Display
from diary.ui.components.view import fresh_view
from diary.ui.state.trends import (
    DEFAULT_PERIOD, PERIOD_CHOICES, Snapshot, association_lines, cached_view, chart_cards, failure_sentence,
    period_note, render_view, snapshot, visit_pdf,
)

PdfSaver = Callable[[bytes, str], Awaitable[str | None]]
WIDE = 840
OUTCOME_WORDS = {"kept": T.VISIT_SAVED_LOCALLY, "cancelled": T.VISIT_CANCELLED, "saved": T.VISIT_SAVED,
                 "downloaded": T.VISIT_DOWNLOADED, "failed": T.VISIT_FAILED}


async def save_with_dialog(pdf: bytes, name: str) -> str | None:
    """The platform's save dialog; it writes the bytes itself (desktop) or hands them to the browser as a
    download (web). Returns the chosen path ("" on web), None when the user cancelled."""
    return await platform().files.offer(pdf, title=T.VISIT_PDF, name=name, extensions=["pdf"])


class TrendsScreen(ft.Column):
    """The patient's Trends destination. `dark=None` follows the page's theme (and the system's);
    `save_pdf` stands in for the platform's save dialog (tests)."""

    _text_scale = 1.0  # the user's text size, read when the screen is mounted

    def __init__(self, diary, *, page_width: float | None = None, dark: bool | None = None,
                 save_pdf: PdfSaver | None = None, prefetch: bool = True):
        super().__init__(key="trends-screen", spacing=14, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._diary, self._dark, self._save_pdf, self._prefetch = diary, dark, save_pdf, prefetch
        self._wide = (page_width or 0) >= WIDE
        self._period = DEFAULT_PERIOD
        self._snap: Snapshot | None = None
        self._selector = ft.SegmentedButton(
            key="trends-period", selected=[DEFAULT_PERIOD], allow_empty_selection=False, show_selected_icon=False,
            segments=[ft.Segment(value=value, label=label) for value, label in PERIOD_CHOICES],
            on_change=self._period_changed)
        self._body = ft.Container(key="trends-body")
        self._notes = ft.Checkbox(key="visit-notes", label=T.VISIT_INCLUDE_NOTES, value=False)
        self._pdf_button = ft.FilledButton(content=T.VISIT_PDF, icon=ft.Icons.PICTURE_AS_PDF, key="visit-pdf",
                                           on_click=self._make_pdf)
        self._status = CopyableText(key="visit-status")
        visit = ([ft.Text(T.VISIT_HELP), self._notes, ft.Row(controls=[self._pdf_button]), self._status]
                 if VISIT_PDF in platform().features else [ft.Text(T.VISIT_PDF_ON_DESKTOP, key="visit-pdf-on-desktop")])
        self.controls = [
            ft.Text(T.TRENDS_HEADING, size=22, weight=ft.FontWeight.W_600),
            ft.Row(controls=[self._selector], scroll=ft.ScrollMode.AUTO),
            self._body,
            ft.Container(padding=12, border_radius=12, bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST, content=ft.Column(
                spacing=8, controls=[ft.Text(T.VISIT_HEADING, size=18, weight=ft.FontWeight.W_600), *visit])),
        ]
        self._show_message(T.TRENDS_DRAWING, busy=True)

    # Loading and drawing
    def did_mount(self) -> None:
        self._text_scale = Display.of(self.page).text_scale  # the charts' lettering follows the user's text size
        if Display.of(self.page).large_text:  # four periods side by side would not fit: one under another
            self._selector.direction = ft.Axis.VERTICAL
            self._selector.style = ft.ButtonStyle(shape=ft.RoundedRectangleBorder(radius=12))
        if self._dark is None:
            self._dark = page_is_dark(self.page)
        self.page.run_task(self._load)

    async def _load(self) -> None:
        work = platform().work
        try:
            self._snap = await work.run(snapshot, self._diary)
        except Exception as exc:  # the database could not be read: say so, never crash the screen
            return self._fail(exc)
        if self._snap.empty:
            self._show_message(T.TRENDS_EMPTY)
            return self._refresh()
        await self._draw(self._period)
        if self._prefetch:
            for period, _ in PERIOD_CHOICES:
                if period != self._period:
                    await work.run(render_view, self._snap, period, self._dark, self._text_scale)

    async def _draw(self, period: str) -> None:
        try:
            view = await platform().work.run(render_view, self._snap, period, self._dark, self._text_scale)
        except Exception as exc:
            return self._fail(exc)
        if period == self._period:  # the user may have chosen another period meanwhile
            self._show_view(view)
            self._refresh()

    def _refresh(self) -> None:
        """Send the changes, unless the user has left the screen while the charts were drawn."""
        try:
            self.update()
        except RuntimeError:  # no longer on the page (Flet says so with RuntimeError)
            pass

    def _fail(self, exc: Exception) -> None:
        self._show_message(T.TRENDS_FAILED.format(reason=failure_sentence(exc)))
        self._refresh()

    async def _period_changed(self, e) -> None:
        self._period = e.control.selected[0]
        if self._snap is None or self._snap.empty:
            return
        view = cached_view(self._snap, self._period, self._dark, self._text_scale)
        if view is not None:
            return self._show_view(view)
        self._show_message(T.TRENDS_DRAWING, busy=True)
        self._refresh()
        await self._draw(self._period)

    # Rendering
    def _show_message(self, text: str, *, busy: bool = False) -> None:
        controls: list[ft.Control] = [ft.ProgressRing(width=20, height=20, stroke_width=2)] if busy else []
        self._body.content = fresh_view([ft.Row(controls=[*controls, ft.Text(text, key="trends-message", expand=True)])],
                                        name="trends-message")

    def _show_view(self, view) -> None:
        sentences, others = association_lines(view.associations)
        links = [ft.Text(T.LINKS_HEADING, size=18, weight=ft.FontWeight.W_600),
                 ft.Text(T.LINKS_INTRO, size=13, color=ft.Colors.ON_SURFACE_VARIANT),
                 *(ft.Text(f"• {s}", key=f"link-{i}") for i, s in enumerate(sentences))]
        if others:
            links.append(ft.Text(others, key="links-others", color=ft.Colors.ON_SURFACE_VARIANT))
        note = period_note(view)
        self._body.content = fresh_view([*([ft.Text(note, key="trends-note")] if note else []),
                                         chart_grid(chart_cards(view), dark=self._dark, wide=self._wide),
                                         ft.Column(spacing=6, controls=links, key="links")],
                                        name=f"trends-{view.period}", spacing=16)

    # The visit PDF
    async def _make_pdf(self, e=None) -> None:
        self._pdf_button.disabled = True
        self._status.value = T.VISIT_MAKING
        self.update()
        notes, period = bool(self._notes.value), self._period
        outcome, where, name = await make_and_deliver(lambda: visit_pdf(self._diary, period, include_notes=notes),
                                                      home=self._diary.home, title=T.VISIT_PDF, save=self._save_pdf)
        self._status.value = OUTCOME_WORDS[outcome].format(path=where, name=name, reason=where)
        self._pdf_button.disabled = False
        self._refresh()
