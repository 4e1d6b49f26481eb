"""The Import screen: one or many files, one line per file (imported, already here, newer, superseded,
refused with its category and sentence), passphrase files, a locked key, and the import log."""

from __future__ import annotations

import pytest

from diary.services.bootstrap import open_diary
from diary.ui.clinician.import_screen import ImportScreen, PickedFile
from tests.conftest import FixedClock


class Picker:
    """Stands in for the file dialog: returns what the test put in `files`."""

    def __init__(self):
        self.files: list[PickedFile] = []
        self.fail = False

    async def __call__(self):
        if self.fail:
            raise RuntimeError("no dialog")
        return self.files

    def choose(self, *paths, as_path: bool = False):
        self.files = [PickedFile(p.name, path=str(p)) if as_path else PickedFile(p.name, p.read_bytes())
                      for p in paths]


@pytest.fixture
def picker():
    return Picker()


@pytest.fixture
def importer(clinic, picker, screen):
    return screen(lambda: ImportScreen(clinic, pick_files=picker))


def lines(ui, n: int) -> list[str]:
    return [ui.find(f"result-{i}-line").value for i in range(n)]


class TestOneFileAtATime:
    def test_import_then_again_then_newer_then_the_old_one(self, clinic, patients, picker, importer):
        ui = importer
        patients.add("Anna L.", days=10)
        first = patients.export("Anna L.", name="first.diary")
        picker.choose(first)
        ui.click("pick-files")
        assert lines(ui, 1) == ["first.diary: Imported"]
        assert ui.find("result-0-sentence-0").value.startswith("Imported Anna L.'s export no. ")
        assert ui.find("import-status").value == "1 imported."
        assert not ui.find("import-progress").visible
        before = clinic.patient_record("Anna L.")

        ui.click("pick-files")  # the same file again
        assert lines(ui, 1) == ["first.diary: Already here"]
        assert "nothing changed" in ui.find("result-0-sentence-0").value
        assert clinic.patient_record("Anna L.") == before

        newer = patients.export("Anna L.", name="second.diary")
        picker.choose(newer)
        ui.click("pick-files")
        assert lines(ui, 1) == ["second.diary: Newer export: replaced the older one"]

        picker.choose(first)
        ui.click("pick-files")
        assert lines(ui, 1) == ["first.diary: Superseded: a newer export is already here (older export)"]
        assert ui.find("import-status").value == "1 superseded."
        assert "a newer one" in ui.find("result-0-sentence-0").value

    def test_a_file_for_another_physiotherapist_is_refused_with_what_to_do(self, clinic, patients, picker, importer,
                                                                          tmp_path):
        other = open_diary(tmp_path / "other-clinic", clock=FixedClock(), role="clinician")
        anna = patients.add("Anna L.", days=5)
        anna.pairing.pair(other.pairing.own_key().text, label="Other physio")
        path = patients.export("Anna L.", name="for-other.diary", to=["Other physio"])
        other.close()
        picker.choose(path)
        importer.click("pick-files")
        assert lines(importer, 1) == ["for-other.diary: Refused (cannot be opened)"]
        assert "made for a different key" in importer.find("result-0-sentence-0").value
        assert importer.find("import-status").value == "1 refused."
        assert clinic.caseload.rows()[0].exported_at is None

    def test_a_file_addressed_to_someone_else_too_names_the_reason(self, clinic, patients, picker, importer,
                                                                   tmp_path):
        patients.add("Anna L.", days=5)
        path = patients.export("Anna L.", name="x.diary")
        data = path.read_bytes()
        picker.files = [PickedFile("x.diary", data[:-40])]  # cut short on the way
        importer.click("pick-files")
        assert lines(importer, 1)[0].startswith("x.diary: Refused (")

    def test_an_unpaired_patient_is_refused(self, clinic, patients, picker, importer):
        patients.add("Stranger", days=5, pair=False)
        picker.choose(patients.export("Stranger", name="s.diary"))
        importer.click("pick-files")
        # not paired: the clinic cannot tell who signed it
        assert lines(importer, 1) == ["s.diary: Refused (not paired)"]
        assert "Pair with the patient in person first" in importer.find("result-0-sentence-0").value

    def test_not_an_export(self, picker, importer):
        picker.files = [PickedFile("notes.txt", b"hello")]
        importer.click("pick-files")
        assert lines(importer, 1) == ["notes.txt: Refused (not an export)"]


