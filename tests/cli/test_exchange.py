"""`diary key | pair | export | import | caseload | rate-goal`, and --clinician, as a user runs them."""

from __future__ import annotations

import json
import stat

import pytest

from diary.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def homes(tmp_path, capsys):
    """A patient home with 40 demo days and a clinician home, paired through key files."""
    patient, clinic = str(tmp_path / "anna"), str(tmp_path / "clinic")
    assert run(capsys, "--home", patient, "demo", "--days", "40")[0] == 0
    code, physio_key, _ = run(capsys, "--home", clinic, "--clinician", "key")
    assert code == 0 and physio_key.startswith("DIARY-BOX1:")
    (tmp_path / "physio.key").write_text(physio_key)
    code, anna_key, _ = run(capsys, "--home", patient, "key")
    assert code == 0 and anna_key.startswith("DIARY-SIG1:")
    code, out, _ = run(capsys, "--home", patient, "pair", str(tmp_path / "physio.key"), "--label", "Physio Berg")
    assert code == 0 and "Paired \"Physio Berg\"" in out
    patient_number = out.split("same):\n")[1].strip()
    code, out, _ = run(capsys, "--home", clinic, "--clinician", "pair", anna_key.splitlines()[0], "--label", "Anna L.")
    assert code == 0 and out.split("same):\n")[1].strip() == patient_number
    return patient, clinic, tmp_path


def test_the_whole_loop(homes, capsys):
    patient, clinic, tmp = homes
    out_file = tmp / "out" / "anna.diary"
    out_file.parent.mkdir()
    code, out, _ = run(capsys, "--home", patient, "export", "--to", "Physio Berg", "--out", str(out_file))
    assert code == 0 and f"Wrote {out_file}" in out and "everything up to" in out
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    code, out, _ = run(capsys, "--home", clinic, "--clinician", "import", str(out_file))
    assert code == 0 and "imported - Imported Anna L.'s export no." in out
    code, out, _ = run(capsys, "--home", clinic, "--clinician", "import", str(out_file))
    assert code == 0 and "already imported" in out
    junk = tmp / "junk.diary"
    junk.write_bytes(b"%PDF-1.7")
    code, out, _ = run(capsys, "--home", clinic, "--clinician", "import", str(out_file), str(junk))
    assert code == 1 and "refused (not_an_export)" in out and "1 of 2 files imported or already there." in out
    code, out, _ = run(capsys, "--home", clinic, "--clinician", "caseload", "--json")
    data = json.loads(out)
    assert code == 0 and [p["label"] for p in data["patients"]] == ["Anna L."]
    assert data["patients"][0]["days_logged_14"] >= 10 and data["trial_figure"]["patients"] == 1
    code, out, _ = run(capsys, "--home", clinic, "caseload")  # the home remembers it is a clinician's
    assert code == 0 and out.startswith("patient") and "Anna L." in out and "Trial figure for 1 patient;" in out
    assert "Main goal fully attained: " in out and "of complete cases" in out and "(intention to treat" in out
    outcome = data["trial_outcomes"][0]
    assert outcome["label"] == "Anna L." and outcome["rater"] == "patient" and outcome["main_goal"] in (
        "fully", "partially", "not")
    assert data["trial_figure"]["main_fully_itt"]["n"] == 1
    code, out, _ = run(capsys, "--home", clinic, "caseload", "--json", "--rater", "physiotherapist")
    figure = json.loads(out)["trial_figure"]
    assert figure["rater"] == "physiotherapist" and figure["main_fully_complete_cases"]["text"] == "0 of 0 (–)"
    code, out, _ = run(capsys, "--home", clinic, "caseload", "--at", "1999-01-01", "--window-days", "7")
    assert code == 0 and "0 of 0 (–)" in out and "1998-12-25 to 1999-01-08" in out  # no main goal back then
    code, _, err = run(capsys, "--home", clinic, "caseload", "--window-days", "7")
    assert code == 2 and "A window needs a date" in err


