"""Reading a payload's JSON with the schema in hand, so that what the schema refuses is never built.

`parse_json_strict` builds the whole document before the schema looks at it: a validly signed 9 MiB
payload whose unknown member holds 3.5 million numbers cost 1.5 s to refuse. Here the shape of the wire
models (members, and the most items of every list and map, taken from the pydantic models themselves)
guides the reader: an unknown member, a list or map with one item too many, or an array or object where a
single value belongs is refused the moment the reader meets it, before its value is read. The document can
be no deeper and no larger than the schema allows, so every refusal is quick.

Everything else is `parse_json_strict`'s rules, with its categories: invalid UTF-8 or JSON, duplicate keys,
numbers longer than 40 characters or integers beyond ±(2⁵³−1), NaN/Infinity and lone surrogates are
MALFORMED; what the schema refuses is INVALID_CONTENT with `where` (schema names and positions only).
"""

from __future__ import annotations

import functools
import json.decoder
import re
import json.scanner
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from annotated_types import MaxLen
from pydantic import BaseModel

from diary.exchange.canonical import _MAX_NUMBER_CHARS, _STRING, MAX_SAFE_INT, _check_text, _Reject, parse_json_strict
from diary.exchange.errors import ImportRefused, Refusal

_scanstring = json.decoder.scanstring
_INFINITY = float("inf")
_NOT_AN_OBJECT_PUNCTUATION = 64


@dataclass(frozen=True, eq=False)
class Shape:
    """What may stand at one place of a document: a single value, an object with known members, or a list
    or map (an object with free keys) of at most `max_items` values of one shape."""

    kind: str  # "value", "object", "list" or "map"
    members: dict[str, Shape] = field(default_factory=dict)
    item: Shape | None = None
    max_items: int = 0


VALUE = Shape("value")


@functools.cache
def model_shape(model: type[BaseModel]) -> Shape:
    """The shape of a pydantic model's JSON: its fields, each list and map bounded by its max_length."""
    return Shape("object", members={name: _shape(info.annotation, info.metadata, f"{model.__name__}.{name}")
                                    for name, info in model.model_fields.items()})


def _shape(annotation: Any, metadata: list, where: str) -> Shape:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _shape(args[0], [*metadata, *annotation.__metadata__], where)
    if origin in (typing.Union, types.UnionType):
        shapes = [_shape(arg, metadata, where) for arg in args if arg is not type(None)]
        containers = [s for s in shapes if s.kind != "value"]
        if containers and len(shapes) > 1:
            raise TypeError(f"{where}: a union of containers has no single shape")
        return containers[0] if containers else VALUE
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return model_shape(annotation)
    if origin in (list, tuple, dict):
        limits = [m.max_length for m in _flat(metadata) if isinstance(m, MaxLen)]
        if not limits:
            raise TypeError(f"{where}: every list and map of the wire format needs a max_length")
        kind, item = ("map", args[1]) if origin is dict else ("list", args[0])
        return Shape(kind, item=_shape(item, [], where), max_items=min(limits))
    return VALUE


def _flat(metadata: list) -> list:
    """Constraints, with those inside a pydantic Field(...) taken out of it."""
    out = []
    for item in metadata:
        out.extend(getattr(item, "metadata", None) or [item])
    return out


def parse_bounded(data: bytes, shape: Shape) -> Any:
    """Parse UTF-8 JSON bytes of the given shape (a `model_shape`), refusing early what the shape forbids.

    The reader expects canonical JSON (no whitespace between tokens); a document with such whitespace is
    refused as NOT_CANONICAL, which is what the canonical-bytes check after parsing would say of it.

    Raises:
        ImportRefused: MALFORMED (not strict JSON, or a large document that is not an object), NOT_CANONICAL, or
            INVALID_CONTENT (an unknown member, too many items, a container where a single value
            belongs), with `where`.
    """
    try:
        text = bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        raise ImportRefused(Refusal.MALFORMED) from None
    if text[:1] != "{":  # not an object, so no payload: read it only if it is small, to say what it is
        return parse_json_strict(data, max_punctuation=_NOT_AN_OBJECT_PUNCTUATION)
    try:
        value, end = _Reader(text).container(shape, 0, "")
        if end != len(text):
            raise _Reject("extra data")
        if "\\u" in text:  # only an escape can make a lone surrogate ("\ud800"); rare, so checked once here
            _check_text(value)
    except (_Reject, ValueError, IndexError, StopIteration, RecursionError):
        # ValueError: from scanstring or a number; IndexError, StopIteration: the text ends too soon.
        spaced = _SPACE_BETWEEN_TOKENS.search(_STRING.sub("", text))
        raise ImportRefused(Refusal.NOT_CANONICAL if spaced else Refusal.MALFORMED) from None
    return value


