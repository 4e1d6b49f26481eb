"""Questionnaire service: due dates, drafts, scoring with versions, clinic wording, the crisis text."""

import json
from datetime import timedelta

import pytest

from diary.domain.errors import ValidationFailed


@pytest.fixture
def q(diary):
    return diary.questionnaires


def answer_all(q, instrument_id, value):
    r = q.start(instrument_id)
    for i in range(len(r.answers)):
        r = q.answer(r.id, i, value)
    return q.complete(r.id)


class TestDue:
    def test_scheduled_instruments_are_due_at_start_then_on_their_rhythm(self, q, clock):
        due = {d.instrument_id for d in q.due()}
        assert {"phq15", "phq9", "gad7"} & set(q.administrable()) <= due
        if "phq15" not in q.administrable():
            pytest.skip("PHQ-15 wording not shipped")
        answer_all(q, "phq15", 1)
        assert "phq15" not in {d.instrument_id for d in q.due()}
        clock.now += timedelta(days=7)
        assert "phq15" in {d.instrument_id for d in q.due()}

    def test_schedule_is_adjustable_and_checked(self, q):
        instrument = q.administrable()[0]
        q.set_schedule(instrument, 3)
        assert q.schedule()[instrument] == (3, True)
        with pytest.raises(ValidationFailed, match="every 1 to 365 days"):
            q.set_schedule(instrument, 0)


class TestAnswering:
    def test_draft_is_kept_and_resumed(self, q):
        instrument = q.administrable()[0]
        r = q.start(instrument)
        r = q.answer(r.id, 0, r.answers[0] if r.answers[0] is not None else 1)
        again = q.start(instrument)
        assert again.id == r.id and again.answers[0] == 1 and again.next_unanswered == 1

    def test_complete_stores_answers_score_and_version(self, q):
        if "phq9" not in q.administrable():
            pytest.skip("PHQ-9 wording not shipped")
        r = q.start("phq9")
        for i, v in enumerate([1, 1, 1, 1, 1, 1, 1, 1, 0]):
            r = q.answer(r.id, i, v)
        done = q.complete(r.id)
        [stored] = q.history("phq9")
        assert stored == done
        assert stored.result.total == 8.0 and stored.result.band == "mild" and stored.version.startswith("PHQ-9")
        assert stored.answers == (1, 1, 1, 1, 1, 1, 1, 1, 0)

    def test_item9_flag_even_when_invalid(self, q):
        if "phq9" not in q.administrable():
            pytest.skip("PHQ-9 wording not shipped")
        r = q.start("phq9")
        r = q.answer(r.id, 8, 2)
        done = q.complete(r.id)
        assert not done.result.valid and "item9_positive" in done.result.flags

    def test_bad_answer_is_refused(self, q):
        instrument = q.administrable()[0]
        r = q.start(instrument)
        with pytest.raises(ValidationFailed, match="is not allowed"):
            q.answer(r.id, 0, 99)

    def test_finishing_with_nothing_answered_is_refused(self, q):
        r = q.start(q.administrable()[0])
        with pytest.raises(ValidationFailed, match="at least one question"):
            q.complete(r.id)

    def test_phq15_is_the_modified_7_day_recall(self, q):
        if "phq15" not in q.administrable():
            pytest.skip("PHQ-15 wording not shipped")
        done = answer_all(q, "phq15", 0)
        assert "7-day" in done.result.version or done.options.get("recall_days") == 7


class TestClinicWording:
    def wording_file(self, **overrides):
        body = {"instrument_id": "hads", "version": "HADS licensed copy", "language": "en",
                "title": "HADS", "instructions": "Tick the reply closest to how you have felt.",
                "items": [f"Licensed item {i}" for i in range(1, 15)],
                "options": [[0, "a"], [1, "b"], [2, "c"], [3, "d"]]}
        body.update(overrides)
        return json.dumps(body).encode()

    def test_a_valid_file_makes_the_instrument_administrable(self, q):
        assert "hads" not in q.administrable()
        q.add_wording(self.wording_file())
        assert "hads" in q.administrable()
        assert q.wording("hads").items[13] == "Licensed item 14"

    @pytest.mark.parametrize("overrides,message", [
        ({"items": ["x"] * 13}, "HADS has 14 items; the file has 13 item texts."),
        ({"options": [[0, "a"], [1, "b"], [2, "c"]]}, "item 1 takes the values 0, 1, 2 or 3"),
        ({"instrument_id": "nope"}, "nope"),
        ({"items": ["x\u202e"] * 14}, "hidden text-direction"),
    ])
    def test_bad_files_are_explained_and_nothing_stored(self, q, overrides, message):
        with pytest.raises(ValidationFailed, match=message):
            q.add_wording(self.wording_file(**overrides))
        assert "hads" not in q.administrable()

    def test_not_json(self, q):
        with pytest.raises(ValidationFailed, match="not valid JSON"):
            q.add_wording(b"\x89PNG not json")


def test_crisis_text_is_configurable(q):
    assert "emergency" in q.crisis_text()
    q.set_crisis_text("Call 1177 or 112.")
    assert q.crisis_text() == "Call 1177 or 112."
