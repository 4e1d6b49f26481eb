"""A clinician's caseload: one row per patient, the trial's figure, the physio's own goal ratings, and
each patient's data as a PatientRecord.

Caseload rows come from one SQL statement (storage/caseload_queries.py); the few values that need a
domain rule (the goal trend, the flags) are worked out here from two ratings or two scores per patient.
Reference day: "today" is the clinician's clock, so "days logged in the last 14" and "no entry for 7+
days" say what the clinician knows now (an old export shows as few days logged, and is flagged stale).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

from diary.domain.errors import NotFound, ValidationFailed
# _rank is the domain's one rule for "this rating is better than that one"; reused, not copied.
from diary.domain.goal_progress import Trend, _rank
from diary.domain.goals import Category, Goal, Rater, Rating
from diary.domain.numbers import round_half_up
from diary.domain.patient_record import PatientRecord
from diary.i18n import N_, _
from diary.domain.trial import (
    DEFAULT_RATER_RULE, Assessment, PatientOutcome, RaterRule, TrialFigure, patient_outcome, trial_figure,
)
from diary.services.identity import Role, require_role
from diary.storage.caseload_queries import GOALS_SQL, RATINGS_SQL, caseload_rows, split
from diary.storage.database import writer
from diary.storage.pairing_repository import PairedPatient, PatientRepository
from diary.storage.row_builders import rating_from_row
from diary.storage.snapshot_repository import SnapshotRepository, goal_from_row
from diary.services.failures import storage_boundary

DAYS_WINDOW = 14
NO_ENTRY_DAYS = 7
PHQ15_RISE = 3
STALE_EXPORT_DAYS = 14

# Flags, in the order the caseload shows them, with their words (English source messages; flag_words()
# reads them in the current language).
FLAGS: dict[str, str] = {
    "phq9_item9": N_("PHQ-9 item 9 positive"),
    "no_entry_7_days": N_("No entry for {days}+ days"),
    "phq15_up_3": N_("PHQ-15 up {points}+ points"),
    "stale_export": N_("No export for {stale}+ days"),
}


def flag_words(flag: str) -> str:
    """A flag in the current language: "No entry for 7+ days" / "Ingen anteckning på 7+ dagar"."""
    return _(FLAGS[flag]).format(days=NO_ENTRY_DAYS, points=PHQ15_RISE, stale=STALE_EXPORT_DAYS)
SORT_KEYS = ("label", "last_export", "days_logged", "main_goal", "phq15", "phq15_change", "flags")


@dataclass(frozen=True)
class CaseloadRow:
    """One patient in the caseload. Missing is None (never zero): no export, no PHQ-15, no rating."""

    label: str
    exported_at: datetime | None
    period_start: date | None  # None with an export: everything
    period_end: date | None
    imported_at: datetime | None
    days_logged: int  # distinct days with a check-in in the last 14 days (today included)
    last_day: date | None
    main_goal_id: str | None
    main_goal_title: str | None
    main_goal_category: Category | None  # of its latest rating (the patient's or a physio's)
    main_goal_trend: Trend | None  # latest rating against the rater's own one before
    phq15: float | None  # the latest valid PHQ-15 total
    phq15_on: date | None
    phq15_change: float | None  # latest minus the one before
    flags: tuple[str, ...]  # keys of FLAGS, in FLAGS order
    main_goal_rater: Rater | None = None  # who made the main goal's latest rating
    phq15_prorated: bool = False  # the latest total was prorated for unanswered items

    @property
    def flag_texts(self) -> tuple[str, ...]:
        return tuple(flag_words(f) for f in self.flags)


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _trend(ratings: list[list[str]]) -> Trend | None:
    """The latest rating against the same rater's rating before it (a patient's and a physiotherapist's
    rating are never compared)."""
    same = [r for r in ratings if r[4] == ratings[0][4]][:2] if ratings else []
    if len(same) < 2:
        return None
    ranks = [_rank(SimpleNamespace(level=int(level) if level else None, category=Category(category)))
             for _, _, level, category, _ in same]
    now, before = ranks
    return Trend.IMPROVING if now > before else Trend.WORSENING if now < before else Trend.NO_CHANGE


def _row(v: dict, today: date) -> CaseloadRow:
    ratings = split(v["main_ratings"])
    scores = split(v["phq15"])[:2]
    phq15 = float(scores[0][1]) if scores else None
    change = round_half_up(phq15 - float(scores[1][1]), 2) if len(scores) == 2 else None
    exported_at, last_day = _dt(v["exported_at"]), _day(v["last_day"])
    flags = set()
    if v["phq9_flags"] and "item9_positive" in json.loads(v["phq9_flags"]):
        flags.add("phq9_item9")
    if exported_at is not None and (last_day is None or (today - last_day).days >= NO_ENTRY_DAYS):
        flags.add("no_entry_7_days")
    if change is not None and change >= PHQ15_RISE:
        flags.add("phq15_up_3")
    if exported_at is None or (today - exported_at.date()).days >= STALE_EXPORT_DAYS:
        flags.add("stale_export")
    return CaseloadRow(
        label=v["label"], exported_at=exported_at, period_start=_day(v["period_start"]),
        period_end=_day(v["period_end"]), imported_at=_dt(v["imported_at"]), days_logged=v["days_logged"],
        last_day=last_day, main_goal_id=v["main_goal_id"], main_goal_title=v["main_goal_title"],
        main_goal_category=Category(ratings[0][3]) if ratings else None, main_goal_trend=_trend(ratings),
        main_goal_rater=Rater(ratings[0][4]) if ratings else None,
        phq15=phq15, phq15_on=datetime.fromisoformat(scores[0][0]).date() if scores else None, phq15_change=change,
        phq15_prorated=bool(scores) and scores[0][2] == "1",
        flags=tuple(f for f in FLAGS if f in flags),
    )


def _sort_value(row: CaseloadRow, key: str):
    return {
        "label": row.label.casefold(),
        "last_export": row.exported_at,
        "days_logged": row.days_logged,
        "main_goal": None if row.main_goal_category is None else ("not", "partially", "fully").index(
            row.main_goal_category.value),
        "phq15": row.phq15,
        "phq15_change": row.phq15_change,
        "flags": len(row.flags),
    }[key]


@storage_boundary
class CaseloadService:
    """Clinician homes only. Build through bootstrap (Diary.caseload)."""

    def __init__(self, *, home: Path, role: Role, engine, patients: PatientRepository, snapshots: SnapshotRepository,
                 clock: Callable[[], datetime]):
        self._home, self._role, self._engine, self._writer = home, role, engine, writer(engine)
        self._patients, self._snapshots, self._clock = patients, snapshots, clock

    def _require(self) -> None:
        require_role(self._home, self._role, Role.CLINICIAN, action="Showing the caseload")

    # The caseload table
    def rows(self, *, sort: str = "label", descending: bool = False, flags: Sequence[str] = (),
             search: str | None = None) -> list[CaseloadRow]:
        """Every patient's row, sorted and filtered.

        Args:
            sort: one of SORT_KEYS. Missing values always sort last.
            descending: reverse the order (of the present values).
            flags: keep only patients with all of these flags (keys of FLAGS).
            search: keep only labels containing this text (case-insensitive).
        """
        self._require()
        if sort not in SORT_KEYS:
            raise ValidationFailed(_("Sort by one of: {names}.").format(names=', '.join(SORT_KEYS)), field="sort")
        unknown = [f for f in flags if f not in FLAGS]
        if unknown:
            raise ValidationFailed(_("Unknown flag {unknown!r}; flags are {names}.").format(unknown=unknown[0], names=', '.join(FLAGS)), field="flags")
        today = self._clock().date()
        with self._engine.connect() as conn:
            values = caseload_rows(conn, from_day=(today - timedelta(days=DAYS_WINDOW - 1)).isoformat(),
                                   today=today.isoformat())
        rows = [_row(v, today) for v in values]
        if flags:
            rows = [r for r in rows if set(flags) <= set(r.flags)]
        if search:
            rows = [r for r in rows if search.casefold() in r.label.casefold()]
        present = [r for r in rows if _sort_value(r, sort) is not None]
        missing = [r for r in rows if _sort_value(r, sort) is None]
        present.sort(key=lambda r: r.label.casefold())  # ties stay in label order, whichever direction
        present.sort(key=lambda r: _sort_value(r, sort), reverse=descending)
        return present + missing

    # The trial's figure
    def trial_outcomes(self, labels: Sequence[str] | None = None, *,
                       rule: str | RaterRule = DEFAULT_RATER_RULE,
                       assessment: Assessment = Assessment()) -> list[tuple[str, PatientOutcome]]:
        """Each chosen patient's trial outcomes (diary.domain.trial.patient_outcome), by label.

        Args:
            labels: these patients (None: everyone), in label order.
            rule: whose ratings count: patient, physiotherapist (the physio's ratings in the patient's
                exports and those made in this home) or physiotherapist_else_patient.
            assessment: when the goals are judged (default: each patient's latest rating of the
                current main goal).

        Raises:
            ValidationFailed: an unknown rule. NotFound: an unknown label.
        """
        self._require()
        try:
            rule = RaterRule(rule)
        except ValueError:
            raise ValidationFailed(_("Whose ratings count: patient, physiotherapist or physiotherapist_else_patient."),
                                   field="rater") from None
        chosen = sorted(self._patients_named(labels), key=lambda p: p.label.casefold())
        ids = {p.id for p in chosen}
        goals: dict[int, list[Goal]] = {pid: [] for pid in ids}
        ratings: dict[int, list[Rating]] = {pid: [] for pid in ids}
        with self._engine.connect() as conn:
            for pid, *row in conn.exec_driver_sql(GOALS_SQL):
                if pid in ids:
                    goals[pid].append(goal_from_row(row))
            for pid, goal_id, id_, rated_on, recorded_at, level, category, who in conn.exec_driver_sql(RATINGS_SQL):
                if pid in ids:
                    ratings[pid].append(rating_from_row(id_, goal_id, rated_on, who, level, category, None, recorded_at))
        return [(p.label, patient_outcome(goals[p.id], ratings[p.id], rule=rule, assessment=assessment)) for p in chosen]

    def trial_figure(self, labels: Sequence[str] | None = None, *, rule: str | RaterRule = DEFAULT_RATER_RULE,
                     assessment: Assessment = Assessment()) -> TrialFigure:
        """The trial's figure for everyone or these labels: main goal and all intermediate goals fully
        attained, over every patient with a main goal (intention to treat) and over the complete cases
        (diary.domain.trial). Arguments as for `trial_outcomes`."""
        outcomes = [o for _, o in self.trial_outcomes(labels, rule=rule, assessment=assessment)]
        return trial_figure(outcomes, rule=RaterRule(rule), assessment=assessment)

    # The physiotherapist's own ratings
    def rate_goal(self, label: str, goal_id: str, *, level: int | None = None, category: str | None = None,
                  worse: bool = False, rated_on: date | None = None, comment: str | None = None) -> Rating:
        """Record the physiotherapist's own rating of a patient's goal (kept apart from imports, never
        overwritten by one; in PatientRecords with rater=physiotherapist).

        Args:
            goal_id: the goal's id or a unique start of it.

        Raises:
            NotFound: no such patient or goal. ValidationFailed: a bad level/category or date.
        """
        self._require()
        patient = self._patient(label)
        goals = self._snapshots.goals(patient.id)
        matches = [g for g in goals if g.id.startswith(goal_id)] if goal_id else []
        if len(matches) != 1:
            raise NotFound(_("{label} has no goal with the id {goal_id!r}.").format(label=label, goal_id=goal_id)
                           if not matches else
                           _("The id {prefix!r} fits several goals; give more of it.").format(prefix=goal_id))
        goal = matches[0]
        now = self._clock()
        rated_on = rated_on or now.date()
        if rated_on > now.date():
            raise ValidationFailed(_("The rating date {rated_on} is in the future.").format(
                rated_on=rated_on.isoformat()), field="rated_on")
        if rated_on < goal.start_date:
            raise ValidationFailed(_("The rating date {rated_on} is before the goal started ({start_date}).").format(rated_on=rated_on.isoformat(), start_date=goal.start_date.isoformat()), field="rated_on")
        rating = Rating.create(goal, rated_on=rated_on, rater=Rater.PHYSIOTHERAPIST, recorded_at=now, level=level,
                               category=category, worse=worse, comment=comment)
        self._snapshots.add_clinician_rating(patient.id, rating)
        return rating

    def clinician_ratings(self, label: str) -> list[Rating]:
        """The ratings made in this home for one patient (to mark them as the physio's own)."""
        self._require()
        return self._snapshots.clinician_ratings(self._patient(label).id)

    # Patients as PatientRecords (reports, research exports, the patient screen)
    def patient_records(self, labels: Sequence[str] | None = None, *, streaming: bool = False) -> Iterator[PatientRecord]:
        """One PatientRecord per patient (by label, or in the order of `labels`), read one at a time so
        that a research export of a thousand patients never holds more than one in memory.

        Args:
            streaming: check-ins as stored rows (diary.storage.row_builders.StoredCheckIn: a CheckIn's
                fields, read-only, built for a third of the cost), for the research export.

        Raises:
            NotFound: a label that is not in the caseload (before anything is yielded).
        """
        chosen = self.patients_named(labels)

        def generate() -> Iterator[PatientRecord]:
            for patient in chosen:
                yield self.record_of(patient, streaming=streaming)

        return generate()

    def patients_named(self, labels: Sequence[str] | None = None) -> list[PairedPatient]:
        """The patients `patient_records` reads, in its order (all by label, or these labels in order).

        Raises:
            NotFound: a label that is not in the caseload.
        """
        self._require()
        return self._patients_named(labels)

    def record_of(self, patient: PairedPatient, *, streaming: bool = False) -> PatientRecord:
        """One of `patients_named`'s patients as a PatientRecord (`streaming` as for patient_records)."""
        return self._record(patient, streaming=streaming)

    def patient_record(self, label: str) -> PatientRecord:
        self._require()
        return self._record(self._patient(label))

    def patients(self) -> list[PairedPatient]:
        self._require()
        return self._patients.all()

    def _record(self, patient: PairedPatient, *, streaming: bool = False) -> PatientRecord:
        with self._engine.connect() as conn:  # one read transaction: a consistent snapshot
            rows = self._snapshots.read(patient.id, conn, streaming=streaming)
        return PatientRecord(
            key=patient.record_key, label=patient.label, checkins=tuple(rows["checkins"]),
            questionnaires=tuple(rows["questionnaires"]), goals=tuple(rows["goals"]), ratings=tuple(rows["ratings"]),
            plan=tuple(rows["plan"]), notes_included=patient.notes_included is not False,
            exported_at=patient.exported_at, period_start=patient.period_start, period_end=patient.period_end,
            extra={"seq": str(patient.last_seq or ""), "paired_at": patient.paired_at.isoformat()},
        )

    def _patient(self, label: str) -> PairedPatient:
        patient = self._patients.by_label(label)
        if patient is None:
            raise NotFound(_('No patient is called "{label}" in this caseload.').format(label=label))
        return patient

    def _patients_named(self, labels: Sequence[str] | None) -> list[PairedPatient]:
        if labels is None:
            return self._patients.all()
        return [self._patient(label) for label in labels]
