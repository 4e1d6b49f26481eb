"""What the clinician's Import screen says, from the import service's answers: one line per file, the
summary of a run, and the import log. No Flet here."""

from __future__ import annotations

from datetime import date

from diary.i18n.formats import clock
from diary.ui.clinician import text as T
from diary.ui.state.share import human_size, short_day

def result_line(result, index: int) -> str:
    name = result.name or T.FILE_UNNAMED.format(n=index + 1)
    outcome = T.OUTCOME_NAMES[result.outcome]
    if result.outcome in ("refused", "conflict", "stale") and result.category:
        return T.RESULT_LINE_CATEGORY.format(name=name, outcome=outcome,
                                             category=T.CATEGORY_NAMES.get(result.category, result.category))
    return T.RESULT_LINE.format(name=name, outcome=outcome)


def log_line(entry, labels: dict[int, str], today: date) -> str:
    when = entry.at  # the clinic's clock when it was logged, with its offset
    day = short_day(when.date(), today)
    category = (f" ({T.CATEGORY_NAMES.get(entry.category, entry.category)})"
                if entry.category and entry.outcome in ("refused", "conflict", "stale") else "")
    who = T.LOG_WHO.format(label=labels[entry.patient_id]) if entry.patient_id in labels else ""
    return T.LOG_LINE.format(when=f"{day} {clock(when)}",
                             sha=entry.file_sha256[:12] if entry.file_sha256 else T.LOG_NOT_READ,
                             size=human_size(entry.file_size) if entry.file_size is not None else T.NOT_AVAILABLE,
                             outcome=T.OUTCOME_NAMES.get(entry.outcome, entry.outcome), category=category, who=who)


SUMMARY_GROUPS = {
    "imported": ("imported", "updated"),
    "already": ("already_imported",),
    "superseded": ("stale",),
    "refused": ("refused", "conflict"),
}


def import_summary(results) -> str:
    """"2 imported, 1 already here, 1 refused." (groups with no file left out)."""
    counts = {group: sum(r.outcome in outcomes for r in results) for group, outcomes in SUMMARY_GROUPS.items()}
    return ", ".join(T.SUMMARY_PARTS[group].format(n=n) for group, n in counts.items() if n) + "."


def log_lines(entries, patients, today: date) -> list[str]:
    """The import log, newest first, naming the patient where the file was theirs."""
    labels = {p.id: p.label for p in patients}
    return [log_line(entry, labels, today) for entry in entries]


def read_import_log(diary, *, limit: int) -> list[str]:
    return log_lines(diary.imports.log(limit=limit), diary.caseload.patients(), diary.clock().date())
