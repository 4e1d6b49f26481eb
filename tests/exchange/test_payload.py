"""ExportPayloadV1: strict validation, the domain's check-in rules, and property tests."""

from __future__ import annotations

import copy
import uuid
from datetime import date, datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diary.domain.entries import CheckIn
from diary.exchange import (
    CheckInWire,
    ExportPayloadV1,
    ImportRefused,
    Refusal,
    canonical_json,
    parse_payload,
    payload_bytes,
)

from tests.exchange.builders import NOW, TZ, checkin, payload_dict
from tests.exchange.strategies import FP, JSON_VALUES, base, valid_payloads

def refusal(values) -> ImportRefused:
    with pytest.raises(ImportRefused) as caught:
        parse_payload(canonical_json(values))
    return caught.value


class TestExportPayloadV1:
    def test_minimal_and_full_payloads_round_trip(self, keys):
        for values in (base(), payload_dict(keys)):
            payload = parse_payload(canonical_json(values))
            assert parse_payload(payload_bytes(payload)) == payload

    def test_checkins_become_domain_checkins(self, keys):
        payload = parse_payload(canonical_json(payload_dict(keys)))
        domain = payload.checkins[0].to_checkin()
        assert isinstance(domain, CheckIn) and domain.pain == 5
        assert list(domain.regions) == ["neck", "lower_back"]  # WPI order

    def test_from_checkin_round_trip(self):
        c = CheckIn.create(day=date(2026, 3, 1), recorded_at=datetime(2026, 3, 1, 9, tzinfo=TZ), no_pain=True,
                           note="fine\r\nday")
        wire = CheckInWire.from_checkin(c)
        assert wire.to_checkin() == c and "pain" not in wire.model_dump(mode="json")

    @pytest.mark.parametrize("changes,where", [
        ({"export_id": "not-a-uuid"}, "export_id"),
        ({"export_id": str(uuid.uuid1())}, "export_id"),
        ({"seq": 0}, "seq"),
        ({"seq": 2**31}, "seq"),
        ({"seq": "1"}, "seq"),
        ({"recipients": []}, "recipients"),
        ({"recipients": [FP] * 2}, "recipients"),
        ({"recipients": [FP.upper()]}, "recipients[0]"),
        ({"recipients": ["cd" * 32 for _ in range(9)]}, "recipients"),
        ({"patient_label": ""}, "patient_label"),
        ({"patient_label": "a\nb"}, "patient_label"),
        ({"patient_label": "x" * 81}, "patient_label"),
        ({"created_at": "2026-03-15T19:30:00"}, "created_at"),
        ({"created_at": 1773600000}, "created_at"),
        ({"created_at": "9999-12-31T23:59:59-12:00"}, "created_at"),
        ({"created_at": "0001-01-01T00:00:00+14:00"}, "created_at"),
        ({"created_at": "2026-03-15T19:30:00+24:00"}, "created_at"),
        ({"created_at": "２０２６-03-15T19:30:00+01:00"}, "created_at"),
        ({"period_start": "0001-01-01"}, "period_start"),
        ({"period_start": "2026-03-10", "period_end": "2026-03-01"}, "payload"),
        ({"plan": None}, "plan"),
        ({"goals": [{"id": "g", "title": "t", "type": "intermediate"}]}, "goals[0]"),
        ({"goals": [{"id": "g", "title": "t", "type": "intermediate", "main_goal_id": "x"}]}, "payload"),
        ({"goals": [{"id": "g", "title": "t", "type": "main"}] * 2}, "payload"),
        ({"goals": [{"id": "g", "title": "t", "type": "main",
                     "ratings": [{"rated_on": "2026-03-01", "rater": "patient"}]}]}, "goals[0].ratings[0]"),
        ({"goals": [{"id": "g", "title": "t", "type": "main", "weight": 0}]}, "goals[0].weight"),
        ({"questionnaires": [{"instrument_id": "phq9", "version": "1", "answered_at": NOW.isoformat(),
                              "answers": [1] * 51}]}, "questionnaires[0].answers"),
        ({"questionnaires": [{"instrument_id": "../x", "version": "1", "answered_at": NOW.isoformat(),
                              "answers": []}]}, "questionnaires[0].instrument_id"),
        ({"checkins": [checkin(NOW.date(), id="../../etc")]}, "checkins[0].id"),
        ({"checkins": [checkin(NOW.date())] * 2}, "payload"),
    ])
    def test_invalid_content(self, changes, where):
        error = refusal(base(**changes))
        assert error.category == Refusal.INVALID_CONTENT and error.where == where

    def test_a_checkin_dated_after_any_place_on_earth_reached_that_day(self):
        created = datetime(2026, 3, 15, 23, 0, tzinfo=timezone.utc)  # already the 16th in UTC+14
        ok = base(created_at=created.isoformat(), checkins=[checkin(date(2026, 3, 16))])
        assert parse_payload(canonical_json(ok)).checkins[0].day == date(2026, 3, 16)
        late = base(created_at=created.isoformat(), checkins=[checkin(date(2026, 3, 17))])
        assert refusal(late).category == Refusal.INVALID_CONTENT

    def test_not_an_object_or_other_schema_version(self):
        for values in ([], "x", 1, {}, base(schema_version=2), base(schema_version=True)):
            assert refusal(values).category == Refusal.UNSUPPORTED_VERSION

    def test_questionnaire_answers_may_be_blank(self):
        q = {"instrument_id": "wpi19", "version": "2016", "answered_at": NOW.isoformat(),
             "answers": [1, 0, None] + [0] * 16, "subscales": {"axial": 1.0, "left_upper": None}}
        assert parse_payload(canonical_json(base(questionnaires=[q]))).questionnaires[0].answers[2] is None


def mutations(values: dict) -> st.SearchStrategy:
    """A valid payload with one field (top level or in the first check-in) replaced by random JSON."""
    keys_top = sorted(values) + ["unknown"]
    keys_checkin = sorted(CheckInWire.model_fields) + ["unknown"]

    def apply(choice):
        where, key, value = choice
        changed = copy.deepcopy(values)
        target = changed if where == "top" or not changed["checkins"] else changed["checkins"][0]
        target[key] = value
        return changed

    return st.one_of(
        st.tuples(st.just("top"), st.sampled_from(keys_top), JSON_VALUES),
        st.tuples(st.just("checkin"), st.sampled_from(keys_checkin), JSON_VALUES),
    ).map(apply)


class TestProperties:
    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(valid_payloads())
    def test_valid_payloads_round_trip_through_canonical_json(self, values):
        payload = parse_payload(canonical_json(values))
        data = payload_bytes(payload)
        assert parse_payload(data) == payload
        assert payload_bytes(ExportPayloadV1.model_validate(payload.model_dump(mode="json"))) == data

    @settings(max_examples=300, deadline=None)
    @given(JSON_VALUES)
    def test_random_json_is_refused_only_with_import_refused(self, value):
        with pytest.raises(ImportRefused):
            parse_payload(canonical_json(value))

    @settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def test_mutated_payloads_parse_or_are_refused(self, data):
        values = data.draw(valid_payloads())
        mutated = data.draw(mutations(values))
        try:
            parse_payload(canonical_json(mutated))
        except ImportRefused as exc:
            assert exc.category in (Refusal.INVALID_CONTENT, Refusal.UNSUPPORTED_VERSION)

    @settings(max_examples=200, deadline=None)
    @given(st.binary(max_size=200))
    def test_random_bytes_are_refused_only_with_import_refused(self, data):
        with pytest.raises(ImportRefused):
            parse_payload(data)
