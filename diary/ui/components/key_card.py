"""This home's public key, shown so the other side can copy or scan it: text, QR code, fingerprint."""

from __future__ import annotations

import io

import flet as ft

from diary.ui import text as T
from diary.ui.components.named import CopyableText


def qr_png(text: str, *, dark: bool = False) -> bytes:
    """A QR code of `text` as PNG bytes (segno: a small, pure-Python, well-kept encoder; no network)."""
    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=6, border=2,
                                     dark="#ffffff" if dark else "#000000", light="#000000" if dark else "#ffffff")
    return buffer.getvalue()


class KeyCard(ft.Card):
    def __init__(self, *, heading: str, help_text: str, key_text: str, fingerprint_groups: str, key: str = "own-key"):
        super().__init__(key=key)
        self.content = ft.Container(padding=14, content=ft.Column(spacing=8, controls=[
            ft.Text(heading, size=16, weight=ft.FontWeight.W_600),
            ft.Text(help_text, size=13),
            ft.Row(wrap=True, spacing=16, vertical_alignment=ft.CrossAxisAlignment.START, controls=[
                ft.Image(src=qr_png(key_text), width=180, height=180, key=f"{key}-qr",
                         semantics_label=T.KEY_QR_LABEL),
                ft.Column(spacing=4, width=320, controls=[
                    ft.Text(T.KEY_TEXT_LABEL, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
                    CopyableText(key_text, font_family="monospace", size=12, key=f"{key}-text"),
                    ft.Text(T.FINGERPRINT_LABEL, size=12, color=ft.Colors.ON_SURFACE_VARIANT),
                    CopyableText(fingerprint_groups, font_family="monospace", size=12, key=f"{key}-fingerprint"),
                ]),
            ]),
        ]))
