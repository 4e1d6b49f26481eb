"""The snapshot's rows as an import builds them (issue 17, P6): check-in and body-map rows in one pass,
empty JSON columns written without the encoder: the same rows as building and sorting them separately.
(That a whole import stores the same rows as before is checked outside the suite: benchmarks/README.md, P6.)"""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from diary.services.demo_caseload import demo_patient
from diary.storage.snapshot_repository import (
    _checkin_and_region_rows, _checkin_row, _dumps,
)

NOW = datetime(2026, 6, 1, 20, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module", params=[0, 3, 7])
def record(request):
    return demo_patient(request.param, days=120, seed=6, now=NOW)


def test_check_ins_and_body_maps_in_one_pass_are_the_sorted_rows(record):
    rows, regions = _checkin_and_region_rows(4, record.checkins)
    assert rows == sorted((_checkin_row(4, c) for c in record.checkins), key=lambda row: row[1])
    assert regions == sorted((4, c.id, region, intensity) for c in record.checkins
                             for region, intensity in (c.regions or {}).items())
    assert regions and any(c.regions is None for c in record.checkins)  # both kinds were there


@pytest.mark.parametrize("value", [{}, [], {"a": 1}, [1, None, 2.5], ["x"], {"z": None, "a": True}, {"é": "ö"}])
def test_json_columns_are_written_as_the_encoder_writes_them(value):
    assert _dumps(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
