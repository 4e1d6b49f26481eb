"""The payload is read with its schema in hand (diary.exchange.bounded_json): unknown members and lists longer
than the schema allows are refused before they are built. The refusal's `where` names the member the
schema-led reader stopped at, which only it can know; how fast that is (well under 0.3 s, where building
it first took 1.5 s) is measured by benchmarks/bench_refusals.py, not timed here (the machine is shared)."""

from __future__ import annotations

import json

import pytest

from diary.exchange import ImportRefused, Refusal, canonical_json
from diary.exchange.bounded_json import Shape, model_shape, parse_bounded
from diary.exchange.canonical import parse_json_strict
from diary.exchange.payload import ExportPayloadV1, parse_payload
from tests.exchange.builders import file_for, open_as_physio, payload_dict

def assert_refused(keys, data: bytes, category: str, where: str | None = None) -> None:
    with pytest.raises(ImportRefused) as refused:
        open_as_physio(keys, data)
    assert refused.value.category == category and (where is None or refused.value.where == where)


def payload_with(keys, change) -> bytes:
    values = payload_dict(keys)
    change(values)
    return file_for(keys, canonical_json(values))


BOMBS = {
    # the case: a validly signed 9 MiB payload whose unknown member holds 3.5 M values
    "unknown member, 3.5 M values": (lambda v: v.update(zzz=[0] * 3_500_000), "?"),
    "unknown member filling a 16 MiB file": (lambda v: v.update(zzz=[0] * 6_000_000), "?"),
    "5,001 check-ins": (lambda v: v.update(checkins=v["checkins"] * 1667), "checkins"),
    "a region map of a million entries": (lambda v: v["checkins"][0].update(regions={f"r{i}": 1 for i in range(10**6)}),
                                          "checkins[0].regions"),
    "3 M values where one number belongs": (lambda v: v["checkins"][0].update(pain=[0] * 3_000_000), "checkins[0].pain"),
    "4 M answers to one questionnaire": (lambda v: v["questionnaires"][0].update(answers=[1] * 4_000_000),
                                         "questionnaires[0].answers"),
    "an unknown member deep in a rating": (lambda v: v["goals"][0]["ratings"][0].update(zz=[0] * 3_000_000),
                                           "goals[0].ratings[0].?"),
    "a million empty objects as ratings": (lambda v: v["goals"][0].update(ratings=[{}] * 1_000_000), "goals[0].ratings"),
}


@pytest.mark.parametrize("name", BOMBS)
def test_a_huge_signed_payload_is_refused_before_it_is_built(keys, name):
    change, where = BOMBS[name]
    data = payload_with(keys, change)
    assert len(data) < 16 * 2**20
    assert_refused(keys, data, Refusal.INVALID_CONTENT, where)


def test_a_valid_payload_reads_exactly_as_json_does(keys):
    values = payload_dict(keys, n_checkins=60)
    values["checkins"][3]["note"] = 'quote " backslash \\ newline \n tab \t é 日本 😀'
    raw = canonical_json(values)
    assert parse_bounded(raw, model_shape(ExportPayloadV1)) == json.loads(raw) == parse_json_strict(raw)
    assert parse_payload(raw).checkins[3].note == values["checkins"][3]["note"]


def test_every_list_and_map_of_the_wire_format_is_bounded():
    def walk(shape: Shape, seen: list[int]) -> list[int]:
        if shape.kind in ("list", "map"):
            seen.append(shape.max_items)
            walk(shape.item, seen)
        for member in shape.members.values():
            walk(member, seen)
        return seen

    limits = walk(model_shape(ExportPayloadV1), [])
    assert len(limits) == 11 and all(0 < n <= 5000 for n in limits)


@pytest.mark.parametrize("raw, category", [
    (b'{"seq":1,"seq":2}', Refusal.MALFORMED),  # duplicate keys
    (b'{"seq":NaN}', Refusal.MALFORMED),
    (b'{"seq":Infinity}', Refusal.MALFORMED),
    (b'{"seq":9007199254740993}', Refusal.MALFORMED),  # beyond 2**53 - 1
    (b'{"seq":' + b"9" * 5000 + b"}", Refusal.MALFORMED),
    (b'{"patient_label":"\\ud800"}', Refusal.MALFORMED),  # a lone surrogate
    (b'{"patient_label":"a\xff"}', Refusal.MALFORMED),  # invalid UTF-8
    (b'{"seq":1', Refusal.MALFORMED),  # cut short
    (b'{"seq":1}x', Refusal.MALFORMED),
    (b'{"seq": 1}', Refusal.NOT_CANONICAL),  # whitespace between tokens
    (b'{"seq":1,"zzz":[[[[', Refusal.INVALID_CONTENT),  # unknown: refused before its (broken) value
    (b'{"checkins":{}}', Refusal.INVALID_CONTENT),  # an object where a list belongs
    (b'{"plan":[]}', Refusal.INVALID_CONTENT),
    (b"[" * 100_000 + b"]" * 100_000, Refusal.MALFORMED),  # not an object, and large
])
def test_the_strict_rules_and_their_categories_stay(raw, category):
    with pytest.raises(ImportRefused) as refused:
        parse_bounded(raw, model_shape(ExportPayloadV1))
    assert refused.value.category == category


@pytest.mark.parametrize("raw", [b"[]", b'"x"', b"1"])
def test_a_small_document_that_is_no_object_is_read_to_say_what_it_is(raw):
    assert parse_bounded(raw, model_shape(ExportPayloadV1)) == json.loads(raw)
    with pytest.raises(ImportRefused) as refused:
        parse_payload(raw)
    assert refused.value.category == Refusal.UNSUPPORTED_VERSION


def test_a_later_schema_version_with_new_members_is_called_a_later_version(keys):
    values = payload_dict(keys)
    values.update(schema_version=2, medications=[{"name": "x"}] * 1000)
    with pytest.raises(ImportRefused) as refused:
        parse_payload(canonical_json(values))
    assert refused.value.category == Refusal.UNSUPPORTED_VERSION
