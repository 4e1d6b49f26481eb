"""The desktop platform: PyNaCl, the data folder of platformdirs, threads, Flet's file dialogs and
matplotlib PNGs. The same code serves the browser tab of `diary` (a desktop process serving 127.0.0.1):
there Flet's save dialog becomes a download, which is why `offer` may answer "" instead of a path.

Flet, PyNaCl and matplotlib are imported on first use only, so choosing this platform at start costs
nothing and the command line never loads the UI.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from diary.platform.durable import write_atomically
from diary.platform.seams import FEATURES, NoFileDialog, PickedFile

APP_NAME = "diary"


class DesktopHome:
    """A diary is a folder on this machine; SQLite's commit (synchronous=FULL) is already durable."""

    journal_mode = "WAL"

    def default_home(self) -> Path:
        from platformdirs import user_data_dir

        return Path(user_data_dir(APP_NAME, appauthor=False))

    def watch(self, engine: Any) -> None:
        return None

    async def flush(self) -> None:
        return None

    async def persisted(self) -> bool | None:
        return None  # a folder on this machine: nothing can evict it


class _RepeatingThread:
    """A daemon thread that runs a job after a delay and then at intervals until stopped."""

    def __init__(self, job: Callable[[], None], *, every: float, delay: float, name: str):
        self._job, self._every, self._delay = job, every, delay
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True, name=name)
        self._thread.start()

    def _loop(self) -> None:
        if self._stopping.wait(self._delay):
            return
        while True:
            self._job()
            if self._stopping.wait(self._every):
                return

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    def stop(self, timeout: float = 30) -> None:
        self._stopping.set()
        self._thread.join(timeout)


class ThreadWork:
    """Work off the UI on threads: awaited jobs on asyncio's worker pool, the rest on daemon threads."""

    async def run(self, job: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.to_thread(job, *args)

    def start(self, job: Callable[[], None], *, name: str) -> None:
        threading.Thread(target=job, daemon=True, name=name).start()

    def repeat(self, job: Callable[[], None], *, every: float, delay: float, name: str) -> _RepeatingThread:
        return _RepeatingThread(job, every=every, delay=delay, name=name)


def _type_filter(extensions: list[str] | None) -> dict:
    import flet as ft

    return {"file_type": ft.FilePickerFileType.CUSTOM, "allowed_extensions": extensions} if extensions else {}


def downloaded_or(where: str | None, *, web: bool) -> str | None:
    """What the save dialog's answer means. A browser tab has no save dialog to cancel: Flet's client
    starts the download and answers None, which must not read as "cancelled" (the file was handed over)."""
    return "" if web else where


class DialogFiles:
    """Flet's file dialogs: native ones in the desktop window, the browser's upload and download in a tab."""

    def needs_bytes_first(self, page: Any) -> bool:
        return bool(page.web or page.platform.is_mobile())

    async def pick(self, *, title: str, extensions: list[str] | None = None,
                   multiple: bool = False) -> list[PickedFile]:
        import flet as ft

        try:
            files = await ft.FilePicker().pick_files(dialog_title=title, allow_multiple=multiple, with_data=True,
                                                     **_type_filter(extensions))
        except Exception as exc:  # noqa: BLE001 - the client could not open a dialog here
            raise NoFileDialog(str(exc)) from None
        return [PickedFile(f.name, bytes(f.bytes) if f.bytes is not None else None, f.path) for f in files or []]

    async def ask_path(self, *, title: str, name: str) -> str | None:
        import flet as ft

        try:
            return await ft.FilePicker().save_file(dialog_title=title, file_name=name)
        except Exception as exc:  # noqa: BLE001
            raise NoFileDialog(str(exc)) from None

    async def offer(self, data: bytes, *, title: str, name: str, extensions: list[str] | None = None) -> str | None:
        import flet as ft

        picker = ft.FilePicker()
        try:  # the desktop window writes the bytes itself; a browser tab downloads them ("")
            where = await picker.save_file(dialog_title=title, file_name=name, src_bytes=data,
                                           **_type_filter(extensions))
        except Exception as exc:  # noqa: BLE001
            raise NoFileDialog(str(exc)) from None
        return downloaded_or(where, web=bool(picker.page.web))

    def keep(self, home: Path, folder: str, name: str, data: bytes) -> Path:
        target = Path(home) / folder
        target.mkdir(mode=0o700, exist_ok=True)
        path = target / name
        write_atomically(path, data)
        return path


class MatplotlibCharts:
    """Charts as PNG images drawn by matplotlib's object API (diary.reports.charts)."""

    def render(self, data, *, dark: bool, text_scale: float = 1.0):
        from diary.reports.charts import render

        return render(data, dark=dark, text_scale=text_scale)

    def control(self, chart, *, key: str, label: str):
        import flet as ft

        return ft.Image(src=chart.png, key=key, fit=ft.BoxFit.CONTAIN, semantics_label=label, gapless_playback=True)

    def colours(self, *, dark: bool) -> tuple[str, str]:
        from diary.reports.style import DARK, LIGHT

        style = DARK if dark else LIGHT
        return style.face, style.text


class NoInstall:
    """A desktop app is installed already (and its browser tab is served by it): nothing to offer."""

    async def offer(self) -> None:
        return None

    async def prompt(self) -> str:
        return "unavailable"

    def dismiss_hint(self) -> None:
        return None


class DesktopPlatform:
    """diary.platform.seams.Platform for a desktop process (the default)."""

    name = "desktop"
    features = FEATURES

    def __init__(self) -> None:
        self.home, self.work, self.files, self.charts = DesktopHome(), ThreadWork(), DialogFiles(), MatplotlibCharts()
        self.install = NoInstall()
        self._sodium = self._stream = None

    def sodium(self):
        if self._sodium is None:
            from diary.platform.crypto_pynacl import PyNaclSodium

            self._sodium = PyNaclSodium()
        return self._sodium

    def secret_stream(self):
        if self._stream is None:
            from diary.platform.crypto_pynacl import PyNaclSecretStream

            self._stream = PyNaclSecretStream()
        return self._stream
