"""The data set's variables: one definition per column of every CSV file, written as codebook.csv.

Types (what a reader should load a column as):
    string   text (cells that looked like spreadsheet formulas start with an added ');
    integer  whole numbers;           decimal  numbers with a fractional part;
    date     ISO 8601 YYYY-MM-DD;     boolean  1 = yes, 0 = no;
    category one of the values in allowed_range.
Missing is always an empty cell: the codebook's missing_code says so for every variable. There is no
numeric missing code, so no 0, -1 or 99 ever stands for "not answered".

Variable names are code and stay English; every label is given in English (`label`) and in Swedish
(`label_sv`, from the message catalogs: the labels here are their English source messages).
"""

from __future__ import annotations

from dataclasses import dataclass

from diary.domain.instruments import INSTRUMENTS
from diary.domain.items import ACTIVITY_MAX_MIN, SLEEP_HOURS_MAX
from diary.domain.regions import REGIONS
from diary.i18n import N_, _, in_language, words

MISSING = "empty cell"
DAY_VALUES_VERSION = "day values: diary/domain/days.py (mean of the day's check-ins, half up to 2 decimals)"


@dataclass(frozen=True)
class Variable:
    name: str
    label: str
    type: str
    unit: str = ""
    allowed: str = ""
    instrument: str = ""
    version: str = ""
    label_sv: str = ""


def swedish(message: str, **values: object) -> str:
    """A source message in Swedish, with its values (given as they are)."""
    with in_language("sv"):
        return _(message).format(**values)


def _v(name: str, label: str, type_: str, unit: str = "", allowed: str = "", instrument: str = "",
       version: str = "", *, label_sv: str | None = None) -> Variable:
    """A variable whose `label` is an English source message (its Swedish from the catalogs), or English
    text made from one, with its Swedish given as `label_sv`."""
    return Variable(name, label, type_, unit, allowed, instrument, version,
                    swedish(label) if label_sv is None else label_sv)


STUDY_ID = _v("study_id", N_("Pseudonymous study id (keyed hash; the clinic keeps the key)"), "string",
              allowed="S + 12 hex digits")
NRS = "0–10"
REGION_NAMES = {r: r.replace("_", " ") for r in REGIONS}


def _nrs(name: str, what: str, *, version: str = "") -> Variable:
    """`what` is a source message (marked N_ by the caller)."""
    return _v(name, what, "decimal" if version else "integer", "points", NRS, "diary NRS", version)


def _region_label(region: str) -> tuple[str, str]:
    template = N_("Pain in the {region} (1 = marked; empty: no body map that day)")
    with in_language("sv"):
        swedish_name = words.region(region).lower()
    return template.format(region=REGION_NAMES[region]), swedish(template, region=swedish_name)


def _level_label(level: int) -> tuple[str, str]:
    template = N_("Agreed description of GAS level {level} (free text agreed in the clinic)")
    return template.format(level=f"{level:+d}"), swedish(template, level=f"{level:+d}")


