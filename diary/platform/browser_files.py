"""Handing files over in the phone app (diary.platform.seams.FileHandover for the browser).

A browser never lets a page choose where a file goes, so a file is always made in memory first
(`needs_bytes_first`) and then offered through Flet's Share service: the phone's share sheet (the Web Share
API with files) where the browser offers it for that kind of file, else a download — share_plus's own
fallback in Flet's client. Should the Share service fail, Flet's save dialog downloads the bytes instead.
Picking files is Flet's file picker, as on the desktop: the browser's file chooser, bytes included.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from diary.platform.desktop import DialogFiles
from diary.platform.seams import NoFileDialog

MIME_TYPES = {".pdf": "application/pdf", ".json": "application/json", ".csv": "text/csv"}


def mime_type(name: str) -> str:
    return MIME_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")


class BrowserFiles(DialogFiles):
    """Share sheet or download out; the browser's file chooser in."""

    def needs_bytes_first(self, page: Any) -> bool:
        return True

    async def ask_path(self, *, title: str, name: str) -> str | None:
        raise NoFileDialog("A browser decides itself where a downloaded file goes.")

    async def offer(self, data: bytes, *, title: str, name: str, extensions: list[str] | None = None) -> str | None:
        """"" once the file was shared or downloaded, None when the user closed the share sheet."""
        import flet as ft

        try:
            result = await ft.Share().share_files([ft.ShareFile.from_bytes(data, mime_type=mime_type(name), name=name)],
                                                  title=title, download_fallback_enabled=True,
                                                  mail_to_fallback_enabled=False)
        except Exception:  # noqa: BLE001 - no Web Share API here (desktop Linux Chromium): download it instead
            await super().offer(data, title=title, name=name, extensions=extensions)
            return ""  # a browser's save dialog downloads the bytes and never says where (it answers None)
        return None if result.status == ft.ShareResultStatus.DISMISSED else ""

    def keep(self, home: Path, folder: str, name: str, data: bytes) -> Path:
        raise NoFileDialog("The phone app keeps no files outside the browser's own storage.")
