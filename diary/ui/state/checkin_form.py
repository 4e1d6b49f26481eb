"""The check-in form's state, and the summaries shown after saving and in History. No Flet here."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from diary.domain.days import DayValues
from diary.domain.entries import CheckIn
from diary.domain.numbers import score_text
from diary.domain.regions import region_order
from diary.ui import text as T

SCALE_FIELDS = ("pain", "fatigue", "stress", "sleep_quality", "worry")
MINUTE_FIELDS = ("light_min", "moderate_min", "vigorous_min")


@dataclass(frozen=True)
class CheckInForm:
    """What the user has entered so far. `checkin_id` is set when editing a saved check-in."""

    day: date
    checkin_id: str | None = None
    extra: bool = False
    scales: dict[str, int | None] = field(default_factory=dict)
    regions: frozenset[str] = frozenset()
    map_touched: bool = False  # the body map was used, so an empty map is not "missing"
    no_pain: bool = False
    sleep_hours: float | None = None
    minutes: dict[str, int | None] = field(default_factory=dict)
    strength: bool | None = None
    flare: bool = False
    note: str = ""
    # The answers as loaded from the saved check-in (`form_for`): a correction sends only what the user
    # changed, so a second tab correcting other answers of the same check-in is not overwritten.
    loaded: dict[str, Any] | None = field(default=None, compare=False)

    def with_scale(self, name: str, value: int | None) -> "CheckInForm":
        return replace(self, scales={**self.scales, name: value})

    def toggle_region(self, region: str) -> "CheckInForm":
        regions = self.regions ^ {region}
        return replace(self, regions=regions, map_touched=True, no_pain=False if regions else self.no_pain)

    def with_no_pain(self, no_pain: bool) -> "CheckInForm":
        return replace(self, no_pain=no_pain, regions=frozenset() if no_pain else self.regions, map_touched=True)

    def with_minutes(self, name: str, value: int | None) -> "CheckInForm":
        return replace(self, minutes={**self.minutes, name: value})

    def changed_fields(self) -> dict[str, Any]:
        """`to_fields()` minus the answers still as they were loaded (all of them for a new check-in)."""
        fields = self.to_fields()
        if self.loaded is None:
            return fields
        return {name: value for name, value in fields.items() if name not in self.loaded or self.loaded[name] != value}

    def to_fields(self) -> dict[str, Any]:
        """The service's keyword arguments. Unanswered items are None (missing), never 0."""
        fields: dict[str, Any] = {name: self.scales.get(name) for name in SCALE_FIELDS}
        fields.update({name: self.minutes.get(name) for name in MINUTE_FIELDS})
        fields.update(
            regions=sorted(self.regions, key=region_order) if self.regions else None,
            no_pain=self.no_pain and not self.regions,
            sleep_hours=self.sleep_hours,
            strength=self.strength,
            flare=self.flare,
            note=self.note or None,
        )
        return fields


def form_for(checkin: CheckIn) -> CheckInForm:
    """A form filled with a saved check-in, for correcting it."""
    form = _form_for(checkin)
    return replace(form, loaded=form.to_fields())


def _form_for(checkin: CheckIn) -> CheckInForm:
    return CheckInForm(
        day=checkin.day,
        checkin_id=checkin.id,
        extra=checkin.extra,
        scales={name: getattr(checkin, name) for name in SCALE_FIELDS},
        regions=frozenset(checkin.regions or ()),
        map_touched=checkin.pain_regions is not None,
        no_pain=checkin.no_pain,
        sleep_hours=checkin.sleep_hours,
        minutes={name: getattr(checkin, name) for name in MINUTE_FIELDS},
        strength=checkin.strength,
        flare=checkin.flare,
        note=checkin.note or "",
    )


def parse_minutes(raw: str) -> int | None:
    """A minutes field as typed: blank is missing; anything else must be a whole number."""
    raw = raw.strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise ValueError("Minutes must be a whole number, like 20.")
    return int(raw)


def parse_hours(raw: str) -> float | None:
    raw = raw.strip().replace(",", ".")
    if not raw:
        return None
    try:
        return float(raw)
    except ValueError:
        raise ValueError("Hours slept must be a number, like 7 or 7.5.") from None


def _fmt(value: float) -> str:
    return score_text(value)  # whole numbers bare, else one decimal rounded half up


def summary_parts(values: CheckIn | DayValues) -> list[str]:
    """Short phrases naming what a check-in or a day holds ("pain 6", "2 painful areas", ...). A day's pain
    is its 24-hour rating; momentary ("right now") pain is named apart, never mixed in (issue 15 §2)."""
    parts = []
    momentary = isinstance(values, CheckIn) and values.extra
    for name, template in (("pain", T.SUMMARY_PAIN_NOW if momentary else T.SUMMARY_PAIN),
                           ("fatigue", T.SUMMARY_FATIGUE), ("stress", T.SUMMARY_STRESS)):
        value = getattr(values, name)
        if value is not None:
            parts.append(template.format(value=_fmt(value)))
    if isinstance(values, DayValues) and values.pain_now_max is not None:
        parts.append(T.SUMMARY_PAIN_NOW_DAY.format(max=values.pain_now_max))
    regions = values.pain_regions if isinstance(values, CheckIn) else values.regions
    if regions is not None:
        parts.append(T.painful_areas(len(regions)) if regions else T.SUMMARY_NO_PAIN)
    if values.sleep_quality is not None:
        parts.append(T.SUMMARY_SLEEP_QUALITY.format(value=_fmt(values.sleep_quality)))
    if values.sleep_hours is not None:
        parts.append(T.SUMMARY_SLEEP_HOURS.format(hours=_fmt(values.sleep_hours)))
    minutes = [getattr(values, name) for name in MINUTE_FIELDS if getattr(values, name) is not None]
    if minutes:
        parts.append(T.SUMMARY_ACTIVITY.format(minutes=sum(minutes)))
    if values.flare:
        parts.append(T.SUMMARY_FLARE)
    if (isinstance(values, CheckIn) and values.note) or (isinstance(values, DayValues) and values.notes):
        parts.append(T.SUMMARY_NOTE)
    return parts


def saved_message(checkin: CheckIn, *, today: date) -> str:
    day = "today" if checkin.day == today else checkin.day.strftime("%a %-d %b")
    return T.SAVED.format(day=day, summary=", ".join(summary_parts(checkin)))
