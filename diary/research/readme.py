"""The data set's README: what is in it, how it was de-identified, and how to read it."""

from __future__ import annotations

import hashlib
from datetime import date

from diary import __version__


def _fingerprint(key: object) -> str:
    """A key's fingerprint as diary/exchange/keys.py defines it: the lowercase hex SHA-256 of its 32 bytes."""
    return hashlib.sha256(bytes(key)).hexdigest()


def readme_text(summary, options, *, today: date) -> str:
    rows = "\n".join(f"| `{name}` | {n:,} |" for name, n in summary.rows.items())
    shift = ("Each patient's dates are shifted back by the same whole number of weeks (1 to 52, a different "
             "number per patient, derived from the clinic's key), so intervals and weekdays are kept but calendar "
             "dates are not real." if options.date_shift else
             "Dates are real calendar dates (the export was made without --date-shift).")
    notes = ("Free-text notes and rating comments are included (the export was made with --include-notes); "
             "review them before sharing further." if options.include_notes else
             "Free-text notes and rating comments were left out.")
    fhir = ("`fhir/<study_id>.json`: one FHIR R4 Bundle (type collection) per patient: Patient (study id only), a "
            "pseudonymous Practitioner for the physiotherapist's ratings, Goals (PCO GAS profile, goal-relationship "
            "milestone links, lifecycleStatus), GAS rating Observations with their performer, T-scores of the "
            "intermediate goals per rater, pain Observations per check-in (LOINC 72514-3 with a local code for "
            "the recall period, 24 hours or right now; dated by the day they describe, issued when saved; a skipped "
            "answer is asked-unknown), pain locations (0 for no pain) with a presence Observation per painful region "
            "(bodySite), QuestionnaireResponses with total and subscale Observations (derivedFrom; prorated as a "
            "component) and flag Observations. The weekly PHQ-15 (7-day recall) has a local code only."
            if options.fhir else "No FHIR bundles were written.")
    rule = options.trial_rule.value.replace("_", " ").replace("else", "else the")
    assessment = options.trial_assessment
    if assessment.at is not None and options.date_shift:  # a real date would sit beside shifted ones
        when = "a fixed date given at export (not shown: dates are shifted)" + (
            f", ± {assessment.window_days} days" if assessment.window_days is not None else "")
    else:
        when = assessment.describe()
    trial = f"the {rule}'s ratings (one rater per patient), judged at {when}"
    sealed = ""
    if options.seal_to is not None:
        sealed = (f"\n## Sealed files\n\nEvery file (this README included) is sealed to the research team's key "
                  f"with fingerprint `{_fingerprint(options.seal_to)}` and carries the suffix `.sealed`; the "
                  "format is described in docs/research-export.md of the diary source and in "
                  "`diary/research/sealing.py`.\n")
    # With shifted dates the day of the export stays out: the last shifted day of a patient who logged up to
    # that day would give their shift away.
    made = f"Made by diary {__version__}" if options.date_shift else f"Made {today.isoformat()} by diary {__version__}"
    return f"""# Symptom diary research data set

{made}: {summary.patients:,} patients.

## Files

| file | rows |
|---|---|
{rows}

- `daily.csv`: one row per patient and calendar day, from the patient's first to last check-in; days
  without a check-in are included with `n_checkins` 0 and every other value empty. A day's values combine
  its check-ins: `pain` is the day's 24-hour rating (the first check-in's answer to "the last 24 hours"),
  and momentary ratings of extra check-ins ("right now") are their own series (`pain_now_mean`,
  `pain_now_max`, `pain_now_n`), never averaged in; other 0–10 ratings are the mean (2 decimals, half up),
  minutes are summed (a day holds at most 1,440 of each intensity), pain regions are the union, sleep is
  from the first check-in that reported it.
- `checkins.csv`: every check-in as entered; `pain_recall` says whether its pain is about the last 24
  hours or right now.
- `weekly.csv`: one row per patient and ISO week (instruments.md §4): each field's weekly figure with its
  own `…_days_reported`, valid only with at least 4 of 7 days reported; minutes are sums of the reported
  days, never extrapolated; WHO 2020 flags on the observed sums (leisure-time activity only).
- `questionnaires.csv`: one row per completed administration: instrument, version, total, band,
  subscales (`name=value;…`), flags; `questionnaire_items.csv`: its answers, one row per item.
- `goals.csv`, `goal_ratings.csv`: goals (main and intermediate, with Goal Attainment Scaling levels) and
  every rating, each with its rater; `gas_level` maps a category by the goal's baseline (not attained = the
  baseline level, −2 only when worse than at the start); `t_score_intermediate` is the Kiresuk–Sherman
  T-score (rho 0.3) of the intermediate goals from that rater's ratings up to that day (the main goal is
  reported on its own, never in the T-score, and raters are never mixed).
- `trial_outcomes.csv`: one row per patient: the CWP trial's outcomes under {trial}: the current main goal
  (fully / partially / not / not rated), its intermediate goals (all fully / some fully / none fully /
  incomplete / none set) with their counts, the rater counted and the assessment date. The figure over
  patients: intention to treat = every row with `has_main_goal` (unrated counts as not attained);
  complete cases = rows with the outcome rated. The definitions are in the diary README ("Definitions").
- `codebook.csv`: every variable: label, type, unit, allowed range, missing code, instrument and version.
- {fhir}

## Reading the files

- UTF-8, comma-separated, one header row; text cells are quoted, numbers, dates and 1/0 booleans are bare.
- **Missing is an empty cell, never 0.** An empty activity cell means "not reported", not "no activity".
- Types are in `codebook.csv`: `integer`, `decimal`, `date` (YYYY-MM-DD), `boolean` (1 = yes, 0 = no),
  `category`, `string`. In pandas: `pd.read_csv(f, dtype={{...}}, keep_default_na=False, na_values=[""])`
  with `Int64`/`Float64`/`string` dtypes; in R: `read.csv(f, colClasses=..., na.strings="")`.
- Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab, CR, LF or NUL)
  start with an added `'`.

## De-identification

- Patients appear only as study ids (`S` + 12 hex digits) computed with HMAC-SHA256 from the patient's
  stable key and a secret salt that stays with the clinic; names and the labels clinicians use are never
  exported. Goals, check-ins and questionnaires are numbered per patient; no internal id is exported.
- {shift}
- {notes}
- Goal titles and GAS level descriptions are free text agreed in the clinic and are included: check
  them before publishing anything derived from them.
{sealed}"""
