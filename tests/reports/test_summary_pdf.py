"""The one-page clinician PDF: A4, one page, searchable text, notes only when shared.

Rendered with poppler-utils (pdftoppm, pdftotext) as a reader would see it.
"""

import shutil
import struct
import subprocess
from dataclasses import replace
from datetime import timedelta

import pytest

from diary.domain.goals import Goal
from diary.reports.summary_pdf import clinician_pdf

pytestmark = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdftoppm")),
                                reason="poppler-utils (pdftotext, pdftoppm) not installed")


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "summary.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_pages(pdf: bytes, tmp_path) -> list:
    path = tmp_path / "summary.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "page")], check=True)
    return sorted(tmp_path.glob("page*.png"))


@pytest.fixture(scope="module")
def summary(record, today):
    labelled = replace(record, key="k1", label="Anna Andersson")
    return clinician_pdf(labelled, today=today, start=today - timedelta(weeks=12) + timedelta(days=1))


class TestSummaryPdf:
    def test_one_a4_page(self, summary, tmp_path):
        (page,) = pdf_pages(summary, tmp_path)
        width, height = struct.unpack(">II", page.read_bytes()[16:24])
        assert abs(width / height - 210 / 297) < 0.01

    def test_who_period_goals_questionnaires_and_flags_are_searchable(self, summary, tmp_path):
        text = pdf_text(summary, tmp_path)
        assert "Symptom diary summary" in text
        assert "Anna Andersson" in text and "22 Dec 2025 to 15 Mar 2026 (12 weeks)" in text
        assert "Walk to work again" in text and "Latest rating (rater)" in text
        # Issue 15 §3: the main goal's level and the steps' T-score apart, from one named rater
        assert "From the patient's ratings: main goal fully attained (level 0); T-score of the intermediate goals" in text
        assert "not in the T-score" in text
        # §1: the same outcome the caseload counts
        assert "Trial outcome (patient's ratings, assessed 12 Mar 2026): main goal fully attained" in text
        # §4: the 7-day PHQ-15 band caveat and the WHO wording
        assert "medium*" in text and "bands validated for the 4-week version" in text
        assert "leisure-time activity only" in text
        # §2: momentary pain is named apart; §5: exploratory, "k of 12 pairs tested"
        assert "Momentary pain ('right now', extra check-ins)" in text
        assert " of 12 pairs tested showed a clear link" in " ".join(text.split()) and "exploratory" in text
        for heading in ("Goals", "Questionnaires", "Flags", "Pain (24-hour rating), fatigue, stress",
                        "Activity, minutes per week"):
            assert heading in text
        for instrument in ("PHQ-15", "PHQ-9", "GAD-7"):
            assert instrument in text
        assert "Baseline (first)" in text and "Diary kept on" in text

    def test_notes_appear_when_shared(self, summary, tmp_path):
        assert "Notes the patient shared" in pdf_text(summary, tmp_path)

    def test_notes_never_appear_unless_shared(self, record, today, tmp_path):
        private = replace(record, notes_included=False)
        text = pdf_text(clinician_pdf(private, today=today, start=today - timedelta(weeks=12)), tmp_path)
        assert "Notes" not in text
        assert not any(note in text for c in record.checkins if c.note for note in [c.note])

    def test_text_from_people_is_printed_as_written(self, record, today, tmp_path):
        odd = replace(record, label="$x^2$ \\alpha <b>bold</b> =HYPERLINK()", key="k2")
        text = pdf_text(clinician_pdf(odd, today=today, start=today - timedelta(weeks=4)), tmp_path)
        assert "$x^2$ \\alpha <b>bold</b> =HYPERLINK()" in text

    def test_stays_one_page_with_many_goals_and_notes(self, record, today, tmp_path):
        main = record.goals[0]
        many = tuple(Goal.create(type="intermediate", title=f"Step {i} " + "long words " * 10,
                                 main_goal_id=main.id, start_date=main.start_date) for i in range(30))
        checkins = tuple(c.changed(note="A long note " * 40) if c.note is None else c for c in record.checkins)
        busy = replace(record, goals=record.goals + many, checkins=checkins)
        assert len(pdf_pages(clinician_pdf(busy, today=today, start=today - timedelta(weeks=26)), tmp_path)) == 1

    def test_an_empty_diary_still_gives_a_page(self, today, tmp_path):
        from diary.domain.patient_record import PatientRecord

        text = pdf_text(clinician_pdf(PatientRecord(key="self", label=None), today=today,
                                      start=today - timedelta(weeks=4)), tmp_path)
        assert "No goals agreed yet." in text and "No questionnaire results yet." in text


class TestWordsAPhysioReads:
    def test_ratings_say_the_level_and_the_category_in_words(self, summary, tmp_path):
        from datetime import date, datetime, timezone
        from types import SimpleNamespace

        from diary.domain.goals import Rater
        from diary.reports.pdf_goals import rating_words

        def rated(level, category, worse=False):
            return SimpleNamespace(level=level, category=SimpleNamespace(value=category), rated_worse=worse,
                                   rated_on=date(2026, 3, 3), rater=Rater.PATIENT,
                                   recorded_at=datetime(2026, 3, 3, tzinfo=timezone.utc))

        levelled, plain = SimpleNamespace(has_levels=True), SimpleNamespace(has_levels=False)
        assert rating_words(levelled, rated(0, "fully")).startswith("level 0 (fully attained) (3 Mar")
        assert rating_words(levelled, rated(-1, "partially")).startswith("level −1 (partially attained)")
        assert rating_words(plain, rated(None, "not")).startswith("not attained (3 Mar")
        text = pdf_text(summary, tmp_path)
        assert "attained (" in text and ", fully (" not in text and "+0" not in text

    def test_a_clinicians_pdf_names_the_patient_not_you(self, summary, tmp_path):
        from diary.reports.correlations import sentence
        from diary.reports.summary_pdf import whose

        assert whose("Anna L.") == "Anna L.'s" and whose(None) == "your" and whose("x" * 60) == "their"
        assert sentence("sleep_quality", "pain", 0, -0.4, 30, (-0.6, -0.1), whose="Anna L.'s") == (
            "On days after a better night's sleep, Anna L.'s pain was on average noticeably lower (n = 30).")
        assert "no clear link between how well they slept" in sentence(
            "sleep_quality", "pain", 1, 0.01, 30, (-0.3, 0.3), whose="their")
        text = " ".join(pdf_text(summary, tmp_path).split())
        assert " your " not in text.lower()
