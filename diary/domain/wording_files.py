"""Clinic-supplied wording for licensed questionnaires: a JSON file checked against the instrument.

A clinic that holds a licence (HADS, SSD-12, ...) can load the wording it is allowed to use; the app
then administers that instrument like the built-in ones. The file lives in the user's home (the
database), never in the repository. Format:

    {"instrument_id": "hads", "version": "HADS English (licensed copy, 2024)", "language": "en",
     "title": "...", "instructions": "...",
     "items": ["item 1 text", ...],                       # exactly the instrument's item count
     "options": [[0, "label"], [1, "label"], ...]         # shared by every item, or
     "item_options": [[[0, "label"], ...], ...]}          # one list per item (reversed items differ)

Option values must be exactly the values the scorer accepts for each item.
"""

from __future__ import annotations

import json
from typing import Any

from diary.domain.errors import Sentence, ValidationFailed
from diary.domain.instruments import get_instrument
from diary.domain.instruments.definitions import Choice
from diary.domain.instruments.wording import Wording
from diary.domain.text import clean_text

MAX_FILE_BYTES = 1_000_000
_TEXT_MAX = 1000


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationFailed(Sentence("{what} must be non-empty text.", what=what))
    return clean_text(value.strip(), field="wording", max_chars=_TEXT_MAX, label=what)


def _options(raw: Any, what: str) -> tuple[tuple[int, str], ...]:
    if not isinstance(raw, list) or not raw:
        raise ValidationFailed(Sentence("{what} must be a list of [value, label] pairs.", what=what))
    pairs = []
    for pair in raw:
        if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], int) and not isinstance(pair[0], bool)):
            raise ValidationFailed(Sentence("{what}: each option must be [whole-number value, label] (got {pair!r}).", what=what, pair=pair))
        pairs.append((pair[0], _text(pair[1], f"{what}, the label of value {pair[0]}")))
    return tuple(pairs)


def parse_wording_file(data: bytes) -> Wording:
    """Validate a wording file against its instrument's item count and answer values.

    Raises:
        ValidationFailed: with a sentence naming the first problem (never a library message).
    """
    if len(data) > MAX_FILE_BYTES:
        raise ValidationFailed(Sentence("The wording file is larger than {value} kB; is it the right file?", value=MAX_FILE_BYTES // 1000))
    try:
        body = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ValidationFailed(Sentence("The wording file is not valid JSON text (UTF-8).")) from None
    if not isinstance(body, dict):
        raise ValidationFailed(Sentence("The wording file must hold one JSON object."))
    inst = get_instrument(str(body.get("instrument_id", "")))
    if not inst.n_items or not inst.items:
        raise ValidationFailed(Sentence("{name} is not answered item by item, so it takes no wording file.", name=inst.name))
    items = body.get("items")
    if not isinstance(items, list) or len(items) != inst.n_items:
        got = len(items) if isinstance(items, list) else "no"
        raise ValidationFailed(Sentence("{name} has {n_items} items; the file has {got} item texts.", name=inst.name, n_items=inst.n_items, got=got))
    if "item_options" in body:
        raw = body["item_options"]
        if not isinstance(raw, list) or len(raw) != inst.n_items:
            raise ValidationFailed(Sentence("item_options must hold one option list for each of the {n_items} items.", n_items=inst.n_items))
        options = tuple(_options(o, f"Item {i + 1}'s options") for i, o in enumerate(raw))
    else:
        options = (_options(body.get("options"), "The options"),) * inst.n_items
    for number, (spec, pairs) in enumerate(zip(inst.items, options), start=1):
        values = tuple(v for v, _ in pairs)
        if isinstance(spec, Choice) and sorted(values) != sorted(spec.values):
            raise ValidationFailed(Sentence("{name} item {number} takes the values {describe}; the file offers {names}.", name=inst.name, number=number, describe=spec.describe(), names=', '.join(map(str, values))))
    return Wording(
        instrument_id=inst.id, language=_text(body.get("language", "en"), "The language")[:16],
        title=_text(body.get("title", inst.name), "The title"),
        instructions=_text(body.get("instructions", inst.name), "The instructions"),
        items=tuple(_text(t, f"Item {i + 1}'s text") for i, t in enumerate(items)),
        options=options,
        attribution=_text(body.get("attribution", f"Wording supplied by the clinic ({body.get('version', '')})."),
                          "The attribution"),
        sources=(_text(body.get("version", "clinic-supplied"), "The version"),),
    )
