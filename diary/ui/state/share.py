"""What the Share screen shows: the page as one frozen value (`share_view`, a pure function of the
services' answers; `read_share` asks them), the period chosen, and the after-export summary in words.
No Flet here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from diary.domain.errors import DiaryError
from diary.domain.names import printable_name
from diary.ui import text as T


def short_day(day: date, today: date) -> str:
    return day.strftime("%-d %b" if day.year == today.year else "%-d %b %Y")


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def period_words(start: date | None, end: date, today: date) -> str:
    if start is None:
        return T.PERIOD_EVERYTHING_UNTIL.format(end=short_day(end, today))
    return T.PERIOD_RANGE.format(start=short_day(start, today), end=short_day(end, today))


def export_done_lines(summary, today: date) -> list[str]:
    """One line per file ("diary-export-2026-03-15.diary, 14 KB, for Physiotherapist") and one for the period."""
    lines = [T.EXPORT_FILE_LINE.format(name=f.name, size=human_size(f.size),
                                       who=T.PASSPHRASE_RECIPIENT if f.recipient == "passphrase" else f.recipient)
             for f in summary.files]
    counts = summary.counts
    lines.append(T.EXPORT_PERIOD_LINE.format(period=period_words(summary.period_start, summary.period_end, today),
                                             checkins=T.check_ins(counts.get("checkins", 0)),
                                             questionnaires=T.questionnaires(counts.get("questionnaires", 0)),
                                             notes=T.NOTES_INCLUDED if summary.notes_included else T.NOTES_LEFT_OUT))
    return lines


def last_export_line(last, today: date) -> str | None:
    """"Last exported 12 Mar to Physiotherapist" for Today (None if the patient never exported).

    `last` is the newest written entry of the export log (diary.storage.export_log.ExportLogEntry).
    """
    if last is None:
        return None
    who = ", ".join(T.PASSPHRASE_RECIPIENT if label == "passphrase" else label for label, _ in last.recipients)
    return T.LAST_EXPORTED.format(day=short_day(last.created_at.date(), today), who=who)


# The Share page, as one frozen value
@dataclass(frozen=True)
class RecipientRow:
    label: str
    choice: str  # "Physiotherapist · 3f2a9c01", beside its tick box
    paired: str  # "Physiotherapist\npaired 3 Mar"


@dataclass(frozen=True)
class ShareView:
    recipients: tuple[RecipientRow, ...]
    since_last: str | None  # "Since the last export (12 Mar)", when there was one to these recipients
    last_export: str | None  # "Last exported 12 Mar to Physiotherapist"
    own_key: str
    own_fingerprint: str

    @property
    def passphrase_first(self) -> bool:
        """Without a paired physiotherapist, a passphrase file is the way to share."""
        return not self.recipients


def share_view(*, recipients, default_since: date | None, last, own, today: date) -> ShareView:
    """`recipients`: paired physiotherapists (label, fingerprint, paired_at); `last`: the latest export
    (at, recipients) or None; `own`: this diary's key (text, fingerprint_groups)."""
    return ShareView(
        recipients=tuple(RecipientRow(r.label, f"{r.label} · {r.fingerprint[:8]}",
                                      f"{r.label}\n{T.PAIRED_ON.format(day=short_day(r.paired_at.date(), today))}")
                         for r in recipients),
        since_last=T.PERIOD_SINCE_LAST.format(day=short_day(default_since, today)) if default_since else None,
        last_export=(T.LAST_EXPORTED_FULL.format(day=short_day(last.at.date(), today), who=", ".join(last.recipients))
                     if last else None),
        own_key=own.text, own_fingerprint=own.fingerprint_groups)


def read_share(diary) -> ShareView:
    exports = diary.exports
    recipients = exports.recipients()
    since = exports.default_since([r.label for r in recipients]) if recipients else None
    return share_view(recipients=recipients, default_since=since, last=exports.last_export(),
                      own=diary.pairing.own_key(), today=diary.clock().date())


PERIOD_SINCE_LAST, PERIOD_ALL, PERIOD_FROM = "since_last", "all", "from"


def since_choice(choice: str | None, typed: str | None) -> date | None | str:
    """The export's first day from the period chosen: "last" (since the last export), None (everything),
    or the date typed.

    Raises:
        DiaryError: the typed date is not a date.
    """
    if choice == PERIOD_ALL:
        return None
    if choice == PERIOD_FROM:
        raw = (typed or "").strip()
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise DiaryError(T.BAD_FROM_DATE.format(value=raw or "nothing")) from None
    return "last"


def saved_where(summary, *, web: bool) -> str:
    """Where the file went, in words: the folder chosen, the browser's downloads, or the device."""
    path = summary.files[0].path if summary.files else None
    return (T.EXPORT_SAVED_TO.format(folder=printable_name(path.parent)) if path
            else T.EXPORT_DOWNLOADED if web else T.EXPORT_SAVED_DEVICE)
