"""The data set's variables: one definition per column of every CSV file, written as codebook.csv.

Types (what a reader should load a column as):
    string   text (cells that looked like spreadsheet formulas start with an added ');
    integer  whole numbers;           decimal  numbers with a fractional part;
    date     ISO 8601 YYYY-MM-DD;     boolean  1 = yes, 0 = no;
    category one of the values in allowed_range.
Missing is always an empty cell: the codebook's missing_code says so for every variable. There is no
numeric missing code, so no 0, -1 or 99 ever stands for "not answered".
"""

from __future__ import annotations

from dataclasses import dataclass

from diary.domain.instruments import INSTRUMENTS
from diary.domain.items import ACTIVITY_MAX_MIN, SLEEP_HOURS_MAX
from diary.domain.regions import REGIONS

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


def _v(name: str, label: str, type_: str, unit: str = "", allowed: str = "", instrument: str = "",
       version: str = "") -> Variable:
    return Variable(name, label, type_, unit, allowed, instrument, version)


STUDY_ID = _v("study_id", "Pseudonymous study id (keyed hash; the clinic keeps the key)", "string",
              allowed="S + 12 hex digits")
NRS = "0–10"
REGION_NAMES = {r: r.replace("_", " ") for r in REGIONS}


def _nrs(name: str, what: str, *, version: str = "") -> Variable:
    return _v(name, what, "decimal" if version else "integer", "points", NRS, "diary NRS", version)


def daily_columns(include_notes: bool) -> list[Variable]:
    day = DAY_VALUES_VERSION
    columns = [
        STUDY_ID,
        _v("day", "Calendar day (shifted by the patient's whole-week shift when dates are shifted)", "date"),
        _v("weekday", "Day of the week, 1 = Monday … 7 = Sunday (kept by the date shift)", "integer", "", "1–7"),
        _v("n_checkins", "Check-ins that day (0 = nothing logged; the day's other values are then empty)",
           "integer", "check-ins", "0–"),
        _nrs("pain", "Pain, mean of the day's check-ins", version=day),
        _v("pain_max", "Highest pain of the day", "integer", "points", NRS, "diary NRS", day),
        _nrs("fatigue", "Fatigue, mean of the day's check-ins", version=day),
        _nrs("stress", "Stress, mean of the day's check-ins", version=day),
        _nrs("worry", "Worry about symptoms, mean of the day's check-ins", version=day),
        _v("sleep_quality", "Sleep quality last night (first check-in of the day that answered)", "integer",
           "points", NRS, "diary NRS", day),
        _v("sleep_hours", "Hours slept last night", "decimal", "hours", f"0–{SLEEP_HOURS_MAX:g} (quarter hours)"),
        _v("light_min", "Light activity, sum of the day's check-ins", "integer", "minutes", f"0–{ACTIVITY_MAX_MIN * 4}"),
        _v("moderate_min", "Moderate activity, sum of the day's check-ins", "integer", "minutes",
           f"0–{ACTIVITY_MAX_MIN * 4}"),
        _v("vigorous_min", "Vigorous activity, sum of the day's check-ins", "integer", "minutes",
           f"0–{ACTIVITY_MAX_MIN * 4}"),
        _v("strength", "Did muscle-strengthening exercise (any check-in said yes)", "boolean", "", "0–1"),
        _v("flare", "Flare or rest day marked", "boolean", "", "0–1"),
        _v("wpi_count", "Painful body regions that day (union of the day's body maps; empty: no map filled in)",
           "integer", "regions", "0–19", "wpi19", "ACR 2010/2016 WPI regions"),
        _v("generalized_pain", "Pain in at least 4 of 5 areas (Wolfe et al. 2016)", "boolean", "", "0–1", "wpi19",
           "ACR 2016 generalized pain"),
        *(_v(f"pain_{r}", f"Pain in the {REGION_NAMES[r]} (1 = marked; empty: no body map that day)", "boolean",
             "", "0–1", "wpi19", "ACR 2010/2016 WPI regions") for r in REGIONS),
    ]
    if include_notes:
        columns.append(_v("notes", "The day's notes in time order, joined with ' | ' (free text)", "string"))
    return columns