def daily_columns(include_notes: bool) -> list[Variable]:
    day = DAY_VALUES_VERSION
    columns = [
        STUDY_ID,
        _v("day", N_("Calendar day (shifted by the patient's whole-week shift when dates are shifted)"), "date"),
        _v("weekday", N_("Day of the week, 1 = Monday … 7 = Sunday (kept by the date shift)"), "integer", "", "1–7"),
        _v("n_checkins", N_("Check-ins that day (0 = nothing logged; the day's other values are then empty)"),
           "integer", "check-ins", "0–"),
        _nrs("pain", N_("Pain, mean of the day's check-ins"), version=day),
        _v("pain_max", N_("Highest pain of the day"), "integer", "points", NRS, "diary NRS", day),
        _nrs("fatigue", N_("Fatigue, mean of the day's check-ins"), version=day),
        _nrs("stress", N_("Stress, mean of the day's check-ins"), version=day),
        _nrs("worry", N_("Worry about symptoms, mean of the day's check-ins"), version=day),
        _v("sleep_quality", N_("Sleep quality last night (first check-in of the day that answered)"), "integer",
           "points", NRS, "diary NRS", day),
        _v("sleep_hours", N_("Hours slept last night"), "decimal", "hours", f"0–{SLEEP_HOURS_MAX:g} (quarter hours)"),
        _v("light_min", N_("Light activity, sum of the day's check-ins"), "integer", "minutes", f"0–{ACTIVITY_MAX_MIN * 4}"),
        _v("moderate_min", N_("Moderate activity, sum of the day's check-ins"), "integer", "minutes",
           f"0–{ACTIVITY_MAX_MIN * 4}"),
        _v("vigorous_min", N_("Vigorous activity, sum of the day's check-ins"), "integer", "minutes",
           f"0–{ACTIVITY_MAX_MIN * 4}"),
        _v("strength", N_("Did muscle-strengthening exercise (any check-in said yes)"), "boolean", "", "0–1"),
        _v("flare", N_("Flare or rest day marked"), "boolean", "", "0–1"),
        _v("wpi_count", N_("Painful body regions that day (union of the day's body maps; empty: no map filled in)"),
           "integer", "regions", "0–19", "wpi19", "ACR 2010/2016 WPI regions"),
        _v("generalized_pain", N_("Pain in at least 4 of 5 areas (Wolfe et al. 2016)"), "boolean", "", "0–1", "wpi19",
           "ACR 2016 generalized pain"),
        *(_v(f"pain_{r}", _region_label(r)[0], "boolean", "", "0–1", "wpi19", "ACR 2010/2016 WPI regions",
             label_sv=_region_label(r)[1]) for r in REGIONS),
    ]
    if include_notes:
        columns.append(_v("notes", N_("The day's notes in time order, joined with ' | ' (free text)"), "string"))
    return columns


def checkin_columns(include_notes: bool) -> list[Variable]:
    columns = [
        STUDY_ID,
        _v("checkin_no", N_("Check-in number within the patient, in time order"), "integer", "", "1–"),
        _v("day", N_("The day the check-in is about"), "date"),
        _v("time", N_("Local time the check-in was saved (HH:MM)"), "string"),
        _v("extra", N_("A second or later check-in of the day (its pain means 'right now')"), "boolean", "", "0–1"),
        _nrs("pain", N_("Pain, last 24 hours (or right now for an extra check-in)")),
        _nrs("fatigue", N_("Fatigue, last 24 hours")),
        _nrs("stress", N_("Stress, last 24 hours")),
        _nrs("worry", N_("Worry about symptoms")),
        _nrs("sleep_quality", N_("Sleep quality last night")),
        _v("sleep_hours", N_("Hours slept"), "decimal", "hours", f"0–{SLEEP_HOURS_MAX:g} (quarter hours)"),
        _v("light_min", N_("Light activity"), "integer", "minutes", f"0–{ACTIVITY_MAX_MIN}"),
        _v("moderate_min", N_("Moderate activity"), "integer", "minutes", f"0–{ACTIVITY_MAX_MIN}"),
        _v("vigorous_min", N_("Vigorous activity"), "integer", "minutes", f"0–{ACTIVITY_MAX_MIN}"),
        _v("strength", N_("Did muscle-strengthening exercise"), "boolean", "", "0–1"),
        _v("flare", N_("Marked as a flare or rest day"), "boolean", "", "0–1"),
        _v("no_pain", N_("Explicitly answered 'no pain today' on the body map"), "boolean", "", "0–1"),
        _v("regions", N_("Painful regions marked, ';'-separated in WPI order (empty: map not filled in)"), "string",
           "", ";".join(REGIONS), "wpi19", "ACR 2010/2016 WPI regions"),
        _v("wpi_count", N_("Number of painful regions marked (empty: map not filled in)"), "integer", "regions", "0–19",
           "wpi19", "ACR 2010/2016 WPI regions"),
    ]
    if include_notes:
        columns.append(_v("note", N_("The check-in's note (free text)"), "string"))
    return columns


