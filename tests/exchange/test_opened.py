"""seq_decision (import step 12, minus the database) and the warnings of an accepted export."""

from __future__ import annotations

from datetime import timedelta

import pytest

from diary.exchange import WARNING_SENTENCES, ExportPayloadV1, ImportWarning, seq_decision
from diary.exchange.opened import warnings_for

from tests.exchange.builders import NOW, payload_dict


class TestSeqDecision:
    @pytest.mark.parametrize("incoming,stored,expected", [
        ((1, "a"), (None, None), "new"),
        ((1, "a"), (2, "b"), "stale"),
        ((2, "b"), (2, "b"), "already_imported"),
        ((2, "c"), (2, "b"), "conflict"),
        ((3, "c"), (2, "b"), "replace"),
    ])
    def test_decisions(self, incoming, stored, expected):
        assert seq_decision(*incoming, *stored) == expected


class TestWarnings:
    @pytest.mark.parametrize("ahead,warned", [(timedelta(hours=23), False), (timedelta(days=1, minutes=1), True),
                                              (-timedelta(hours=12), False)])
    def test_created_at_more_than_a_day_ahead(self, keys, ahead, warned):
        values = payload_dict(keys) | {"created_at": (NOW + ahead).isoformat()}
        payload = ExportPayloadV1.model_validate(values)
        assert warnings_for(payload, now=NOW) == ((ImportWarning.CREATED_IN_FUTURE,) if warned else ())

    def test_every_warning_has_a_sentence(self):
        assert set(WARNING_SENTENCES) == set(ImportWarning)
