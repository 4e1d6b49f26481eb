"""The registry is data that the rest of the app trusts: ids, options, licences and wording."""

from __future__ import annotations

import importlib
import inspect
import re

import pytest

import diary.instruments
from diary.domain.instruments import INSTRUMENTS, SCORERS, Licence, score
from diary.domain.instruments.catalogue_licensed import LICENSED_INSTRUMENTS

IDS = ("phq15", "phq9", "gad7", "ssd12", "whiteley7", "wsas", "hads", "mfi20", "rand36", "fiq", "fiqr", "sci93",
       "ltpai", "pain_nrs", "vas_0_100", "wpi19", "gas")


def test_every_instrument_is_registered_and_scored():
    assert set(INSTRUMENTS) == set(IDS) == set(SCORERS)


def test_package_path_re_exports_the_domain():
    assert diary.instruments.score is score and diary.instruments.INSTRUMENTS is INSTRUMENTS


@pytest.mark.parametrize("instrument_id", IDS)
def test_definition_is_consistent(instrument_id):
    inst = INSTRUMENTS[instrument_id]
    assert inst.id == instrument_id and inst.source and inst.scoring_rule and inst.missing_rule
    if inst.items is not None:
        assert len(inst.items) == inst.n_items
    for items in inst.subscales.values():
        assert all(1 <= i <= (inst.n_items or 0) for i in items)
    lows = [band.low for band in inst.bands]
    assert lows == sorted(lows) and (not lows or lows[0] == (inst.score_range or (0,))[0])
    assert all(re.fullmatch(r"[a-z0-9_]+", band.name) for band in inst.bands)


@pytest.mark.parametrize("instrument_id", IDS)
def test_registry_options_match_the_scorer(instrument_id):
    parameters = inspect.signature(SCORERS[instrument_id]).parameters.values()
    keyword_only = {p.name for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY}
    assert keyword_only == set(INSTRUMENTS[instrument_id].options)


def test_no_wording_for_instruments_that_need_permission():
    for inst in INSTRUMENTS.values():
        if inst.licence is not Licence.FREE_TO_EMBED:
            assert not inst.wording_free
            assert inst.items_text is None and inst.option_labels is None and inst.item_labels is None, inst.id
    assert {inst.licence for inst in LICENSED_INSTRUMENTS} <= {Licence.UNCLEAR, Licence.NEEDS_LICENSE}


def test_licence_verdicts_follow_instruments_md():
    free = {i for i, inst in INSTRUMENTS.items() if inst.licence is Licence.FREE_TO_EMBED}
    needs = {i for i, inst in INSTRUMENTS.items() if inst.licence is Licence.NEEDS_LICENSE}
    assert free == {"phq15", "phq9", "gad7", "rand36", "pain_nrs", "vas_0_100", "wpi19", "gas"}
    assert needs == {"hads", "mfi20", "fiqr"}


def test_free_instrument_wording_and_attribution():
    assert INSTRUMENTS["phq9"].option_labels == {0: "not at all", 1: "several days",
                                                 2: "more than half the days", 3: "nearly every day"}
    assert INSTRUMENTS["phq15"].option_labels[2] == "bothered a lot"
    assert len(INSTRUMENTS["phq15"].item_labels) == 15
    # instruments.md has no verbatim item texts for these: nothing is typed from memory
    assert all(INSTRUMENTS[i].items_text is None for i in ("phq15", "phq9", "gad7", "rand36"))
    assert "developed at RAND as part of the Medical Outcomes Study" in INSTRUMENTS["rand36"].attribution


def test_mfi20_each_subscale_has_two_reversed_items():
    inst = INSTRUMENTS["mfi20"]
    for items in inst.subscales.values():
        assert len(set(items) & set(inst.reversed_items)) == 2


@pytest.mark.parametrize("instrument_id", IDS)
def test_scoring_module_cites_its_source_and_rule_labels(instrument_id):
    module = importlib.import_module(f"diary.domain.instruments.{instrument_id}")
    doc = module.__doc__ or ""
    assert re.search(r"\b(19|20)\d\d\b", doc) and "instruments.md" in doc, instrument_id
    assert SCORERS[instrument_id].__doc__ and "Raises:" in SCORERS[instrument_id].__doc__
