"""One patient as a FHIR R4 Bundle (type "collection"), pseudonymous and date-shifted like the CSV files.

Mapping (shared/reference/goals-fhir.md; HL7 Person-Centered Outcomes IG STU1; issue 15 §6):
- Patient: only the study id (no name, birth date, address or label). A Practitioner stands for the
  physiotherapist when any rating is theirs: pseudonymous (an identifier derived from the study id), so
  `performer` can say who rated without saying who they are.
- Goal: profile pco-gas-goal-profile when the five GAS levels were described, each level as the
  pco-goal-attainment-scaling extension (level from LOINC LL6900-6, progressText the agreed words);
  target.measure LOINC 107332-9; achievementStatus from the ratings; lifecycleStatus follows the goal
  (diary.domain.goals.lifecycle_status: the current main goal and its steps are active, a superseded one
  completed when last rated fully attained, else cancelled); a main goal points at each of its
  intermediate goals with the core goal-relationship extension, type "milestone".
- GAS ratings: Observation, profile pco-gas-score-observation, focus → the Goal, code 107334-5 (patient)
  or 107333-7 (practitioner) follow-up, 107332-9 for the baseline level, value from LL6900-6, performer
  the Patient or the Practitioner. Ratings of goals without levels use a local code system (there is no
  LOINC code for the 3-level category), "worse than at the start" included.
- T-scores: per rater and day, the T-score of the then current main goal's intermediate goals (the main
  goal is never in it, raters never mixed), an Observation with a local code (no LOINC code is known).
- Pain, body maps and questionnaires: fhir_observations.py.
Resource ids are UUIDs derived from the study id and a running name, so the same input gives the same
bundle and no internal id leaves the clinic. The namespace is public and the study id is in the bundle,
so anyone can recompute an id from a guessed name: names (like every string here) are made from shifted
values only, never from a real date, or trying the 52 possible week offsets would reveal the shift.
"""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from typing import Any

from diary.domain.goal_progress import achievement_status, latest, ratings_of
from diary.domain.goals import Goal, GoalType, Rater, Rating, current_main_goal, lifecycle_status, steps_of
from diary.domain.patient_record import PatientRecord
from diary.research.fhir_codes import (
    GAS_ANSWERS, GAS_CODES, GAS_EXTENSION, GAS_GOAL_PROFILE, GAS_SCORE_PROFILE, GOAL_RELATIONSHIP, LOCAL, LOINC,
    STUDY_ID_SYSTEM, UCUM, coding, concept, survey,
)
from diary.research.fhir_observations import add_pain, add_questionnaires
from diary.research.tables import Deidentified, goal_numbers, ordered_goals, t_scores_by_day

__all__ = ["GAS_EXTENSION", "GAS_GOAL_PROFILE", "GAS_SCORE_PROFILE", "GOAL_RELATIONSHIP", "patient_bundle"]
_NAMESPACE = uuid.UUID("6f1f4f0e-3c1b-5d1e-9a55-8e2f6c0d7a11")


