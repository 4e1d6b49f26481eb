"""Saving a check-in from a form, for Today and History alike, and making the save durable before the
screen says "Saved" (diary.platform: nothing more on the desktop, the IndexedDB sync in the browser)."""

from __future__ import annotations

from diary.domain.errors import DiaryError
from diary.platform import current as platform
from diary.ui.state.checkin_form import CheckInForm


async def durable() -> None:
    """Wait until what was just committed survives a closed tab or a power cut."""
    await platform().home.flush()


def save_form(log, form: CheckInForm):
    """Save a form as a new check-in or as a correction through the diary's log. Returns (check-in, None)
    or (None, a sentence). The caller awaits `durable()` before saying "Saved" (save_durably does both)."""
    try:
        if form.checkin_id:
            return log.update(form.checkin_id, **form.changed_fields()), None  # another tab's changes stay
        return log.record(day=form.day, **form.to_fields()), None
    except DiaryError as exc:  # bad input, or a storage failure (StorageFailed): one sentence either way
        return None, str(exc)


async def save_durably(log, form: CheckInForm):
    """save_form, then wait until the save is durable. Returns (check-in, None) or (None, a sentence) —
    also when the platform could not persist it (the phone's browser refusing to store it)."""
    saved, error = save_form(log, form)
    if error:
        return None, error
    try:
        await durable()
    except DiaryError as exc:
        return None, str(exc)
    return saved, None
