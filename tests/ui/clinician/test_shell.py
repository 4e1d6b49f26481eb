"""The clinician's shell: three destinations (a bar on phones, a rail from 840 px), the empty caseload's
way in, the patient page and back, and `diary --clinician` serving it."""

from diary.ui.clinician.shell import NAV


def nav_keys(ui) -> list[str]:
    return [c.label for c in ui.find("nav-bar").destinations]


class TestNavigation:
    def test_a_phone_gets_a_bar_of_caseload_import_and_settings(self, clinic, open_clinic):
        ui = open_clinic(clinic)
        assert nav_keys(ui) == ["Caseload", "Import", "Settings"]
        assert ui.find("nav-bar").visible and not ui.find("nav-rail").visible
        assert ui.page.title == "Diary — caseload"
        ui.change("nav-bar", NAV.index("import"))
        ui.find("import-screen")
        ui.change("nav-bar", NAV.index("settings"))
        ui.find("settings-screen")
        ui.change("nav-bar", NAV.index("caseload"))
        ui.find("caseload-screen")

    def test_from_840_px_a_rail(self, clinic, open_clinic):
        ui = open_clinic(clinic, width=1280, height=800)
        assert ui.find("nav-rail").visible and not ui.find("nav-bar").visible
        ui.change("nav-rail", NAV.index("settings"))
        ui.find("settings-screen")
        ui.resize(390, 844)
        assert ui.find("nav-bar").visible and not ui.find("nav-rail").visible

    def test_the_empty_caseload_says_how_to_begin_and_leads_there(self, clinic, open_clinic):
        ui = open_clinic(clinic)
        text = " ".join(ui.texts())
        assert "No patients yet" in text
        assert "show them your key" in text and "safety number" in text and "Import" in text
        ui.click("empty-pair")
        ui.find("settings-screen")
        assert ui.find("nav-bar").selected_index == NAV.index("settings")
        ui.change("nav-bar", 0)
        ui.click("empty-import")
        ui.find("import-screen")

    def test_a_patient_opens_from_the_caseload_and_goes_back(self, clinic, patients, open_clinic):
        patients.add("Anna L.")
        patients.send("Anna L.")
        ui = open_clinic(clinic)
        ui.click("open-Anna L.")
        assert ui.find("patient-label").value == "Anna L."
        assert ui.find("nav-bar").selected_index == 0  # still under Caseload
        ui.click("back-to-caseload")
        ui.find("caseload-screen")

    def test_a_wider_window_turns_the_caseload_cards_into_a_table(self, clinic, patients, open_clinic):
        patients.add("Anna L.")
        patients.send("Anna L.")
        ui = open_clinic(clinic)
        ui.find("Anna L.-line-0")
        ui.resize(1280, 800)
        ui.find("Anna L.-export")


class TestCommandLine:
    def test_diary_clinician_makes_a_clinician_home_and_serves_it(self, tmp_path, monkeypatch):
        from diary import app, cli
        from diary.services.bootstrap import open_diary

        served = {}
        monkeypatch.setattr(app, "serve", lambda **kw: served.update(kw) or 0)
        assert cli.main(["--home", str(tmp_path / "c"), "--clinician", "--no-browser"]) == 0
        assert served["home"] == tmp_path / "c"
        home = open_diary(tmp_path / "c")
        assert home.role.value == "clinician"
        home.close()

    def test_a_patient_home_is_not_opened_as_a_caseload(self, tmp_path, monkeypatch, capsys):
        from diary import app, cli
        from diary.services.bootstrap import open_diary

        open_diary(tmp_path / "p").close()
        monkeypatch.setattr(app, "serve", lambda **kw: 0)
        assert cli.main(["--home", str(tmp_path / "p"), "--clinician"]) == 2
        assert "holds a patient's diary" in capsys.readouterr().err

