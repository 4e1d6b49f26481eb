"""Canonical JSON out, strict and bounded JSON in.

Signatures cover exact bytes, so a payload has one byte form: `canonical_json`. Incoming JSON comes
from files anyone can craft, so `parse_json_strict` refuses everything Python's json module would
quietly accept but that could mislead or exhaust the importer: duplicate keys (two readers could
disagree on the value), deep nesting (recursion), huge integers (CPU in int(); precision loss in other
readers), NaN/Infinity (not JSON), lone surrogates and invalid UTF-8.
"""

from __future__ import annotations

import json
import re
from typing import Any

from diary.exchange.errors import ImportRefused, Refusal

MAX_DEPTH = 32
# JavaScript's Number.MAX_SAFE_INTEGER: beyond it other JSON readers silently round.
MAX_SAFE_INT = 2**53 - 1
_MAX_NUMBER_CHARS = 40

# The closing quote is optional so an unterminated string matches to the end instead of failing
# and being retried from every later quote (quadratic on '"\\"\\"\\…'). Linear either way.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_NOT_PUNCTUATION = bytes(b for b in range(256) if b not in b'",:[{')  # deleted, the punctuation is counted


class _Reject(ValueError):
    """Raised inside json.loads hooks; turned into ImportRefused(MALFORMED)."""


def canonical_json(obj: Any) -> bytes:
    """The one byte form of a JSON value: sorted keys, no whitespace, UTF-8 without escapes.

    Args:
        obj: dicts with str keys, lists, str, int, float, bool and None.

    Raises:
        ValueError: for NaN or Infinity, or text that cannot be UTF-8 (a lone surrogate).
    """
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return text.encode("utf-8")


def _too_deep(text: str, max_depth: int) -> bool:
    """True if brackets outside strings nest deeper than `max_depth` (or do not balance).

    Runs before json.loads, whose C scanner recurses once per level. Each pass deletes the innermost
    bracket pairs, so a balanced text empties in exactly "depth" passes; a run of more than
    `max_depth` opening brackets ends the scan at once, so a 16 MiB "[[[[…" costs one regex search.
    """
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    run_of_opens = re.compile(r"[\[{]{%d}" % (max_depth + 1))
    for _ in range(max_depth):
        if not brackets:
            return False
        if run_of_opens.search(brackets):
            return True
        reduced = brackets.replace("[]", "").replace("{}", "")
        if reduced == brackets:
            return True  # mismatched brackets: malformed either way
        brackets = reduced
    return bool(brackets)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise _Reject("duplicate key")
    return obj


def _integer(digits: str) -> int:
    if len(digits) > _MAX_NUMBER_CHARS:  # before int(): a 5,000-digit number never reaches it
        raise _Reject("integer too long")
    value = int(digits)
    if abs(value) > MAX_SAFE_INT:
        raise _Reject("integer too large")
    return value


def _number(text: str) -> float:
    if len(text) > _MAX_NUMBER_CHARS:
        raise _Reject("number too long")
    value = float(text)
    if value in (float("inf"), float("-inf")):  # 1e999999 overflows to inf
        raise _Reject("number out of range")
    return value


def _constant(name: str) -> Any:
    raise _Reject(f"{name} is not JSON")


def _check_text(value: Any) -> None:
    """Refuse lone surrogates anywhere (json.loads turns "\\ud800" into one)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            item.encode("utf-8")  # UnicodeEncodeError for a lone surrogate
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


def parse_json_strict(data: bytes, max_depth: int = MAX_DEPTH, *, max_punctuation: int | None = None) -> Any:
    """Parse UTF-8 JSON bytes, refusing anything ambiguous or costly.

    Args:
        data: the bytes as received.
        max_depth: the deepest nesting of arrays and objects allowed.
        max_punctuation: if given, the most bytes among `"` `,` `:` `[` `{` allowed anywhere (strings
            included). A cheap bound on the number of values for documents with a known small shape
            (the signed envelope, read before its signature is checked), so a crafted file full of
            tiny values cannot keep the parser busy for seconds.

    Returns:
        The parsed value (dict, list, str, int, float, bool or None).

    Raises:
        ImportRefused: MALFORMED for invalid UTF-8, invalid JSON, duplicate keys, nesting deeper than
            `max_depth`, integers beyond ±(2**53 − 1), NaN/Infinity/overflowing numbers or lone
            surrogates.
    """
    if not isinstance(data, (bytes, bytearray)):
        raise ImportRefused(Refusal.MALFORMED)
    data = bytes(data)
    small = max_punctuation is not None
    if small and len(data.translate(None, _NOT_PUNCTUATION)) > max_punctuation:
        raise ImportRefused(Refusal.MALFORMED)
    try:
        text = data.decode("utf-8")
        # A small document (at most max_punctuation values) is parsed first and measured after: cheaper than
        # scanning its text for brackets when it holds one long string, as the signed envelope does.
        if not small and _too_deep(text, max_depth):
            raise _Reject("too deep")
        value = json.loads(
            text,
            object_pairs_hook=_object,
            parse_int=_integer,
            parse_float=_number,
            parse_constant=_constant,
        )
        _check_text(value)
        if small and _depth(value) > max_depth:
            raise _Reject("too deep")
    except (ValueError, RecursionError):
        # ValueError covers JSONDecodeError, UnicodeDecodeError/EncodeError and _Reject.
        raise ImportRefused(Refusal.MALFORMED) from None
    return value
