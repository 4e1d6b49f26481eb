"""The bundle's pain, body-map and questionnaire resources (fhir.py assembles the bundle).

Pain (issue 15 §6), one Observation per check-in, dated by the day it describes (`effectiveDateTime` =
the day; `issued` = when it was saved), performed by the Patient:
- pain: LOINC 72514-3 with a local code for its recall period, `pain-24h` (the first check-in: "the last
  24 hours") or `pain-now` (an extra check-in: "right now"); a skipped answer has dataAbsentReason
  "asked-unknown";
- pain locations: the count of painful WPI regions (local `pain-locations`; 0 for "no pain today";
  "asked-unknown" when the body map was skipped), with `hasMember` one presence Observation per region
  that hurt (local `pain-present`, bodySite, valueBoolean true, and the region's own 0–10 rating as a
  72514-3 component when one was given).
Questionnaires: a QuestionnaireResponse per completed administration; its total (when the instrument
has one and it is valid) and each subscale as Observations derivedFrom the response, with "prorated" as
a component and the band (with the 7-day PHQ-15 caveat) as interpretation; each flag raised (PHQ-9
item 9, even on an invalid total) as its own Observation.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from diary.domain.entries import CheckIn
from diary.domain.instruments import INSTRUMENTS, band_caveat
from diary.domain.regions import region_order
from diary.research.fhir_codes import (
    LOCAL, LOINC, PAIN_CODE, PAIN_RECALL, REGION_SYSTEM, asked_unknown, coding, concept, score_quantity, survey,
    total_loinc,
)
from diary.research.tables import completed_responses


def _pain_code(c: CheckIn) -> dict:
    local, text = PAIN_RECALL[c.extra]
    return {"coding": [coding(LOINC, *PAIN_CODE), coding(LOCAL, local, text)], "text": text}


def _region(region: str, intensity: int | None, base: dict) -> dict:
    resource = {**base, "code": concept(LOCAL, "pain-present", "Pain present in a body region, last 24 hours"),
                "bodySite": concept(REGION_SYSTEM, region, region.replace("_", " ")), "valueBoolean": True}
    if intensity is not None:
        resource["component"] = [{"code": concept(LOINC, *PAIN_CODE), "valueInteger": intensity}]
    return resource


def add_pain(builder, checkins: tuple[CheckIn, ...]) -> None:
    """Every check-in's pain answer and body map (see the module's docstring)."""
    ordered = sorted(checkins, key=lambda c: (c.day, c.recorded_at))
    for n, c in enumerate(ordered, start=1):
        base = {"resourceType": "Observation", "status": "final", "category": survey(),
                "subject": {"reference": builder.patient_ref}, "effectiveDateTime": builder.when(c.day),
                **({"issued": builder.instant(c.recorded_at)} if c.recorded_at.tzinfo else {}),
                "performer": [{"reference": builder.patient_ref}]}
        pain = {**base, "code": _pain_code(c)}
        if c.pain is None:
            pain["dataAbsentReason"] = asked_unknown()
        else:
            pain["valueInteger"] = c.pain
        builder.add(pain, f"pain/{n}")
        locations = {**base, "code": concept(LOCAL, "pain-locations", "Body regions with pain, last 24 hours "
                                                                       "(WPI 19 regions; 0 = no pain today)")}
        if c.pain_regions is None:
            locations["dataAbsentReason"] = asked_unknown()
        else:
            regions = sorted((c.regions or {}).items(), key=lambda item: region_order(item[0]))
            locations["valueInteger"] = len(regions)
            members = [{"reference": builder.add(_region(region, intensity, base), f"pain/{n}/{region}")}
                       for region, intensity in regions]
            if members:
                locations["hasMember"] = members
        builder.add(locations, f"pain/{n}/locations")


def _answer(value: Any) -> dict:
    if isinstance(value, bool):
        return {"valueBoolean": value}
    if isinstance(value, int):
        return {"valueInteger": value}
    if isinstance(value, float):
        return {"valueDecimal": value}
    return {"valueString": str(value)}


def _score(builder, *, code: dict, value: float, when: datetime, response_ref: str, prorated: bool,
           band: str | None, caveat: str | None) -> dict:
    resource = {"resourceType": "Observation", "status": "final", "category": survey(), "code": code,
                "subject": {"reference": builder.patient_ref}, "effectiveDateTime": builder.instant(when),
                "performer": [{"reference": builder.patient_ref}], "valueQuantity": score_quantity(value),
                "derivedFrom": [{"reference": response_ref}],
                "component": [{"code": concept(LOCAL, "prorated", "Prorated for missing items"),
                               "valueBoolean": prorated}]}
    if band:
        resource["interpretation"] = [{"text": band.replace("_", " ") + (f" ({caveat})" if caveat else "")}]
    return resource


def add_questionnaires(builder, record) -> None:
    for n, r in enumerate(completed_responses(record), start=1):
        s = r.result
        version = s.version or r.version
        items = [{"linkId": str(i), "answer": [_answer(a)]}
                 for i, a in enumerate(r.answers, start=1) if a is not None and not isinstance(a, (list, dict))]
        response_ref = builder.add({
            "resourceType": "QuestionnaireResponse",
            "questionnaire": f"urn:diary:questionnaire:{r.instrument_id}|{builder.slug(version)}",
            "status": "completed", "subject": {"reference": builder.patient_ref},
            "author": {"reference": builder.patient_ref},
            "authored": builder.instant(r.completed_at), **({"item": items} if items else {}),
        }, f"questionnaire/{n}")
        name = INSTRUMENTS[r.instrument_id].name if r.instrument_id in INSTRUMENTS else r.instrument_id
        common = dict(when=r.completed_at, response_ref=response_ref, prorated=s.prorated)
        if s.valid and s.total is not None:
            codings = [coding(LOCAL, f"{r.instrument_id}-total", f"{name} total")]
            if (loinc := total_loinc(r.instrument_id, version)) is not None:
                codings.insert(0, coding(LOINC, *loinc))
            builder.add(_score(builder, code={"coding": codings, "text": f"{name} total ({version})"},
                               value=s.total, band=s.band, caveat=band_caveat(r.instrument_id, version), **common),
                        f"questionnaire/{n}/score")
        for key, value in s.subscales.items():
            if value is None:
                continue
            label = key.replace("_", " ")
            builder.add(_score(builder, code=concept(LOCAL, f"{r.instrument_id}-{key}", f"{name} {label}",
                                                     text=f"{name} {label} ({version})"),
                               value=value, band=s.subscale_bands.get(key), caveat=None, **common),
                        f"questionnaire/{n}/{key}")
        for flag in sorted(s.flags):
            builder.add({"resourceType": "Observation", "status": "final", "category": survey(),
                         "code": concept(LOCAL, f"{r.instrument_id}-{flag.replace('_', '-')}",
                                         f"{name}: {flag.replace('_', ' ')}"),
                         "subject": {"reference": builder.patient_ref},
                         "effectiveDateTime": builder.instant(r.completed_at),
                         "performer": [{"reference": builder.patient_ref}], "valueBoolean": True,
                         "derivedFrom": [{"reference": response_ref}]}, f"questionnaire/{n}/flag/{flag}")
