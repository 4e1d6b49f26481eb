"""Hypothesis strategies shared by the exchange tests: any JSON value, and valid payloads."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from hypothesis import strategies as st

from diary.domain.regions import REGIONS
from diary.exchange.canonical import MAX_SAFE_INT

from tests.exchange.builders import NOW, TZ

JSON_SCALARS = (
    st.none() | st.booleans() | st.integers(-MAX_SAFE_INT, MAX_SAFE_INT)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text()
)
JSON_VALUES = st.recursive(
    JSON_SCALARS, lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=30,
)

FP = "ab" * 32


def base(**changes) -> dict:
    values = {
        "schema_version": 1, "export_id": str(uuid.uuid4()), "seq": 1, "created_at": NOW.isoformat(),
        "recipients": [FP], "patient_label": "Anna",
    }
    return values | changes


# Valid check-ins, drawn across every field the domain allows.
_score = st.none() | st.integers(0, 10)
_minutes = st.none() | st.integers(0, 600)
_note = st.none() | st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Cf"), blacklist_characters="\r") | st.sampled_from("\n\t"),
    max_size=50,
)


@st.composite
def wire_checkins(draw, index: int = 0):
    day = draw(st.dates(date(1990, 1, 1), NOW.date()))
    no_pain = draw(st.booleans())
    regions = None if no_pain else draw(st.none() | st.dictionaries(st.sampled_from(REGIONS), _score, min_size=1))
    fields = {
        "id": f"c{index}", "day": day.isoformat(),
        "recorded_at": datetime.combine(day, datetime.min.time(), tzinfo=TZ).isoformat(),
        "pain": draw(_score), "fatigue": draw(_score), "stress": draw(_score), "sleep_quality": draw(_score),
        "worry": draw(_score), "light_min": draw(_minutes), "moderate_min": draw(_minutes),
        "vigorous_min": draw(_minutes), "strength": draw(st.none() | st.booleans()),
        "sleep_hours": draw(st.none() | st.integers(0, 96).map(lambda q: q / 4)),
        "regions": regions, "no_pain": no_pain, "flare": True, "note": draw(_note),
    }
    return {key: value for key, value in fields.items() if value is not None}


@st.composite
def valid_payloads(draw):
    n = draw(st.integers(0, 4))
    return base(checkins=[draw(wire_checkins(i)) for i in range(n)], seq=draw(st.integers(1, 2**31 - 1)))