def checkin_columns(include_notes: bool) -> list[Variable]:
    columns = [
        STUDY_ID,
        _v("checkin_no", "Check-in number within the patient, in time order", "integer", "", "1–"),
        _v("day", "The day the check-in is about", "date"),
        _v("time", "Local time the check-in was saved (HH:MM)", "string"),
        _v("extra", "A second or later check-in of the day (its pain means 'right now')", "boolean", "", "0–1"),
        _nrs("pain", "Pain, last 24 hours (or right now for an extra check-in)"),
        _nrs("fatigue", "Fatigue, last 24 hours"),
        _nrs("stress", "Stress, last 24 hours"),
        _nrs("worry", "Worry about symptoms"),
        _nrs("sleep_quality", "Sleep quality last night"),
        _v("sleep_hours", "Hours slept", "decimal", "hours", f"0–{SLEEP_HOURS_MAX:g} (quarter hours)"),
        _v("light_min", "Light activity", "integer", "minutes", f"0–{ACTIVITY_MAX_MIN}"),
        _v("moderate_min", "Moderate activity", "integer", "minutes", f"0–{ACTIVITY_MAX_MIN}"),
        _v("vigorous_min", "Vigorous activity", "integer", "minutes", f"0–{ACTIVITY_MAX_MIN}"),
        _v("strength", "Did muscle-strengthening exercise", "boolean", "", "0–1"),
        _v("flare", "Marked as a flare or rest day", "boolean", "", "0–1"),
        _v("no_pain", "Explicitly answered 'no pain today' on the body map", "boolean", "", "0–1"),
        _v("regions", "Painful regions marked, ';'-separated in WPI order (empty: map not filled in)", "string",
           "", ";".join(REGIONS), "wpi19", "ACR 2010/2016 WPI regions"),
        _v("wpi_count", "Number of painful regions marked (empty: map not filled in)", "integer", "regions", "0–19",
           "wpi19", "ACR 2010/2016 WPI regions"),
    ]
    if include_notes:
        columns.append(_v("note", "The check-in's note (free text)", "string"))
    return columns


def questionnaire_columns() -> list[Variable]:
    return [
        STUDY_ID,
        _v("response_no", "Administration number within the patient, in time order", "integer", "", "1–"),
        _v("instrument", "Instrument id", "category", "", ";".join(sorted(INSTRUMENTS))),
        _v("version", "Instrument version (language, recall) as scored", "string"),
        _v("scoring_rule", "Scoring rule id", "string"),
        _v("completed_on", "Day the questionnaire was completed", "date"),
        _v("valid", "A score could be computed under the missing-data rule", "boolean", "", "0–1"),
        _v("total", "Total score, 2 decimals half up (empty if invalid or the instrument has no total)", "decimal",
           "points", "see the instrument's rows"),
        _v("total_rounded", "Total rounded half up to a whole number (bands come from it)", "integer", "points"),
        _v("band", "Severity band of the total", "string"),
        _v("n_answered", "Items answered", "integer", "items"),
        _v("n_missing", "Items not answered", "integer", "items"),
        _v("prorated", "Total prorated for missing items", "boolean", "", "0–1"),
        _v("subscales", "Subscale scores as name=value pairs, ';'-separated (empty value: invalid)", "string"),
        _v("subscale_bands", "Subscale bands as name=band pairs, ';'-separated", "string"),
        _v("flags", "Flags raised, ';'-separated (e.g. item9_positive)", "string"),
    ]


def questionnaire_item_columns() -> list[Variable]:
    return [
        STUDY_ID,
        _v("response_no", "Administration number (joins questionnaires.csv)", "integer", "", "1–"),
        _v("instrument", "Instrument id", "category", "", ";".join(sorted(INSTRUMENTS))),
        _v("version", "Instrument version", "string"),
        _v("item", "Item number as printed on the form", "integer", "", "1–"),
        _v("item_label", "Short item key (not the wording)", "string"),
        _v("answer", "The answer as coded on the form (empty: not answered)", "decimal", "points",
           "see the instrument's rows"),
    ]


def goal_columns() -> list[Variable]:
    levels = [_v(f"level_{name}", f"Agreed description of GAS level {lv:+d} (free text agreed in the clinic)",
                 "string", "", "", "gas", "Goal Attainment Scaling")
              for lv, name in ((-2, "m2"), (-1, "m1"), (0, "0"), (1, "p1"), (2, "p2"))]
    return [
        STUDY_ID,
        _v("goal_no", "Goal number within the patient (G1, G2, …)", "string"),
        _v("type", "main or intermediate", "category", "", "main;intermediate"),
        _v("main_goal_no", "For an intermediate goal, the main goal it leads to", "string"),
        _v("start_date", "Day the goal was set", "date"),
        _v("target_date", "Target date", "date"),
        _v("baseline_level", "GAS level at the start (−2 Kiresuk, −1 Turner-Stokes)", "integer", "level", "-2;-1",
           "gas", "Goal Attainment Scaling"),
        _v("weight", "Weight in the T-score", "decimal", "", "0–10", "gas", "Kiresuk-Sherman T-score (rho 0.3)"),
        _v("has_levels", "The five GAS levels were described", "boolean", "", "0–1"),
        _v("title", "The goal in a few words (free text agreed in the clinic)", "string"),
        _v("measure", "What will be done or measured (free text)", "string"),
        _v("baseline_text", "Where the patient starts, in words (free text)", "string"),
        _v("target_text", "The target, in words (free text)", "string"),
        *levels,
    ]


