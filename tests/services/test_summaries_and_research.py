"""The one PDF service and the one research-export service, which the CLI and both kinds of screen call."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from diary.domain.errors import DiaryError
from diary.exchange import encode_public_key, generate_clinician_key
from diary.reports.series import period_bounds
from diary.services.demo import fill_demo
from diary.services.research_export import SALT_NAME, read_team_key
from diary.services.summaries import DEFAULT_WEEKS, file_name, pdf_path, weeks_period
from tests.conftest import NOW


@pytest.fixture
def filled(diary):
    fill_demo(diary, days=40, seed=2)
    return diary


class TestSummaries:
    def test_the_commands_weeks_and_the_screens_periods_end_on_the_same_day_by_the_same_rule(self, filled):
        four = filled.summaries.make(period=weeks_period(4))
        assert (four.start, four.end) == period_bounds("4w", NOW.date(), None)
        twelve = filled.summaries.make(period=weeks_period(DEFAULT_WEEKS))
        assert (twelve.start, twelve.end) == (NOW.date() - timedelta(weeks=12) + timedelta(days=1), NOW.date())
        assert twelve.data.startswith(b"%PDF-") and twelve.name == "diary-summary-2026-03-15.pdf"

    def test_names_and_bounds(self):
        assert file_name("Anna L. (2)", NOW.date()) == "summary-anna-l-2-2026-03-15.pdf"
        for weeks in (0, 521):
            with pytest.raises(DiaryError, match="--weeks must be from 1 to 520"):
                weeks_period(weeks)
        with pytest.raises(DiaryError, match="ending in .pdf"):
            pdf_path(Path("visit.txt"))

    def test_a_clinicians_home_needs_the_patient(self, tmp_path, clock):
        from diary.services.bootstrap import open_diary

        clinic = open_diary(tmp_path / "clinic", clock=clock, role="clinician")
        try:
            with pytest.raises(DiaryError, match="--patient"):
                clinic.summaries.make(period="4w")
        finally:
            clinic.close()


class TestResearchExport:
    def test_the_salt_is_made_once_in_the_home_and_said_so(self, filled, tmp_path):
        made = []
        summary = filled.research.export(tmp_path / "one", on_new_salt=made.append, fhir=False)
        assert made == [filled.home / SALT_NAME] and summary.patients == 1
        filled.research.export(tmp_path / "two", on_new_salt=made.append, fhir=False)
        assert len(made) == 1 and filled.research.salt_path == filled.home / SALT_NAME
        folder = filled.research.new_folder()
        assert folder.parent == filled.home / "research" and folder.name.startswith("research-2026")

    def test_the_team_key_as_text_or_a_file(self, tmp_path):
        key = generate_clinician_key().public_key
        text = encode_public_key(key)
        (tmp_path / "team.key").write_text(text + "\n")
        assert read_team_key(text) == key == read_team_key(str(tmp_path / "team.key"))
        with pytest.raises(DiaryError, match="--seal-to"):
            read_team_key("DIARY-BOX1:nonsense")


def test_a_storage_failure_leaves_a_service_as_one_sentence(filled, monkeypatch):
    """Past a service a full disk is StorageFailed (a DiaryError), so screens and the CLI catch DiaryError only."""
    import sqlite3

    from diary.services.failures import StorageFailed

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(filled.checkins, "add_to_day", full)
    with pytest.raises(StorageFailed, match="^The device is full, so nothing was saved") as caught:
        filled.log.record(pain=3)
    assert isinstance(caught.value, DiaryError) and "database or disk" not in str(caught.value)
