"""The caseload's research export: the selected patients (or everyone) as a de-identified data set, with progress.

The data set goes to a new folder under HOME/research/ (a folder dialog is not available in the browser,
and the server is this machine): the screen shows its path. The salt for study ids is the clinic's
HOME/research-salt.txt, as for `diary research-export`; it is made on first use and never exported.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import flet as ft

from diary.domain.errors import DiaryError
from diary.domain.names import printable_name
from diary.services.bootstrap import Diary
from diary.ui.clinician import text as T

RESEARCH_FOLDER = "research"
SALT_NAME = "research-salt.txt"  # the same file `diary research-export` uses by default


class ResearchCard(ft.Container):
    def __init__(self, diary: Diary, *, chosen: Callable[[], list[str]], total: Callable[[], int]):
        super().__init__(key="research-card", padding=14, border_radius=12, bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST)
        self._diary, self._chosen, self._total = diary, chosen, total
        self._shift = ft.Checkbox(key="research-date-shift", label=T.RESEARCH_DATE_SHIFT, value=True)
        self._notes = ft.Checkbox(key="research-notes", label=T.RESEARCH_NOTES, value=False)
        self._fhir = ft.Checkbox(key="research-fhir", label=T.RESEARCH_FHIR, value=True)
        self._bar = ft.ProgressBar(key="research-progress", value=0, visible=False)
        self._status = ft.Text(key="research-status", selectable=True)
        self._button = ft.FilledButton(content=T.RESEARCH_BUTTON, icon=ft.Icons.SCIENCE_OUTLINED,
                                       key="research-export", on_click=self.run)
        self.content = ft.Column(spacing=8, controls=[
            ft.Text(T.RESEARCH_HEADING, size=18, weight=ft.FontWeight.W_600),
            ft.Text(T.RESEARCH_HELP, size=13),
            self._shift, self._notes, self._fhir,
            ft.Row(controls=[self._button]),
            self._bar,
            self._status,
        ])

    async def run(self, e=None) -> None:
        from diary.research import ResearchOptions, export_research, load_or_create_salt
        from diary.services.records import records_for

        labels = self._chosen() or None
        total = len(labels) if labels else self._total()
        home = self._diary.home
        out = home / RESEARCH_FOLDER / f"research-{self._diary.clock().strftime('%Y%m%d-%H%M%S')}"
        written = {"n": 0}
        self._button.disabled, self._bar.visible, self._bar.value = True, True, 0
        self._status.value = T.RESEARCH_WORKING.format(n=total)
        self.update()
        try:
            salt, created = load_or_create_salt(home / SALT_NAME)
            options = ResearchOptions(salt=salt, date_shift=bool(self._shift.value),
                                      include_notes=bool(self._notes.value), fhir=bool(self._fhir.value))
            out.parent.mkdir(mode=0o700, exist_ok=True)
            records = records_for(self._diary, labels, include_notes=bool(self._notes.value))
            job = asyncio.ensure_future(asyncio.to_thread(
                export_research, records, out, options=options, today=self._diary.clock().date(),
                progress=lambda n: written.__setitem__("n", n)))
            while not job.done():  # the export runs in a thread; show its progress from here
                await asyncio.wait([job], timeout=0.3)
                self._bar.value = written["n"] / total if total else None
                self.update()
            summary = job.result()
        except (DiaryError, OSError) as exc:
            self._status.value = T.RESEARCH_FAILED.format(reason=exc)
        else:
            self._bar.value = 1
            self._status.value = T.RESEARCH_DONE.format(
                n=summary.patients, patients="patient" if summary.patients == 1 else "patients",
                path=printable_name(summary.out),
                salt=T.RESEARCH_SALT_MADE.format(path=home / SALT_NAME) if created else "")
        finally:
            self._button.disabled = False
        self.update()

