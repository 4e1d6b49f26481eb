"""Diary.record(): a patient's own home as one PatientRecord (what reports and exports read)."""

from datetime import date

from diary.services.demo import fill_demo


def test_record_holds_everything_the_home_holds(diary):
    fill_demo(diary, days=60, seed=3)
    record = diary.record()
    assert record.key == "self" and record.label is None
    assert len(record.checkins) == diary.checkins.count()
    assert {g.id for g in record.goals} == {g.id for g in diary.goals.all_goals()}
    assert len(record.ratings) == len(diary.goals.all_ratings()) > 0
    assert len(record.questionnaires) == len(diary.questionnaires.all_completed()) > 0
    assert record.plan and record.notes_included


def test_record_since_limits_dated_rows_but_keeps_goals_whole(diary):
    fill_demo(diary, days=60, seed=3)
    since = date(2026, 3, 1)
    record = diary.record(since=since, include_notes=False)
    assert record.checkins and all(c.day >= since for c in record.checkins)
    assert all(c.note is None for c in record.checkins)
    assert all(r.rated_on >= since for r in record.ratings)
    assert len(record.goals) == len(diary.goals.all_goals())
    assert not record.notes_included
