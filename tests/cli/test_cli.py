"""The command line, run as a user would run it (in-process through main(), and once as a process)."""

import json
import subprocess
import sys

import pytest

from diary.cli import COMMANDS, build_parser, main
from diary.storage.migrations import LATEST_VERSION


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class TestHelp:
    def test_every_command_has_help(self, capsys):
        for name in COMMANDS:
            with pytest.raises(SystemExit) as exit_:
                main([name, "--help"])
            assert exit_.value.code == 0
            assert "usage: diary" in capsys.readouterr().out

    def test_top_level_help_lists_every_command(self):
        help_text = build_parser().format_help()
        for name in COMMANDS:
            assert name in help_text


class TestLog:
    def test_logs_a_checkin_and_info_counts_it(self, tmp_path, capsys):
        home = str(tmp_path / "h")
        code, out, _ = run(capsys, "--home", home, "log", "--pain", "6", "--stress", "4",
                           "--regions", "neck,lower_back", "--moderate", "20", "--note", "walked")
        assert code == 0 and out.startswith("Saved a check-in for ")
        code, out, _ = run(capsys, "--home", home, "info", "--json")
        info = json.loads(out)
        assert code == 0 and info["days_logged"] == 1 and info["checkins"] == 1 and info["schema_version"] == LATEST_VERSION

    @pytest.mark.parametrize("args,message", [
        (["--pain", "11"], "Pain must be a whole number from 0 to 10 (got 11)."),
        (["--pain", "six"], "Pain must be a whole number (got 'six')."),
        (["--regions", "knee"], "Unknown body region 'knee'; allowed: jaw_left"),
        (["--date", "2999-01-01", "--pain", "3"], "is in the future"),
        (["--date", "2026-02-30", "--pain", "3"], "not a real date"),
        ([], "Nothing to save yet"),
    ])
    def test_bad_input_says_why_exits_2_and_stores_nothing(self, tmp_path, capsys, args, message):
        home = str(tmp_path / "h")
        code, _, err = run(capsys, "--home", home, "log", *args)
        assert code == 2 and message in err and "Traceback" not in err
        code, out, _ = run(capsys, "--home", home, "info", "--json")
        assert json.loads(out)["checkins"] == 0

    def test_unwritable_home_is_explained(self, tmp_path, capsys):
        blocker = tmp_path / "file"
        blocker.write_text("x")
        code, _, err = run(capsys, "--home", str(blocker / "home"), "info")
        assert code == 2 and "Cannot use the data folder" in err


class TestDemo:
    def test_fills_an_empty_home_and_refuses_real_data(self, tmp_path, capsys):
        home = str(tmp_path / "h")
        code, out, _ = run(capsys, "--home", home, "demo", "--days", "30", "--seed", "3")
        assert code == 0 and "demo check-ins" in out
        real = str(tmp_path / "real")
        run(capsys, "--home", real, "log", "--pain", "2")
        code, _, err = run(capsys, "--home", real, "demo", "--days", "30")
        assert code == 2 and "already holds a real diary" in err

    def test_same_seed_same_data(self, tmp_path, capsys):
        infos = []
        for name in ("a", "b"):
            run(capsys, "--home", str(tmp_path / name), "demo", "--days", "60", "--seed", "7")
            infos.append(json.loads(run(capsys, "--home", str(tmp_path / name), "info", "--json")[1]))
        assert infos[0]["checkins"] == infos[1]["checkins"] > 40


def test_python_dash_m_works(tmp_path):
    done = subprocess.run([sys.executable, "-m", "diary", "--home", str(tmp_path / "h"), "info"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "schema version" in done.stdout


class TestScore:
    def test_scores_a_paper_form_with_a_missing_answer(self, capsys):
        code, out, _ = run(capsys, "score", "phq9", "0,1,2,,3,1,1,1,2")
        result = json.loads(out)
        assert code == 0 and result["valid"] and result["total"] == 12.38 and result["band"] == "moderate"
        assert "item9_positive" in result["flags"] and result["n_answered"] == 8

    def test_options_and_gas_pairs(self, capsys):
        code, out, _ = run(capsys, "score", "gas", "--", "-2:3,0:5,-1:1,2:4,0:2,1:6")  # "--": answers start with "-"
        assert code == 0 and json.loads(out)["total"] == 55.0
        code, out, _ = run(capsys, "score", "wsas", ",2,3,4,5", "--option", "item1_not_applicable=true")
        assert code == 0 and json.loads(out)["valid"]

    @pytest.mark.parametrize("args,message", [
        (["phq9", "0,1,2,4,3,1,1,1,2"], "PHQ-9 item 4: 4 is not allowed; answers are 0, 1, 2 or 3"),
        (["phq9", "1,1"], "PHQ-9 has 9 items; got 2 answers."),
        (["nope", "1"], "nope"),
        (["phq9", "0,0,0,0,0,0,0,0,0", "--option", "colour=red"], "has no option 'colour'"),
    ])
    def test_bad_answers_are_named(self, capsys, args, message):
        code, _, err = run(capsys, "score", *args)
        assert code == 2 and message in err
