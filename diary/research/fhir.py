"""One patient as a FHIR R4 Bundle (type "collection"), pseudonymous and date-shifted like the CSV files.

Mapping (shared/reference/goals-fhir.md; HL7 Person-Centered Outcomes IG STU1):
- Patient: only the study id (no name, birth date, address or label).
- Goal: profile pco-gas-goal-profile when the five GAS levels were described, each level as the
  pco-goal-attainment-scaling extension (level from LOINC LL6900-6, progressText the agreed words);
  target.measure LOINC 107332-9; achievementStatus from the ratings; a main goal points at each of its
  intermediate goals with the core goal-relationship extension, type "milestone".
- GAS ratings: Observation, profile pco-gas-score-observation, focus → the Goal, code 107334-5 (patient)
  or 107333-7 (practitioner) follow-up, 107332-9 for the baseline level, value from LL6900-6. Ratings
  with only a category (goals without levels) use a local code system: there is no LOINC code for it.
- The T-score per review day: an Observation with a local code (no LOINC code is known).
- Pain: LOINC 72514-3 with valueInteger per check-in; each painful region of the body map as its own
  72514-3 Observation with bodySite (a local code per WPI region), the region's own 0–10 value when
  one was given, else dataAbsentReason "not-asked"; the check-in's Observation lists them in hasMember.
- Questionnaires: a QuestionnaireResponse per completed administration (a versioned local canonical),
  its score as an Observation with derivedFrom → the response (LOINC total codes where known).
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

from diary.domain.goal_progress import achievement_status, ratings_of, t_score
from diary.domain.goals import Goal, GoalType, Rater, Rating
from diary.domain.instruments import INSTRUMENTS
from diary.domain.patient_record import PatientRecord
from diary.domain.regions import region_order
from diary.research.tables import Deidentified, completed_responses, goal_numbers, ordered_goals

LOINC = "http://loinc.org"
PCO = "http://hl7.org/fhir/us/pco/StructureDefinition"
GAS_GOAL_PROFILE = f"{PCO}/pco-gas-goal-profile"
GAS_SCORE_PROFILE = f"{PCO}/pco-gas-score-observation"
GAS_EXTENSION = f"{PCO}/pco-goal-attainment-scaling"
GOAL_RELATIONSHIP = "http://hl7.org/fhir/StructureDefinition/goal-relationship"
LOCAL = "urn:diary:codes"
REGION_SYSTEM = "urn:diary:body-region:wpi19"
STUDY_ID_SYSTEM = "urn:diary:study-id"
OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
GAS_ANSWERS = {
    2: ("LA34479-8", "Much better than expected"), 1: ("LA34480-6", "Better than expected"),
    0: ("LA34481-4", "Expected outcome"), -1: ("LA34483-0", "Less than expected"),
    -2: ("LA34484-8", "Much less than expected"),
}
GAS_CODES = {
    "baseline": ("107332-9", "Goal attainment scale - Reported"),
    Rater.PATIENT: ("107334-5", "Patient follow-up goal attainment scaling score"),
    Rater.PHYSIOTHERAPIST: ("107333-7", "Practitioner follow-up goal attainment scaling score"),
}
PAIN_CODE = ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
TOTAL_LOINC = {"phq15": ("70273-8", "PHQ-15 total score"), "phq9": ("44261-6", "PHQ-9 total score"),
               "gad7": ("70274-6", "GAD-7 total score")}
_NAMESPACE = uuid.UUID("6f1f4f0e-3c1b-5d1e-9a55-8e2f6c0d7a11")


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9.]+", "-", text).strip("-").lower()


def _coding(system: str, code: str, display: str | None = None) -> dict:
    return {"system": system, "code": code, **({"display": display} if display else {})}


def _concept(system: str, code: str, display: str | None = None, text: str | None = None) -> dict:
    return {"coding": [_coding(system, code, display)], **({"text": text} if text else {})}


def _survey() -> list[dict]:
    return [_concept(OBS_CATEGORY, "survey", "Survey")]


class _Builder:
    def __init__(self, record: PatientRecord, who: Deidentified):
        self.record, self.who = record, who
        self.entries: list[dict] = []
        self.patient_ref = self._url("Patient", "patient")

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
                    {"url": "level", "valueCoding": _coding(LOINC, code, display)},
                    {"url": "progressText", "valueString": text}]})
        if goal.type is GoalType.MAIN:
            for step in (g for g in self.record.goals if g.main_goal_id == goal.id):
                extensions.append({"url": GOAL_RELATIONSHIP, "extension": [
                    {"url": "type", "valueCodeableConcept": _concept(
                        "http://hl7.org/fhir/goal-relationship-type", "milestone", "Milestone")},
                    {"url": "target", "valueReference": {"reference": refs[step.id]}}]})
        target: dict[str, Any] = {"measure": _concept(LOINC, *GAS_CODES["baseline"])}
        if goal.target_date:
            target["dueDate"] = self.when(goal.target_date)
        resource = {
            "resourceType": "Goal",
            **({"meta": {"profile": [GAS_GOAL_PROFILE]}} if goal.levels else {}),
            **({"extension": extensions} if extensions else {}),
            "identifier": [{"system": f"{STUDY_ID_SYSTEM}:goal", "value": f"{self.who.study_id}-{number}"}],
            "lifecycleStatus": "active",
            "achievementStatus": _concept("http://terminology.hl7.org/CodeSystem/goal-achievement",
                                          achievement_status(goal, ratings, today=today)),
            "category": [_concept(LOCAL, f"goal-{goal.type.value}", f"{goal.type.value.capitalize()} goal")],
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
                self._gas_observation(goal, refs[goal.id], GAS_CODES["baseline"], goal.baseline_level,
                                      goal.start_date, f"{numbers[goal.id]}/baseline")
            for n, rating in enumerate(ratings_of(goal, ratings), start=1):
                name = f"{numbers[goal.id]}/rating/{n}"
                if rating.level is not None:
                    self._gas_observation(goal, refs[goal.id], GAS_CODES[rating.rater], rating.level,
                                          rating.rated_on, name, rating)
                else:
                    self.add({"resourceType": "Observation", "status": "final", "category": _survey(),
                              "code": _concept(LOCAL, "goal-attainment-category", "Goal attainment (3 levels)"),
                              "subject": {"reference": self.patient_ref}, "focus": [{"reference": refs[goal.id]}],
                              "effectiveDateTime": self.when(rating.rated_on),
                              "performer": [self._performer(rating)],
                              "valueCodeableConcept": _concept(LOCAL, f"attained-{rating.category.value}",
                                                               f"{rating.category.value.capitalize()} attained")},
                             name)
        self._t_scores(refs, ratings)

    def _performer(self, rating: Rating) -> dict:
        return {"display": "patient" if rating.rater is Rater.PATIENT else "physiotherapist"}

    def _gas_observation(self, goal: Goal, ref: str, code: tuple[str, str], level: int, day: date, name: str,
                         rating: Rating | None = None) -> None:
        answer, display = GAS_ANSWERS[level]
        resource = {"resourceType": "Observation", "meta": {"profile": [GAS_SCORE_PROFILE]}, "status": "final",
                    "category": _survey(), "code": _concept(LOINC, *code), "subject": {"reference": self.patient_ref},
                    "focus": [{"reference": ref}], "effectiveDateTime": self.when(day),
                    "valueCodeableConcept": _concept(LOINC, answer, display, text=f"{level:+d}" if level else "0")}
        if rating is not None:
            resource["performer"] = [self._performer(rating)]
        self.add(resource, name)

    def _t_scores(self, refs: dict[str, str], ratings: list[Rating]) -> None:
        goals = list(self.record.goals)
        for day in sorted({r.rated_on for r in ratings}):
            score = t_score(goals, ratings, at=day)
            if score is None:
                continue
            rated = [refs[g.id] for g in ordered_goals(self.record.goals)
                     if any(r.goal_id == g.id and r.rated_on <= day for r in ratings)]
            self.add({"resourceType": "Observation", "status": "final", "category": _survey(),
                      "code": _concept(LOCAL, "gas-t-score", "Goal Attainment Scaling T-score (Kiresuk-Sherman, rho 0.3)"),
                      "subject": {"reference": self.patient_ref}, "focus": [{"reference": r} for r in rated],
                      "effectiveDateTime": self.when(day),
                      "valueQuantity": {"value": score, "unit": "T", "system": "http://unitsofmeasure.org",
                                        "code": "{score}"}}, f"t-score/{self.when(day)}")

    # Pain
    def pain(self) -> None:
        ordered = sorted(self.record.checkins, key=lambda c: (c.day, c.recorded_at))
        for n, c in enumerate(ordered, start=1):
            regions = sorted((c.regions or {}).items(), key=lambda item: region_order(item[0]))
            if c.pain is None and not regions:
                continue
            members = []
            for region, intensity in regions:
                resource = self._pain_resource(c.recorded_at)
                resource["bodySite"] = _concept(REGION_SYSTEM, region, region.replace("_", " "))
                if intensity is None:
                    resource["dataAbsentReason"] = _concept(
                        "http://terminology.hl7.org/CodeSystem/data-absent-reason", "not-asked", "Not Asked")
                else:
                    resource["valueInteger"] = intensity
                members.append({"reference": self.add(resource, f"pain/{n}/{region}")})
            resource = self._pain_resource(c.recorded_at)
            if c.pain is not None:
                resource["valueInteger"] = c.pain
            else:
                resource["dataAbsentReason"] = _concept(
                    "http://terminology.hl7.org/CodeSystem/data-absent-reason", "not-asked", "Not Asked")
            if members:
                resource["hasMember"] = members
            self.add(resource, f"pain/{n}")

    def _pain_resource(self, moment: datetime) -> dict:
        return {"resourceType": "Observation", "status": "final", "category": _survey(),
                "code": _concept(LOINC, *PAIN_CODE), "subject": {"reference": self.patient_ref},
                "effectiveDateTime": self.instant(moment)}

    # Questionnaires
    def questionnaires(self) -> None:
        for n, r in enumerate(completed_responses(self.record), start=1):
            s = r.result
            version = s.version or r.version
            items = [{"linkId": str(i), "answer": [self._answer(a)]}
                     for i, a in enumerate(r.answers, start=1) if a is not None and not isinstance(a, (list, dict))]
            response_ref = self.add({
                "resourceType": "QuestionnaireResponse",
                "questionnaire": f"urn:diary:questionnaire:{r.instrument_id}|{_slug(version)}",
                "status": "completed", "subject": {"reference": self.patient_ref},
                "authored": self.instant(r.completed_at), **({"item": items} if items else {}),
            }, f"questionnaire/{n}")
            if not s.valid or s.total is None:
                continue
            name = INSTRUMENTS[r.instrument_id].name if r.instrument_id in INSTRUMENTS else r.instrument_id
            codings = [_coding(LOCAL, f"{r.instrument_id}-total", f"{name} total")]
            if r.instrument_id in TOTAL_LOINC:
                codings.insert(0, _coding(LOINC, *TOTAL_LOINC[r.instrument_id]))
            observation = {
                "resourceType": "Observation", "status": "final", "category": _survey(),
                "code": {"coding": codings, "text": f"{name} total ({version})"},
                "subject": {"reference": self.patient_ref}, "effectiveDateTime": self.instant(r.completed_at),
                "valueQuantity": {"value": s.total, "unit": "{score}", "system": "http://unitsofmeasure.org",
                                  "code": "{score}"},
                "derivedFrom": [{"reference": response_ref}],
            }
            if s.band:
                observation["interpretation"] = [{"text": s.band.replace("_", " ")}]
            components = [{"code": _concept(LOCAL, f"{r.instrument_id}-{k}", k.replace("_", " ")),
                           "valueQuantity": {"value": v, "unit": "{score}", "system": "http://unitsofmeasure.org",
                                             "code": "{score}"}}
                          for k, v in s.subscales.items() if v is not None]
            if components:
                observation["component"] = components
            self.add(observation, f"questionnaire/{n}/score")

    @staticmethod
    def _answer(value: Any) -> dict:
        if isinstance(value, bool):
            return {"valueBoolean": value}
        if isinstance(value, int):
            return {"valueInteger": value}
        if isinstance(value, float):
            return {"valueDecimal": value}
        return {"valueString": str(value)}


def patient_bundle(record: PatientRecord, who: Deidentified, *, today: date) -> dict:
    """The Bundle (a plain dict, ready for json.dumps) of one patient's record."""
    builder = _Builder(record, who)
    builder.patient()
    refs = builder.goals(today)
    builder.ratings(refs)
    builder.pain()
    builder.questionnaires()
    return {"resourceType": "Bundle", "id": str(uuid.uuid5(_NAMESPACE, f"{who.study_id}/bundle")),
            "type": "collection", "entry": builder.entries}
