"""The shipped questionnaire wording fits the registry and the scorers (diary/domain/instruments/wording.py)."""

from __future__ import annotations

import re
import unicodedata

import pytest

from diary.domain.instruments import INSTRUMENTS, Choice, Licence
from diary.domain.instruments.wording import PHQ15_PUBLISHED_STEM, WORDINGS, Wording

EXPECTED_COUNTS = {"phq15": 15, "phq9": 9, "gad7": 7, "rand36": 36}
ALL = sorted(WORDINGS)


def _strings(wording: Wording) -> list[str]:
    texts = [wording.instrument_id, wording.language, wording.title, wording.instructions, wording.attribution]
    texts += [*wording.items, *wording.sources, *wording.notes]
    texts += [stem for stem in wording.item_stems if stem is not None]
    texts += [label for options in wording.options for _, label in options]
    return texts


def test_the_four_free_instruments_are_shipped():
    assert set(WORDINGS) == set(EXPECTED_COUNTS)
    assert all(key == w.instrument_id for key, w in WORDINGS.items())


@pytest.mark.parametrize("instrument_id", ALL)
class TestEachWording:
    def test_item_count_matches_instrument_and_registry(self, instrument_id):
        wording = WORDINGS[instrument_id]
        assert len(wording.items) == EXPECTED_COUNTS[instrument_id] == INSTRUMENTS[instrument_id].n_items
        assert len(wording.options) == len(wording.items)
        assert wording.item_stems == () or len(wording.item_stems) == len(wording.items)

    def test_option_values_are_exactly_what_the_scorer_accepts(self, instrument_id):
        specs = INSTRUMENTS[instrument_id].items
        for number, (spec, options) in enumerate(zip(specs, WORDINGS[instrument_id].options, strict=True), 1):
            assert isinstance(spec, Choice), f"item {number}"
            assert tuple(value for value, _ in options) == spec.values, f"item {number}"
            assert all(spec.accepts(value) for value, _ in options), f"item {number}"

    def test_option_labels_are_distinct_and_non_empty(self, instrument_id):
        for options in WORDINGS[instrument_id].options:
            labels = [label for _, label in options]
            assert all(labels) and len(set(labels)) == len(labels)

    def test_only_free_to_embed_instruments_carry_wording(self, instrument_id):
        assert INSTRUMENTS[instrument_id].licence is Licence.FREE_TO_EMBED

    def test_attribution_sources_and_language(self, instrument_id):
        wording = WORDINGS[instrument_id]
        assert wording.attribution.strip() and wording.sources and all(s.strip() for s in wording.sources)
        assert wording.language == "en" and wording.title and wording.instructions

    def test_no_control_or_invisible_characters(self, instrument_id):
        for text in _strings(WORDINGS[instrument_id]):
            bad = [ch for ch in text if unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs", "Zl", "Zp")]
            assert not bad, f"{text!r} contains {bad!r}"
            assert text == text.strip() and "  " not in text, repr(text)

    def test_items_carry_no_printed_numbering(self, instrument_id):
        for item in WORDINGS[instrument_id].items:
            assert item and not re.match(r"^(\d+|[a-o])\.\s", item), item


def test_phq_family_shows_the_pfizer_notice():
    for instrument_id in ("phq15", "phq9", "gad7"):
        attribution = WORDINGS[instrument_id].attribution
        assert "Pfizer" in attribution and "No permission required to reproduce" in attribution


def test_phq15_is_the_modified_seven_day_recall():
    phq15 = WORDINGS["phq15"]
    assert "4 weeks" in PHQ15_PUBLISHED_STEM
    assert phq15.instructions == PHQ15_PUBLISHED_STEM.replace("4 weeks", "7 days")
    assert "4 weeks" not in phq15.instructions
    assert phq15.title == "PHQ-15 (7-day recall, modified)"
    assert any("7-day recall, modified" in note for note in phq15.notes)
    assert phq15.items[3] == "Menstrual cramps or other problems with your periods"


def test_phq9_keeps_item_9():
    assert WORDINGS["phq9"].items[8].startswith("Thoughts that you would be better off dead")


def test_rand36_group_stems_follow_the_form():
    stems = WORDINGS["rand36"].item_stems
    grouped = {3: 12, 13: 16, 17: 19, 23: 31, 33: 36}
    for first, last in grouped.items():
        assert stems[first - 1] is not None and len({stems[i - 1] for i in range(first, last + 1)}) == 1
    in_groups = {i for first, last in grouped.items() for i in range(first, last + 1)}
    assert all(stems[i - 1] is None for i in range(1, 37) if i not in in_groups)
    assert "Does your health now limit you in these activities?" in stems[2]


def test_rand36_credits_rand():
    assert "developed at RAND as part of the Medical Outcomes Study" in WORDINGS["rand36"].attribution
    assert "SF-36" not in WORDINGS["rand36"].title
