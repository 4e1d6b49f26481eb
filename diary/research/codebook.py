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

from diary.domain.instruments import INSTRUMENTS, SEVEN_DAY_BAND_CAVEAT
from diary.domain.instruments.definitions import Choice, Instrument, Range
from diary.domain.items import ACTIVITY_MAX_MIN, DAY_MINUTES_MAX, SLEEP_HOURS_MAX
from diary.domain.regions import REGIONS

MISSING = "empty cell"
DAY_VALUES_VERSION = "day values: diary/domain/days.py (means half up to 2 decimals)"
SLEEP_RANGE = f"0–{SLEEP_HOURS_MAX:g} in steps of 0.25 (quarter hours)"


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
        _nrs("pain", "The day's pain: the 24-hour rating of the day's first check-in ('last 24 hours'); empty "
                     "when not answered, whatever the momentary ratings", version=day),
        _nrs("pain_now_mean", "Momentary pain ('right now', extra check-ins): mean of the day's ratings",
             version=day),
        _v("pain_now_max", "Momentary pain ('right now', extra check-ins): highest of the day", "integer", "points",
           NRS, "diary NRS", day),
        _v("pain_now_n", "Momentary pain ratings that day (0: none)", "integer", "ratings", "0–", "", day),
        _nrs("fatigue", "Fatigue, mean of the day's check-ins", version=day),
        _nrs("stress", "Stress, mean of the day's check-ins", version=day),
        _nrs("worry", "Worry about symptoms, mean of the day's check-ins", version=day),
        _v("sleep_quality", "Sleep quality last night (first check-in of the day that answered)", "integer",
           "points", NRS, "diary NRS", day),
        _v("sleep_hours", "Hours slept last night", "decimal", "hours", SLEEP_RANGE),
        *(_v(f"{kind}_min", f"{kind.capitalize()} leisure activity, sum of the day's check-ins (entries are "
             f"capped so a day holds at most {DAY_MINUTES_MAX:,})", "integer", "minutes", f"0–{DAY_MINUTES_MAX}")
          for kind in ("light", "moderate", "vigorous")),
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
        _nrs("pain", "Pain as asked: over the last 24 hours (first check-in) or right now (extra); see pain_recall"),
        _v("pain_recall", "What the pain answer is about: 24h (the day's pain) or now (momentary); empty without "
           "a pain answer", "category", "", "24h;now"),
        _nrs("fatigue", "Fatigue, last 24 hours"),
        _nrs("stress", "Stress, last 24 hours"),
        _nrs("worry", "Worry about symptoms"),
        _nrs("sleep_quality", "Sleep quality last night"),
        _v("sleep_hours", "Hours slept", "decimal", "hours", SLEEP_RANGE),
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
        _v("total_rounded", "Total rounded half up to a whole number (empty without a total); the band of an "
           "integer-scored instrument is taken from it, of the others from the unrounded total", "integer", "points"),
        _v("band", f"Severity band of the total (PHQ-15 7-day recall: {SEVEN_DAY_BAND_CAVEAT})", "string"),
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
        _v("answer", "The answer as coded on the form (empty: not answered); loads as a number for every "
           "instrument, and each instrument's own row says its exact type (integer codes, booleans, decimals)",
           "decimal", "points", "see the instrument's rows"),
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
        _v("level", "GAS level rated (goals with levels); for a goal without levels only -2, meaning not attained "
           "and worse than at the start", "integer", "level", "-2–2", "gas", "Goal Attainment Scaling"),
        _v("category", "Attainment: fully, partially or not", "category", "", "fully;partially;not"),
        _v("worse_than_start", "Not attained and worse than at the start (goals without levels)", "boolean", "",
           "0–1"),
        _v("gas_level", "Level the T-score uses: the rated level, else fully 0, partially −1, not attained = the "
           "goal's baseline_level (−2 only when worse than at the start)", "integer", "level", "-2–2", "gas",
           "Goal Attainment Scaling"),
        _v("t_score_intermediate", "T-score of the intermediate goals of the then current main goal, from this "
           "rater's latest ratings up to this day (the main goal is not in it; one rater only)", "decimal", "T", "",
           "gas", "Kiresuk-Sherman T-score (rho 0.3)"),
    ]
    if include_notes:
        columns.append(_v("comment", "The rater's comment (free text)", "string"))
    return columns


