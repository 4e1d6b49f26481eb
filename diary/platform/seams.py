"""The platform's seams as Protocols, and the few helpers every platform shares.

A platform (diary.platform.current()) offers:

    sodium() / secret_stream()   crypto (diary.platform.crypto)
    home                         HomeStorage: where a diary lives, and making a commit durable
    work                         BackgroundWork: running work off the UI
    files                        FileHandover: picking files, and handing a file to the user
    charts                       ChartRenderer: chart descriptions (diary.reports.chart_data) → what a screen shows
    install                      AppInstall: whether and how this app can be installed on the home screen
    features                     what this platform can do beyond the common core (FEATURES); a screen
                                 whose feature is missing says so in a sentence instead

Screens and services name only these Protocols; which implementation answers is chosen once, at start.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar

if TYPE_CHECKING:
    from diary.platform.crypto import SecretStream, Sodium
    from diary.reports.chart_data import Chart, ChartData

T = TypeVar("T")

# Features some platforms have and others not; screens ask `feature in current().features`, never which
# platform runs. The phone app (browser) has none of these yet.
VISIT_PDF = "visit-pdf"  # the one-page PDF for a visit (matplotlib)
BACKUPS = "backups"  # Settings → Backups: backup files in a folder of the user's, automatic backups
DATA_FOLDER = "data-folder"  # the diary is a folder on this device that the user can see and copy
FEATURES = frozenset({VISIT_PDF, BACKUPS, DATA_FOLDER})


class NoFileDialog(Exception):
    """This device cannot show a file dialog (e.g. a Linux desktop without zenity)."""


@dataclass(frozen=True)
class PickedFile:
    """A file the user chose: its name, and its bytes or, from a desktop dialog that gave only that, its path
    (both None when the dialog could not read it)."""

    name: str
    data: bytes | None = None
    path: str | None = None


@dataclass(frozen=True)
class Delivery:
    """How a file reached the user: "saved" (where = the path), "downloaded" (where = the file name),
    "kept" in the data folder because there is no dialog here (where = the path), or "cancelled"."""

    outcome: Literal["saved", "downloaded", "kept", "cancelled"]
    where: Path | str | None = None


class HomeStorage(Protocol):
    journal_mode: str
    """SQLite's journal mode here: "WAL" on a file system; "DELETE" where persisting copies whole files
    (in WAL mode a commit would sit in the -wal file, which such a copy may miss)."""

    def default_home(self) -> Path:
        """Where a diary lives when neither --home, $DIARY_HOME nor $FLET_APP_STORAGE_DATA say."""

    def watch(self, engine: Any) -> None:
        """Persist every commit on this SQLAlchemy engine soon, without being asked (services.bootstrap
        calls it for each diary it opens). Desktop: nothing to do; browser: a sync after each commit."""

    async def flush(self) -> None:
        """Make every commit so far durable; the UI awaits this before it says "Saved" (or "Paired",
        "Imported"...). Desktop: nothing to do (SQLite syncs at commit); browser: the IndexedDB sync."""

    async def persisted(self) -> bool | None:
        """Whether the browser promised to keep this site's data (navigator.storage.persisted()); None
        where the question does not arise (a diary in a folder)."""


class Repeating(Protocol):
    """A job started by BackgroundWork.repeat."""

    def is_alive(self) -> bool: ...

    def stop(self, timeout: float = 30) -> None: ...


class BackgroundWork(Protocol):
    async def run(self, job: Callable[..., T], *args: Any) -> T:
        """Run blocking `job(*args)` off the UI and await its result (desktop: a worker thread)."""

    def start(self, job: Callable[[], None], *, name: str) -> None:
        """Run `job()` once in the background, not awaited (warm-ups, delayed starts)."""

    def repeat(self, job: Callable[[], None], *, every: float, delay: float, name: str) -> Repeating:
        """Run `job()` after `delay` seconds, then every `every` seconds until stopped."""


class FileHandover(Protocol):
    def needs_bytes_first(self, page: Any) -> bool:
        """Whether a file must be made in memory before the user says where (a browser download, a phone's
        share sheet) instead of the desktop window's "ask where, then write it there"."""

    async def pick(self, *, title: str, extensions: list[str] | None = None,
                   multiple: bool = False) -> list[PickedFile]:
        """Files the user chose ([] when cancelled). Raises NoFileDialog."""

    async def ask_path(self, *, title: str, name: str) -> str | None:
        """Desktop window: the path to write a new file to (None when cancelled). Raises NoFileDialog."""

    async def offer(self, data: bytes, *, title: str, name: str, extensions: list[str] | None = None) -> str | None:
        """Hand `data` to the user: the path it was saved to, "" when the browser downloaded it, None when
        cancelled. Raises NoFileDialog."""

    def keep(self, home: Path, folder: str, name: str, data: bytes) -> Path:
        """Keep the file in HOME/folder/name (owner-only) when there is no dialog; returns the path."""


class ChartRenderer(Protocol):
    def render(self, data: ChartData, *, dark: bool, text_scale: float = 1.0) -> Chart:
        """Draw one chart description (off the UI thread; the result may be cached), its lettering grown by
        `text_scale`, the user's text size (2.0 at 200%)."""

    def control(self, chart: Chart, *, key: str, label: str) -> Any:
        """The control a screen shows for a rendered chart (desktop: an image of the PNG)."""

    def colours(self, *, dark: bool) -> tuple[str, str]:
        """(background, text) of the charts, so the card around a chart matches it."""


@dataclass(frozen=True)
class InstallOffer:
    """How the app can be installed here: "prompt" (the browser's own install dialog, on a tap) or "ios"
    (iOS Safari has none: Share, then Add to Home Screen); and whether the user put Today's hint away."""

    how: Literal["prompt", "ios"]
    hint_dismissed: bool = False


class AppInstall(Protocol):
    async def offer(self) -> InstallOffer | None:
        """How the app can be installed; None when there is nothing to offer (installed already, opened
        from the home screen, a desktop app, a browser that cannot install it)."""

    async def prompt(self) -> Literal["accepted", "dismissed", "unavailable"]:
        """Open the browser's install dialog (an offer "prompt"): the user's answer, or "unavailable" when
        the browser would not open it."""

    def dismiss_hint(self) -> None:
        """The user does not want Today's install hint (remembered in this browser; Settings still offers it)."""


class Platform(Protocol):
    name: str
    features: frozenset[str]
    home: HomeStorage
    work: BackgroundWork
    files: FileHandover
    charts: ChartRenderer
    install: AppInstall

    def sodium(self) -> Sodium: ...

    def secret_stream(self) -> SecretStream: ...


Offer = Callable[[bytes, str], Awaitable[str | None]]


async def deliver(platform: Platform, data: bytes, *, name: str, title: str, home: Path, folder: str,
                  extensions: list[str] | None = None, offer: Offer | None = None) -> Delivery:
    """Hand a made file to the user: through the dialog (or `offer`, a stand-in for it), else, on a device
    without one, keep it in HOME/folder. Every screen that saves a file goes through here."""
    try:
        if offer is not None:
            where = await offer(data, name)
        else:
            where = await platform.files.offer(data, title=title, name=name, extensions=extensions)
    except Exception:  # noqa: BLE001 - no dialog on this device (NoFileDialog, or the client's own error)
        return Delivery("kept", await platform.work.run(platform.files.keep, home, folder, name, data))
    if where is None:
        return Delivery("cancelled")
    return Delivery("saved", where) if where else Delivery("downloaded", name)
