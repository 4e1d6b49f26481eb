"""Issue 15 §6, one FHIR fix per test, on a small hand-made record (validated with fhir.resources)."""

from datetime import date, datetime, time, timedelta

import pytest

from diary.domain.entries import CheckIn
from diary.domain.goals import Goal, Rating
from diary.domain.patient_record import PatientRecord
from diary.research.fhir import patient_bundle
from diary.research.tables import Deidentified
from diary.services.demo import completed_response
from tests.conftest import TZ

fhir_models = pytest.importorskip("fhir.resources.R4B")
from fhir.resources.R4B import get_fhir_model_class  # noqa: E402
from fhir.resources.R4B.bundle import Bundle  # noqa: E402

DAY = date(2026, 3, 2)
SHIFT = timedelta(weeks=3)


def at(hour, day=DAY, **fields):
    return CheckIn.create(day=day, recorded_at=datetime.combine(day, time(hour), tzinfo=TZ), **fields)


def record() -> PatientRecord:
    old = Goal.create(type="main", title="Walk to work", start_date=DAY - timedelta(days=90))
    old_step = Goal.create(type="intermediate", title="Walk 10 min", main_goal_id=old.id, start_date=old.start_date)
    new = Goal.create(type="main", title="Cycle to work", start_date=DAY - timedelta(days=30))
    new_step = Goal.create(type="intermediate", title="Cycle 10 min", main_goal_id=new.id, start_date=new.start_date)
    moment = datetime.combine(DAY, time(12), tzinfo=TZ)
    ratings = (
        Rating.create(old, rated_on=DAY - timedelta(days=40), rater="patient", category="fully", recorded_at=moment),
        Rating.create(old_step, rated_on=DAY - timedelta(days=40), rater="patient", category="partially",
                      recorded_at=moment),
        Rating.create(new, rated_on=DAY, rater="physiotherapist", category="partially", recorded_at=moment),
        Rating.create(new_step, rated_on=DAY, rater="patient", worse=True, recorded_at=moment),
    )
    checkins = (at(9, pain=4, regions={"neck": 6, "lower_back": None}), at(15, pain=9, extra=True),
                at(9, day=DAY + timedelta(days=1), no_pain=True, note="quiet day"),
                at(9, day=DAY + timedelta(days=2), fatigue=3))
    evening = datetime.combine(DAY, time(20), tzinfo=TZ)
    questionnaires = (completed_response("phq15", [1] * 15, evening),
                      completed_response("phq9", [None] * 5 + [0, 0, 0, 1], evening),  # invalid total, item 9 > 0
                      completed_response("phq9", [1, 1, 1, 1, 1, 1, 1, 1, None], evening + timedelta(days=1)),
                      completed_response("gad7", [1] * 7, evening),
                      completed_response("rand36", [1] * 36, evening), completed_response("hads", [1] * 14, evening))
    return PatientRecord(key="k", label="L", checkins=checkins, goals=(old, old_step, new, new_step),
                         ratings=ratings, questionnaires=questionnaires)


@pytest.fixture(scope="module")
def bundle():
    made = patient_bundle(record(), Deidentified("S000000000001", SHIFT, False), today=DAY + timedelta(days=3))
    Bundle.model_validate(made)
    for entry in made["entry"]:
        get_fhir_model_class(entry["resource"]["resourceType"]).model_validate(entry["resource"])
    return made


def of(bundle, kind):
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def coded(bundle, code):
    return [o for o in of(bundle, "Observation") if any(c["code"] == code for c in o["code"]["coding"])]


def url(resource):
    return "urn:uuid:" + resource["id"]


def test_pain_is_dated_by_its_day_and_says_its_recall_period(bundle):
    day_pain, now_pain = coded(bundle, "pain-24h"), coded(bundle, "pain-now")
    assert [o.get("valueInteger") for o in day_pain] == [4, None, None]  # days 2 and 3 left pain blank
    assert [o["valueInteger"] for o in now_pain] == [9]
    shifted = (DAY + SHIFT).isoformat()
    assert day_pain[0]["effectiveDateTime"] == shifted == now_pain[0]["effectiveDateTime"]
    assert now_pain[0]["issued"] == f"{shifted}T15:00:00+01:00"  # when it was saved, shifted like every date
    assert all(o["code"]["coding"][0]["code"] == "72514-3" for o in day_pain + now_pain)


def test_a_skipped_pain_answer_is_asked_unknown_and_not_asked_is_gone(bundle):
    skipped = [o for o in coded(bundle, "pain-24h") + coded(bundle, "pain-locations") if "dataAbsentReason" in o]
    assert skipped and {o["dataAbsentReason"]["coding"][0]["code"] for o in skipped} == {"asked-unknown"}
    assert "not-asked" not in str(bundle)


