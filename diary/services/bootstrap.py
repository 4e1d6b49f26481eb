"""Builds every dependency of a diary home in one place (the UI and the CLI both start here)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from functools import cached_property
from pathlib import Path

from sqlalchemy.engine import Engine

from diary.config import ensure_home
from diary.domain.errors import ValidationFailed
from diary.domain.patient_record import PatientRecord
from diary.platform import current
from diary.services.clock import local_now
from diary.services.failures import storage_boundary
from diary.services.goals import GoalService
from diary.services.identity import ROLE_KEY, Role, resolve_role
from diary.services.keystore import KeyStore
from diary.services.log import LogService
from diary.services.questionnaires import QuestionnaireService
from diary.services.restore_recovery import finish_interrupted_restore
from diary.storage.database import DB_FILENAME, open_engine, schema_version_of
from diary.storage.goal_repository import GoalRepository
from diary.storage.questionnaire_repository import QuestionnaireRepository
from diary.storage.repositories import CheckInRepository, MetaRepository
from diary.i18n import _


WELCOME_DONE = "welcome_done"  # meta: the first-run welcome was read or skipped


@storage_boundary
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
    role: Role = Role.PATIENT  # a patient's diary or a clinician's caseload (diary.services.identity)
    keys: KeyStore | None = None  # this home's own key (a patient's signing key, a clinician's box key)

    # The physiotherapist loop (issue 6), built on first use so that opening a home stays fast.
    @cached_property
    def pairing(self):
        """diary.services.pairing.PairingService: own key, safety numbers, pairing."""
        from diary.services.exchange_wiring import pairing_service

        return pairing_service(self)

    @cached_property
    def exports(self):
        """diary.services.export.ExportService (patient homes): exports and "last exported"."""
        from diary.services.exchange_wiring import export_service

        return export_service(self)

    @cached_property
    def imports(self):
        """diary.services.importing.ImportService (clinician homes): verified imports and the import log."""
        from diary.services.exchange_wiring import import_service

        return import_service(self)

    @cached_property
    def caseload(self):
        """diary.services.caseload.CaseloadService (clinician homes): caseload rows, trial figure, physio ratings."""
        from diary.services.exchange_wiring import caseload_service

        return caseload_service(self)

    # Features the screens and the command line share, also built on first use.
    @cached_property
    def reminders(self):
        """diary.services.reminders.ReminderService: the daily reminder's settings and whether it is due."""
        from diary.services.reminders import ReminderService

        return ReminderService(meta=self.meta, checkins=self.checkins, clock=self.clock)

    @cached_property
    def backups(self):
        """diary.services.backups.BackupService: this home's backups, settings and restore."""
        from diary.services.backups import BackupService

        return BackupService(self.home, clock=self.clock, diary=self)

    @cached_property
    def summaries(self):
        """diary.services.summaries.SummaryService: the one-page PDF for a visit."""
        from diary.services.summaries import SummaryService

        return SummaryService(self)

    @cached_property
    def research(self):
        """diary.services.research_export.ResearchExportService: de-identified data sets (clinician homes)."""
        from diary.services.research_export import ResearchExportService

        return ResearchExportService(self)

    @cached_property
    def trends(self):
        """diary.services.trends.TrendService: chart views of this diary or of a clinician's patient."""
        from diary.services.trends import TrendService

        return TrendService(self)

    def last_export(self):
        """The newest written entry of the export log (diary.storage.export_log.ExportLogEntry), or None.

        Read straight from the log: the export service would load the cryptography on every start."""
        from diary.storage.export_log import ExportLogRepository

        entries = ExportLogRepository(self.engine).entries(limit=1)
        return entries[0] if entries else None

    def welcome_due(self) -> bool:
        """Whether the first-run welcome is still to be shown: a patient's new diary, not yet welcomed."""
        return self.role == Role.PATIENT and self.meta.get(WELCOME_DONE) != "1" and self.checkins.count() == 0

    def finish_welcome(self, *, remind_at: time | None = None) -> None:
        """The welcome was read or skipped (it is not shown again); `remind_at` turns the daily reminder on."""
        if remind_at is not None:
            reminders = self.reminders
            reminders.save(replace(reminders.settings(), enabled=True, at=remind_at))
        self.meta.set(WELCOME_DONE, "1")

    def set_theme(self, mode: str) -> None:
        """Remember the light/dark choice ("system", "light" or "dark") for the next start."""
        self.meta.set("theme", mode)

    def theme(self) -> str:
        return self.meta.get("theme") or "system"

    def set_language(self, language: str) -> None:
        """Remember the app's language ("sv" or "en") for the next start (Settings → Language).

        Raises:
            ValidationFailed: a language the app does not speak.
        """
        from diary.i18n import LANGUAGES

        if language not in LANGUAGES:
            raise ValidationFailed(_("The language must be {names} (got {language!r}).").format(names=' or '.join(LANGUAGES), language=language))
        self.meta.set("language", language)

    def language(self) -> str | None:
        """The language chosen in Settings, or None (then the system's or the browser's decides)."""
        from diary.i18n import LANGUAGES

        chosen = self.meta.get("language")
        return chosen if chosen in LANGUAGES else None

    def patient_records(self, labels: list[str] | None = None, *, streaming: bool = False) -> Iterator[PatientRecord]:
        """A clinician's patients as PatientRecords, one at a time (all, or those with these labels;
        `streaming`: check-ins as read-only stored rows, see CaseloadService.patient_records)."""
        return self.caseload.patient_records(labels, streaming=streaming)

    def patient_record(self, label: str) -> PatientRecord:
        """One clinician's patient as a PatientRecord (NotFound for an unknown label)."""
        return self.caseload.patient_record(label)

    @property
    def database_path(self) -> Path:
        return self.home / DB_FILENAME

    def info(self) -> dict:
        """What `diary info` prints: where the data is, its schema version and counts (a clinician's home:
        patients, imports and the check-ins and questionnaires it holds)."""
        where = {"home": str(self.home), "database": str(self.database_path),
                 "schema_version": schema_version_of(self.engine)}
        if self.role == Role.CLINICIAN:
            from diary.storage.caseload_queries import caseload_holdings

            with self.engine.connect() as conn:
                return {**where, "role": self.role.value, **caseload_holdings(conn)}
        return {
            **where,
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


def open_diary(home: Path, *, clock: Callable[[], datetime] = local_now, role: Role | str | None = None) -> Diary:
    """Open (creating if needed) the diary in `home`.

    Args:
        role: "clinician" to make or open a clinician's caseload (`--clinician`); None opens whatever the
            home is (a new home becomes a patient's diary). The home's own key is made on first open.

    Raises:
        HomeUnusable, DatabaseUnusable, RoleMismatch: with a sentence for the user.
    """
    finish_interrupted_restore(home)  # a restore cut short by a crash is finished first
    ensure_home(home)
    storage = current().home  # how this platform keeps a commit (a file synced; or copied to IndexedDB)
    engine = open_engine(home, journal_mode=storage.journal_mode)
    storage.watch(engine)
    checkins = CheckInRepository(engine)
    log = LogService(checkins=checkins, clock=clock)
    meta = MetaRepository(engine)
    stored = meta.get(ROLE_KEY)
    try:
        actual = resolve_role(home, stored, Role(role) if role else None,
                              has_patient_data=stored is None and checkins.count() > 0)
        if stored is None:
            meta.set(ROLE_KEY, actual.value)
        keys = KeyStore(home, actual)
        keys.ensure()
    except BaseException:
        engine.dispose()
        raise
    return Diary(
        home=home,
        engine=engine,
        log=log,
        goals=GoalService(goals=GoalRepository(engine), log=log, clock=clock),
        questionnaires=QuestionnaireService(repo=QuestionnaireRepository(engine), meta=meta, clock=clock),
        meta=meta,
        checkins=checkins,
        clock=clock,
        role=actual,
        keys=keys,
    )
