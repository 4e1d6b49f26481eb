"""Settings → Backups and the rescue screen, as frozen values: where backups go, the newest one, the last
automatic failure, the settings. `backups_view` is a pure function of the backup service's status;
`read_backups` asks it. No Flet here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from diary.domain.names import printable_name
from diary.i18n.formats import clock, weekday_day_month_year
from diary.services.backups import DEFAULT_KEEP, home_backups
from diary.ui import text as T

__all__ = ["DEFAULT_KEEP", "storage_prompt", "BackupsView", "RescueView", "backups_view", "confirm_text", "counts", "home_backups",
           "read_backups", "read_rescue", "restored_text", "settings_saved", "when"]
KEEP_CHOICES = (3, 7, 14, 30, 90)


def when(moment: datetime, tz) -> str:
    local = moment.astimezone(tz)
    return f"{weekday_day_month_year(local.date())}, {clock(local)}"


def counts(manifest, *, clinician: bool) -> str:
    """What a backup holds, in words; a clinician's home keeps its patients apart from the diary tables
    the manifest counts."""
    return T.CASELOAD_IN_BACKUP if clinician else T.days_and_checkins(manifest.days_logged, manifest.checkins)


@dataclass(frozen=True)
class BackupsView:
    last: str  # "Last backup: Sun 15 Mar 2026, 19:30 (1 kept)" or "No backup yet"
    where: str
    inside_home: bool  # the default folder: it only guards against a damaged file
    last_error: str | None
    enabled: bool
    folder: str
    keep: int
    keep_choices: tuple[int, ...]


def backups_view(status, *, home: Path, tz) -> BackupsView:
    settings = status.settings
    return BackupsView(
        last=(T.BACKUP_LAST.format(when=when(status.last_backup, tz), count=status.count) if status.last_backup
              else T.BACKUP_NONE),
        where=T.BACKUP_WHERE.format(folder=printable_name(status.folder)), inside_home=status.folder.is_relative_to(home),
        last_error=T.BACKUP_FAILED_LAST.format(reason=status.last_error) if status.last_error else None,
        enabled=settings.enabled, folder=settings.folder or "", keep=settings.keep,
        keep_choices=tuple(sorted({*KEEP_CHOICES, settings.keep})))


def read_backups(diary) -> BackupsView:
    return backups_view(diary.backups.status(), home=diary.home, tz=diary.clock().tzinfo)


def settings_saved(status) -> str:
    return T.BACKUP_SETTINGS_SAVED.format(state=T.BACKUP_ON if status.settings.enabled else T.BACKUP_OFF,
                                          keep=status.settings.keep, folder=printable_name(status.folder))


def confirm_text(manifest, *, tz, clinician: bool) -> str:
    return T.RESTORE_CONFIRM.format(when=when(manifest.created_at, tz), counts=counts(manifest, clinician=clinician))


def restored_text(manifest, aside, *, tz, clinician: bool, aside_shown: bool = True) -> str:
    """What a restore did; `aside_shown` False where the replaced diary's folder means nothing to the user
    (the phone app keeps it in the browser's storage)."""
    done = (T.RESTORE_DONE if aside_shown else T.RESTORE_DONE_BROWSER) if aside else T.RESTORE_DONE_NEW
    return done.format(when=when(manifest.created_at, tz), counts=counts(manifest, clinician=clinician), aside=aside)


REMIND_EVERY = timedelta(days=7)


def storage_prompt(*, persisted: bool | None, warned: datetime | None, last_file: datetime | None,
                   now: datetime) -> str | None:
    """What Today says about a diary the browser may delete (None: nothing). Only while the browser has
    not agreed to keep it (`persisted` False; None where the diary is a folder): once, the warning; then a
    reminder when a week has passed since the last backup file, or since the warning if there is none."""
    if persisted is not False:
        return None
    if warned is None:
        return T.STORAGE_MAY_DELETE
    since = max(warned, last_file) if last_file else warned
    if now - since < REMIND_EVERY:
        return None
    return T.BACKUP_FILE_WEEKLY.format(when=when(last_file, now.tzinfo)) if last_file else T.BACKUP_FILE_WEEKLY_NONE


@dataclass(frozen=True)
class RescueView:
    damaged_file: Path
    offer: str  # the newest automatic backup, or that there is none
    has_backup: bool
    rescue_folder: str


def rescue_view(*, damaged_file: Path, folder: Path, backups: list, home: Path, tz) -> RescueView:
    if not backups:
        offer = T.RESCUE_NO_BACKUP.format(folder=folder)
    else:
        offer = T.BACKUP_LAST.format(when=when(backups[-1][0], tz), count=len(backups))
    return RescueView(damaged_file, offer, bool(backups), str(home / "rescue-…"))


def read_rescue(service, tz) -> RescueView:
    return rescue_view(damaged_file=service.database_file(), folder=service.folder(), backups=service.backups(),
                       home=service.home, tz=tz)
