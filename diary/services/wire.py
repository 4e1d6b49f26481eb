"""A patient's record as an export payload, and an accepted payload back as a patient's record.

`payload_values` builds the JSON values of an ExportPayloadV1 straight from domain objects (already
validated when they were stored), without building the pydantic wire models: those cost several times
more than serialising the same data, and the importer validates everything again anyway.
tests/services/test_export.py checks that what this builds always passes `parse_payload`.

`record_from_payload` is the importer's last validation: every goal, rating, activity and
questionnaire goes through the domain's own constructors (check-ins already did, inside the wire
model), so a clinician's home holds only what a patient's app could have stored. A domain refusal is an
ImportRefused(INVALID_CONTENT) whose `where` names the field, never the offending content.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import date, datetime, time
from typing import Any

from diary.domain.entries import CheckIn
from diary.domain.errors import ValidationFailed
from diary.domain.goals import Goal, Rating, rating_fields, validate_goal_set
from diary.domain.instruments import Score, get_instrument, score
from diary.domain.numbers import round_half_up_int
from diary.domain.patient_record import PatientRecord
from diary.domain.plans import Activity
from diary.domain.questionnaires import Response, Status, app_version
from diary.exchange.clinical import ActivityWire, GoalWire, QuestionnaireWire, RatingWire
from diary.exchange.errors import ImportRefused, Refusal
from diary.exchange.payload import MAX_CHECKINS, MAX_GOALS, MAX_QUESTIONNAIRES, ExportPayloadV1
from diary.exchange.clinical import MAX_ACTIVITIES, MAX_RATINGS
from diary.i18n import N_, _
from diary.storage.row_builders import stored_fields, trusted

# The recipient named in a passphrase-mode export: "whoever holds the passphrase". A passphrase file
# has no recipient key, yet import check 11 needs a fingerprint in `recipients`; this fixed value is
# what an importer looks for in a passphrase file (and never accepts in a sealed one).
PASSPHRASE_RECIPIENT = hashlib.sha256(b"diary/recipient/passphrase/v1").hexdigest()
# Flags the clinician's app recomputes from the raw answers, whatever the file says: a risk signal
# must never depend on the sending app having raised it.
SAFETY_FLAGS = frozenset({"item9_positive"})


_new_rating = trusted(Rating)  # from fields already checked: see _rating_from_wire
# Score and Response only store their fields (plain dataclasses: nothing to validate in their __init__).
_new_score, _new_response = stored_fields(Score), stored_fields(Response)


class TooMuchForOneFile(ValidationFailed):
    """The chosen period holds more than one export file may carry."""


# Domain → payload values
#
# Every dict below is built with its keys already in sorted order, so `payload_bytes` can write the
# canonical form without asking json to sort (that sort alone doubles the cost of writing five years).
# tests/services/test_export.py checks the bytes equal canonical_json of the same values.

_CHECKIN_KEYS = tuple(sorted(CheckIn.model_fields))
_DATES = frozenset({"day", "recorded_at"})


def _checkin(c: CheckIn) -> dict[str, Any]:
    # Straight from the model's field values (the hot loop of a long export): unanswered items left out.
    fields, values = c.__dict__, {}
    for name in _CHECKIN_KEYS:
        value = fields[name]
        if value is None:
            continue
        if name in _DATES:
            value = value.isoformat()
        elif name == "regions":
            value = dict(sorted(value.items()))
        values[name] = value
    return values


def _questionnaire(r: Response) -> dict[str, Any]:
    s = r.result
    values: dict[str, Any] = {"answered_at": (r.completed_at or r.started_at).isoformat(), "answers": list(r.answers)}
    if s is not None and s.band is not None:
        values["band"] = s.band
    if s is not None:
        values["flags"] = sorted(s.flags)
    values["instrument_id"] = r.instrument_id
    if s is not None:
        values["subscales"] = dict(sorted(s.subscales.items()))
        if s.total is not None:
            values["total"] = s.total
    values["version"] = (s.version if s else None) or r.version
    return values


def _rating(r: Rating) -> dict[str, Any]:
    values: dict[str, Any] = {"category": r.category.value}
    if r.comment is not None:
        values["comment"] = r.comment
    values["id"] = r.id
    if r.level is not None:
        values["level"] = r.level
    values.update(rated_on=r.rated_on.isoformat(), rater=r.rater.value, recorded_at=r.recorded_at.isoformat())
    return values


def _goal(g: Goal, ratings: list[Rating]) -> dict[str, Any]:
    if len(ratings) > MAX_RATINGS:
        raise TooMuchForOneFile(_('The goal "{title}" has more than {most} ratings in this period, too many for one '
                                  'export file; export a shorter period.').format(title=g.title, most=MAX_RATINGS))
    values: dict[str, Any] = {}
    if g.baseline is not None:
        values["baseline"] = g.baseline
    values["baseline_level"] = g.baseline_level
    values["id"] = g.id
    if g.levels:
        values["levels"] = [{"description": text, "level": level} for level, text in sorted(g.levels.items())]
    if g.main_goal_id is not None:
        values["main_goal_id"] = g.main_goal_id
    if g.measure is not None:
        values["measure"] = g.measure
    values["ratings"] = [_rating(r) for r in ratings]
    values["start_date"] = g.start_date.isoformat()
    if g.target is not None:
        values["target"] = g.target
    if g.target_date is not None:
        values["target_date"] = g.target_date.isoformat()
    values.update(title=g.title, type=g.type.value, weight=g.weight)
    return values


def _activity(a: Activity) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if a.goal_id is not None:
        values["goal_id"] = a.goal_id
    values.update(id=a.id, intensity=a.intensity.value)
    if a.minutes is not None:
        values["minutes"] = a.minutes
    values.update(name=a.name, times_per_week=a.times_per_week)
    return values


def payload_bytes(values: dict[str, Any]) -> bytes:
    """The canonical JSON bytes of values built by `payload_values` (keys already sorted at every level):
    what is signed. Equal to diary.exchange.canonical_json(values), at half the cost."""
    return json.dumps(values, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def payload_values(record: PatientRecord, *, seq: int, created_at: datetime, recipients: list[str],
                   patient_label: str, period_end: date, export_id: str | None = None) -> dict[str, Any]:
    """The JSON values of an ExportPayloadV1 for `record` (`payload_bytes` of them is the signed payload).

    Args:
        record: the patient's own record (Diary.record(since=..., include_notes=...)); its period_start
            becomes the payload's, and notes_included is carried over.
        seq: this export's number, already committed to the export log.
        created_at: now, timezone-aware.
        recipients: fingerprints of every intended recipient (PASSPHRASE_RECIPIENT for a passphrase file).
        patient_label: how the patient is named in the file (informational; the physio keeps their own label).
        period_end: the last day covered (today).
        export_id: a UUID4 string (a new one by default).

    Raises:
        TooMuchForOneFile: more check-ins, questionnaires, goals, ratings or activities than v1 allows.
    """
    completed = [r for r in record.questionnaires if r.status is Status.COMPLETE and r.completed_at is not None]
    for items, limit, what in ((record.checkins, MAX_CHECKINS, N_("check-ins")), (completed, MAX_QUESTIONNAIRES,
                               N_("questionnaires")), (record.goals, MAX_GOALS, N_("goals")),
                               (record.plan, MAX_ACTIVITIES, N_("planned activities"))):
        if len(items) > limit:
            raise TooMuchForOneFile(_("This period holds {n:,} {what}, more than one export file may carry "
                                      "({limit:,}); export a shorter period.").format(n=len(items), what=_(what),
                                                                                      limit=limit))
    by_goal: dict[str, list[Rating]] = {}
    for rating in sorted(record.ratings, key=lambda r: (r.rated_on, r.recorded_at)):
        by_goal.setdefault(rating.goal_id, []).append(rating)
    values: dict[str, Any] = {
        "checkins": [_checkin(c) for c in record.checkins],
        "created_at": created_at.isoformat(),
        "export_id": export_id or str(uuid.uuid4()),
        "goals": [_goal(g, by_goal.get(g.id, [])) for g in record.goals],
        "notes_included": record.notes_included,
        "patient_label": patient_label,
        "period_end": period_end.isoformat(),
    }
    if record.period_start is not None:
        values["period_start"] = record.period_start.isoformat()
    if record.plan:
        values["plan"] = {"activities": [_activity(a) for a in record.plan]}
    values.update(questionnaires=[_questionnaire(r) for r in completed], recipients=list(recipients),
                  schema_version=1, seq=seq)
    return values


# Payload → domain (the importer's re-validation)

def _refuse(where: str, field: str | None, allowed) -> ImportRefused:
    # The field name only when it is one of the schema's own names: never text taken from the file.
    suffix = f".{field}" if field and field in allowed else ""
    return ImportRefused(Refusal.INVALID_CONTENT, where=where + suffix)


def _response(q: QuestionnaireWire, response_id: str, checked: Score | None = None) -> Response:
    instrument = get_instrument(q.instrument_id)  # ValidationFailed for an instrument this app does not know
    if checked is None:
        checked = score(instrument.id, list(q.answers))  # answer count and allowed values, by the domain's scorer
    subscales = dict(q.subscales)
    version = app_version(instrument.id, q.version)  # an older app's export labels the weekly PHQ-15 "4-week"
    result = _new_score({
        "instrument_id": instrument.id, "version": version, "scoring_rule_id": checked.scoring_rule_id,
        "valid": q.total is not None or any(v is not None for v in subscales.values()),
        "total": q.total, "total_rounded": None if q.total is None else round_half_up_int(q.total), "band": q.band,
        "subscales": subscales,
        "subscale_bands": dict(checked.subscale_bands) if checked.subscales == subscales else {},
        "flags": frozenset(q.flags) | (checked.flags & SAFETY_FLAGS), "n_answered": checked.n_answered,
        "n_missing": checked.n_missing, "prorated": checked.prorated, "details": dict(checked.details),
    })
    return _new_response({
        "id": response_id, "instrument_id": instrument.id, "version": version, "started_at": q.answered_at,
        "answers": tuple(q.answers), "options": {}, "status": Status.COMPLETE, "completed_at": q.answered_at,
        "result": result})


def _response_id(q: QuestionnaireWire, seen: set[str]) -> str:
    # Stable across exports (same instrument, same time → same id), so a partial export replaces cleanly.
    base = hashlib.sha256(f"{q.instrument_id}|{q.answered_at.isoformat()}".encode()).hexdigest()[:32]
    candidate, n = base, 1
    while candidate in seen:
        n += 1
        candidate = f"{base}-{n}"
    seen.add(candidate)
    return candidate


def questionnaires_from_wire(items, *, checked: list[Score] | None = None) -> list[Response]:
    """Completed responses from wire questionnaires, answers re-checked by the domain's scorer, oldest first.

    Response ids are derived from the instrument and the time answered, so the same response keeps its
    id from one export to the next. `checked`: the domain's scores of these very answers when the caller
    has just computed them (the demo caseload); by default every response is scored again here.

    Raises:
        ImportRefused: INVALID_CONTENT for an unknown instrument or an answer it does not allow.
    """
    seen: set[str] = set()
    responses = []
    for i, q in enumerate(items):
        try:
            responses.append(_response(q, _response_id(q, seen), checked[i] if checked else None))
        except ValidationFailed as exc:
            raise _refuse(f"questionnaires[{i}]", exc.field, QuestionnaireWire.model_fields) from None
    return sorted(responses, key=lambda r: r.completed_at)


def _goal_from_wire(g: GoalWire, fallback_start: date) -> Goal:
    start = g.start_date or min((r.rated_on for r in g.ratings), default=fallback_start)
    return Goal.create(
        id=g.id, type=g.type, title=g.title, measure=g.measure, baseline=g.baseline, target=g.target,
        start_date=start, target_date=g.target_date, main_goal_id=g.main_goal_id,
        levels={lv.level: lv.description for lv in g.levels} or None,
        baseline_level=-1 if g.baseline_level is None else g.baseline_level, weight=g.weight,
    )


def _rating_from_wire(goal: Goal, r: RatingWire, index: int, tz) -> Rating:
    """Every rule of Rating.create (diary.domain.goals.rating_fields); the fields' types are not checked
    a second time by pydantic: RatingWire has already made rated_on a date, recorded_at an aware datetime,
    the id an identifier and the level an int (tests/services/test_wire_ratings.py compares the two)."""
    recorded_at = r.recorded_at or datetime.combine(r.rated_on, time(12), tzinfo=tz)
    return _new_rating(rating_fields(goal, rated_on=r.rated_on, rater=r.rater, recorded_at=recorded_at, level=r.level,
                                     category=r.category, comment=r.comment, id=r.id or f"{goal.id[:48]}-r{index}"))


def _activity_from_wire(a: ActivityWire) -> Activity:
    fields = {name: getattr(a, name) for name in ("id", "name", "intensity", "minutes", "times_per_week", "goal_id")
              if getattr(a, name) is not None}
    return Activity.create(**fields)


def record_from_payload(payload: ExportPayloadV1, *, key: str, label: str | None) -> PatientRecord:
    """The patient's record in an accepted export, every item re-validated by the domain.

    Args:
        payload: an export that passed open_export (checks 1–11).
        key: the record key (the patient's stable signing-key fingerprint).
        label: the physiotherapist's label for the patient (the file's own label is not used).

    Raises:
        ImportRefused: INVALID_CONTENT, with `where` naming the first item the domain refused.
    """
    tz = payload.created_at.tzinfo
    questionnaires = questionnaires_from_wire(payload.questionnaires)
    goals, ratings, rating_ids = [], [], set()
    for i, g in enumerate(payload.goals):
        try:
            goal = _goal_from_wire(g, payload.created_at.date())
        except ValidationFailed as exc:
            raise _refuse(f"goals[{i}]", exc.field, GoalWire.model_fields) from None
        goals.append(goal)
        for j, r in enumerate(g.ratings):
            try:
                rating = _rating_from_wire(goal, r, j, tz)
            except ValidationFailed as exc:
                raise _refuse(f"goals[{i}].ratings[{j}]", exc.field, RatingWire.model_fields) from None
            if rating.id in rating_ids:
                raise _refuse(f"goals[{i}].ratings[{j}]", "id", RatingWire.model_fields)
            rating_ids.add(rating.id)
            ratings.append(rating)
    try:
        validate_goal_set(goals)
    except ValidationFailed:
        raise _refuse("goals", None, ()) from None
    plan = []
    goal_ids = {g.id for g in goals}
    activities = payload.plan.activities if payload.plan else []
    for i, a in enumerate(activities):
        try:
            activity = _activity_from_wire(a)
        except ValidationFailed as exc:
            raise _refuse(f"plan.activities[{i}]", exc.field, ActivityWire.model_fields) from None
        if activity.goal_id is not None and activity.goal_id not in goal_ids:
            raise _refuse(f"plan.activities[{i}]", "goal_id", ActivityWire.model_fields)
        plan.append(activity)
    if len({a.id for a in plan}) != len(plan):
        raise _refuse("plan.activities", None, ())
    return PatientRecord(
        key=key, label=label, checkins=tuple(c.to_checkin() for c in payload.checkins),
        questionnaires=tuple(questionnaires), goals=tuple(goals),
        ratings=tuple(sorted(ratings, key=lambda r: (r.rated_on, r.recorded_at))), plan=tuple(plan),
        notes_included=payload.notes_included, exported_at=payload.created_at,
        period_start=payload.period_start, period_end=payload.period_end,
    )
