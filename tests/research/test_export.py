"""The tidy data set: loads with its codebook's types, missing is empty, de-identified at the source,
written whole or not at all."""

import csv
import errno
import os
import stat
from datetime import date, datetime, time, timedelta

import pytest

from diary.domain.entries import CheckIn
from diary.domain.errors import DiaryError
from diary.domain.goals import Goal, Rating
from diary.domain.patient_record import PatientRecord
from diary.domain.trial import Assessment, RaterRule
from diary.research import codebook
from diary.research.export import export_research, ResearchOptions
from tests.conftest import NOW, TZ
from tests.research.conftest import FORMULA_NOTE, SALT, codebook_types, read_table

CSV_FILES = ["daily.csv", "checkins.csv", "questionnaires.csv", "questionnaire_items.csv", "goals.csv",
             "goal_ratings.csv", "trial_outcomes.csv", "weekly.csv"]


def rows(folder, name):
    with open(folder / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


class TestTidyFiles:
    def test_every_file_loads_with_the_codebook_types(self, export):
        out = export()
        types = codebook_types(out)
        for name in CSV_FILES:
            frame = read_table(out, name)
            assert list(frame.columns) == list(types[name]), name
            assert len(frame) > 0, name
        assert sorted(p.name for p in out.iterdir()) == sorted([*CSV_FILES, "codebook.csv", "README.md", "fhir"])

    def test_codebook_describes_every_variable(self, export):
        book = rows(export(), "codebook.csv")
        assert set(book[0]) == set(codebook.CODEBOOK_COLUMNS)
        assert all(r["missing_code"] == "empty cell" for r in book)
        assert {r["type"] for r in book} <= {"string", "integer", "decimal", "date", "boolean", "category"}
        phq15 = [r for r in book if r["instrument"] == "phq15" and r["variable"] == "total"]
        assert phq15 and phq15[0]["allowed_range"] == "0–30" and "medium from 10" in phq15[0]["label"]

    def test_one_row_per_patient_and_day_with_gaps(self, export, records):
        daily = read_table(export(), "daily.csv")
        for record in records:
            days = sorted({c.day for c in record.checkins})
            mine = daily[daily.study_id == daily.study_id.unique()[records.index(record)]]
            assert len(mine) == (days[-1] - days[0]).days + 1
        empty = daily[daily.n_checkins == 0]
        assert len(empty) > 0 and empty.pain.isna().all() and empty.light_min.isna().all()

    def test_missing_is_empty_never_zero(self, export, records):
        out = export()
        first_day = min(c.day for c in records[0].checkins)  # the day with only a pain rating
        row = next(r for r in rows(out, "daily.csv") if r["day"] == first_day.isoformat())
        assert row["pain"] == "4" and row["n_checkins"] == "1"
        for column in ("fatigue", "light_min", "moderate_min", "sleep_hours", "strength", "wpi_count", "pain_neck"):
            assert row[column] == "", column
        assert row["flare"] == "0"  # a flare is marked or not: never missing

    def test_one_row_per_administration(self, export, records):
        out = export()
        questionnaires, items = read_table(out, "questionnaires.csv"), read_table(out, "questionnaire_items.csv")
        assert len(questionnaires) == sum(len(r.questionnaires) for r in records)
        assert set(questionnaires.instrument) == {"phq15", "phq9", "gad7"}
        phq9 = questionnaires[questionnaires.instrument == "phq9"].iloc[0]
        assert len(items[(items.response_no == phq9.response_no) & (items.study_id == phq9.study_id)]) == 9
        assert questionnaires.band.notna().all() and questionnaires.version.str.startswith("P").any()
        # PHQ-15 item 4 is left blank in half the demo forms: an empty answer, never 0
        assert items[items.instrument == "phq15"].answer.isna().any()

    def test_goals_ratings_and_trial_outcome(self, export, records):
        out = export()
        goals, ratings = read_table(out, "goals.csv"), read_table(out, "goal_ratings.csv")
        outcomes = read_table(out, "trial_outcomes.csv")
        assert list(goals.goal_no[:3]) == ["G1", "G2", "G3"] and goals.type.iloc[0] == "main"
        assert set(goals.main_goal_no.dropna()) == {"G1"}
        assert len(ratings) == sum(len(r.ratings) for r in records)
        assert ratings.t_score_intermediate.dropna().between(10, 90).all() and ratings.rater.notna().all()
        assert len(outcomes) == len(records)  # one row per patient
        assert outcomes.main_goal.notna().all() and set(outcomes.rater_rule) == {"physiotherapist_else_patient"}


def trial_record():
    start = date(2026, 1, 5)
    main = Goal.create(type="main", title="Main", start_date=start)
    steps = [Goal.create(type="intermediate", title=f"Step {i}", main_goal_id=main.id, start_date=start)
             for i in range(4)]
    ratings = [Rating.create(main, rated_on=date(2026, 3, 1), rater="physiotherapist", recorded_at=NOW,
                             category="fully")]
    for goal, category in zip(steps, ["fully", "partially", "not"]):  # the fourth step is not rated
        ratings.append(Rating.create(goal, rated_on=date(2026, 3, 1), rater="physiotherapist", recorded_at=NOW,
                                     category=category))
    ratings.append(Rating.create(steps[1], rated_on=date(2026, 2, 1), rater="patient", recorded_at=NOW,
                                 category="fully"))
    return PatientRecord(key="k", label="L", goals=(main, *steps), ratings=tuple(ratings))


def test_trial_outcome_is_the_trials_figure(export):
    """The worked example: the physiotherapist rated the main goal fully and 3 of 4 steps (fully, partially,
    not); the patient rated one step fully a month earlier."""
    out = export(records_=[trial_record()], fhir=False)
    (row,) = rows(out, "trial_outcomes.csv")
    assert (row["rater_rule"], row["rater"], row["assessment_date"], row["main_goal"]) == (
        "physiotherapist_else_patient", "physiotherapist", "2026-03-01", "fully")
    assert (row["intermediate_goals"], row["n_intermediate_total"], row["n_intermediate_rated"],
            row["n_intermediate_fully"], row["all_intermediate_fully"], row["share_intermediate_fully"]) == (
        "incomplete", "4", "3", "1", "", "0.25")  # the old file said 1 of 3 rated: 0.3333
    (patient,) = rows(export("patient", records_=[trial_record()], fhir=False, trial_rule=RaterRule.PATIENT),
                      "trial_outcomes.csv")
    assert (patient["rater"], patient["assessment_date"], patient["main_goal"], patient["n_intermediate_fully"]) == (
        "patient", "2026-02-01", "not_rated", "1")
    (early,) = rows(export("early", records_=[trial_record()], fhir=False,
                           trial_assessment=Assessment.create(date(2026, 2, 15))), "trial_outcomes.csv")
    assert (early["rater"], early["main_goal"], early["assessment_date"]) == ("patient", "not_rated", "2026-02-15")


def test_weekly_figures_per_field(export):
    """Issue 15 §4 and instruments.md §4, by hand: a week with pain on 4 days and minutes on 3."""
    monday = date(2026, 3, 2)
    at = lambda d, **f: CheckIn.create(day=monday + timedelta(days=d),  # noqa: E731
                                       recorded_at=datetime.combine(monday + timedelta(days=d), time(20), tzinfo=TZ), **f)
    checkins = (at(0, pain=4, moderate_min=30, strength=True), at(1, pain=5, strength=False),
                at(2, pain=6, moderate_min=40, vigorous_min=10, strength=True), at(3, pain=5, strength=False),
                at(4, light_min=20), at(5, strength=False), at(6, regions=["neck"]))
    out = export(records_=[PatientRecord(key="w", label="W", checkins=checkins)], fhir=False)
    (week,) = rows(out, "weekly.csv")
    assert (week["iso_year"], week["iso_week"], week["week_start"]) == ("2026", "10", "2026-03-02")
    assert (week["pain_mean"], week["pain_days_reported"]) == ("5", "4")  # (4 + 5 + 6 + 5) / 4
    assert (week["activity_days_reported"], week["moderate_min"], week["who_aerobic_met"]) == ("3", "", "")
    assert (week["strength_days_reported"], week["strength_days"], week["who_strength_met"]) == ("5", "2", "1")
    assert (week["wpi_days_reported"], week["wpi_mean"], week["regions_week"]) == ("1", "", "neck")


class TestDeidentification:
    def test_no_labels_keys_or_internal_ids(self, export, records):
        out = export()
        text = "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file())
        secrets = ["Anna", "Andersson", "Bertil", "fp-anna", "fp-bertil"]
        secrets += [c.id for r in records for c in r.checkins[:20]]
        secrets += [g.id for r in records for g in r.goals] + [q.id for r in records for q in r.questionnaires[:5]]
        assert not [s for s in secrets if s in text]

    def test_notes_are_dropped_unless_asked(self, export, records):
        out = export()
        assert "note" not in rows(out, "checkins.csv")[0] and "notes" not in rows(out, "daily.csv")[0]
        text = "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file())
        notes = {c.note for r in records for c in r.checkins if c.note}
        assert notes and not [n for n in notes if n in text]

    def test_included_notes_are_neutralised(self, export):
        out = export(include_notes=True)
        notes = [r["note"] for r in rows(out, "checkins.csv") if r["note"]]
        assert "'" + FORMULA_NOTE in notes
        assert all(not n.lstrip(" ").startswith(("=", "+", "-", "@")) for n in notes)
        assert read_table(out, "checkins.csv").note.notna().any()

    def test_date_shift_keeps_weekdays_and_intervals(self, export, records):
        plain, shifted = rows(export("plain", fhir=False), "daily.csv"), rows(export("shifted", fhir=False, date_shift=True), "daily.csv")
        assert len(plain) == len(shifted)
        shifts = {}
        for a, b in zip(plain, shifted):
            assert a["study_id"] == b["study_id"] and a["weekday"] == b["weekday"]
            delta = (date.fromisoformat(b["day"]) - date.fromisoformat(a["day"])).days
            shifts.setdefault(a["study_id"], set()).add(delta)
        for deltas in shifts.values():
            (delta,) = deltas  # one shift per patient
            assert delta < 0 and delta % 7 == 0
        plain_q = rows(export("pq", fhir=False), "questionnaires.csv")
        shifted_q = rows(export("sq", fhir=False, date_shift=True), "questionnaires.csv")
        sid = plain_q[0]["study_id"]
        assert (date.fromisoformat(shifted_q[0]["completed_on"]) - date.fromisoformat(plain_q[0]["completed_on"])).days \
            in shifts[sid]

    def test_same_salt_same_ids(self, export):
        first = {r["study_id"] for r in rows(export("a", fhir=False), "goals.csv")}
        again = {r["study_id"] for r in rows(export("b", fhir=False), "goals.csv")}
        other = {r["study_id"] for r in rows(export("c", fhir=False, salt=bytes(32)), "goals.csv")}
        assert first == again and not first & other

    def test_files_are_owner_only(self, export):
        out = export()
        for path in [out, *out.rglob("*")]:
            mode = stat.S_IMODE(os.stat(path).st_mode)
            assert mode & 0o077 == 0, path


class TestWholeOrNothing:
    def test_an_existing_folder_is_never_overwritten(self, export, tmp_path):
        (tmp_path / "out").mkdir()
        (tmp_path / "out" / "keep.txt").write_text("mine")
        with pytest.raises(DiaryError, match="already exists"):
            export()
        assert (tmp_path / "out" / "keep.txt").read_text() == "mine"

    def test_an_empty_folder_is_used(self, export, tmp_path):
        (tmp_path / "out").mkdir()
        assert (export(fhir=False) / "daily.csv").exists()

    def test_failure_midway_leaves_nothing(self, tmp_path, records):
        def broken():
            yield records[0]
            raise RuntimeError("reader failed")

        with pytest.raises(RuntimeError):
            export_research(broken(), tmp_path / "out", options=ResearchOptions(salt=SALT), today=NOW.date())
        assert list(tmp_path.iterdir()) == []

    def test_a_full_disk_is_one_sentence_and_leaves_nothing(self, tmp_path, records, monkeypatch):
        from diary.research import sinks

        def full(self):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(sinks._TextOut, "flush", full)
        with pytest.raises(DiaryError, match="is full, so the research export was not written") as info:
            export_research(records, tmp_path / "out", options=ResearchOptions(salt=SALT), today=NOW.date())
        assert "No space left" not in str(info.value)
        assert list(tmp_path.iterdir()) == []

    def test_a_patient_twice_is_refused(self, tmp_path, records):
        with pytest.raises(DiaryError, match="came twice"):
            export_research([records[0], records[0]], tmp_path / "out", options=ResearchOptions(salt=SALT),
                            today=NOW.date())
        assert list(tmp_path.iterdir()) == []


def test_t_scores_by_day_match_the_domain_t_score(records):
    from diary.domain.goal_progress import intermediate_t_score
    from diary.domain.goals import Rater
    from diary.research.tables import t_scores_by_day

    goals, ratings = list(records[0].goals), list(records[0].ratings)
    by_day = t_scores_by_day(goals, ratings, Rater.PATIENT)
    assert len(by_day) > 5
    assert all(by_day[day] == intermediate_t_score(goals, ratings, rater=Rater.PATIENT, at=day) for day in by_day)


def issue15_record() -> PatientRecord:
    from diary.services.demo import completed_response

    day = date(2026, 3, 2)
    noon = lambda hour, **f: CheckIn.create(day=day, recorded_at=datetime.combine(day, time(hour), tzinfo=TZ), **f)  # noqa: E731
    checkins = (noon(9, pain=4, regions=["neck"]), noon(15, pain=9, extra=True), noon(18, pain=7, extra=True))
    at = datetime.combine(day, time(20), tzinfo=TZ)
    questionnaires = (completed_response("rand36", [1] * 36, at), completed_response("hads", [1] * 14, at),
                      completed_response("phq15", [1] * 15, at))
    return PatientRecord(key="i15", label="L", checkins=checkins, questionnaires=questionnaires)


def test_the_days_pain_and_momentary_pain_columns(export):
    """Issue 15 §2: the first check-in's 24-hour 4 and two momentary 9 and 7 are not a day of 6.67."""
    out = export(records_=[issue15_record()], fhir=False)
    (day,) = rows(out, "daily.csv")
    assert (day["pain"], day["pain_now_mean"], day["pain_now_max"], day["pain_now_n"]) == ("4", "8", "9", "2")
    assert [(c["pain"], c["pain_recall"]) for c in rows(out, "checkins.csv")] == [("4", "24h"), ("9", "now"), ("7", "now")]


def test_the_codebook_says_what_each_instrument_has(export):
    """Issue 15 §7: no total rows for RAND-36 and HADS, subscales with range and direction, raw codes typed."""
    book = rows(export(records_=[issue15_record()], fhir=False), "codebook.csv")
    by = lambda instrument, variable: [r for r in book if r["instrument"] == instrument and r["variable"] == variable]  # noqa: E731
    assert not by("rand36", "total") and not by("hads", "total")
    rand = by("rand36", "subscales")
    assert len(rand) == 8 and all(r["allowed_range"] == "0–100" and "higher = better (100 = best)" in r["label"]
                                  for r in rand)
    hads = by("hads", "subscales")
    assert {r["allowed_range"] for r in hads} == {"0–21"} and all("higher = worse" in r["label"] for r in hads)
    assert by("phq15", "total")[0]["label"].count("bands validated for the 4-week version") == 1
    assert {r["type"] for i in ("rand36", "hads", "phq15") for r in by(i, "answer")} == {"integer"}
    generic = {(r["file"], r["variable"]): r for r in book if not r["instrument"] or r["file"] == "daily.csv"}
    assert generic[("daily.csv", "light_min")]["allowed_range"] == "0–1440"
    assert generic[("daily.csv", "sleep_hours")]["allowed_range"] == "0–24 in steps of 0.25 (quarter hours)"
    assert "integer-scored" in generic[("questionnaires.csv", "total_rounded")]["label"]


def test_wpi_item_answers_are_booleans():
    from diary.domain.instruments import INSTRUMENTS
    from diary.research.codebook import answer_type

    assert answer_type(INSTRUMENTS["wpi19"]) == "boolean" and answer_type(INSTRUMENTS["vas_0_100"]) == "decimal"
    assert answer_type(INSTRUMENTS["phq9"]) == "integer"
