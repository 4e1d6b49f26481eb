"""Questionnaires: what is due, answering (one question per page on phones, the whole form on wide
screens; drafts kept), the result with its band and change since the first time, and, after PHQ-9
item 9 above 0, a calm page with where to get help now."""

from __future__ import annotations

import flet as ft

from diary.domain.errors import DiaryError
from diary.domain.instruments import INSTRUMENTS
from diary.domain.questionnaires import Response
from diary.services.questionnaires import QuestionnaireService
from diary.ui import text as T
from diary.ui.components.view import fresh_view
from diary.ui.state.questionnaires import band_words, change_line, last_line, score_line

PHQ15_ITEM4 = 3  # "Menstrual cramps or other problems with your periods": asked of women only


class QuestionnairesScreen(ft.Column):
    def __init__(self, service: QuestionnaireService, *, wide: bool, start: str | None = None):
        super().__init__(key="forms-screen", horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._q, self._wide = service, wide
        self.answer(start) if start else self.show_list()

    def _show(self, controls: list[ft.Control], name: str) -> None:
        self.controls = [fresh_view(controls, name=name, spacing=14,
                                    horizontal_alignment=ft.CrossAxisAlignment.STRETCH)]

    # The list
    def show_list(self, message: str | None = None) -> None:
        due = {d.instrument_id for d in self._q.due()}
        rows = []
        for instrument_id in self._q.administrable():
            inst, history = INSTRUMENTS[instrument_id], self._q.history(instrument_id)
            drafts = [r for r in [self._q.draft(instrument_id)] if r is not None]
            label = (T.RESUME.format(n=drafts[0].n_answered, total=len(drafts[0].answers)) if drafts else T.START)
            rows.append(ft.Card(content=ft.Container(padding=14, content=ft.Column(spacing=6, controls=[
                ft.Row(controls=[
                    ft.Text(inst.name, size=18, weight=ft.FontWeight.W_600, expand=True),
                    *([ft.Container(content=ft.Text(T.FORMS_DUE, size=12, color=ft.Colors.ON_TERTIARY_CONTAINER),
                                    bgcolor=ft.Colors.TERTIARY_CONTAINER, border_radius=8,
                                    padding=ft.Padding.symmetric(horizontal=8, vertical=2))]
                      if instrument_id in due else []),
                ]),
                ft.Text(last_line(history), key=f"q-last-{instrument_id}"),
                ft.Row(controls=[
                    ft.FilledButton(content=label, key=f"q-start-{instrument_id}",
                                    on_click=lambda e, i=instrument_id: self.answer(i)),
                    *([ft.TextButton(content=T.HISTORY_OF, key=f"q-history-{instrument_id}",
                                     on_click=lambda e, r=history[-1]: self.show_result(r))] if history else []),
                ]),
            ]))))
        status = [ft.Text(message, key="forms-message", color=ft.Colors.PRIMARY)] if message else []
        self._show([ft.Text(T.FORMS_HEADING, size=22, weight=ft.FontWeight.W_600), *status,
                    ft.Text(T.FORMS_NONE_DUE if not due else f"{T.FORMS_DUE}: "
                            + ", ".join(INSTRUMENTS[i].name for i in self._q.administrable() if i in due)),
                    *rows], "forms-list")

    # Answering
    def answer(self, instrument_id: str) -> None:
        try:
            response = self._q.start(instrument_id)
        except DiaryError as exc:
            return self.show_list(str(exc))
        self._response = response
        self._wording = self._q.wording(instrument_id)
        self._page_no = response.next_unanswered
        self._render()

    def _render(self) -> None:
        w, r = self._wording, self._response
        total = len(w.items)
        header = [
            ft.Row(controls=[ft.TextButton(content=T.LEAVE, icon=ft.Icons.ARROW_BACK, key="q-leave",
                                           on_click=lambda e: self.show_list(T.DRAFT_KEPT))]),
            ft.Text(w.title, size=20, weight=ft.FontWeight.W_600),
            ft.Text(w.instructions, key="q-instructions"),
            ft.ProgressBar(value=r.n_answered / total, semantics_label=f"{r.n_answered} of {total} answered"),
        ]
        if self._wide:
            body = [self._item(i) for i in range(total)]
            nav = [ft.FilledButton(content=T.FINISH, key="q-finish", on_click=lambda e: self._finish())]
        else:
            i = self._page_no
            body = [ft.Text(T.QUESTION_OF.format(n=i + 1, total=total), key="q-position",
                            color=ft.Colors.ON_SURFACE_VARIANT), self._item(i)]
            nav = [ft.OutlinedButton(content=T.PREVIOUS, key="q-back", disabled=i == 0,
                                     on_click=lambda e: self._go(-1)),
                   *([ft.FilledButton(content=T.NEXT, key="q-next", on_click=lambda e: self._go(1))]
                     if i < total - 1 else
                     [ft.FilledButton(content=T.FINISH, key="q-finish", on_click=lambda e: self._finish())])]
        self._error = ft.Text(key="q-error", color=ft.Colors.ERROR)
        footer = [self._error, ft.Row(controls=nav, alignment=ft.MainAxisAlignment.SPACE_BETWEEN),
                  ft.Text(w.attribution, size=11, color=ft.Colors.ON_SURFACE_VARIANT, key="q-attribution")]
        self._show(header + body + footer, f"answer-{r.instrument_id}-{self._page_no}")

    def _item(self, i: int) -> ft.Control:
        w, r = self._wording, self._response
        options = list(w.options[i])
        buttons = []
        for value, label in options:
            chosen = r.answers[i] == value
            buttons.append(self._option(f"q-option-{i}-{value}", label, chosen, lambda e, v=value: self._pick(i, v)))
        if r.instrument_id == "phq15" and i == PHQ15_ITEM4:
            chosen = bool(r.options.get("exclude_item4"))
            buttons.append(self._option("q-option-3-na", T.NOT_APPLICABLE, chosen, lambda e: self._not_applicable()))
        stems = w.item_stems or ()
        stem = stems[i] if i < len(stems) else None
        # On a phone every page repeats its group's stem; the whole form shows it once per group.
        show_stem = stem and (not self._wide or i == 0 or stems[i - 1] != stem)
        return ft.Column(spacing=8, key=f"q-item-{i}", horizontal_alignment=ft.CrossAxisAlignment.STRETCH, controls=[
            *([ft.Text(stem, italic=True, color=ft.Colors.ON_SURFACE_VARIANT)] if show_stem else []),
            ft.Text(f"{i + 1}. {w.items[i]}", size=18 if not self._wide else 16, weight=ft.FontWeight.W_500),
            *buttons,
        ])

    def _option(self, key: str, label: str, chosen: bool, on_click) -> ft.Control:
        return ft.OutlinedButton(
            key=key, on_click=on_click, height=52 if not self._wide else 44,
            content=ft.Text(label, semantics_label=label + (", selected" if chosen else ""),
                            weight=ft.FontWeight.W_600 if chosen else None),
            style=ft.ButtonStyle(
                shape=ft.RoundedRectangleBorder(radius=12), alignment=ft.Alignment.CENTER_LEFT,
                bgcolor=ft.Colors.PRIMARY_CONTAINER if chosen else None,
                side=ft.BorderSide(width=2 if chosen else 1, color=ft.Colors.PRIMARY if chosen else ft.Colors.OUTLINE),
            ),
        )

    def _pick(self, item: int, value) -> None:
        current = self._response.answers[item]
        self._response = self._q.answer(self._response.id, item, None if current == value else value)
        if self._response.instrument_id == "phq15" and item == PHQ15_ITEM4 and self._response.options.get("exclude_item4"):
            self._response = self._q.set_option(self._response.id, "exclude_item4", False)
        if not self._wide and current != value and self._page_no < len(self._wording.items) - 1:
            self._page_no += 1  # one tap answers and moves on
        self._render()

    def _not_applicable(self) -> None:
        on = not self._response.options.get("exclude_item4")
        self._response = self._q.answer(self._response.id, PHQ15_ITEM4, None)
        self._response = self._q.set_option(self._response.id, "exclude_item4", on)
        if on and not self._wide:
            self._page_no += 1
        self._render()

    def _go(self, step: int) -> None:
        self._page_no = max(0, min(len(self._wording.items) - 1, self._page_no + step))
        self._render()

    def _finish(self) -> None:
        try:
            done = self._q.complete(self._response.id)
        except DiaryError as exc:
            self._error.value = str(exc)
            return
        if "item9_positive" in done.result.flags:
            return self.show_crisis(done)
        self.show_result(done)

    # After answering
    def show_crisis(self, response: Response) -> None:
        self._show([
            ft.Icon(ft.Icons.FAVORITE_OUTLINE, size=40, color=ft.Colors.PRIMARY),
            ft.Text(T.CRISIS_HEADING, size=22, weight=ft.FontWeight.W_600),
            ft.Text(self._q.crisis_text(), key="crisis-text", size=16, selectable=True),
            ft.Row(controls=[ft.FilledButton(content=T.CRISIS_CONTINUE, key="crisis-continue",
                                             on_click=lambda e: self.show_result(response))]),
        ], "crisis")

    def show_result(self, response: Response) -> None:
        name = INSTRUMENTS[response.instrument_id].name
        history = self._q.history(response.instrument_id)
        s = response.result
        lines = [ft.Text(score_line(response), size=20, key="q-result-score")]
        if s and s.band:
            lines.append(ft.Text(band_words(s.band), size=18, weight=ft.FontWeight.W_600, key="q-result-band"))
        lines += [ft.Text(f"{k.replace('_', ' ').capitalize()}: {v:g}" if v is not None else
                          f"{k.replace('_', ' ').capitalize()}: —") for k, v in (s.subscales if s else {}).items()]
        lines.append(ft.Text(change_line(response, history), key="q-result-change"))
        earlier = [ft.Text(f"{r.completed_at.strftime('%-d %b %Y')}: "
                           f"{score_line(r)}{' · ' + band_words(r.result.band) if r.result and r.result.band else ''}",
                           size=13) for r in reversed(history)]
        self._show([
            ft.Row(controls=[ft.TextButton(content=T.BACK_TO_FORMS, icon=ft.Icons.ARROW_BACK, key="back-to-forms",
                                           on_click=lambda e: self.show_list())]),
            ft.Text(T.RESULT_HEADING.format(name=name), size=22, weight=ft.FontWeight.W_600),
            *lines,
            ft.Text(T.HISTORY_OF, weight=ft.FontWeight.W_600), *earlier,
        ], "result")
