"""What the Share screen says: periods, sizes and the after-export summary, in words. No Flet here."""

from __future__ import annotations

from datetime import date

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
                                             checkins=counts.get("checkins", 0),
                                             questionnaires=counts.get("questionnaires", 0),
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
