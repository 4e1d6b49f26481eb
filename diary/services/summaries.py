"""The one-page summary PDF for a visit: the one way the command line and both kinds of screen make it.

A patient's own home summarises its own diary (notes only if asked for); a clinician's home summarises
one patient's latest export (notes as the patient exported them). The period is a chart period of
diary.reports.series.period_bounds: "4w", "3m", "1y", "all", or "<N>w" for `diary report --weeks N`,
so the command line's twelve weeks and the screen's "4 weeks" end on the same day by the same rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from diary.domain.errors import DiaryError
from diary.platform.durable import describe_write_failure, write_atomically
from diary.i18n import N_, _

MAX_WEEKS = 520
DEFAULT_WEEKS = 12


@dataclass(frozen=True)
class SummaryPdf:
    """A made summary: the PDF, a file name to offer, and the period it covers."""

    data: bytes
    name: str
    start: date
    end: date


def weeks_period(weeks: int) -> str:
    """The period of `diary report --weeks N` ("12w").

    Raises:
        DiaryError: N outside 1…520.
    """
    if not 1 <= weeks <= MAX_WEEKS:
        raise DiaryError(_("--weeks must be from 1 to {MAX_WEEKS} (got {weeks}).").format(MAX_WEEKS=MAX_WEEKS, weeks=weeks))
    return f"{weeks}w"


def file_name(label: str | None, end: date) -> str:
    """"diary-summary-2026-03-15.pdf" for a patient's own diary, "summary-anna-l-2026-03-15.pdf" for a patient."""
    if label is None:
        return f"diary-summary-{end.isoformat()}.pdf"
    slug = re.sub(r"[^A-Za-z0-9]+", "-", label).strip("-").lower() or "patient"
    return f"summary-{slug}-{end.isoformat()}.pdf"


def make_summary(diary, *, period: str, patient: str | None = None, include_notes: bool = False) -> SummaryPdf:
    """The one-page summary of this home's diary, or of `patient` in a clinician's home, for `period`.

    Raises:
        DiaryError: a clinician's home without a patient, an unknown patient, or a patient named in a
            patient's own home (diary.services.records).
    """
    from diary.reports.overview import first_day  # the reports load when a summary is made, not with the CLI
    from diary.reports.series import period_bounds
    from diary.reports.summary_pdf import clinician_pdf
    from diary.services.records import record_for_report

    record = record_for_report(diary, patient, include_notes=include_notes)
    now = diary.clock()
    start, end = period_bounds(period, now.date(), first_day(record))
    pdf = clinician_pdf(record, today=now.date(), start=start, end=end, generated_at=now)
    return SummaryPdf(pdf, file_name(record.label, end), start, end)


def pdf_path(out: Path) -> Path:
    """`out`, if it names a PDF (checked before a home is opened, so a typo changes nothing).

    Raises:
        DiaryError: the name does not end in .pdf.
    """
    if out.suffix.lower() != ".pdf":
        raise DiaryError(_("Give the summary a file name ending in .pdf (got {name}).").format(name=out.name))
    return out


def write_summary(diary, out: Path, *, period: str, patient: str | None = None,
                  include_notes: bool = False) -> SummaryPdf:
    """`make_summary`, written to `out` whole or not at all.

    Raises:
        DiaryError: as make_summary; a name not ending in .pdf; FileNotWritten when it cannot be written.
    """
    out = pdf_path(out)
    summary = make_summary(diary, period=period, patient=patient, include_notes=include_notes)
    try:
        write_atomically(out, summary.data)
    except OSError as exc:
        raise describe_write_failure(exc, out, what=N_("the summary")) from None
    return summary


class SummaryService:
    """`make_summary` for one open diary (Diary.summaries)."""

    def __init__(self, diary):
        self._diary = diary

    def make(self, *, period: str, patient: str | None = None, include_notes: bool = False) -> SummaryPdf:
        return make_summary(self._diary, period=period, patient=patient, include_notes=include_notes)
