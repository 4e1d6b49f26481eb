"""The clinician screens' words, without Flet (diary/ui/state/clinician.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

from diary.domain.goal_progress import Trend
from diary.domain.goals import Category
from diary.domain.goals import Rater
from diary.domain.trial import Assessment, RaterRule, Share, TrialFigure
from diary.services.caseload import CaseloadRow
from diary.services.importing import ImportResult
from diary.storage.import_log import ImportLogEntry
from diary.ui.state import clinician as state
from diary.ui.state import imports

TODAY = date(2026, 3, 15)
ROW = CaseloadRow(label="Anna", exported_at=datetime(2026, 3, 14, 20, tzinfo=timezone.utc),
                  period_start=date(2026, 3, 1), period_end=date(2026, 3, 14), imported_at=None, days_logged=9,
                  last_day=date(2026, 3, 13), main_goal_id="g", main_goal_title="Walk to work",
                  main_goal_category=Category.PARTIALLY, main_goal_trend=Trend.WORSENING, phq15=11.5,
                  phq15_on=date(2026, 3, 13), phq15_change=-2.0, flags=())


class TestCaseloadWords:
    def test_a_full_row(self):
        assert state.export_line(ROW, TODAY) == "Export 14 Mar · 1 Mar to 14 Mar"
        assert state.days_line(ROW, TODAY) == "9 of 14 days logged · last entry 13 Mar"
        assert state.goal_line(ROW) == "Walk to work: Partially attained, worsening"
        assert state.phq15_line(ROW) == "PHQ-15 11.5, −2 since the one before"
        assert state.phq15_line(ROW, short=True) == "PHQ-15 11.5 (−2)"

    def test_missing_is_said_never_zero(self):
        empty = replace(ROW, exported_at=None, period_start=None, period_end=None, days_logged=0, last_day=None,
                        main_goal_title=None, main_goal_category=None, main_goal_trend=None, phq15=None,
                        phq15_change=None)
        assert state.export_line(empty, TODAY) == "No export yet"
        assert state.days_line(empty, TODAY) == "0 of 14 days logged"
        assert state.goal_line(empty) == "No main goal"
        assert state.phq15_line(empty) == "No PHQ-15"
        assert state.goal_line(replace(ROW, main_goal_category=None)) == "Walk to work: not rated yet"
        assert state.phq15_line(replace(ROW, phq15_change=0.0)) == "PHQ-15 11.5, no change"

    def test_other_years_carry_the_year(self):
        old = replace(ROW, exported_at=datetime(2025, 12, 30, tzinfo=timezone.utc), period_start=None,
                      period_end=date(2025, 12, 30))
        assert state.export_line(old, TODAY) == "Export 30 Dec 2025 · everything to 30 Dec 2025"

    def test_counts_and_the_trial_figure(self):
        assert state.count_line([ROW, replace(ROW, flags=("stale_export",))]) == "2 patients · 1 flagged"
        assert state.count_line([ROW]) == "1 patient · 0 flagged"
        figure = TrialFigure(RaterRule.PHYSIOTHERAPIST_ELSE_PATIENT, Assessment(), 4, main_itt=Share(2, 4),
                             main_complete=Share(2, 3), intermediate_itt=Share(1, 4), intermediate_complete=Share(1, 2),
                             raters_used={"physiotherapist": 1, "patient": 2})
        main, inter, denominators, definition = state.trial_lines(figure)
        assert main == "Main goal fully attained: 2 of 4 (50%) of patients with a main goal · 2 of 3 (67%) of those rated"
        assert inter == ("All intermediate goals fully attained: 1 of 4 (25%) of patients with a main goal · 1 of 2 "
                         "(50%) of those with every intermediate goal rated")
        assert "Intention to treat" in denominators and "unrated = not attained" in denominators
        assert definition == ("Ratings counted: the physiotherapist's, else the patient's (patient's: 2, "
                              "physiotherapist's: 1). Assessment: each patient's latest rating of their current main "
                              "goal.")

    def test_the_main_goal_line_says_who_rated(self):
        assert state.goal_line(replace(ROW, main_goal_rater=Rater.PHYSIOTHERAPIST)) == \
            "Walk to work: Partially attained (physio), worsening"

    def test_signed_uses_a_true_minus(self):
        assert (state.signed(3), state.signed(-1.5), state.signed(0)) == ("+3", "−1.5", "0")


class TestImportWords:
    def test_result_lines(self):
        assert imports.result_line(ImportResult("a.diary", "imported", "…"), 0) == "a.diary: Imported"
        refused = ImportResult("b.diary", "refused", "…", category="not_addressed_to_you")
        assert imports.result_line(refused, 1) == "b.diary: Refused (made for another key)"
        assert imports.result_line(ImportResult("", "already_imported", "…"), 2) == "file 3: Already here"

    def test_log_lines_carry_no_content(self):
        at = datetime(2026, 3, 15, 9, 5, tzinfo=timezone.utc)
        entry = ImportLogEntry(at=at, file_sha256="ab" * 32, file_size=2048, outcome="updated", patient_id=7)
        assert imports.log_line(entry, {7: "Anna"}, TODAY) == ("15 Mar 09:05 · file abababababab (2 KB) · Newer "
                                                             "export: replaced the older one · Anna")
        unread = ImportLogEntry(at=at, file_sha256=None, file_size=None, outcome="refused", category="too_large")
        assert imports.log_line(unread, {}, TODAY) == "15 Mar 09:05 · file not read (–) · Refused (too large)"


class TestCaseloadPage:
    ROWS = [replace(ROW, label=f"P{i:03d}", flags=("stale_export",) if i % 3 == 0 else ()) for i in range(60)]

    def test_a_page_at_a_time_kept_within_the_pages_there_are(self):
        first = state.caseload_page(self.ROWS, show=state.SHOW_ALL, search="", page=0)
        assert (len(first.rows), first.matching, first.first, first.has_next) == (25, 60, 1, True)
        last = state.caseload_page(self.ROWS, show=state.SHOW_ALL, search="", page=99)
        assert (last.page, last.first, len(last.rows), last.has_next) == (2, 51, 10, False)

    def test_filter_by_any_flag_one_flag_and_search(self):
        flagged = state.caseload_page(self.ROWS, show=state.SHOW_FLAGGED, search="", page=0)
        assert flagged.matching == 20 and all(r.flags for r in flagged.rows)
        assert state.caseload_page(self.ROWS, show="phq9_item9", search="", page=0).matching == 0
        found = state.caseload_page(self.ROWS, show=state.SHOW_ALL, search=" p05 ", page=3)
        assert [r.label for r in found.rows] == [f"P05{i}" for i in range(10)] and found.page == 0


def test_a_prorated_phq15_is_rounded_labelled_and_exact_on_demand():
    from types import SimpleNamespace

    from diary.ui.state.clinician import phq15_exact, phq15_line

    prorated = SimpleNamespace(phq15=16.07, phq15_change=6.07, phq15_prorated=True)
    assert phq15_line(prorated) == "PHQ-15 16, prorated, +6 since the one before"
    assert phq15_line(prorated, short=True) == "PHQ-15 16, prorated (+6)"
    assert phq15_exact(prorated) == "Prorated for unanswered items: exactly 16.07, +6.07 since the one before"
    whole = SimpleNamespace(phq15=12.0, phq15_change=3.0, phq15_prorated=False)
    assert phq15_line(whole) == "PHQ-15 12, +3 since the one before" and phq15_exact(whole) is None