def rating_columns(include_notes: bool) -> list[Variable]:
    columns = [
        STUDY_ID,
        _v("goal_no", "Goal number (joins goals.csv)", "string"),
        _v("rating_no", "Rating number within the goal, in the order made", "integer", "", "1–"),
        _v("rated_on", "Day of the rating", "date"),
        _v("rater", "Who rated", "category", "", "patient;physiotherapist"),
        _v("level", "GAS level rated (empty for goals without levels)", "integer", "level", "-2–2", "gas",
           "Goal Attainment Scaling"),
        _v("category", "Attainment: fully, partially or not", "category", "", "fully;partially;not"),
        _v("gas_level", "Level used in the T-score: the rated level, else fully 0, partially −1, not −2",
           "integer", "level", "-2–2", "gas", "Goal Attainment Scaling"),
        _v("t_score", "Kiresuk–Sherman T-score of all the patient's goals as rated up to this day", "decimal",
           "T", "", "gas", "Kiresuk-Sherman T-score (rho 0.3)"),
    ]
    if include_notes:
        columns.append(_v("comment", "The rater's comment (free text)", "string"))
    return columns


def trial_outcome_columns() -> list[Variable]:
    return [
        STUDY_ID,
        _v("rater_basis", "Whose ratings count: any, physiotherapist or patient", "category", "",
           "any;physiotherapist;patient"),
        _v("review_date", "Latest review: the last day any goal was rated (by these raters)", "date"),
        _v("main_fully_attained", "Main goal fully attained at the latest review (empty: main goal not rated)",
           "boolean", "", "0–1", "gas", "CWP trial outcome"),
        _v("intermediate_rated", "Intermediate goals rated by the latest review", "integer", "goals", "0–"),
        _v("intermediate_fully", "Intermediate goals fully attained", "integer", "goals", "0–"),
        _v("intermediate_fully_share", "Share of rated intermediate goals fully attained", "decimal", "proportion",
           "0–1", "gas", "CWP trial outcome"),
        _v("t_score", "T-score at the latest review", "decimal", "T", "", "gas", "Kiresuk-Sherman T-score (rho 0.3)"),
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


CODEBOOK_COLUMNS = ("file", "variable", "label", "type", "unit", "allowed_range", "missing_code", "instrument",
                    "version")


def codebook_rows(include_notes: bool, instruments_seen: dict[str, set[str]]) -> list[dict[str, str]]:
    """codebook.csv: every column of every file, then one row per instrument version in the data for
    the score and answer columns (with that instrument's range and bands)."""
    rows = []
    for file, variables in files(include_notes).items():
        for v in variables:
            rows.append({"file": file, "variable": v.name, "label": v.label, "type": v.type, "unit": v.unit,
                         "allowed_range": v.allowed, "missing_code": MISSING, "instrument": v.instrument,
                         "version": v.version})
    for instrument_id in sorted(instruments_seen):
        inst = INSTRUMENTS[instrument_id]
        low_high = f"{inst.score_range[0]:g}–{inst.score_range[1]:g}" if inst.score_range else ""
        bands = "; ".join(f"{b.name} from {b.low:g}" for b in inst.bands)
        answers = inst.items[0].describe() if inst.items and len(set(inst.items)) == 1 else "varies by item"
        for version in sorted(instruments_seen[instrument_id]):
            rows.append({"file": "questionnaires.csv", "variable": "total", "label": f"{inst.name} total"
                         + (f" (bands: {bands})" if bands else ""), "type": "decimal", "unit": "points",
                         "allowed_range": low_high, "missing_code": MISSING, "instrument": instrument_id,
                         "version": version})
            rows.append({"file": "questionnaire_items.csv", "variable": "answer", "label": f"{inst.name} item answer",
                         "type": "decimal", "unit": "points", "allowed_range": answers, "missing_code": MISSING,
                         "instrument": instrument_id, "version": version})
    return rows
