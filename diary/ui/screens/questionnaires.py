"""Questionnaires: what is due, answering (one question per page on phones, the whole form on wide
screens; drafts kept), the result with its band and change since the first time, and, after PHQ-9
item 9 above 0, a calm page with where to get help now."""

from __future__ import annotations

import flet as ft

from diary.domain.errors import DiaryError
from diary.domain.questionnaires import Response
from diary.ui import text as T
from diary.ui.components.named import CopyableText
from diary.ui.components.saving import durable
from diary.ui.components.view import Screen
from diary.ui.state.questionnaires import (
    PHQ15_ITEM4, AnswerView, FormRow, FormsList, ItemView, Option, answer_view, read_forms_list, result_view,
)


class QuestionnairesScreen(Screen):
    """`service`: the diary's questionnaires (Diary.questionnaires); `start` opens one at once."""

    page_spacing = 14

    def __init__(self, service, *, wide: bool, start: str | None = None):
        super().__init__(key="forms-screen", horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._q, self._wide = service, wide
        self.answer(start) if start else self.show_list()


    # The list
    def show_list(self, message: str | None = None) -> None:
        self._draw_list(read_forms_list(self._q), message)

    def _draw_list(self, forms: FormsList, message: str | None) -> None:
        status = [ft.Text(message, key="forms-message", color=ft.Colors.PRIMARY)] if message else []
        self._show([ft.Text(T.FORMS_HEADING, size=22, weight=ft.FontWeight.W_600), *status,
                    ft.Text(forms.due_line), *map(self._form_card, forms.rows)], "forms-list")

    def _form_card(self, row: FormRow) -> ft.Control:
        due = [ft.Container(content=ft.Text(T.FORMS_DUE, size=12, color=ft.Colors.ON_TERTIARY_CONTAINER),
                            bgcolor=ft.Colors.TERTIARY_CONTAINER, border_radius=8,
                            padding=ft.Padding.symmetric(horizontal=8, vertical=2))] if row.due else []
        history = [ft.TextButton(content=T.HISTORY_OF, key=f"q-history-{row.instrument_id}",
                                 on_click=lambda e: self.show_result(row.latest))] if row.latest else []
        return ft.Card(content=ft.Container(padding=14, content=ft.Column(spacing=6, controls=[
            ft.Row(controls=[ft.Text(row.name, size=18, weight=ft.FontWeight.W_600, expand=True), *due]),
            ft.Text(row.last, key=f"q-last-{row.instrument_id}"),
            ft.Row(controls=[ft.FilledButton(content=row.action, key=f"q-start-{row.instrument_id}",
                                             on_click=lambda e: self.answer(row.instrument_id)), *history]),
        ])))

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
        self._draw_page(answer_view(self._wording, self._response, page_no=self._page_no, wide=self._wide))

    def _draw_page(self, view: AnswerView) -> None:
        header = [
            ft.Row(controls=[ft.TextButton(content=T.LEAVE, icon=ft.Icons.ARROW_BACK, key="q-leave",
                                           on_click=lambda e: self.show_list(T.DRAFT_KEPT))]),
            ft.Text(view.title, size=20, weight=ft.FontWeight.W_600),
            ft.Text(view.instructions, key="q-instructions"),
            ft.ProgressBar(value=view.answered / view.total,
                           semantics_label=f"{view.answered} of {view.total} answered"),
        ]
        body = [self._item(item) for item in view.items]
        finish = ft.FilledButton(content=T.FINISH, key="q-finish", on_click=self._finish)
        if view.position is None:
            nav = [finish]
        else:
            body.insert(0, ft.Text(view.position, key="q-position", color=ft.Colors.ON_SURFACE_VARIANT))
            nav = [ft.OutlinedButton(content=T.PREVIOUS, key="q-back", disabled=view.first,
                                     on_click=lambda e: self._go(-1)),
                   finish if view.last else ft.FilledButton(content=T.NEXT, key="q-next", on_click=lambda e: self._go(1))]
        self._error = ft.Text(key="q-error", color=ft.Colors.ERROR)
        footer = [self._error, ft.Row(controls=nav, alignment=ft.MainAxisAlignment.SPACE_BETWEEN),
                  ft.Text(view.attribution, size=11, color=ft.Colors.ON_SURFACE_VARIANT, key="q-attribution")]
        self._show(header + body + footer, f"answer-{view.instrument_id}-{view.page_no}")

    def _item(self, item: ItemView) -> ft.Control:
        buttons = [self._option(o, lambda e, v=o.value: self._pick(item.index, v)) for o in item.options]
        if item.not_applicable:
            buttons.append(self._option(item.not_applicable, lambda e: self._not_applicable()))
        return ft.Column(spacing=8, key=f"q-item-{item.index}", horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
                         controls=[
            *([ft.Text(item.stem, italic=True, color=ft.Colors.ON_SURFACE_VARIANT)] if item.stem else []),
            ft.Text(item.text, size=18 if not self._wide else 16, weight=ft.FontWeight.W_500),
            *buttons,
        ])

    def _option(self, option: Option, on_click) -> ft.Control:
        chosen = option.chosen
        return ft.OutlinedButton(
            key=option.key, on_click=on_click, height=52 if not self._wide else 44,
            content=ft.Text(option.label, semantics_label=option.label + (", selected" if chosen else ""),
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

    async def _finish(self, e=None) -> None:
        try:
            done = self._q.complete(self._response.id)
        except DiaryError as exc:
            self._error.value = str(exc)
            return
        await durable()
        if "item9_positive" in done.result.flags:
            return self.show_crisis(done)
        self.show_result(done)

    # After answering
    def show_crisis(self, response: Response) -> None:
        self._show([
            ft.Icon(ft.Icons.FAVORITE_OUTLINE, size=40, color=ft.Colors.PRIMARY),
            ft.Text(T.CRISIS_HEADING, size=22, weight=ft.FontWeight.W_600),
            CopyableText(self._q.crisis_text(), key="crisis-text", size=16),
            ft.Row(controls=[ft.FilledButton(content=T.CRISIS_CONTINUE, key="crisis-continue",
                                             on_click=lambda e: self.show_result(response))]),
        ], "crisis")

    def show_result(self, response: Response) -> None:
        view = result_view(response, self._q.history(response.instrument_id))
        lines = [ft.Text(view.score, size=20, key="q-result-score")]
        if view.band:
            lines.append(ft.Text(view.band, size=18, weight=ft.FontWeight.W_600, key="q-result-band"))
        lines += [ft.Text(line) for line in view.subscales]
        lines.append(ft.Text(view.change, key="q-result-change"))
        self._show([
            ft.Row(controls=[ft.TextButton(content=T.BACK_TO_FORMS, icon=ft.Icons.ARROW_BACK, key="back-to-forms",
                                           on_click=lambda e: self.show_list())]),
            ft.Text(T.RESULT_HEADING.format(name=view.name), size=22, weight=ft.FontWeight.W_600),
            *lines,
            ft.Text(T.HISTORY_OF, weight=ft.FontWeight.W_600), *[ft.Text(line, size=13) for line in view.earlier],
        ], "result")
