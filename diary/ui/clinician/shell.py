"""The clinician's destinations in the one shell (diary/ui/shell.py): Caseload, Import and Settings; a
patient's page opens from the caseload and stays under it. The caseload keeps its sort, filter, page and
selection between visits (one CaseloadView per shell)."""

from __future__ import annotations

import flet as ft

from diary.ui.clinician import text as T
from diary.ui.shell import Navigation, Shell

DESTINATIONS = {  # label names in diary.ui.clinician.text, read when drawn
    "caseload": ("NAV_CASELOAD", ft.Icons.GROUPS_OUTLINED, ft.Icons.GROUPS),
    "import": ("NAV_IMPORT", ft.Icons.FILE_DOWNLOAD_OUTLINED, ft.Icons.FILE_DOWNLOAD),
    "settings": ("NAV_SETTINGS", ft.Icons.SETTINGS_OUTLINED, ft.Icons.SETTINGS),
}
NAV = list(DESTINATIONS)
# The caseload is a table when wide and cards on a phone, so it is built again when the width crosses 840 px.
CLINICIAN_NAVIGATION = Navigation(words=T, destinations=DESTINATIONS, bar=NAV, rail=NAV, first="caseload",
                                  parent={"patient": "caseload"}, reopen_on_resize=frozenset({"caseload"}))


def clinician_screen(shell: Shell, name: str, options: dict) -> ft.Control:
    diary = shell.diary
    if name == "caseload":
        from diary.ui.clinician.caseload import CaseloadScreen, CaseloadView

        return CaseloadScreen(diary, view=shell.kept.setdefault("caseload", CaseloadView()), wide=shell.wide,
                              on_open_patient=lambda label: shell.open("patient", label=label), on_open=shell.open)
    if name == "patient":
        from diary.ui.clinician.patient import PatientScreen  # matplotlib: loaded on first visit

        return PatientScreen(diary, options["label"], page_width=shell.width, on_back=lambda: shell.open("caseload"))
    if name == "import":
        from diary.ui.clinician.import_screen import ImportScreen

        return ImportScreen(diary)
    from diary.ui.clinician.settings import ClinicianSettings

    return ClinicianSettings(diary, on_theme=shell.set_theme, on_language=shell.set_language)