class TestManyFiles:
    def test_many_files_one_line_each_and_a_summary(self, clinic, patients, picker, importer):
        for label in ("Anna", "Ben", "Cleo"):
            patients.add(label, days=3)
        files = [patients.export(label, name=f"{label}.diary") for label in ("Anna", "Ben", "Cleo")]
        picker.choose(*files, as_path=True)  # a desktop dialog gives paths
        importer.click("pick-files")
        assert lines(importer, 3) == ["Anna.diary: Imported", "Ben.diary: Imported", "Cleo.diary: Imported"]
        assert importer.find("import-status").value == "3 imported."
        assert {r.label for r in clinic.caseload.rows() if r.exported_at} == {"Anna", "Ben", "Cleo"}

    @pytest.mark.english_only  # watches the words inside the handler, before the page is read back in English
    def test_the_progress_bar_moves_with_each_file(self, clinic, patients, screen):
        seen = []
        for label in ("Anna", "Ben"):
            patients.add(label, days=3)
        files = [PickedFile(f"{label}.diary", patients.export(label).read_bytes()) for label in ("Anna", "Ben")]

        class Watching(ImportScreen):
            def update(self):
                seen.append((self._progress.visible, self._progress.value, self._status.value))
                super().update()

        async def pick():
            return files

        ui = screen(lambda: Watching(clinic, pick_files=pick))
        ui.click("pick-files")
        assert (True, 0, "Importing 1 of 2…") in seen and (True, 0.5, "Importing 2 of 2…") in seen
        assert not ui.find("import-progress").visible


class TestPassphraseFiles:
    def test_a_passphrase_file_needs_its_passphrase(self, clinic, patients, picker, importer, tmp_path):
        anna = patients.add("Anna L.", days=5)
        out = tmp_path / "files" / "pp.diary"
        out.parent.mkdir(exist_ok=True)
        summary = anna.exports.export(to=[], out=out, since=None, passphrase=True)
        picker.choose(summary.files[0].path)
        importer.click("pick-files")
        assert lines(importer, 1) == ["pp.diary: Refused (passphrase needed)"]
        importer.type("import-passphrase", "wrong words that do not open this file")
        importer.click("pick-files")
        assert lines(importer, 1) == ["pp.diary: Refused (wrong passphrase)"]
        importer.type("import-passphrase", summary.passphrase)
        importer.click("pick-files")
        assert lines(importer, 1) == ["pp.diary: Imported"]


class TestLockedKey:
    def test_a_protected_key_is_unlocked_here_before_importing(self, clinic, patients, picker, screen):
        words = "orbit velvet canyon maple tiger lantern"
        clinic.pairing.own_key()  # as on a real start: the public key is shown (and its .pub written) first
        clinic.keys.protect(words)
        ui = screen(lambda: ImportScreen(open_diary(clinic.home, clock=FixedClock()), pick_files=picker))
        assert "protected by a passphrase" in " ".join(ui.texts())
        patients.add("Anna L.", days=3)
        picker.choose(patients.export("Anna L.", name="a.diary"))
        ui.click("pick-files")
        assert ui.find("import-status").value.startswith("Your key is protected by a passphrase")
        ui.type("unlock-passphrase", "not the words")
        ui.click("unlock")
        assert "does not unlock" in ui.find("unlock-status").value
        ui.type("unlock-passphrase", words)
        ui.click("unlock")
        assert ui.find("unlocked").value.startswith("Unlocked")
        ui.click("pick-files")
        assert lines(ui, 1) == ["a.diary: Imported"]


class TestLogAndDialogs:
    def test_the_log_lists_every_attempt_without_content(self, clinic, patients, picker, importer):
        assert importer.find("log-empty").value == "Nothing imported yet."
        patients.add("Anna L.", days=3)
        path = patients.export("Anna L.", name="a.diary")
        picker.files = [PickedFile("junk.bin", b"junk"), PickedFile("a.diary", path.read_bytes())]
        importer.click("pick-files")
        assert importer.find("import-status").value == "1 imported, 1 refused."
        newest, oldest = importer.find("log-0").value, importer.find("log-1").value
        assert newest.startswith("15 Mar 19:30 · file ") and newest.endswith("· Imported · Anna L.")
        assert oldest.endswith("· Refused (not an export)")
        assert "junk" not in oldest and "a.diary" not in newest  # no names or content, only checksums

    def test_a_file_the_dialog_could_not_read(self, picker, importer):
        picker.files = [PickedFile("a.diary")]
        importer.click("pick-files")
        assert importer.find("import-status").value.startswith("The file a.diary could not be read here")

    def test_no_file_dialog_or_nothing_chosen(self, picker, importer):
        picker.fail = True
        importer.click("pick-files")
        assert "diary --clinician import" in importer.find("import-status").value
        picker.fail = False
        importer.click("pick-files")
        assert importer.find("import-status").value == "No file was chosen."

    def test_in_the_app_the_browser_dialog_gives_the_bytes(self, clinic, patients, open_clinic):
        patients.add("Anna L.", days=3)
        path = patients.export("Anna L.", name="anna.diary")
        asked = {}

        def pick_files(args):
            asked.update(args)
            return [{"id": 0, "name": "anna.diary", "size": path.stat().st_size, "bytes": path.read_bytes(), "path": None}]

        ui = open_clinic(clinic, invoke_results={"pick_files": pick_files})
        ui.change("nav-bar", 1)
        ui.click("pick-files")
        assert asked["allow_multiple"] is True and asked["with_data"] is True
        assert lines(ui, 1) == ["anna.diary: Imported"]
        ui.change("nav-bar", 0)
        ui.find("open-Anna L.")