def test_passphrase_file_made_when_missing_then_used_to_import(homes, capsys):
    patient, clinic, tmp = homes
    words = tmp / "words.txt"
    code, out, _ = run(capsys, "--home", patient, "export", "--passphrase-file", str(words), "--since", "all",
                       "--no-notes", "--out", str(tmp / "p.diary"))
    assert code == 0 and "anyone with the passphrase" in out and "notes left out" in out
    assert len(words.read_text().split()) == 6 and stat.S_IMODE(words.stat().st_mode) == 0o600
    code, out, _ = run(capsys, "--home", clinic, "--clinician", "import", str(tmp / "p.diary"))
    assert code == 1 and "passphrase_needed" in out
    code, out, _ = run(capsys, "--home", clinic, "--clinician", "import", str(tmp / "p.diary"),
                       "--passphrase-file", str(words))
    assert code == 0 and "imported -" in out


def test_rate_goal_and_a_protected_key(homes, capsys):
    patient, clinic, tmp = homes
    run(capsys, "--home", patient, "export", "--to", "Physio Berg", "--out", str(tmp / "a.diary"))
    run(capsys, "--home", clinic, "--clinician", "import", str(tmp / "a.diary"))
    from diary.services.bootstrap import open_diary

    home = open_diary(tmp / "clinic")
    goal = home.patient_record("Anna L.").goals[0]
    home.close()
    code, out, _ = run(capsys, "--home", clinic, "rate-goal", "Anna L.", goal.id[:8], "--level", "0")
    assert code == 0 and "level +0, fully attained" in out
    code, _, err = run(capsys, "--home", clinic, "rate-goal", "Anna L.", goal.id[:8], "--worse")
    assert code == 2 and "This goal has levels: choose level −2" in err
    key_words = tmp / "key-words.txt"
    code, out, _ = run(capsys, "--home", clinic, "key", "--protect", "--passphrase-file", str(key_words))
    assert code == 0 and "now protected" in out
    code, _, err = run(capsys, "--home", clinic, "import", str(tmp / "a.diary"))
    assert code == 2 and "protected by a passphrase" in err
    code, out, _ = run(capsys, "--home", clinic, "import", str(tmp / "a.diary"), "--key-passphrase-file",
                       str(key_words))
    assert code == 0 and "already imported" in out


@pytest.mark.parametrize("argv,message", [
    (["--clinician", "info"], "holds a patient's diary, so it cannot be opened as a clinician's caseload"),
    (["caseload"], "needs a clinician's caseload"),
    (["import", "x.diary"], "needs a clinician's caseload"),
    (["export", "--to", "Nobody", "--out", "x.diary"], "No paired recipient matches \"Nobody\""),
    (["export", "--to", "Physio Berg", "--since", "yesterday", "--out", "x.diary"], "--since must be a date"),
    (["pair", "DIARY-BOX1:NOTAKEY"], "incomplete or too long"),
])
def test_patient_home_mistakes_are_one_sentence_and_exit_2(homes, capsys, argv, message):
    patient, _, _ = homes
    code, _, err = run(capsys, "--home", patient, *argv)
    assert code == 2 and message in err and "Traceback" not in err


@pytest.mark.parametrize("argv,message", [
    (["log", "--pain", "3"], "'diary log' needs a patient's diary"),
    (["goal", "list"], "needs a patient's diary"),
    (["export", "--to", "x", "--out", "x.diary"], "Exporting needs a patient's diary"),
    (["pair", "DIARY-BOX1:" + "A" * 56], "typing error"),
    (["demo", "--days", "10"], "--patients N"),
])
def test_clinician_home_mistakes_are_one_sentence_and_exit_2(homes, capsys, argv, message):
    _, clinic, _ = homes
    code, _, err = run(capsys, "--home", clinic, *argv)
    assert code == 2 and message in err and "Traceback" not in err


def test_clinician_demo_caseload(tmp_path, capsys):
    code, out, _ = run(capsys, "--home", str(tmp_path / "c"), "--clinician", "demo", "--patients", "5", "--days", "30")
    assert code == 0 and "Wrote 5 demo patients" in out
    code, out, _ = run(capsys, "--home", str(tmp_path / "c"), "caseload", "--json")
    assert len(json.loads(out)["patients"]) == 5


def test_every_new_command_has_help(capsys):
    for name in ("key", "pair", "export", "import", "caseload", "rate-goal"):
        with pytest.raises(SystemExit) as exit_:
            main([name, "--help"])
        assert exit_.value.code == 0 and "usage: diary" in capsys.readouterr().out
