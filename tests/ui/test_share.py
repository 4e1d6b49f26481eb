"""Share screen, in-process: pairing with safety numbers, a changed key, and making an export file."""

from pathlib import Path

import pytest

from diary.services.bootstrap import open_diary
from diary.ui.screens.share import ShareScreen
from tests.conftest import FixedClock
from tests.flet_harness import FletHarness


@pytest.fixture
def physio(tmp_path):
    clinician = open_diary(tmp_path / "clinic", clock=FixedClock(), role="clinician")
    yield clinician
    clinician.close()


@pytest.fixture
def share(diary, tmp_path):
    """The Share screen alone on a page, with a file dialog that answers what the test puts in `answers`."""
    answers = {"save_path": str(tmp_path / "out" / "export.diary"), "key_file": None, "downloads": [],
               "in_memory": False}
    (tmp_path / "out").mkdir()

    async def save_path(name):
        return answers["save_path"]

    async def pick_key():
        return answers["key_file"]

    async def download(name, data):
        answers["downloads"].append((name, data))

    def main(page):
        page.add(ShareScreen(diary, pick_key=pick_key, save_path=save_path, download=download,
                             in_memory=answers["in_memory"]))

    harness = FletHarness(main)
    answers["ui"] = harness
    yield answers
    harness.close()


def pair_with(ui, physio_key: str, label: str | None = None):
    ui.click("pair")
    ui.type("their-key", physio_key)
    if label is not None:
        ui.type("their-label", label)
    ui.click("check-key")


class TestPairing:
    def test_pair_after_comparing_the_safety_number(self, share, diary, physio):
        ui = share["ui"]
        pair_with(ui, physio.pairing.own_key().text)
        shown = ui.find("safety-number").value.replace(" ", "")
        # The physiotherapist's screen shows the same number for the patient's key.
        assert shown == physio.pairing.preview(diary.pairing.own_key().text).safety_number.replace(" ", "")
        assert len(shown) >= 30
        ui.click("numbers-match")
        assert "Paired with Physiotherapist" in ui.find("pair-done").content.value
        assert [r.label for r in diary.exports.recipients()] == ["Physiotherapist"]
        assert ui.find("to-Physiotherapist").value is True

    def test_numbers_that_differ_pair_nothing(self, share, diary, physio):
        ui = share["ui"]
        pair_with(ui, physio.pairing.own_key().text)
        ui.click("numbers-differ")
        assert ui.find("pair-error").value.startswith("Not paired.")
        assert diary.exports.recipients() == []

    def test_a_garbled_key_says_so(self, share, diary, physio):
        ui = share["ui"]
        pair_with(ui, physio.pairing.own_key().text[:-3] + "xyz")
        assert ui.find("pair-error").value
        assert diary.exports.recipients() == []

    def test_a_changed_key_is_refused_until_re_paired_deliberately(self, share, diary, physio, tmp_path):
        ui = share["ui"]
        pair_with(ui, physio.pairing.own_key().text)
        ui.click("numbers-match")
        other = open_diary(tmp_path / "other-clinic", clock=FixedClock(), role="clinician")
        pair_with(ui, other.pairing.own_key().text, label="Physiotherapist")
        ui.click("numbers-match")
        assert "was paired with a different key" in ui.find("key-changed").value
        assert diary.exports.recipients()[0].fingerprint == physio.pairing.own_key().fingerprint
        ui.click("re-pair")
        assert "new key" in ui.find("pair-done").content.value
        assert diary.exports.recipients()[0].fingerprint == other.pairing.own_key().fingerprint
        other.close()

    def test_a_key_file_fills_in_the_key(self, share, physio):
        ui = share["ui"]
        share["key_file"] = physio.pairing.own_key().text + "\n"
        ui.click("pair")
        ui.click("open-key-file")
        assert ui.find("their-key").value == physio.pairing.own_key().text


class TestExport:
    def test_export_to_the_paired_physio_is_saved_where_the_user_chose(self, share, diary, physio):
        ui = share["ui"]
        diary.log.record(pain=5, note="walked")
        pair_with(ui, physio.pairing.own_key().text)
        ui.click("numbers-match")
        ui.click("make-export")
        saved = Path(share["save_path"])
        assert saved.exists() and saved.stat().st_size > 0
        assert ui.find("export-line-0").value.startswith("export.diary, ")
        assert ui.find("export-line-0").value.endswith("for Physiotherapist")
        assert "1 check-ins" in ui.find("export-line-1").value or "1 check-in" in ui.find("export-line-1").value
        assert diary.exports.last_export() is not None
        # and the physiotherapist can open it
        physio.pairing.pair(diary.pairing.own_key().text, label="Anna")
        [result] = physio.imports.import_files([saved])
        assert result.ok

    def test_without_a_physio_a_passphrase_file_is_made_and_its_passphrase_shown_once(self, share, diary):
        ui = share["ui"]
        diary.log.record(pain=5)
        assert ui.find("passphrase-file").value is True  # the only choice without a pairing
        ui.click("make-export")
        assert len(ui.find("export-passphrase").value.split()) >= 6
        assert Path(share["save_path"]).exists()

    def test_in_a_browser_the_file_is_downloaded(self, diary, tmp_path):
        downloads = []

        async def download(name, data):
            downloads.append((name, data))

        ui = FletHarness(lambda page: page.add(ShareScreen(diary, download=download, in_memory=True)))
        try:
            diary.log.record(pain=5)
            ui.click("make-export")
            [(name, data)] = downloads
            assert name == "diary-export-2026-03-15.diary" and len(data) > 100
            assert ui.find("export-passphrase").value
        finally:
            ui.close()

    def test_nothing_chosen_is_refused_with_a_sentence(self, share, diary):
        ui = share["ui"]
        ui.change("passphrase-file", False)
        ui.click("make-export")
        assert "Choose who the export is for" in ui.find("share-error").value
        assert diary.exports.last_export() is None

    def test_a_bad_first_day_is_refused(self, share, diary):
        ui = share["ui"]
        ui.change("period", "from")
        ui.type("period-from", "15/03/2026")
        ui.click("make-export")
        assert "must be a date like 2026-03-01" in ui.find("share-error").value
        assert diary.exports.last_export() is None

    def test_cancelling_the_save_dialog_makes_nothing(self, share, diary):
        share["save_path"] = None
        share["ui"].click("make-export")
        assert diary.exports.last_export() is None


class TestInTheApp:
    def test_share_is_under_more_on_a_phone_and_today_then_shows_the_last_export(self, diary, physio, tmp_path):
        from diary.ui.app import make_main
        from tests.ui.conftest import open_screen

        target = tmp_path / "visit.diary"
        diary.pairing.pair(physio.pairing.own_key().text)
        diary.log.record(pain=4)
        saved = {}

        def save_file(args):  # a phone's save sheet: gets the bytes, writes them where the user chose
            target.write_bytes(bytes(args["src_bytes"]))
            saved.update(args)
            return str(target)

        ui = FletHarness(make_main(lambda: diary), invoke_results={"save_file": save_file})
        try:
            ui.change("nav-bar", 4)
            assert [t.key for t in ui.find_all(lambda c: str(getattr(c, "key", "")).startswith("more-"))][1:] == [
                "more-forms", "more-share", "more-settings"]
            ui.click("more-share")
            ui.click("make-export")
            assert target.exists()
            assert saved["file_name"] == "diary-export-2026-03-15.diary"
            assert ui.find("export-line-0").value.startswith("diary-export-2026-03-15.diary")
            open_screen(ui, "today")
            assert ui.find("last-export").value == "Last exported 15 Mar to Physiotherapist"
        finally:
            ui.close()
