"""The clinician's Settings → Language, as the patient's (tests/ui/test_language.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def ui_locale():
    """These tests choose the language themselves (no pseudo-locale run)."""
    return "en"

def test_the_clinician_s_settings_switch_too(clinic, open_clinic):
    ui = open_clinic(clinic)
    ui.change("nav-bar", 2)
    ui.fire("language", "change", props={"selected": ["sv"]})
    assert "Klinikens nyckel" in ui.texts() and [d.label for d in ui.find("nav-bar").destinations] == ["Patientlista", "Import", "Inställningar"]
    assert clinic.language() == "sv"