class _Builder:
    def __init__(self, record: PatientRecord, who: Deidentified):
        self.record, self.who = record, who
        self.entries: list[dict] = []
        self.patient_ref = self._url("Patient", "patient")
        self.physio_ref = self._url("Practitioner", "physiotherapist")

    @staticmethod
    def slug(text: str) -> str:
        return re.sub(r"[^A-Za-z0-9.]+", "-", text).strip("-").lower()

    def _url(self, kind: str, name: str) -> str:
        return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{self.who.study_id}/{kind}/{name}')}"

    def add(self, resource: dict, name: str) -> str:
        url = self._url(resource["resourceType"], name)
        resource["id"] = url.removeprefix("urn:uuid:")
        self.entries.append({"fullUrl": url, "resource": resource})
        return url

    def when(self, day: date) -> str:
        return self.who.day(day).isoformat()

    def instant(self, moment: datetime) -> str:
        """The moment with its date shifted and its time of day kept (with its UTC offset)."""
        return (moment + self.who.shift).isoformat(timespec="seconds")

    # Patient and goals
    def patient(self) -> None:
        self.add({"resourceType": "Patient", "identifier": [{"system": STUDY_ID_SYSTEM, "value": self.who.study_id}],
                  "active": True}, "patient")
        if any(r.rater is Rater.PHYSIOTHERAPIST for r in self.record.ratings):
            self.add({"resourceType": "Practitioner", "identifier": [
                {"system": f"{STUDY_ID_SYSTEM}:physiotherapist", "value": f"{self.who.study_id}-physiotherapist"}],
                "active": True}, "physiotherapist")

    def goals(self, today: date) -> dict[str, str]:
        numbers, refs = goal_numbers(self.record), {}
        goals, ratings = ordered_goals(self.record.goals), list(self.record.ratings)
        for goal in goals:
            refs[goal.id] = self._url("Goal", numbers[goal.id])
        for goal in goals:
            self.add(self._goal(goal, numbers[goal.id], refs, ratings, today), numbers[goal.id])
        return refs

    def _goal(self, goal: Goal, number: str, refs: dict[str, str], ratings: list[Rating], today: date) -> dict:
        extensions = []
        if goal.levels:
            for level, text in goal.levels.items():
                code, display = GAS_ANSWERS[level]
                extensions.append({"url": GAS_EXTENSION, "extension": [
                    {"url": "level", "valueCoding": coding(LOINC, code, display)},
                    {"url": "progressText", "valueString": text}]})
        if goal.type is GoalType.MAIN:
            for step in (g for g in self.record.goals if g.main_goal_id == goal.id):
                extensions.append({"url": GOAL_RELATIONSHIP, "extension": [
                    {"url": "type", "valueCodeableConcept": concept(
                        "http://hl7.org/fhir/goal-relationship-type", "milestone", "Milestone")},
                    {"url": "target", "valueReference": {"reference": refs[step.id]}}]})
        target: dict[str, Any] = {"measure": concept(LOINC, *GAS_CODES["baseline"])}
        if goal.target_date:
            target["dueDate"] = self.when(goal.target_date)
        resource = {
            "resourceType": "Goal",
            **({"meta": {"profile": [GAS_GOAL_PROFILE]}} if goal.levels else {}),
            **({"extension": extensions} if extensions else {}),
            "identifier": [{"system": f"{STUDY_ID_SYSTEM}:goal", "value": f"{self.who.study_id}-{number}"}],
            "lifecycleStatus": lifecycle_status(goal, list(self.record.goals),
                                                (last.category if (last := latest(goal, ratings)) else None)),
            "achievementStatus": concept("http://terminology.hl7.org/CodeSystem/goal-achievement",
                                         achievement_status(goal, ratings, today=today)),
            "category": [concept(LOCAL, f"goal-{goal.type.value}", f"{goal.type.value.capitalize()} goal")],
            "description": {"text": goal.title},
            "subject": {"reference": self.patient_ref},
            "startDate": self.when(goal.start_date),
            "target": [target],
        }
        return resource

    # Ratings and the T-score
    def ratings(self, refs: dict[str, str]) -> None:
        numbers, ratings = goal_numbers(self.record), list(self.record.ratings)
        for goal in ordered_goals(self.record.goals):
            if goal.levels:
                self._gas_observation(refs[goal.id], GAS_CODES["baseline"], goal.baseline_level,
                                      goal.start_date, f"{numbers[goal.id]}/baseline")
            for n, rating in enumerate(ratings_of(goal, ratings), start=1):
                name = f"{numbers[goal.id]}/rating/{n}"
                if rating.level is not None and goal.has_levels:
                    self._gas_observation(refs[goal.id], GAS_CODES[rating.rater], rating.level,
                                          rating.rated_on, name, rating)
                else:
                    value = "not-worse" if rating.rated_worse else rating.category.value
                    words = "Not attained, worse than at the start" if rating.rated_worse \
                        else f"{rating.category.value.capitalize()} attained"
                    self.add({"resourceType": "Observation", "status": "final", "category": survey(),
                              "code": concept(LOCAL, "goal-attainment-category", "Goal attainment (3 levels)"),
                              "subject": {"reference": self.patient_ref}, "focus": [{"reference": refs[goal.id]}],
                              "effectiveDateTime": self.when(rating.rated_on),
                              "performer": [self._performer(rating.rater)],
                              "valueCodeableConcept": concept(LOCAL, f"attained-{value}", words)}, name)
        self._t_scores(refs, ratings)

    def _performer(self, rater: Rater) -> dict:
        return {"reference": self.physio_ref if rater is Rater.PHYSIOTHERAPIST else self.patient_ref}

    def _gas_observation(self, ref: str, code: tuple[str, str], level: int, day: date, name: str,
                         rating: Rating | None = None) -> None:
        answer, display = GAS_ANSWERS[level]
        resource = {"resourceType": "Observation", "meta": {"profile": [GAS_SCORE_PROFILE]}, "status": "final",
                    "category": survey(), "code": concept(LOINC, *code), "subject": {"reference": self.patient_ref},
                    "focus": [{"reference": ref}], "effectiveDateTime": self.when(day),
                    "valueCodeableConcept": concept(LOINC, answer, display, text=f"{level:+d}" if level else "0")}
        if rating is not None:
            resource["performer"] = [self._performer(rating.rater)]
        self.add(resource, name)

    def _t_scores(self, refs: dict[str, str], ratings: list[Rating]) -> None:
        goals = list(self.record.goals)
        known = {g.id for g in goals}
        for rater in Rater:
            mine = [r for r in ratings if r.goal_id in known and r.rater is rater]
            for day, score in sorted(t_scores_by_day(goals, mine, rater).items()):
                if score is None:
                    continue
                steps = steps_of(current_main_goal(goals, on=day), goals)
                rated = [refs[g.id] for g in steps if any(r.goal_id == g.id and r.rated_on <= day for r in mine)]
                self.add({"resourceType": "Observation", "status": "final", "category": survey(),
                          "code": concept(LOCAL, "gas-t-score-intermediate", "Goal Attainment Scaling T-score of "
                                          "the intermediate goals (Kiresuk-Sherman, rho 0.3; main goal excluded)"),
                          "subject": {"reference": self.patient_ref}, "focus": [{"reference": r} for r in rated],
                          "effectiveDateTime": self.when(day), "performer": [self._performer(rater)],
                          "valueQuantity": {"value": score, "unit": "T", "system": UCUM, "code": "{score}"}},
                         f"t-score/{rater.value}/{self.when(day)}")


def patient_bundle(record: PatientRecord, who: Deidentified, *, today: date) -> dict:
    """The Bundle (a plain dict, ready for json.dumps) of one patient's record."""
    builder = _Builder(record, who)
    builder.patient()
    refs = builder.goals(today)
    builder.ratings(refs)
    add_pain(builder, record.checkins)
    add_questionnaires(builder, record)
    return {"resourceType": "Bundle", "id": str(uuid.uuid5(_NAMESPACE, f"{who.study_id}/bundle")),
            "type": "collection", "entry": builder.entries}