def files(include_notes: bool) -> dict[str, list[Variable]]:
    from diary.research.codebook_outcomes import trial_outcome_columns, weekly_columns

    """Every CSV file of the data set and its columns, in order."""
    return {
        "daily.csv": daily_columns(include_notes),
        "checkins.csv": checkin_columns(include_notes),
        "questionnaires.csv": questionnaire_columns(),
        "questionnaire_items.csv": questionnaire_item_columns(),
        "goals.csv": goal_columns(),
        "goal_ratings.csv": rating_columns(include_notes),
        "trial_outcomes.csv": trial_outcome_columns(),
        "weekly.csv": weekly_columns(),
    }


CODEBOOK_COLUMNS = ("file", "variable", "label", "type", "unit", "allowed_range", "missing_code", "instrument",
                    "version")


def answer_type(inst: Instrument) -> str:
    """How an instrument's raw item codes load: integer codes, decimal readings, or booleans (WPI)."""
    if inst.id == "wpi19":
        return "boolean"
    if inst.items is None:
        return "string"
    whole = all(isinstance(spec, Choice) or (isinstance(spec, Range) and spec.whole) for spec in inst.items)
    return "integer" if whole else "decimal"


def _range(low_high: tuple[float, float] | None) -> str:
    return f"{low_high[0]:g}–{low_high[1]:g}" if low_high else ""


def _direction(inst: Instrument) -> str:
    if inst.higher_is == "better":
        return f"; higher = better ({inst.subscale_range[1]:g} = best)" if inst.subscale_range else "; higher = better"
    return "; higher = worse" if inst.higher_is == "worse" else ""


def _instrument_rows(inst: Instrument, version: str) -> list[dict[str, str]]:
    """The score, subscale and answer rows of one instrument version in the data."""
    def row(file: str, variable: str, label: str, type_: str, unit: str, allowed: str) -> dict[str, str]:
        return {"file": file, "variable": variable, "label": label, "type": type_, "unit": unit,
                "allowed_range": allowed, "missing_code": MISSING, "instrument": inst.id, "version": version}

    rows = []
    if inst.has_total:
        bands = "; ".join(f"{b.name} from {b.low:g}" for b in inst.bands)
        caveat = f", {SEVEN_DAY_BAND_CAVEAT}" if inst.id == "phq15" and "7-day" in version else ""
        rows.append(row("questionnaires.csv", "total", f"{inst.name} total" + (f" (bands: {bands}{caveat})" if bands
                        else "") + _direction(inst), "decimal", "points", _range(inst.score_range)))
    for name in inst.subscales:
        rows.append(row("questionnaires.csv", "subscales", f"{inst.name} subscale {name} (in the subscales "
                        f"column as {name}=value){_direction(inst)}", "decimal", "points", _range(inst.subscale_range)))
    answers = inst.items[0].describe() if inst.items and len(set(inst.items)) == 1 else "varies by item"
    rows.append(row("questionnaire_items.csv", "answer", f"{inst.name} item answer (raw code as on the form)",
                    answer_type(inst), "points", answers if inst.id != "wpi19" else "0–1"))
    return rows


def codebook_rows(include_notes: bool, instruments_seen: dict[str, set[str]]) -> list[dict[str, str]]:
    """codebook.csv: every column of every file, then per instrument version in the data its total (where
    it has one, with range, bands and direction), each subscale and its item answers, typed."""
    rows = []
    for file, variables in files(include_notes).items():
        for v in variables:
            rows.append({"file": file, "variable": v.name, "label": v.label, "type": v.type, "unit": v.unit,
                         "allowed_range": v.allowed, "missing_code": MISSING, "instrument": v.instrument,
                         "version": v.version})
    for instrument_id in sorted(instruments_seen):
        for version in sorted(instruments_seen[instrument_id]):
            rows += _instrument_rows(INSTRUMENTS[instrument_id], version)
    return rows
