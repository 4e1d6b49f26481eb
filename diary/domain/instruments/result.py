"""The result of scoring one administration of an instrument."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Score:
    """A scored questionnaire, ready to store and export next to (never instead of) the raw answers.

    `valid` means the main score exists: the total where the instrument has one, else at least one
    subscale (HADS, RAND-36). Scores are kept to 2 decimals, rounded half up; `total_rounded` is the
    half-up integer of the unrounded total, and integer-scored instruments take their band from it.
    Flags may be raised on an invalid score (PHQ-9 item 9 must always reach the risk pathway).
    """

    instrument_id: str
    version: str
    scoring_rule_id: str
    valid: bool
    total: float | None
    total_rounded: int | None
    band: str | None
    subscales: dict[str, float | None]
    subscale_bands: dict[str, str | None]
    flags: frozenset[str]
    n_answered: int
    n_missing: int
    prorated: bool
    details: dict[str, float | int | bool | None] = field(default_factory=dict)