def _refuse_constant(name: str) -> Any:
    raise _Reject(f"{name} is not JSON")


# json's own C scanner reads single values (strings, numbers, true/false/null) at C speed; containers never
# reach it (the reader below handles every [ and {), so it never builds anything the shape has not allowed.
_scan_single = json.scanner.make_scanner(json.JSONDecoder(parse_constant=_refuse_constant))
_SPACE_BETWEEN_TOKENS = re.compile(r"[ \t\n\r]")


class _Reader:
    def __init__(self, text: str):
        self.text = text

    def container(self, shape: Shape, at: int, where: str) -> tuple[Any, int]:
        """The object or array at `at` (its first character is { or [) and the position after it."""
        opening = self.text[at]
        if shape.kind == "value" or (opening == "[") != (shape.kind == "list"):
            raise ImportRefused(Refusal.INVALID_CONTENT, where=where or "payload")
        return self._list(shape, at + 1, where) if opening == "[" else self._object(shape, at + 1, where)

    def _single(self, at: int) -> tuple[Any, int]:
        """A string, number, true, false or null at `at`, by parse_json_strict's rules."""
        value, end = _scan_single(self.text, at)
        if type(value) is int:
            if not -MAX_SAFE_INT <= value <= MAX_SAFE_INT or end - at > _MAX_NUMBER_CHARS:
                raise _Reject("integer out of range")
        elif type(value) is float:
            if value in (_INFINITY, -_INFINITY) or end - at > _MAX_NUMBER_CHARS:
                raise _Reject("number out of range")
        return value, end

    def _object(self, shape: Shape, at: int, where: str) -> tuple[dict, int]:
        text, out, scanstring, members = self.text, {}, _scanstring, shape.members
        if text[at] == "}":
            return out, at + 1
        is_map = shape.kind == "map"
        while True:
            if text[at] != '"':
                raise _Reject("expected a key")
            key, at = scanstring(text, at + 1, True)
            if key in out:
                raise _Reject("duplicate key")
            if is_map:
                if len(out) >= shape.max_items:  # one entry too many: refused before it is read
                    raise ImportRefused(Refusal.INVALID_CONTENT, where=where)
                member = shape.item
            elif key in members:
                member = members[key]
            else:  # an unknown member: refused before its value is read, however large
                raise ImportRefused(Refusal.INVALID_CONTENT, where=f"{where}.?" if where else "?")
            if text[at] != ":":
                raise _Reject("expected :")
            if text[at + 1] in "{[":
                out[key], at = self.container(member, at + 1, where if is_map else f"{where}.{key}" if where else key)
            else:
                out[key], at = self._single(at + 1)
            if text[at] == "}":
                return out, at + 1
            if text[at] != ",":
                raise _Reject("expected , or }")
            at += 1

    def _list(self, shape: Shape, at: int, where: str) -> tuple[list, int]:
        text, out, item = self.text, [], shape.item
        if text[at] == "]":
            return out, at + 1
        while True:
            if len(out) >= shape.max_items:  # one item too many: refused before it is read
                raise ImportRefused(Refusal.INVALID_CONTENT, where=where)
            if text[at] in "{[":
                value, at = self.container(item, at, f"{where}[{len(out)}]")
            else:
                value, at = self._single(at)
            out.append(value)
            if text[at] == "]":
                return out, at + 1
            if text[at] != ",":
                raise _Reject("expected , or ]")
            at += 1
