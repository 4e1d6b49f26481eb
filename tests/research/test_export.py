"""The tidy data set: loads with its codebook's types, missing is empty, de-identified at the source,
written whole or not at all."""

import csv
import errno
import os
import stat
from datetime import date

import pytest

from diary.domain.errors import DiaryError
from diary.domain.goals import Goal, Rating
from diary.domain.patient_record import PatientRecord
from diary.research import codebook
from diary.research.export import export_research, ResearchOptions
from tests.conftest import NOW
from tests.research.conftest import FORMULA_NOTE, SALT, codebook_types, read_table

CSV_FILES = ["daily.csv", "checkins.csv", "questionnaires.csv", "questionnaire_items.csv", "goals.csv",
             "goal_ratings.csv", "trial_outcomes.csv"]


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
        assert sorted(p.name for p in out.iterdir()) == sorted([*CSV_FILES, "codebook.csv", "README.md", "README.sv.md", "fhir"])

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
        assert ratings.t_score.between(10, 90).all()
        assert len(outcomes) == 3 * len(records)
        anyone = outcomes[outcomes.rater_basis == "any"]
        assert anyone.main_fully_attained.notna().all()


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
    out = export(records_=[trial_record()], fhir=False)
    by_basis = {r["rater_basis"]: r for r in rows(out, "trial_outcomes.csv")}
    physio = by_basis["physiotherapist"]
    assert (physio["review_date"], physio["main_fully_attained"], physio["intermediate_rated"],
            physio["intermediate_fully"], physio["intermediate_fully_share"]) == ("2026-03-01", "1", "3", "1", "0.3333")
    patient = by_basis["patient"]
    assert (patient["main_fully_attained"], patient["intermediate_rated"], patient["intermediate_fully_share"]) == \
        ("", "1", "1")


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
    from diary.domain.goal_progress import t_score
    from diary.research.tables import t_scores_by_day

    goals, ratings = list(records[0].goals), list(records[0].ratings)
    by_day = t_scores_by_day(goals, ratings)
    assert len(by_day) > 5
    assert all(by_day[day] == t_score(goals, ratings, at=day) for day in by_day)
