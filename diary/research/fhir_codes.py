"""Code systems, codes and small FHIR builders shared by the bundle's parts (fhir.py, fhir_observations.py).

LOINC codes of questionnaire totals were checked against a stored public source before being kept:
the Medizininformatik-Initiative's FHIR PRO module (GitHub medizininformatik-initiative/kerndatensatzmodul-proms),
- input/fsh/definitions/phq-9/mii-obsdef-pro-score-phq-9.fsh (commit 26a9cbe3): `$LNC#44261-6
  "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"`;
- input/fsh/definitions/gad-7/mii-obsdef-pro-score-gad-7.fsh (commit 00b7d90a): `$LNC#70274-6
  "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]"`;
- input/fsh/definitions/phq-15/mii-obsdef-pro-score-phq-15.fsh (commit 6275250b): `$LNC#70273-8
  "Patient Health Questionnaire 15 item (PHQ-15) total score [Reported]"`, the panel 69728-4 whose items
  ask about the last 4 weeks. The diary's weekly PHQ-15 asks about 7 days, so it is not that LOINC
  concept and gets a local code only (issue 15 §6).
"""

from __future__ import annotations

from diary.domain.goals import Rater
from diary.domain.instruments.phq15 import SEVEN_DAY_VERSION

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
PCO = "http://hl7.org/fhir/us/pco/StructureDefinition"
GAS_GOAL_PROFILE = f"{PCO}/pco-gas-goal-profile"
GAS_SCORE_PROFILE = f"{PCO}/pco-gas-score-observation"
GAS_EXTENSION = f"{PCO}/pco-goal-attainment-scaling"
GOAL_RELATIONSHIP = "http://hl7.org/fhir/StructureDefinition/goal-relationship"
LOCAL = "urn:diary:codes"
REGION_SYSTEM = "urn:diary:body-region:wpi19"
STUDY_ID_SYSTEM = "urn:diary:study-id"
OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
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
# The recall period of a pain answer: the first check-in asks about the last 24 hours, extra ones about now.
PAIN_RECALL = {False: ("pain-24h", "Pain, average over the last 24 hours (0-10)"),
               True: ("pain-now", "Pain right now, momentary (0-10)")}
TOTAL_LOINC = {
    "phq15": ("70273-8", "Patient Health Questionnaire 15 item (PHQ-15) total score [Reported]"),
    "phq9": ("44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"),
    "gad7": ("70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]"),
}


def total_loinc(instrument_id: str, version: str) -> tuple[str, str] | None:
    """The LOINC code of an instrument's total, or None when there is none for this version (the
    modified 7-day PHQ-15 is not LOINC's 4-week PHQ-15)."""
    if instrument_id == "phq15" and version == SEVEN_DAY_VERSION:
        return None
    return TOTAL_LOINC.get(instrument_id)


def coding(system: str, code: str, display: str | None = None) -> dict:
    return {"system": system, "code": code, **({"display": display} if display else {})}


def concept(system: str, code: str, display: str | None = None, text: str | None = None) -> dict:
    return {"coding": [coding(system, code, display)], **({"text": text} if text else {})}


def survey() -> list[dict]:
    return [concept(OBS_CATEGORY, "survey", "Survey")]


def asked_unknown() -> dict:
    """dataAbsentReason for an item the form asked and the patient left blank."""
    return concept(DATA_ABSENT, "asked-unknown", "Asked But Unknown")


def score_quantity(value: float) -> dict:
    return {"value": value, "unit": "{score}", "system": UCUM, "code": "{score}"}