def questionnaire_columns() -> list[Variable]:
    return [
        STUDY_ID,
        _v("response_no", N_("Administration number within the patient, in time order"), "integer", "", "1–"),
        _v("instrument", N_("Instrument id"), "category", "", ";".join(sorted(INSTRUMENTS))),
        _v("version", N_("Instrument version (language, recall) as scored"), "string"),
        _v("scoring_rule", N_("Scoring rule id"), "string"),
        _v("completed_on", N_("Day the questionnaire was completed"), "date"),
        _v("valid", N_("A score could be computed under the missing-data rule"), "boolean", "", "0–1"),
        _v("total", N_("Total score, 2 decimals half up (empty if invalid or the instrument has no total)"), "decimal",
           "points", "see the instrument's rows"),
        _v("total_rounded", N_("Total rounded half up to a whole number (bands come from it)"), "integer", "points"),
        _v("band", N_("Severity band of the total"), "string"),
        _v("n_answered", N_("Items answered"), "integer", "items"),
        _v("n_missing", N_("Items not answered"), "integer", "items"),
        _v("prorated", N_("Total prorated for missing items"), "boolean", "", "0–1"),
        _v("subscales", N_("Subscale scores as name=value pairs, ';'-separated (empty value: invalid)"), "string"),
        _v("subscale_bands", N_("Subscale bands as name=band pairs, ';'-separated"), "string"),
        _v("flags", N_("Flags raised, ';'-separated (e.g. item9_positive)"), "string"),
    ]


def questionnaire_item_columns() -> list[Variable]:
    return [
        STUDY_ID,
        _v("response_no", N_("Administration number (joins questionnaires.csv)"), "integer", "", "1–"),
        _v("instrument", N_("Instrument id"), "category", "", ";".join(sorted(INSTRUMENTS))),
        _v("version", N_("Instrument version"), "string"),
        _v("item", N_("Item number as printed on the form"), "integer", "", "1–"),
        _v("item_label", N_("Short item key (not the wording)"), "string"),
        _v("answer", N_("The answer as coded on the form (empty: not answered)"), "decimal", "points",
           "see the instrument's rows"),
    ]


def goal_columns() -> list[Variable]:
    levels = [_v(f"level_{name}", _level_label(lv)[0], "string", "", "", "gas", "Goal Attainment Scaling",
                 label_sv=_level_label(lv)[1])
              for lv, name in ((-2, "m2"), (-1, "m1"), (0, "0"), (1, "p1"), (2, "p2"))]
    return [
        STUDY_ID,
        _v("goal_no", N_("Goal number within the patient (G1, G2, …)"), "string"),
        _v("type", N_("main or intermediate"), "category", "", "main;intermediate"),
        _v("main_goal_no", N_("For an intermediate goal, the main goal it leads to"), "string"),
        _v("start_date", N_("Day the goal was set"), "date"),
        _v("target_date", N_("Target date"), "date"),
        _v("baseline_level", N_("GAS level at the start (−2 Kiresuk, −1 Turner-Stokes)"), "integer", "level", "-2;-1",
           "gas", "Goal Attainment Scaling"),
        _v("weight", N_("Weight in the T-score"), "decimal", "", "0–10", "gas", "Kiresuk-Sherman T-score (rho 0.3)"),
        _v("has_levels", N_("The five GAS levels were described"), "boolean", "", "0–1"),
        _v("title", N_("The goal in a few words (free text agreed in the clinic)"), "string"),
        _v("measure", N_("What will be done or measured (free text)"), "string"),
        _v("baseline_text", N_("Where the patient starts, in words (free text)"), "string"),
        _v("target_text", N_("The target, in words (free text)"), "string"),
        *levels,
    ]


def rating_columns(include_notes: bool) -> list[Variable]:
    columns = [
        STUDY_ID,
        _v("goal_no", N_("Goal number (joins goals.csv)"), "string"),
        _v("rating_no", N_("Rating number within the goal, in the order made"), "integer", "", "1–"),
        _v("rated_on", N_("Day of the rating"), "date"),
        _v("rater", N_("Who rated"), "category", "", "patient;physiotherapist"),
        _v("level", N_("GAS level rated (empty for goals without levels)"), "integer", "level", "-2–2", "gas",
           "Goal Attainment Scaling"),
        _v("category", N_("Attainment: fully, partially or not"), "category", "", "fully;partially;not"),
        _v("gas_level", N_("Level used in the T-score: the rated level, else fully 0, partially −1, not −2"),
           "integer", "level", "-2–2", "gas", "Goal Attainment Scaling"),
        _v("t_score", N_("Kiresuk–Sherman T-score of all the patient's goals as rated up to this day"), "decimal",
           "T", "", "gas", "Kiresuk-Sherman T-score (rho 0.3)"),
    ]
    if include_notes:
        columns.append(_v("comment", N_("The rater's comment (free text)"), "string"))
    return columns


