"""One patient, opened from the caseload: their latest export's goals (with the physio's own ratings),
activity plan and adherence, trend charts with their sentences, questionnaire scores with bands, and
the one-page PDF.

Charts and the PDF are the patient's own Trends screen's (diary.services.trends and .summaries), drawn
from the patient's PatientRecord off the UI (the platform's background work) and cached by its content.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import flet as ft

from diary.domain.errors import NotFound
from diary.platform import current as platform
from diary.ui.state import clinician as state
from diary.ui.clinician import text as T
from diary.ui.clinician.caseload import flag_chip
from diary.ui.clinician.patient_goals import GoalsCard
from diary.ui.components.charts import chart_grid, page_is_dark
from diary.ui.components.deliver import make_and_deliver
from diary.ui.components.display import Display
from diary.ui.components.view import fresh_view
from diary.ui.state.trends import (
    DEFAULT_PERIOD, PERIOD_CHOICES, Snapshot, cached_view, chart_cards, failure_sentence, render_view,
)
from diary.ui.theme import WIDE_BREAKPOINT

PdfSaver = Callable[[bytes, str], Awaitable[str | None]]
OUTCOME_WORDS = {"kept": T.PDF_SAVED_LOCALLY, "cancelled": T.PDF_CANCELLED, "saved": T.PDF_SAVED,
                 "downloaded": T.PDF_DOWNLOADED, "failed": T.PDF_FAILED}


def make_pdf(diary, label: str, *, period: str) -> tuple[bytes, str]:
    """The patient's one-page summary for the chosen period (diary.services.summaries)."""
    summary = diary.summaries.make(period=period, patient=label)
    return summary.data, summary.name


