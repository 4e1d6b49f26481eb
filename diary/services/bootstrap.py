"""Builds every dependency of a diary home in one place (the UI and the CLI both start here)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from diary.config import ensure_home
from diary.domain.patient_record import PatientRecord
from diary.services.goals import GoalService
from diary.services.log import LogService
from diary.services.questionnaires import QuestionnaireService
from diary.storage.database import DB_FILENAME, open_engine, schema_version_of
from diary.storage.goal_repository import GoalRepository
from diary.storage.questionnaire_repository import QuestionnaireRepository
from diary.storage.repositories import CheckInRepository, MetaRepository


def local_now() -> datetime:
    """The wall-clock time with the local UTC offset."""
    return datetime.now().astimezone()


@dataclass
class Diary:
    """An open diary home and its services."""

    home: Path
    engine: Engine
    log: LogService
    goals: GoalService
    questionnaires: QuestionnaireService
    meta: MetaRepository
    checkins: CheckInRepository
    clock: Callable[[], datetime]

    @property
    def database_path(self) -> Path:
        return self.home / DB_FILENAME

    def info(self) -> dict:
        """What `diary info` prints: where the data is, its schema version and counts."""
        return {
            "home": str(self.home),
            "database": str(self.database_path),
            "schema_version": schema_version_of(self.engine),
            "days_logged": self.checkins.days_logged(),
            "checkins": self.checkins.count(),
            "questionnaires": len(self.questionnaires.all_completed()),
            "first_day": (d.isoformat() if (d := self.checkins.first_day()) else None),
        }

    def record(self, *, since: date | None = None, include_notes: bool = True) -> PatientRecord:
        """This home's own data as one PatientRecord (reports, research exports and exports read it).

        `since` limits check-ins, questionnaires and ratings to that day onwards; goals and the plan
        are always whole, because a rating means nothing without its goal.
        """
        checkins = self.checkins.all() if since is None else self.checkins.between(since, date.max)
        if not include_notes:
            checkins = [c.model_copy(update={"note": None}) for c in checkins]
        responses = self.questionnaires.all_completed()
        ratings = self.goals.all_ratings()
        if since is not None:
            responses = [r for r in responses if r.completed_at and r.completed_at.date() >= since]
            ratings = [r for r in ratings if r.rated_on >= since]
        return PatientRecord(
            key="self", label=None, checkins=tuple(checkins), questionnaires=tuple(responses),
            goals=tuple(self.goals.all_goals()), ratings=tuple(ratings), plan=tuple(self.goals.activities()),
            notes_included=include_notes, period_start=since,
        )

    def close(self) -> None:
        self.engine.dispose()


def open_diary(home: Path, *, clock: Callable[[], datetime] = local_now) -> Diary:
    """Open (creating if needed) the diary in `home`.

    Raises:
        HomeUnusable, DatabaseUnusable: with a sentence for the user.
    """
    ensure_home(home)
    engine = open_engine(home)
    checkins = CheckInRepository(engine)
    log = LogService(checkins=checkins, clock=clock)
    meta = MetaRepository(engine)
    return Diary(
        home=home,
        engine=engine,
        log=log,
        goals=GoalService(goals=GoalRepository(engine), log=log, clock=clock),
        questionnaires=QuestionnaireService(repo=QuestionnaireRepository(engine), meta=meta, clock=clock),
        meta=meta,
        checkins=checkins,
        clock=clock,
    )
