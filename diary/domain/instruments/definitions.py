"""The shapes of instrument definitions: plain, frozen data that the registry fills in.

An `Instrument` says what a questionnaire is (items, allowed answers, subscales, bands, licence); the
per-instrument modules say how it is scored. Keeping the two apart lets the UI, the export codebook
and the licence check read the definitions without importing any scoring code.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Mapping


class Licence(str, Enum):
    """May the item wording be embedded in free/open-source software? (instruments.md §0)."""

    FREE_TO_EMBED = "FREE-TO-EMBED"
    NEEDS_LICENSE = "NEEDS-LICENSE"
    UNCLEAR = "UNCLEAR"


def is_number(value: Any) -> bool:
    """True for a finite int or float; bools are refused because True == 1 hides data-entry bugs."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _join_or(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} or {parts[-1]}"


@dataclass(frozen=True)
class Choice:
    """An item answered with one of a few whole numbers (the usual Likert coding)."""

    values: tuple[int, ...]

    def accepts(self, value: Any) -> bool:
        if type(value) is int:  # the usual answer, checked first: an import checks thousands
            return value in self.values
        return isinstance(value, int) and not isinstance(value, bool) and value in self.values

    def describe(self) -> str:
        return _join_or([str(v) for v in self.values])


@dataclass(frozen=True)
class Range:
    """An item answered with a number between two limits (a VAS reading, a count of days)."""

    low: float
    high: float
    whole: bool = False  # True: whole numbers only

    def accepts(self, value: Any) -> bool:
        if not is_number(value) or not self.low <= value <= self.high:
            return False
        return not self.whole or isinstance(value, int)

    def describe(self) -> str:
        kind = "whole numbers" if self.whole else "numbers"
        return f"{kind} from {self.low:g} to {self.high:g}"


AnswerSpec = Choice | Range


def max_missing_doc(default: int, where: str = "items") -> str:
    """The registry's description of the common `max_missing` option."""
    return f"how many missing {where} may be prorated (default {default}, [PROJECT DEFAULT])"


def same(n: int, spec: AnswerSpec) -> tuple[AnswerSpec, ...]:
    """`n` items that all take the same answers."""
    return (spec,) * n


@dataclass(frozen=True)
class Band:
    """A severity band: applies from `low` (inclusive) up to the next band's `low`."""

    low: float
    name: str


@dataclass(frozen=True)
class Instrument:
    """One questionnaire or derived measure, as data.

    `items` holds the allowed answers per item, in item order; it is None for the formats that are
    not a plain item list (wpi19, gas, ltpai), whose modules check their own answers.
    Item numbers in `subscales` and `reversed_items` are 1-based, as printed on the form.
    """

    id: str
    name: str
    version: str
    n_items: int | None
    items: tuple[AnswerSpec, ...] | None
    answer_format: str
    recall: str
    source: str
    licence: Licence
    licence_note: str
    score_range: tuple[float, float] | None
    scoring_rule: str  # one sentence, with the [DEV]/[PUB]/[PROJECT DEFAULT] label
    missing_rule: str
    max_missing: int | None = None  # the default for count-based missing rules
    has_total: bool = True
    integer_scored: bool = True  # bands come from the half-up rounded integer
    bands: tuple[Band, ...] = ()
    subscales: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    reversed_items: tuple[int, ...] = ()
    options: Mapping[str, str] = field(default_factory=dict)  # name → meaning and default
    flags: Mapping[str, str] = field(default_factory=dict)  # name → meaning
    item_labels: tuple[str, ...] | None = None  # short keys, not the wording
    items_text: tuple[str, ...] | None = None  # verbatim wording; only for FREE-TO-EMBED
    option_labels: Mapping[int, str] | None = None  # shared by every item
    attribution: str | None = None
    subscale_range: tuple[float, float] | None = None  # every subscale's range, where they share one
    higher_is: str | None = None  # "better" or "worse": what a higher score means

    @property
    def wording_free(self) -> bool:
        """True when the item wording may be shipped in the app."""
        return self.licence is Licence.FREE_TO_EMBED
