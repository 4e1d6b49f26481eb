"""Questionnaires: what is due, answering with drafts, scoring, history, schedules, clinic wording."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime
from typing import Any

from diary.domain.errors import ValidationFailed
from diary.domain.instruments import INSTRUMENTS, get_instrument
from diary.domain.instruments.wording import WORDINGS, Wording
from diary.domain.questionnaires import (
    DEFAULT_SCHEDULE, Due, Response, Status, check_schedule, due_list,
)
from diary.domain.wording_files import parse_wording_file
from diary.storage.questionnaire_repository import QuestionnaireRepository
from diary.storage.repositories import MetaRepository
from diary.services.failures import storage_boundary

# PHQ-15 as the SOMEX1 trial used it week by week: 7-day recall (exports say "modified").
ADMINISTRATION_OPTIONS: dict[str, dict[str, Any]] = {"phq15": {"recall_days": 7}}
CRISIS_KEY = "crisis_text"
DEFAULT_CRISIS_TEXT = (
    "You said that you have had thoughts that you would be better off dead, or of hurting yourself. "
    "Thank you for telling us; you are not alone with this. Please talk to someone today: your doctor, "
    "your physiotherapist, or someone you trust. If you might act on these thoughts or are in danger now, "
    "call your local emergency number (112 in Europe, 911 in North America) or go to an emergency department. "
    "In Sweden you can also call 1177 or the suicide prevention line Mind, 90101."
)


BASELINE_LATER = "baseline_later_on"  # meta: the day the user said "later" to the baseline


@storage_boundary
class QuestionnaireService:
    def __init__(self, *, repo: QuestionnaireRepository, meta: MetaRepository, clock: Callable[[], datetime]):
        self._repo, self._meta, self._clock = repo, meta, clock

    # Wording: built in for free instruments, clinic-supplied for licensed ones
    def wording(self, instrument_id: str) -> Wording | None:
        clinic = {w.instrument_id: w for w in self._clinic_wordings()}
        return clinic.get(instrument_id) or WORDINGS.get(instrument_id)

    def clinic_wordings(self) -> list[Wording]:
        """Wordings a clinic loaded into this home (licensed instruments), in loading order."""
        return self._clinic_wordings()

    def _clinic_wordings(self) -> list[Wording]:
        return [Wording(**{**w, "items": tuple(w["items"]), "sources": tuple(w["sources"]),
                           "item_stems": tuple(w.get("item_stems", ())), "notes": tuple(w.get("notes", ())),
                           "options": tuple(tuple(tuple(p) for p in o) for o in w["options"])})
                for w in self._repo.wordings()]

    def administrable(self) -> list[str]:
        """Instruments the app can administer: those with wording, in the registry's order."""
        have = set(WORDINGS) | {w.instrument_id for w in self._clinic_wordings()}
        return [i for i in INSTRUMENTS if i in have]

    def add_wording(self, data: bytes) -> Wording:
        """Load a clinic-supplied wording file (validated) into this home."""
        wording = parse_wording_file(data)
        body = dataclasses.asdict(wording)
        self._repo.add_wording(wording.instrument_id, wording.language, wording.sources[0], body, now=self._clock())
        return wording

    # Schedules
    def schedule(self) -> dict[str, tuple[int, bool]]:
        stored = self._repo.schedule()
        return {i: stored.get(i, (DEFAULT_SCHEDULE.get(i, 28), i in DEFAULT_SCHEDULE)) for i in self.administrable()}

    def set_schedule(self, instrument_id: str, every_days: int, *, enabled: bool = True) -> None:
        check_schedule(instrument_id, every_days)
        self._repo.set_schedule(instrument_id, every_days, enabled)

    def due(self) -> list[Due]:
        active = {i: every for i, (every, on) in self.schedule().items() if on}
        return due_list(active, self._repo.last_completed(), today=self._clock().date())

    # The start-of-diary questionnaires (the baseline), offered on Today as one item
    def postpone_baseline(self) -> None:
        """"Later": Today stops offering the start-of-diary questionnaires until tomorrow."""
        self._meta.set(BASELINE_LATER, self._clock().date().isoformat())

    def baseline_postponed(self) -> bool:
        return self._meta.get(BASELINE_LATER) == self._clock().date().isoformat()

    # Answering
    def start(self, instrument_id: str) -> Response:
        """The draft of this instrument if one is open (resume), else a new one."""
        if self.wording(instrument_id) is None:
            raise ValidationFailed(f"{get_instrument(instrument_id).name} has no wording in this app; a clinic "
                                   "with a licence can add it in Settings.")
        draft = self.draft(instrument_id)
        if draft is not None:
            return draft
        response = Response.start(instrument_id, now=self._clock(), options=ADMINISTRATION_OPTIONS.get(instrument_id))
        self._repo.save(response)
        return response

    def draft(self, instrument_id: str) -> Response | None:
        """The open draft of an instrument, if any (to resume)."""
        drafts = self._repo.responses(instrument_id, status=Status.DRAFT)
        return drafts[-1] if drafts else None

    def answer(self, response_id: str, item: int, value: Any) -> Response:
        response = self._repo.get(response_id).answer(item, value)
        self._repo.save(response)
        return response

    def set_option(self, response_id: str, name: str, value: Any) -> Response:
        response = self._repo.get(response_id)
        response = dataclasses.replace(response, options={**response.options, name: value})
        self._repo.save(response)
        return response

    def complete(self, response_id: str) -> Response:
        response = self._repo.get(response_id).complete(now=self._clock())
        self._repo.save(response)
        return response

    def record_completed(self, instrument_id: str, answers: list[Any], *, at: datetime) -> Response:
        """Store an administration answered elsewhere (paper at a visit, the demo) as completed `at`."""
        response = Response.start(instrument_id, now=at, options=ADMINISTRATION_OPTIONS.get(instrument_id))
        for item, value in enumerate(answers):
            response = response.answer(item, value)
        response = response.complete(now=at)
        self._repo.save(response)
        return response

    def discard(self, response_id: str) -> None:
        self._repo.delete(response_id)

    def history(self, instrument_id: str) -> list[Response]:
        return self._repo.responses(instrument_id, status=Status.COMPLETE)

    def all_completed(self) -> list[Response]:
        return self._repo.responses(status=Status.COMPLETE)

    # PHQ-9 item 9: where to get help now (configurable per locale in Settings)
    def crisis_text(self) -> str:
        return self._meta.get(CRISIS_KEY) or DEFAULT_CRISIS_TEXT

    def set_crisis_text(self, text: str) -> None:
        from diary.domain.text import clean_text

        self._meta.set(CRISIS_KEY, clean_text(text.strip(), field="crisis_text", max_chars=2000,
                                              label="The help text") or DEFAULT_CRISIS_TEXT)
