"""`diary report` and `diary research-export` from the command line, and where records come from."""

import os
import stat

import pytest

from diary.cli import main
from diary.domain.errors import DiaryError
from diary.exchange import encode_public_key, generate_clinician_key
from diary.services.records import record_for_report, records_for


@pytest.fixture
def home(tmp_path):
    home = tmp_path / "home"
    assert main(["--home", str(home), "demo", "--days", "60"]) == 0
    return home


class TestReportCommand:
    def test_writes_a_pdf(self, home, tmp_path, capsys):
        out = tmp_path / "visit.pdf"
        assert main(["--home", str(home), "report", "--out", str(out), "--weeks", "4"]) == 0
        assert out.read_bytes().startswith(b"%PDF-")
        assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
        assert "Wrote the 4-week summary" in capsys.readouterr().out

    @pytest.mark.parametrize("argv, message", [
        (["--out", "x.txt"], "ending in .pdf"),
        (["--out", "x.pdf", "--weeks", "0"], "--weeks must be from 1"),
        (["--out", "x.pdf", "--patient", "Anna"], "patient's own diary"),
        (["--out", "/nonexistent-folder/x.pdf"], "does not exist"),
    ])
    def test_bad_input_is_one_sentence(self, home, argv, message, capsys):
        assert main(["--home", str(home), "report", *argv]) == 2
        assert message in capsys.readouterr().err


class TestResearchExportCommand:
    def test_makes_a_salt_and_a_data_set(self, home, tmp_path, capsys):
        out = tmp_path / "data"
        assert main(["--home", str(home), "research-export", "--out", str(out), "--date-shift"]) == 0
        printed = capsys.readouterr().out
        salt = home / "research-salt.txt"
        assert f"Made a new salt file {salt}" in printed and "1 patient" in printed
        assert stat.S_IMODE(os.stat(salt).st_mode) == 0o600
        assert (out / "daily.csv").exists() and len(list((out / "fhir").iterdir())) == 1
        assert main(["--home", str(home), "research-export", "--out", str(tmp_path / "again"), "--no-fhir"]) == 0
        assert "Made a new salt" not in capsys.readouterr().out
        assert not (tmp_path / "again" / "fhir").exists()

    def test_sealed_to_a_key(self, home, tmp_path):
        key = generate_clinician_key()
        key_file = tmp_path / "team.key"
        key_file.write_text(encode_public_key(key.public_key) + "\n")
        out = tmp_path / "sealed"
        assert main(["--home", str(home), "research-export", "--out", str(out), "--seal-to", str(key_file),
                     "--salt-file", str(tmp_path / "salt")]) == 0
        assert (out / "daily.csv.sealed").exists() and not (out / "daily.csv").exists()

    @pytest.mark.parametrize("argv, message", [
        (["--patients", "Anna"], "only for a clinician's home"),
        (["--seal-to", "DIARY-BOX1:nonsense"], "--seal-to"),
    ])
    def test_bad_input_is_one_sentence(self, home, tmp_path, argv, message, capsys):
        assert main(["--home", str(home), "research-export", "--out", str(tmp_path / "o"), *argv]) == 2
        assert message in capsys.readouterr().err
        assert not (tmp_path / "o").exists()


class FakeClinicianHome:
    """The contract a clinician's home offers (Diary.role, patient_records, patient_record)."""

    role = "clinician"

    def __init__(self, records):
        self.records = {r.label: r for r in records}
        self.asked = []

    def patient_records(self, labels, *, streaming=False):
        self.asked.append(labels)
        for label, record in self.records.items():
            if labels is None or label in labels:
                yield record

    def patient_record(self, label):
        if label not in self.records:
            raise DiaryError(f"No patient is called \"{label}\" in this caseload.")
        return self.records[label]


class TestRecordSources:
    def test_a_clinician_home_streams_the_chosen_patients(self, records):
        home = FakeClinicianHome(records)
        assert [r.label for r in records_for(home, None)] == ["Anna Andersson", "Bertil Berg"]
        assert [r.label for r in records_for(home, ["Bertil Berg"])] == ["Bertil Berg"]

    def test_a_clinician_report_needs_a_patient(self, records):
        home = FakeClinicianHome(records)
        with pytest.raises(DiaryError, match="--patient"):
            record_for_report(home, None)
        assert record_for_report(home, "Anna Andersson").label == "Anna Andersson"
        with pytest.raises(DiaryError, match="No patient is called"):
            record_for_report(home, "Nobody")
