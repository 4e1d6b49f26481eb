"""The check-in form, used by Today (new or today's check-in) and History (correct or back-fill a day)."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from dataclasses import replace

import flet as ft

from diary.ui import text as T
from diary.ui.components.body_map import BodyMap
from diary.ui.components.display import Display
from diary.ui.components.keyboard import Keys
from diary.ui.components.scale import ScalePicker
from diary.ui.state.checkin_form import CheckInForm, parse_hours, parse_minutes

STATUS_KEY = "checkin-status"
# Returns (or, when async, resolves to) an error sentence, or None when saved.
SaveHandler = Callable[[CheckInForm], "str | None | Awaitable[str | None]"]


def _section(title: str) -> ft.Control:
    return ft.Text(title, weight=ft.FontWeight.W_600, size=16)


class CheckInEditor(ft.Column):
    """All items of a check-in; Save calls `on_save(form)`, which saves and returns an error or None."""

    def __init__(self, form: CheckInForm, *, heading: str, on_save: SaveHandler, save_label: str | None = None,
                 rest_after_first_frame: bool = False):
        """`rest_after_first_frame`: on a phone, where everything after the body map is below the fold, the
        screen goes out without it and the rest follows in a second message as soon as it is on the page, so the
        first screen (the heading, pain and the map) is drawn sooner. Its text fields exist from the start (Save
        checks them); its scales are built when they are shown, from the form as it is then."""
        super().__init__(spacing=18, key="checkin-editor", horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self.form = form
        self._on_save = on_save
        self._status = ft.Text(key="status", size=14)
        self._status_box = ft.Container(content=ft.Semantics(content=self._status, live_region=True),
                                        key=ft.ScrollKey(STATUS_KEY),
                                        padding=ft.Padding.symmetric(horizontal=12, vertical=10),
                                        border_radius=8, visible=False)
        pain_help = T.PAIN_HELP_NOW if form.extra else T.PAIN_HELP_DAY
        self._body_map = BodyMap(selected=form.regions, no_pain=form.no_pain,
                                 on_toggle=self._toggle_region, on_no_pain=self._set_no_pain)
        self._minutes = {name: self._minutes_field(name, label, help_text)
                         for name, label, help_text in (("light_min", T.LIGHT, T.LIGHT_HELP),
                                                        ("moderate_min", T.MODERATE, T.MODERATE_HELP),
                                                        ("vigorous_min", T.VIGOROUS, T.VIGOROUS_HELP))}
        self._hours = ft.TextField(label=T.SLEEP_HOURS, key="sleep_hours", width=140, dense=True,
                                   value=_blank(form.sleep_hours), keyboard_type=ft.KeyboardType.NUMBER,
                                   on_change=self._set_hours)
        self._note = ft.TextField(label=T.NOTE, key="note", multiline=True, min_lines=2, max_lines=6,
                                  max_length=2000, helper=T.NOTE_HELP, value=form.note,
                                  on_change=lambda e: self._update(note=e.control.value or ""))
        first = [  # pain and where: the heart of a check-in, first on a phone, left on a desktop
            self._scale("pain", T.PAIN, pain_help),
            ft.Column(spacing=4, controls=[_section(T.BODY_MAP), self._body_map]),
        ]
        self._rest = ft.Column(spacing=18, controls=[] if rest_after_first_frame else self._rest_items(),
                               col={"xs": 12, "lg": 7}, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._rest_later = rest_after_first_frame
        self.controls = [
            ft.Text(heading, size=22, weight=ft.FontWeight.W_600, key="editor-heading"),
            ft.ResponsiveRow(spacing=32, run_spacing=18, controls=[
                ft.Column(spacing=18, controls=first, col={"xs": 12, "lg": 5}), self._rest]),
            self._status_box,
            ft.Row(alignment=ft.MainAxisAlignment.END, controls=[ft.FilledButton(
                content=save_label or T.SAVE, key="save", icon=ft.Icons.CHECK, height=48, on_click=self._save,
                style=ft.ButtonStyle(shape=ft.RoundedRectangleBorder(radius=12)))]),
        ]

    def _rest_items(self) -> list[ft.Control]:
        """Everything after pain and the body map (the right-hand column on a wide screen)."""
        form = self.form
        return [
            self._scale("fatigue", T.FATIGUE, T.FATIGUE_HELP),
            self._scale("stress", T.STRESS, T.STRESS_HELP),
            ft.Column(spacing=8, controls=[
                _section(T.ACTIVITY_HEADING),
                ft.Row(controls=list(self._minutes.values()), spacing=8),
                ft.Checkbox(label=T.STRENGTH, key="strength", value=bool(form.strength),
                            on_change=lambda e: self._update(strength=True if e.control.value else None)),
            ]),
            self._scale("sleep_quality", T.SLEEP_QUALITY, T.SLEEP_QUALITY_HELP),
            ft.Row(controls=[self._hours]),
            self._scale("worry", T.WORRY, T.WORRY_HELP),
            ft.Column(spacing=2, controls=[
                ft.Switch(label=T.FLARE, key="flare", value=form.flare,
                          on_change=lambda e: self._update(flare=bool(e.control.value))),
                ft.Text(T.FLARE_HELP, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
            ]),
            self._note,
        ]

    # Ctrl+S / Cmd+S saves the form on screen (diary/ui/components/keyboard.py).
    def did_mount(self) -> None:
        Keys.of(self.page).save = self._save
        if self._rest_later:
            self._rest_later = False
            self.page.run_task(self._show_rest)

    async def _show_rest(self) -> None:
        try:
            page = self.page
            await Display.of(page).laid_out(page)  # the first screen drawn first, then the rest
            self._rest.controls = self._rest_items()  # built now: the values are the form's as it is by now
            self._rest.update()
        except RuntimeError:  # the user left the screen meanwhile (no page to update)
            pass

    def will_unmount(self) -> None:
        keys = Keys.of(self.page)
        if keys.save == self._save:
            keys.save = None

    def _scale(self, name: str, label: str, help_text: str) -> ScalePicker:
        return ScalePicker(name=name, label=label, help_text=help_text, value=self.form.scales.get(name),
                           on_pick=lambda value: self._update_form(self.form.with_scale(name, value)))

    def _minutes_field(self, name: str, label: str, help_text: str) -> ft.TextField:
        return ft.TextField(
            label=label, key=name, expand=1, dense=True, value=_blank(self.form.minutes.get(name)),
            keyboard_type=ft.KeyboardType.NUMBER, tooltip=help_text, suffix="min",
            input_filter=ft.NumbersOnlyInputFilter(), on_change=lambda e: self._set_minutes(name, e.control),
        )

    def _update(self, **fields) -> None:
        self._update_form(replace(self.form, **fields))

    def _update_form(self, form: CheckInForm) -> None:
        self.form = form
        self._status_box.visible = False

    def _toggle_region(self, region: str) -> None:
        self._update_form(self.form.toggle_region(region))
        self._body_map.show(self.form.regions, self.form.no_pain)

    def _set_no_pain(self, no_pain: bool) -> None:
        self._update_form(self.form.with_no_pain(no_pain))
        self._body_map.show(self.form.regions, self.form.no_pain)

    def _set_minutes(self, name: str, field: ft.TextField) -> None:
        try:
            value = parse_minutes(field.value or "")
            field.error = None
        except ValueError as exc:
            field.error, value = str(exc), None
        self._update_form(self.form.with_minutes(name, value))

    def _set_hours(self, e) -> None:
        try:
            hours = parse_hours(e.control.value or "")
            e.control.error = None
        except ValueError as exc:
            e.control.error, hours = str(exc), None
        self._update(sleep_hours=hours)

    async def _save(self, e=None) -> None:
        invalid = [f for f in (*self._minutes.values(), self._hours) if f.error]
        if invalid:
            return self.show_status(T.FIX_FIELD.format(field=invalid[0].label, error=invalid[0].error), ok=False)
        error = self._on_save(self.form)
        if inspect.isawaitable(error):
            error = await error
        if error:
            self.show_status(error, ok=False)

    async def reveal_status(self) -> None:
        """Scroll the confirmation fully into view: at the foot of a phone's screen it could sit half under
        the tab bar."""
        scroller = self.parent
        while scroller is not None and not getattr(scroller, "scroll", None):
            scroller = scroller.parent
        if scroller is not None:
            self.update()
            await scroller.scroll_to(scroll_key=STATUS_KEY, duration=250)

    def show_status(self, message: str, *, ok: bool) -> None:
        self._status.value = message
        self._status.color = ft.Colors.ON_PRIMARY_CONTAINER if ok else ft.Colors.ON_ERROR_CONTAINER
        self._status_box.bgcolor = ft.Colors.PRIMARY_CONTAINER if ok else ft.Colors.ERROR_CONTAINER
        self._status_box.visible = True


def _blank(value) -> str:
    return "" if value is None else f"{value:g}"
