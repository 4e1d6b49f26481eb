"""CSV cells (missing, numbers, formula neutralising) and the keyed study ids."""

import io
import os
import stat

import pytest

from diary.domain.errors import DiaryError
from diary.research.cells import CsvTable, Formatted, cell, neutralise
from diary.research.pseudonyms import load_or_create_salt, shift_weeks, study_id


class TestCells:
    @pytest.mark.parametrize("text", ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\t=1+1", "\r=1", "\n=1",
                                      "\0x", "   =1+1"])
    def test_formula_like_text_gets_a_quote(self, text):
        assert neutralise(text) == "'" + text

    @pytest.mark.parametrize("text", ["walked", "a = b", "50% better", "'quoted"])
    def test_ordinary_text_is_kept(self, text):
        assert neutralise(text) == text

    def test_values(self):
        assert cell(None) == "" and cell(0) == "0" and cell(-2) == "-2"
        assert cell("=1") == '"\'=1"' and cell('say "hi"') == '"say ""hi"""' 
        assert cell(True) == "1" and cell(False) == "0"
        assert cell(5.0) == "5" and cell(4.25) == "4.25" and cell(0.3333) == "0.3333"

    def test_a_formatted_run_writes_the_cells_its_values_would(self):
        # daily.csv's 21 body-map columns go in as one Formatted run: the line must be the one its values
        # would make spread out, and text that equals a run's text is still text (quoted), whichever of the
        # two the table's memo of cells met first.
        values = (3, True, None, "=x", 2.5, False)
        run = Formatted(values)
        assert run.text == '3,1,,"\'=x",2.5,0'
        for rows in ([("S1", run), ("S1", run.text)], [("S1", run.text), ("S1", run)]):
            out = io.StringIO()
            table = CsvTable(out, ["study_id", *"abcdef"])
            table.write_values(rows + rows)
            table.flush()
            expected = {run: '"S1",3,1,,"\'=x",2.5,0', run.text: '"S1","3,1,,""\'=x"",2.5,0"'}
            assert out.getvalue().splitlines()[1:] == [expected[r[1]] for r in rows + rows]
            spread = io.StringIO()
            plain = CsvTable(spread, ["study_id", *"abcdef"])
            plain.write_values([("S1", *values)])
            plain.flush()
            assert spread.getvalue().splitlines()[1] == expected[run]

    def test_a_run_made_again_is_the_same_cell_of_the_memo(self):
        # The body-map runs are made once per region set by a bounded cache: a run made again after the
        # cache let it go must find its memo entry, not add another (the memo would fill with copies).
        out = io.StringIO()
        table = CsvTable(out, ["a", "b"])
        table.write_values([("S1", Formatted((1, 2)))])
        size = len(table._cells)
        table.write_values([("S1", Formatted((1, 2))) for _ in range(5)])
        assert len(table._cells) == size
        assert Formatted((1, 2)) == Formatted((1, 2)) != "1,2" and Formatted((1, 2)) != Formatted((1, 3))


class TestStudyIds:
    def test_keyed_stable_and_distinct(self):
        salt, other = bytes(32), bytes(range(32))
        assert study_id(salt, "a") == study_id(salt, "a")
        assert study_id(salt, "a") != study_id(salt, "b")
        assert study_id(salt, "a") != study_id(other, "a")
        assert len(study_id(salt, "a")) == 13 and study_id(salt, "a").startswith("S")

    def test_shift_is_whole_weeks_back(self):
        shifts = {shift_weeks(bytes(32), f"p{i}") for i in range(200)}
        assert shifts <= set(range(-52, 0)) and len(shifts) > 20


class TestSaltFile:
    def test_made_owner_only_then_reused(self, tmp_path):
        path = tmp_path / "clinic" / "salt.txt"
        salt, created = load_or_create_salt(path)
        assert created and len(salt) == 32
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert load_or_create_salt(path) == (salt, False)

    def test_not_a_salt_file(self, tmp_path):
        path = tmp_path / "notes.txt"
        path.write_text("hello\n")
        with pytest.raises(DiaryError, match="not a research salt file"):
            load_or_create_salt(path)
