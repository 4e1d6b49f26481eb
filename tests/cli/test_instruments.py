"""`diary instrument list | add FILE | schedule ID`, run as a user would."""

import json

from diary.cli import main
from tests.ui.test_settings_forms import HADS


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_the_built_in_questionnaires_and_their_schedules(capsys, tmp_path):
    code, out, _ = run(capsys, "--home", str(tmp_path / "h"), "instrument", "list", "--json")
    rows = {row["id"]: row for row in json.loads(out)}
    assert code == 0 and set(rows) == {"phq15", "phq9", "gad7", "rand36"}
    assert rows["phq15"]["every_days"] == 7 and rows["rand36"]["every_days"] == 91


def test_add_a_wording_file_then_schedule_it(capsys, tmp_path):
    home, wording = str(tmp_path / "h"), tmp_path / "hads.json"
    wording.write_text(json.dumps(HADS))
    code, out, _ = run(capsys, "--home", home, "instrument", "add", str(wording))
    assert code == 0 and "Loaded the wording for HADS (en)" in out
    code, out, _ = run(capsys, "--home", home, "instrument", "schedule", "hads", "--every", "28")
    assert code == 0 and out.strip() == "HADS is now due every 28 days."
    _, out, _ = run(capsys, "--home", home, "instrument", "list", "--json")
    assert {"id": "hads", "name": "HADS", "every_days": 28, "enabled": True} == {
        k: v for k, v in next(r for r in json.loads(out) if r["id"] == "hads").items() if k != "due_on"}


def test_a_bad_wording_file_is_refused_with_a_sentence(capsys, tmp_path):
    home, wording = str(tmp_path / "h"), tmp_path / "hads.json"
    wording.write_text(json.dumps({**HADS, "options": [[0, "a"], [1, "b"], [2, "c"], [7, "d"]]}))
    code, _, err = run(capsys, "--home", home, "instrument", "add", str(wording))
    assert code == 2 and err.startswith("diary: ") and "7" in err
    code, _, err = run(capsys, "--home", home, "instrument", "add", str(tmp_path / "missing.json"))
    assert code == 2 and "Could not read" in err


def test_schedule_refuses_an_instrument_without_wording(capsys, tmp_path):
    code, _, err = run(capsys, "--home", str(tmp_path / "h"), "instrument", "schedule", "hads", "--off")
    assert code == 2 and "cannot be administered" in err and "phq15" in err


def test_clinician_is_honoured_and_the_home_is_closed(capsys, tmp_path, monkeypatch):
    """`--clinician` makes a clinician's home here too, and the command closes what it opened."""
    from diary.services import bootstrap

    closed = []
    real_close = bootstrap.Diary.close
    monkeypatch.setattr(bootstrap.Diary, "close", lambda self: closed.append(self.role) or real_close(self))
    home = str(tmp_path / "clinic")
    code, _, _ = run(capsys, "--home", home, "--clinician", "instrument", "list", "--json")
    assert code == 0 and closed == ["clinician"]
    code, out, _ = run(capsys, "--home", home, "key")
    assert code == 0 and out.startswith("DIARY-BOX1:")  # a clinician's box key, not a patient's signing key
