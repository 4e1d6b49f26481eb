"""Fixtures for the physiotherapist-loop service tests: a patient home paired with a clinician home.

Import the fixtures into a test module (`from tests.services.exchange_fixtures import *`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from diary.services.bootstrap import open_diary
from diary.storage.database import DB_FILENAME

__all__ = ["clinic", "paired", "clinical_dump", "import_log_rows", "pair_homes", "open_clinic"]


def open_clinic(tmp_path: Path, clock, name: str = "clinic"):
    return open_diary(tmp_path / name, clock=clock, role="clinician")


def pair_homes(patient, clinician, label: str = "Anna L.") -> None:
    """Pair in both directions, as in the clinic (patient adds the physio; physio pins the patient)."""
    patient.pairing.pair(clinician.pairing.own_key().text, label="Physio Berg")
    clinician.pairing.pair(patient.pairing.own_key().text, label=label)


@pytest.fixture
def clinic(tmp_path, clock):
    opened = open_clinic(tmp_path, clock)
    yield opened
    opened.close()


@pytest.fixture
def paired(diary, clinic):
    """(patient home, clinician home), paired; the patient is "Anna L." in the caseload."""
    pair_homes(diary, clinic)
    return diary, clinic


def clinical_dump(home) -> str:
    """Every table's rows but the import log's: what an import may change (the SQL text of a dump)."""
    connection = sqlite3.connect(f"file:{home.home / DB_FILENAME}?mode=ro", uri=True)
    try:
        return "\n".join(line for line in connection.iterdump() if not line.startswith('INSERT INTO "import_log"'))
    finally:
        connection.close()


def import_log_rows(home) -> int:
    return home.imports._log.count()
