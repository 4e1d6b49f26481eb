"""canonical_json and parse_json_strict, with property tests on random bytes and random JSON."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diary.exchange import ImportRefused, Refusal, canonical_json, parse_json_strict
from diary.exchange.canonical import MAX_SAFE_INT

from tests.exchange.strategies import JSON_VALUES


def refused(data: bytes, **kwargs) -> bool:
    try:
        parse_json_strict(data, **kwargs)
    except ImportRefused as exc:
        assert exc.category == Refusal.MALFORMED
        return True
    return False


class TestCanonicalJson:
    def test_sorted_compact_utf8(self):
        expected = '{"a":"é€","b":[1,2.5,null],"c":true}'.encode()
        assert canonical_json({"b": [1, 2.5, None], "a": "é€", "c": True}) == expected

    @pytest.mark.parametrize("value", [float("nan"), float("inf"), "\ud800"])
    def test_refuses_what_json_cannot_say(self, value):
        with pytest.raises(ValueError):
            canonical_json([value])


class TestParseJsonStrict:
    def test_plain_json(self):
        assert parse_json_strict(b'{"a":[1,2.5,"x",null,true]}') == {"a": [1, 2.5, "x", None, True]}

    @pytest.mark.parametrize("data", [
        b"", b"\xff", b"\xef\xbb\xbf{}", b'"\xed\xa0\x80"', b'{"a":1,"a":1}', b'{"a":{"b":1,"b":2}}',
        b"NaN", b"[Infinity]", b"[-Infinity]", b"1e999999", b"-1e400", b"9007199254740992", b"-9007199254740992",
        b"1" * 5000, b'"\\ud800"', b'{"\\udfff":1}', b"[1,]", b"{'a':1}", b"[1] [2]",
    ])
    def test_refused(self, data):
        assert refused(data)

    def test_safe_integer_edges_accepted(self):
        assert parse_json_strict(b"[9007199254740991,-9007199254740991]") == [MAX_SAFE_INT, -MAX_SAFE_INT]

    def test_depth(self):
        assert parse_json_strict(b"[" * 32 + b"]" * 32) is not None
        assert refused(b"[" * 33 + b"]" * 33)
        assert parse_json_strict(b'["' + b"[" * 40 + b'\\"{"]') == ["[" * 40 + '"{']
        assert refused(b'{"a":' * 20 + b"[" * 13 + b"1" + b"]" * 13 + b"}" * 20)
        assert refused(b"[[]" * 33 + b"]" * 33)

    @pytest.mark.parametrize("data", [
        b"[" * 100_000 + b"]" * 100_000, b"[" * (8 << 20), b"1" * (4 << 20),
        b'"\\' * (2 << 20), b'"a' * (2 << 20), b'"' + b"\\" * (4 << 20), b'["' + b"[" * (4 << 20),
    ])
    def test_hostile_shapes_are_refused_fast(self, data):
        start = time.process_time()  # CPU time, so a busy machine cannot fail it; a quadratic parse would
        assert refused(data)
        assert time.process_time() - start < 1

    def test_max_punctuation_bounds_a_small_document(self):
        assert refused(b"[" + b"1," * 100 + b"1]", max_punctuation=64)
        assert parse_json_strict(b'{"a":"b"}', max_punctuation=64) == {"a": "b"}

    @settings(max_examples=300)
    @given(st.binary(max_size=300))
    def test_random_bytes_parse_or_are_refused(self, data):
        refused(data)

    @settings(max_examples=300)
    @given(st.text(alphabet=st.sampled_from('[]{}",:0123456789.eE-+ tfnrua\\/\u00e9\ud800'), max_size=60))
    def test_json_like_text_parses_or_is_refused(self, text):
        refused(text.encode("utf-8", "surrogatepass"))

    @settings(max_examples=200)
    @given(JSON_VALUES)
    def test_canonical_bytes_round_trip(self, value):
        data = canonical_json(value)
        parsed = parse_json_strict(data)
        assert canonical_json(parsed) == data
        assert parsed == json.loads(data)

    @settings(max_examples=200)
    @given(JSON_VALUES)
    def test_non_canonical_json_parses_to_the_same_value(self, value):
        loose = json.dumps(value, indent=2, ensure_ascii=True).encode()
        assert canonical_json(parse_json_strict(loose)) == canonical_json(value)
