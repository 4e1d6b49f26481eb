"""Pairing a patient, in person, in a card on the clinician's Settings: the one pairing flow
(diary/ui/components/pairing_flow.py) with the clinician's words. The label is required (it names the
patient in the caseload), and what was typed stays in the fields when pairing is refused."""

from __future__ import annotations

import flet as ft

from diary.ui.clinician import text as T
from diary.ui.components.pairing_flow import KeyPicker, PairingFlow
from diary.ui.state.pairing import PairingSide

CLINICIAN_SIDE = PairingSide(words=T, key_field="patient-key", label_field="patient-label-field",
                             key_hint="DIARY-SIG1:…", label_hint="THEIR_LABEL_HINT", label_required=True,
                             names_the_label=True, heading_size=18, done_key_text=True, keep_input_on_error=True)


class PairingCard(PairingFlow):
    def __init__(self, diary, *, pick_key: KeyPicker | None = None):
        super().__init__(diary.pairing, CLINICIAN_SIDE, on_done=lambda message: self.show_form(done=message),
                         pick_key=pick_key, spacing=10, key="pair-card", padding=14, border_radius=12,
                         bgcolor=ft.Colors.SURFACE_CONTAINER_LOW)
