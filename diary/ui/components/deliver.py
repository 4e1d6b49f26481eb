"""Making a file off the UI and handing it to the user, for the visit PDF on Trends and the one-page PDF
on a patient's page: the platform runs the work and delivers the file (dialog, download, or the data
folder when there is no dialog)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from diary.domain.names import printable_name
from diary.platform import current as platform
from diary.platform.seams import deliver
from diary.ui.state.trends import failure_sentence

EXPORTS_FOLDER = "exports"
Saver = Callable[[bytes, str], Awaitable[str | None]]


async def make_and_deliver(build: Callable[[], tuple[bytes, str]], *, home: Path, title: str,
                           save: Saver | None = None) -> tuple[str, Path | str | None, str | None]:
    """Run `build()` → (bytes, file name) off the UI, then hand the file over.

    Returns (outcome, where, name): "saved" (a path), "downloaded" (the name), "kept" in HOME/exports when
    this device has no dialog (a path), "cancelled", or "failed" with the reason in a sentence as `where`.
    `save` stands in for the dialog (tests).
    """
    try:
        data, name = await platform().work.run(build)
        delivery = await deliver(platform(), data, name=name, title=title, home=home, folder=EXPORTS_FOLDER,
                                 extensions=["pdf"], offer=save)
    except Exception as exc:  # noqa: BLE001 - a sentence for the user, never a traceback
        return "failed", failure_sentence(exc), None
    # Where the user saved it and the name the browser got: shown on the screen, so shown escaped.
    where = None if delivery.where is None else printable_name(delivery.where)
    return delivery.outcome, where, printable_name(name)
