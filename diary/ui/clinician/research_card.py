"""The caseload's research export: the selected patients (or everyone) as a de-identified data set, with progress.

The data set goes to a new folder under HOME/research/ (a folder dialog is not available in the browser,
and the server is this machine): the screen shows its path. The salt for study ids is the clinic's
HOME/research-salt.txt, as for `diary research-export`; it is made on first use and never exported.
The export is diary.services.research_export's (Diary.research), run off the UI by the platform.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import flet as ft

from diary.domain.errors import DiaryError
from diary.domain.names import printable_name
from diary.platform import current as platform
from diary.ui.clinician import text as T
from diary.ui.components.named import CopyableText


class ResearchCard(ft.Container):
    def __init__(self, diary, *, chosen: Callable[[], list[str]], total: Callable[[], int]):
        super().__init__(key="research-card", padding=14, border_radius=12, bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST)
        self._diary, self._chosen, self._total = diary, chosen, total
        self._shift = ft.Checkbox(key="research-date-shift", label=T.RESEARCH_DATE_SHIFT, value=True)
        self._notes = ft.Checkbox(key="research-notes", label=T.RESEARCH_NOTES, value=False)
        self._fhir = ft.Checkbox(key="research-fhir", label=T.RESEARCH_FHIR, value=True)
        self._bar = ft.ProgressBar(key="research-progress", value=0, visible=False)
        self._status = CopyableText(key="research-status")
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
        research = self._diary.research
        labels = self._chosen() or None
        total = len(labels) if labels else self._total()
        written, made_salt = {"n": 0}, []
        self._button.disabled, self._bar.visible, self._bar.value = True, True, 0
        self._status.value = T.RESEARCH_WORKING.format(n=total)
        self.update()
        try:
            out = research.new_folder()
            job = asyncio.ensure_future(platform().work.run(lambda: research.export(
                out, labels=labels, date_shift=bool(self._shift.value), include_notes=bool(self._notes.value),
                fhir=bool(self._fhir.value), progress=lambda n: written.__setitem__("n", n),
                on_new_salt=made_salt.append)))
            while not job.done():  # the export runs in the background; show its progress from here
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
                salt=T.RESEARCH_SALT_MADE.format(path=printable_name(made_salt[0])) if made_salt else "")
        finally:
            self._button.disabled = False
        self.update()
