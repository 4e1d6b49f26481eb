"""Keys for the exchange tests, made once per session (they are cheap, but the files are reused)."""

from __future__ import annotations

import pytest

from diary.exchange import generate_clinician_key, generate_patient_key

from tests.exchange.builders import Keys


@pytest.fixture(scope="session")
def keys() -> Keys:
    return Keys(
        physio=generate_clinician_key(),
        research=generate_clinician_key(),
        other_physio=generate_clinician_key(),
        patient=generate_patient_key(),
        stranger=generate_patient_key(),
    )
