"""The importer builds a goal's ratings from the wire without pydantic checking their types a second
time (issue 17, P6): every rule of Rating.create still runs (diary.domain.goals.rating_fields), and the
Rating is the one Rating.create builds, or the refusal is the same sentence for the same field. Random
wire ratings (levels, categories, comments with spaces, control characters and too many characters,
both raters, with and without ids and times) against goals with and without levels, both baselines."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diary.domain.errors import ValidationFailed
from diary.domain.goals import Goal, Rating
from diary.exchange.clinical import RatingWire
from diary.services.wire import _rating_from_wire

TZ = timezone.utc
LEVEL_TEXTS = {level: f"Level {level}" for level in (-2, -1, 0, 1, 2)}


def goal(*, levels: bool, baseline: int) -> Goal:
    return Goal.create(id="goal-1", type="main", title="Walk to the shop", start_date=date(2026, 1, 5),
                       levels=LEVEL_TEXTS if levels else None, baseline_level=baseline)


def by_create(g: Goal, r: RatingWire, index: int) -> Rating:
    """The route before: Rating.create, pydantic validating every field."""
    recorded_at = r.recorded_at or datetime.combine(r.rated_on, time(12), tzinfo=TZ)
    return Rating.create(g, rated_on=r.rated_on, rater=r.rater, recorded_at=recorded_at, level=r.level,
                         category=r.category, comment=r.comment, id=r.id or f"{g.id[:48]}-r{index}")


def outcome(build):
    try:
        rating = build()
    except ValidationFailed as exc:
        return ("refused", str(exc), exc.field)
    return ("built", type(rating), rating.__dict__, rating.__pydantic_fields_set__, rating.__pydantic_extra__,
            rating.__pydantic_private__, rating)


comments = st.one_of(
    st.none(), st.just(""), st.just("   "), st.just(" fine, thanks \n"), st.just("a" * 1000), st.just("a" * 1001),
    st.just("é" * 1000 + " "), st.just("bell\x07"), st.just("tab\there"), st.just("line\nbreak"),
    st.text(max_size=40))
wire_ratings = st.fixed_dictionaries(
    {"rated_on": st.dates(date(2026, 1, 5), date(2027, 1, 5)).map(date.isoformat),
     "rater": st.sampled_from(["patient", "physiotherapist"])},
    optional={"id": st.from_regex(r"[A-Za-z0-9_-]{1,64}", fullmatch=True),
              "level": st.integers(-2, 2),
              "category": st.sampled_from(["fully", "partially", "not"]),
              "comment": comments.filter(lambda c: c is not None),
              "recorded_at": st.datetimes(datetime(2026, 1, 5), datetime(2027, 1, 5)).map(
                  lambda d: d.replace(microsecond=0, tzinfo=TZ).isoformat())})


@settings(max_examples=400, deadline=None)
@given(values=wire_ratings, levels=st.booleans(), baseline=st.sampled_from([-2, -1]), index=st.integers(0, 499))
def test_a_wire_rating_is_built_as_rating_create_builds_it(values, levels, baseline, index):
    try:
        wire = RatingWire.model_validate(values)
    except ValueError:
        return  # the wire schema's own refusal comes before either route
    g = goal(levels=levels, baseline=baseline)
    fast, slow = outcome(lambda: _rating_from_wire(g, wire, index, TZ)), outcome(lambda: by_create(g, wire, index))
    assert fast == slow


@pytest.mark.parametrize("values", [
    {"rated_on": "2026-03-02", "rater": "patient", "level": 1},
    {"rated_on": "2026-03-02", "rater": "physiotherapist", "level": -1, "category": "partially", "comment": " ok "},
    {"rated_on": "2026-03-02", "rater": "patient", "category": "not", "id": "r-1", "recorded_at": "2026-03-02T08:00:00+02:00"},
    {"rated_on": "2026-03-02", "rater": "patient", "level": 0, "category": "not"},  # the level says fully
    {"rated_on": "2026-03-02", "rater": "patient", "category": "fully", "comment": "   "},  # blank: no comment
])
@pytest.mark.parametrize("levels", [True, False])
def test_the_examples_agree_built_or_refused(values, levels):
    g = goal(levels=levels, baseline=-2)
    wire = RatingWire.model_validate(values)
    fast, slow = outcome(lambda: _rating_from_wire(g, wire, 3, TZ)), outcome(lambda: by_create(g, wire, 3))
    assert fast == slow
    if fast[0] == "built":  # a frozen, hashable model like any other Rating
        rating = fast[-1]
        assert hash(rating) == hash(slow[-1]) and rating.model_dump() == slow[-1].model_dump()
        with pytest.raises(ValueError):
            rating.level = 2