def test_a_region_that_hurt_is_a_presence_observation(bundle):
    regions = coded(bundle, "pain-present")
    assert {o["bodySite"]["coding"][0]["code"]: o["valueBoolean"] for o in regions} == {"neck": True,
                                                                                          "lower_back": True}
    neck = next(o for o in regions if o["bodySite"]["coding"][0]["code"] == "neck")
    assert neck["component"][0]["code"]["coding"][0]["code"] == "72514-3" and neck["component"][0]["valueInteger"] == 6
    assert "component" not in next(o for o in regions if o is not neck)
    counts = [o.get("valueInteger") for o in coded(bundle, "pain-locations")]
    assert counts == [2, None, 0, None]  # the extra check-in and day 3 skipped the map; "no pain today" is 0
    members = [m["reference"] for o in coded(bundle, "pain-locations") for m in o.get("hasMember", [])]
    assert sorted(members) == sorted(url(o) for o in regions)


def test_performer_references_the_patient_or_a_pseudonymous_practitioner(bundle):
    (patient,), (practitioner,) = of(bundle, "Patient"), of(bundle, "Practitioner")
    assert set(practitioner) == {"resourceType", "id", "identifier", "active"}
    assert practitioner["identifier"][0]["value"] == "S000000000001-physiotherapist"
    performers = {o["performer"][0]["reference"] for o in of(bundle, "Observation") if "performer" in o}
    assert performers == {url(patient), url(practitioner)}
    attained = coded(bundle, "goal-attainment-category")
    by_value = {o["valueCodeableConcept"]["coding"][0]["code"]: o["performer"][0]["reference"] for o in attained}
    assert by_value["attained-partially"] in (url(patient), url(practitioner))
    assert by_value["attained-not-worse"] == url(patient)  # "worse than at the start", said by the patient


def test_lifecycle_status_follows_the_goal(bundle):
    status = {g["description"]["text"]: g["lifecycleStatus"] for g in of(bundle, "Goal")}
    assert status == {"Walk to work": "completed", "Walk 10 min": "cancelled", "Cycle to work": "active",
                      "Cycle 10 min": "active"}


def test_t_scores_are_of_the_intermediate_goals_and_one_rater(bundle):
    scores = coded(bundle, "gas-t-score-intermediate")
    # the patient's "worse" on the current step: one goal at −2 → 30; the physiotherapist rated no step
    assert [(o["valueQuantity"]["value"], o["performer"][0]["reference"]) for o in scores][-1] == (
        30.0, url(of(bundle, "Patient")[0]))


def test_questionnaire_codes(bundle):
    totals = {o["code"]["coding"][-1]["code"]: o for o in of(bundle, "Observation")
              if o["code"]["coding"][-1]["code"].endswith("-total")}
    assert [c["code"] for c in totals["phq15-total"]["code"]["coding"]] == ["phq15-total"]  # no 70273-8
    assert totals["phq15-total"]["interpretation"][0]["text"] == "high (bands validated for the 4-week version)"
    assert totals["phq9-total"]["code"]["coding"][0]["code"] == "44261-6"
    assert totals["gad7-total"]["code"]["coding"][0]["code"] == "70274-6"
    assert "rand36-total" not in totals and "hads-total" not in totals


def test_rand36_and_hads_subscales_each_get_an_observation(bundle):
    codes = {o["code"]["coding"][0]["code"] for o in of(bundle, "Observation")}
    assert {"rand36-physical_functioning", "rand36-pain", "rand36-general_health", "hads-anxiety",
            "hads-depression"} <= codes
    responses = {url(r) for r in of(bundle, "QuestionnaireResponse")}
    subscale = coded(bundle, "hads-anxiety")[0]
    assert subscale["derivedFrom"][0]["reference"] in responses and subscale["valueQuantity"]["value"] == 7


def test_prorated_and_the_item_9_flag_travel(bundle):
    phq9 = [o for o in coded(bundle, "phq9-total")]
    assert len(phq9) == 1  # the first PHQ-9 had too many items missing for a total
    assert phq9[0]["component"][0]["code"]["coding"][0]["code"] == "prorated" and phq9[0]["component"][0]["valueBoolean"]
    (flag,) = coded(bundle, "phq9-item9-positive")  # raised on the invalid form too
    assert flag["valueBoolean"] is True and flag["derivedFrom"][0]["reference"] in {
        url(r) for r in of(bundle, "QuestionnaireResponse")}