class PatientScreen(ft.Column):
    _text_scale = 1.0  # the user's text size, read when the screen is mounted

    def __init__(self, diary, label: str, *, on_back: Callable[[], None], page_width: float | None = None,
                 dark: bool | None = None, save_pdf: PdfSaver | None = None, notice: str | None = None):
        super().__init__(key="patient-screen", spacing=14, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._diary, self._label, self._on_back, self._dark, self._save_pdf = diary, label, on_back, dark, save_pdf
        self._period = DEFAULT_PERIOD
        self._wide = (page_width or 0) >= WIDE_BREAKPOINT
        self._today = diary.clock().date()
        back = ft.Row(controls=[ft.TextButton(content=T.BACK_TO_CASELOAD, icon=ft.Icons.ARROW_BACK,
                                              key="back-to-caseload", on_click=lambda e: on_back())])
        try:
            self._record = diary.patient_record(label)
        except NotFound:
            self.controls = [back, ft.Text(T.PATIENT_GONE, key="patient-gone")]
            self._record = None
            return
        row = next((r for r in diary.caseload.rows(search=label) if r.label == label), None)
        self._charts = ft.Container(key="patient-charts")
        self._selector = ft.SegmentedButton(
            key="patient-period", selected=[DEFAULT_PERIOD], allow_empty_selection=False,
            segments=[ft.Segment(value=value, label=words) for value, words in PERIOD_CHOICES],
            on_change=self._period_changed)
        self._pdf_button = ft.FilledButton(content=T.PDF_BUTTON, icon=ft.Icons.PICTURE_AS_PDF, key="patient-pdf",
                                           on_click=self._make_pdf)
        self._pdf_status = ft.Text(key="pdf-status")
        self._notice = ft.Container(key="patient-notice", padding=12, border_radius=8,
                                    bgcolor=ft.Colors.PRIMARY_CONTAINER, visible=bool(notice),
                                    content=ft.Text(notice or "", key="patient-notice-text"))
        self._goals_holder = ft.Container(content=self._goals_card())
        self.controls = [
            back,
            ft.Text(label, size=24, weight=ft.FontWeight.W_600, key="patient-label"),
            ft.Text(state.patient_header(self._record, self._today, row.imported_at if row else None),
                    key="patient-export"),
            *([ft.Text(T.NOTES_LEFT_OUT, size=13, color=ft.Colors.ON_SURFACE_VARIANT)]
              if self._record.exported_at and not self._record.notes_included else []),
            *([ft.Row(wrap=True, spacing=6, run_spacing=4, key="patient-flags",
                      controls=[flag_chip(f) for f in row.flags])] if row and row.flags else []),
            self._notice,
            self._goals_holder,
            self._plan_card(),
            ft.Text(T.CHARTS_HEADING, size=18, weight=ft.FontWeight.W_600),
            ft.Row(controls=[self._selector], scroll=ft.ScrollMode.AUTO),
            self._charts,
            self._questionnaires_card(),
            ft.Container(padding=14, border_radius=12, bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST, content=ft.Column(
                spacing=8, controls=[ft.Text(T.PDF_HEADING, size=18, weight=ft.FontWeight.W_600),
                                     ft.Text(T.PDF_HELP), ft.Row(controls=[self._pdf_button]), self._pdf_status])),
        ]
        self._charts_message(T.CHARTS_DRAWING, busy=True)

    # Goals (and the physio's rating)
    def _goals_card(self) -> ft.Control:
        return GoalsCard(self._diary, self._label, self._record, today=self._today, on_rated=self._rated)

    def _rated(self, message: str) -> None:
        self._record = self._diary.patient_record(self._label)
        self._goals_holder.content = self._goals_card()
        self._notice.content.value, self._notice.visible = message, True
        self.page.run_task(self._draw)  # the goals chart shows the new rating

    # Plan
    def _plan_card(self) -> ft.Control:
        end = min(self._today, self._record.period_end or self._today)
        blocks = []
        for activity, weeks in state.plan_views(self._record, end):
            blocks.append(ft.Column(spacing=4, key=f"plan-{activity.id}", controls=[
                ft.Text(f"{activity.name} · {activity.dose}", weight=ft.FontWeight.W_600),
                *[ft.Row(spacing=12, controls=[
                    ft.Text(week.line, size=12, key=f"plan-{activity.id}-week-{i}", expand=3),
                    ft.ProgressBar(value=week.adherence or 0, semantics_label=week.line, expand=2)])
                  for i, week in enumerate(weeks)],
            ]))
        return ft.Container(key="patient-plan", padding=14, border_radius=12, bgcolor=ft.Colors.SURFACE_CONTAINER_LOW,
                            content=ft.Column(spacing=10, controls=[
                                ft.Text(T.PLAN_HEADING, size=18, weight=ft.FontWeight.W_600),
                                *(blocks or [ft.Text(T.PLAN_NONE, key="plan-none")])]))

    # Questionnaires
    def _questionnaires_card(self) -> ft.Control:
        rows = [ft.Column(spacing=2, key=f"questionnaire-{v.instrument_id}", col={"xs": 12, "md": 6, "lg": 4}, controls=[
            ft.Text(v.name, weight=ft.FontWeight.W_600),
            ft.Text(v.latest, key=f"questionnaire-{v.instrument_id}-latest"),
            ft.Text(v.baseline, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
        ]) for v in state.questionnaire_views(self._record, self._today)]
        return ft.Container(key="patient-questionnaires", padding=14, border_radius=12,
                            bgcolor=ft.Colors.SURFACE_CONTAINER_LOW, content=ft.Column(spacing=10, controls=[
                                ft.Text(T.QUESTIONNAIRES_HEADING, size=18, weight=ft.FontWeight.W_600),
                                ft.ResponsiveRow(controls=rows, run_spacing=10) if rows
                                else ft.Text(T.QUESTIONNAIRES_NONE, key="questionnaires-none")]))

    # Charts
    def did_mount(self) -> None:
        self._text_scale = Display.of(self.page).text_scale  # the charts' lettering follows the user's text size
        if Display.of(self.page).large_text:  # four periods side by side would not fit: one under another
            self._selector.direction = ft.Axis.VERTICAL
            self._selector.style = ft.ButtonStyle(shape=ft.RoundedRectangleBorder(radius=12))
        if self._record is None:
            return
        if self._dark is None:
            self._dark = page_is_dark(self.page)
        self.page.run_task(self._draw)

    def _snapshot(self) -> Snapshot:
        return self._diary.trends.patient(self._record)

    async def _draw(self) -> None:
        period, work = self._period, platform().work
        snap = await work.run(self._snapshot)
        if snap.empty:
            self._charts_message(T.CHARTS_EMPTY)
            return self.update()
        try:
            view = await work.run(render_view, snap, period, bool(self._dark), self._text_scale)
        except Exception as exc:  # noqa: BLE001 - never crash the page over a chart
            self._charts_message(T.CHARTS_FAILED.format(reason=failure_sentence(exc)))
            return self.update()
        if period == self._period:
            self._show_view(view)
            self.update()

    async def _period_changed(self, e) -> None:
        self._period = e.control.selected[0]
        snap = self._snapshot()
        view = None if snap.empty else cached_view(snap, self._period, bool(self._dark), self._text_scale)
        if view is not None:
            return self._show_view(view)
        self._charts_message(T.CHARTS_DRAWING, busy=True)
        self.update()
        await self._draw()

    def _charts_message(self, text: str, *, busy: bool = False) -> None:
        ring = [ft.ProgressRing(width=20, height=20, stroke_width=2)] if busy else []
        self._charts.content = fresh_view([ft.Row(controls=[*ring, ft.Text(text, key="charts-message", expand=True)])],
                                          name="patient-charts-message")

    def _show_view(self, view) -> None:
        self._charts.content = fresh_view([chart_grid(chart_cards(view), dark=bool(self._dark), wide=self._wide)],
                                          name=f"patient-charts-{view.period}")

    # The one-page PDF
    async def _make_pdf(self, e=None) -> None:
        self._pdf_button.disabled = True
        self._pdf_status.value = T.PDF_MAKING
        self.update()
        period = self._period
        outcome, where, name = await make_and_deliver(lambda: make_pdf(self._diary, self._label, period=period),
                                                      home=self._diary.home, title=T.PDF_SAVE_TITLE,
                                                      save=self._save_pdf)
        self._pdf_status.value = OUTCOME_WORDS[outcome].format(path=where, name=name, reason=where)
        self._pdf_button.disabled = False
        self.update()
