"""FHIR R4 bundles, validated with the fhir.resources package (its R4B models: the package has no
plain R4 subpackage; Patient, Goal, Observation, QuestionnaireResponse and Bundle are the same in R4
and R4B for every element used here)."""

import json

import pytest

from diary.research.fhir import GAS_EXTENSION, GAS_GOAL_PROFILE, GAS_SCORE_PROFILE, GOAL_RELATIONSHIP

fhir_bundle = pytest.importorskip("fhir.resources.R4B.bundle")
from fhir.resources.R4B import get_fhir_model_class  # noqa: E402

LL6900_6 = {"LA34479-8", "LA34480-6", "LA34481-4", "LA34483-0", "LA34484-8"}


@pytest.fixture(scope="module")
def bundles(tmp_path_factory, records):
    from diary.research import ResearchOptions, export_research
    from tests.conftest import NOW
    from tests.research.conftest import SALT

    out = tmp_path_factory.mktemp("fhir") / "out"
    export_research(records, out, options=ResearchOptions(salt=SALT, date_shift=True), today=NOW.date())
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((out / "fhir").glob("*.json"))]


def resources(bundle, kind):
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_every_bundle_and_resource_validates(bundles):
    assert len(bundles) == 2
    for bundle in bundles:
        fhir_bundle.Bundle.model_validate(bundle)
        for entry in bundle["entry"]:
            get_fhir_model_class(entry["resource"]["resourceType"]).model_validate(entry["resource"])


def test_validation_is_not_a_rubber_stamp(bundles):
    pain = next(r for r in resources(bundles[0], "Observation") if "bodySite" in r)
    broken = dict(pain, bodySite=[pain["bodySite"]])  # bodySite is 0..1 in R4
    with pytest.raises(Exception):
        get_fhir_model_class("Observation").model_validate(broken)


def test_references_resolve_inside_the_bundle(bundles):
    for bundle in bundles:
        urls = {e["fullUrl"] for e in bundle["entry"]}
        refs = []

        def walk(node):
            if isinstance(node, dict):
                if "reference" in node:
                    refs.append(node["reference"])
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        walk(bundle["entry"])
        assert refs and set(refs) <= urls


def test_patient_is_pseudonymous(bundles):
    (patient,) = resources(bundles[0], "Patient")
    assert set(patient) == {"resourceType", "id", "identifier", "active"}
    assert patient["identifier"][0]["value"].startswith("S")


def test_goals_follow_the_pco_gas_profile_with_milestone_links(bundles):
    goals = resources(bundles[0], "Goal")
    main = next(g for g in goals if g["category"][0]["coding"][0]["code"] == "goal-main")
    assert main["meta"]["profile"] == [GAS_GOAL_PROFILE]
    levels = [e for e in main["extension"] if e["url"] == GAS_EXTENSION]
    assert len(levels) == 5
    assert {e["extension"][0]["valueCoding"]["code"] for e in levels} == LL6900_6
    assert all(e["extension"][1]["url"] == "progressText" for e in levels)
    links = [e for e in main["extension"] if e["url"] == GOAL_RELATIONSHIP]
    assert len(links) == 2
    steps = {"urn:uuid:" + g["id"] for g in goals if g is not main}
    for link in links:
        parts = {x["url"]: x for x in link["extension"]}
        assert parts["type"]["valueCodeableConcept"]["coding"][0]["code"] == "milestone"
        assert parts["target"]["valueReference"]["reference"] in steps
    assert main["target"][0]["measure"]["coding"][0]["code"] == "107332-9"


def test_gas_ratings_are_observations_about_their_goal(bundles):
    observations = resources(bundles[0], "Observation")
    gas = [o for o in observations if o.get("meta", {}).get("profile") == [GAS_SCORE_PROFILE]]
    assert gas
    goal_urls = {"urn:uuid:" + g["id"] for g in resources(bundles[0], "Goal")}
    for o in gas:
        assert o["code"]["coding"][0]["code"] in {"107332-9", "107333-7", "107334-5"}
        assert o["valueCodeableConcept"]["coding"][0]["code"] in LL6900_6
        assert o["focus"][0]["reference"] in goal_urls
    assert any(o["code"]["coding"][0]["code"] == "gas-t-score-intermediate" for o in observations)


def test_pain_observations_with_body_sites(bundles):
    observations = resources(bundles[0], "Observation")
    pain = [o for o in observations if o["code"]["coding"][0]["code"] == "72514-3"]
    locations = [o for o in observations if o["code"]["coding"][0]["code"] == "pain-locations"]
    regions = [o for o in observations if o["code"]["coding"][0]["code"] == "pain-present"]
    assert pain and locations and regions
    assert all(isinstance(o.get("valueInteger"), int) or "dataAbsentReason" in o for o in pain + locations)
    assert all(o["valueBoolean"] is True and "bodySite" in o for o in regions)
    members = {m["reference"] for o in locations for m in o.get("hasMember", [])}
    assert members == {"urn:uuid:" + o["id"] for o in regions}


def test_questionnaire_scores_derive_from_their_responses(bundles):
    responses = {"urn:uuid:" + r["id"]: r for r in resources(bundles[0], "QuestionnaireResponse")}
    scores = [o for o in resources(bundles[0], "Observation") if "valueQuantity" in o and "derivedFrom" in o]
    assert responses and {s["derivedFrom"][0]["reference"] for s in scores} == set(responses)
    phq15 = next(s for s in scores if s["code"]["coding"][0]["code"] == "phq15-total")
    assert phq15["valueQuantity"]["value"] >= 0
    assert "70273-8" not in json.dumps(bundles)  # the modified 7-day PHQ-15 is not LOINC's 4-week form
    assert all(r["status"] == "completed" and "|" in r["questionnaire"] for r in responses.values())