def trial_outcome_columns() -> list[Variable]:
    return [
        STUDY_ID,
        _v("rater_basis", N_("Whose ratings count: any, physiotherapist or patient"), "category", "",
           "any;physiotherapist;patient"),
        _v("review_date", N_("Latest review: the last day any goal was rated (by these raters)"), "date"),
        _v("main_fully_attained", N_("Main goal fully attained at the latest review (empty: main goal not rated)"),
           "boolean", "", "0–1", "gas", "CWP trial outcome"),
        _v("intermediate_rated", N_("Intermediate goals rated by the latest review"), "integer", "goals", "0–"),
        _v("intermediate_fully", N_("Intermediate goals fully attained"), "integer", "goals", "0–"),
        _v("intermediate_fully_share", N_("Share of rated intermediate goals fully attained"), "decimal", "proportion",
           "0–1", "gas", "CWP trial outcome"),
        _v("t_score", N_("T-score at the latest review"), "decimal", "T", "", "gas", "Kiresuk-Sherman T-score (rho 0.3)"),
    ]


def files(include_notes: bool) -> dict[str, list[Variable]]:
    """Every CSV file of the data set and its columns, in order."""
    return {
        "daily.csv": daily_columns(include_notes),
        "checkins.csv": checkin_columns(include_notes),
        "questionnaires.csv": questionnaire_columns(),
        "questionnaire_items.csv": questionnaire_item_columns(),
        "goals.csv": goal_columns(),
        "goal_ratings.csv": rating_columns(include_notes),
        "trial_outcomes.csv": trial_outcome_columns(),
    }


CODEBOOK_COLUMNS = ("file", "variable", "label", "label_sv", "type", "unit", "allowed_range", "missing_code",
                    "instrument", "version")


def codebook_rows(include_notes: bool, instruments_seen: dict[str, set[str]]) -> list[dict[str, str]]:
    """codebook.csv: every column of every file, then one row per instrument version in the data for
    the score and answer columns (with that instrument's range and bands)."""
    rows = []
    for file, variables in files(include_notes).items():
        for v in variables:
            rows.append({"file": file, "variable": v.name, "label": v.label, "label_sv": v.label_sv, "type": v.type,
                         "unit": v.unit,
                         "allowed_range": v.allowed, "missing_code": MISSING, "instrument": v.instrument,
                         "version": v.version})
    for instrument_id in sorted(instruments_seen):
        inst = INSTRUMENTS[instrument_id]
        low_high = f"{inst.score_range[0]:g}–{inst.score_range[1]:g}" if inst.score_range else ""
        answers = inst.items[0].describe() if inst.items and len(set(inst.items)) == 1 else "varies by item"
        total, answer = _instrument_labels(inst)
        for version in sorted(instruments_seen[instrument_id]):
            rows.append({"file": "questionnaires.csv", "variable": "total", "label": total[0], "label_sv": total[1],
                         "type": "decimal", "unit": "points",
                         "allowed_range": low_high, "missing_code": MISSING, "instrument": instrument_id,
                         "version": version})
            rows.append({"file": "questionnaire_items.csv", "variable": "answer", "label": answer[0],
                         "label_sv": answer[1], "type": "decimal", "unit": "points", "allowed_range": answers,
                         "missing_code": MISSING, "instrument": instrument_id, "version": version})
    return rows


def _instrument_labels(inst) -> tuple[tuple[str, str], tuple[str, str]]:
    """(English, Swedish) labels of an instrument's total (with its bands, named by their keys) and answers."""
    bands = "; ".join(f"{b.name} from {b.low:g}" for b in inst.bands)
    bands_sv = "; ".join(swedish(N_("{band} from {low}"), band=b.name, low=f"{b.low:g}") for b in inst.bands)
    total = (f"{inst.name} total" + (f" (bands: {bands})" if bands else ""),
             swedish(N_("{name} total (bands: {bands})"), name=inst.name, bands=bands_sv) if bands
             else swedish(N_("{name} total"), name=inst.name))
    answer = (f"{inst.name} item answer", swedish(N_("{name} item answer"), name=inst.name))
    return total, answer
