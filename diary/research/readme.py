"""The data set's README: what is in it, how it was de-identified, and how to read it; in English (README.md)
and in Swedish (README.sv.md). Each paragraph is a message of the catalogs (English source), written out
in the language asked for; file, column and option names stay as they are in both."""

from __future__ import annotations

import hashlib
from datetime import date

from diary import __version__
from diary.domain.errors import shown
from diary.i18n import _, in_language, ngettext

READMES = {"en": "README.md", "sv": "README.sv.md"}


def _fingerprint(key: object) -> str:
    """A key's fingerprint as diary/exchange/keys.py defines it: the lowercase hex SHA-256 of its 32 bytes."""
    return hashlib.sha256(bytes(key)).hexdigest()


def readme_text(summary, options, *, today: date, language: str = "en") -> str:
    """The README in `language` ("en": README.md, "sv": README.sv.md)."""
    with in_language(language):
        return _readme(summary, options, today=today, language=language)


def _choices(options) -> dict[str, str]:
    shift = (_("Each patient's dates are shifted back by the same whole number of weeks (1 to 52, a different "
               "number per patient, derived from the clinic's key), so intervals and weekdays are kept but calendar "
               "dates are not real.") if options.date_shift else
             _("Dates are real calendar dates (the export was made without --date-shift)."))
    notes = (_("Free-text notes and rating comments are included (the export was made with --include-notes); "
               "review them before sharing further.") if options.include_notes else
             _("Free-text notes and rating comments were left out."))
    fhir = (_("`fhir/<study_id>.json`: one FHIR R4 Bundle (type collection) per patient: Patient (study id only), a "
              "pseudonymous Practitioner for the physiotherapist's ratings, Goals (PCO GAS profile, goal-relationship "
              "milestone links, lifecycleStatus), GAS rating Observations with their performer, T-scores of the "
              "intermediate goals per rater, pain Observations per check-in (LOINC 72514-3 with a local code for the "
              "recall period, 24 hours or right now; dated by the day they describe, issued when saved; a skipped answer "
              "is asked-unknown), pain locations (0 for no pain) with a presence Observation per painful region "
              "(bodySite), QuestionnaireResponses with total and subscale Observations (derivedFrom; prorated as a "
              "component) and flag Observations. The weekly PHQ-15 (7-day recall) has a local code only.")
            if options.fhir else _("No FHIR bundles were written."))
    sealed = ""
    if options.seal_to is not None:
        sealed = "\n## {}\n\n{}\n".format(_("Sealed files"), _(
            "Every file (this README included) is sealed to the research team's key with fingerprint `{fingerprint}` "
            "and carries the suffix `.sealed`; the format is described in docs/research-export.md of the diary "
            "source and in `diary/research/sealing.py`.").format(fingerprint=_fingerprint(options.seal_to)))
    return {"shift": shift, "notes": notes, "fhir": fhir, "sealed": sealed, "trial": _trial_words(options)}


def _trial_words(options) -> str:
    """Whose ratings count and when goals are judged, for the trial outcomes (never a real date beside shifted ones)."""
    rule = {"patient": _("the patient's ratings"), "physiotherapist": _("the physiotherapist's ratings"),
            "physiotherapist_else_patient": _("the physiotherapist's ratings, else the patient's")}[
        options.trial_rule.value]
    assessment = options.trial_assessment
    if assessment.at is not None and options.date_shift:
        when = (_("a fixed date given at export (not shown: dates are shifted), ± {days} days").format(
            days=assessment.window_days) if assessment.window_days is not None else
            _("a fixed date given at export (not shown: dates are shifted)"))
    else:
        when = shown(assessment.describe())
    return _("{rule} (one rater per patient), judged at {when}").format(rule=rule, when=when)


def _bullets(*items: str) -> str:
    return "\n".join(f"- {item}" for item in items)


def _files_section(summary, choice: dict[str, str]) -> str:
    rows = "\n".join(f"| `{name}` | {n:,} |" for name, n in summary.rows.items())
    table = f"| {_('file')} | {_('rows')} |\n|---|---|\n{rows}"
    return f"## {_('Files')}\n\n{table}\n\n" + _bullets(
        _("`daily.csv`: one row per patient and calendar day, from the patient's first to last check-in; days "
          "without a check-in are included with `n_checkins` 0 and every other value empty. A day's values combine "
          "its check-ins: `pain` is the day's 24-hour rating (the first check-in's answer to \"the last 24 hours\"), "
          "and momentary ratings of extra check-ins (\"right now\") are their own series (`pain_now_mean`, "
          "`pain_now_max`, `pain_now_n`), never averaged in; other 0–10 ratings are the mean (2 decimals, half up), "
          "minutes are summed (a day holds at most 1,440 of each intensity), pain regions are the union, sleep is "
          "from the first check-in that reported it."),
        _("`checkins.csv`: every check-in as entered; `pain_recall` says whether its pain is about the last 24 hours "
          "or right now."),
        _("`weekly.csv`: one row per patient and ISO week (instruments.md §4): each field's weekly figure with its "
          "own `…_days_reported`, valid only with at least 4 of 7 days reported; minutes are sums of the reported "
          "days, never extrapolated; WHO 2020 flags on the observed sums (leisure-time activity only)."),
        _("`questionnaires.csv`: one row per completed administration: instrument, version, total, band, subscales "
          "(`name=value;…`), flags; `questionnaire_items.csv`: its answers, one row per item."),
        _("`goals.csv`, `goal_ratings.csv`: goals (main and intermediate, with Goal Attainment Scaling levels) and "
          "every rating, each with its rater; `gas_level` maps a category by the goal's baseline (not attained = the "
          "baseline level, −2 only when worse than at the start); `t_score_intermediate` is the Kiresuk–Sherman "
          "T-score (rho 0.3) of the intermediate goals from that rater's ratings up to that day (the main goal is "
          "reported on its own, never in the T-score, and raters are never mixed)."),
        _("`trial_outcomes.csv`: one row per patient: the CWP trial's outcomes under {trial}: the current main goal "
          "(fully / partially / not / not rated), its intermediate goals (all fully / some fully / none fully / "
          "incomplete / none set) with their counts, the rater counted and the assessment date. The figure over "
          "patients: intention to treat = every row with `has_main_goal` (unrated counts as not attained); complete "
          "cases = rows with the outcome rated. The definitions are in the diary README (\"Definitions\").").format(
            trial=choice["trial"]),
        _("`codebook.csv`: every variable: label (in English, and in Swedish in `label_sv`), type, unit, allowed "
          "range, missing code, instrument and version. Variable names are the same in both languages."),
        choice["fhir"])


def _reading_section() -> str:
    return f"## {_('Reading the files')}\n\n" + _bullets(
        _("UTF-8, comma-separated, one header row; text cells are quoted, numbers, dates and 1/0 booleans are bare."),
        _('**Missing is an empty cell, never 0.** An empty activity cell means "not reported", not "no activity".'),
        _('Types are in `codebook.csv`: `integer`, `decimal`, `date` (YYYY-MM-DD), `boolean` (1 = yes, 0 = no), '
          '`category`, `string`. In pandas: `pd.read_csv(f, dtype={...}, keep_default_na=False, na_values=[""])` '
          'with `Int64`/`Float64`/`string` dtypes; in R: `read.csv(f, colClasses=..., na.strings="")`.'),
        _("Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab, CR, LF or "
          "NUL) start with an added `'`."))


def _privacy_section(choice: dict[str, str]) -> str:
    return f"## {_('De-identification')}\n\n" + _bullets(
        _("Patients appear only as study ids (`S` + 12 hex digits) computed with HMAC-SHA256 from the patient's "
          "stable key and a secret salt that stays with the clinic; names and the labels clinicians use are never "
          "exported. Goals, check-ins and questionnaires are numbered per patient; no internal id is exported."),
        choice["shift"], choice["notes"],
        _("Goal titles and GAS level descriptions are free text agreed in the clinic and are included: check them "
          "before publishing anything derived from them."))


def _readme(summary, options, *, today: date, language: str) -> str:
    # With shifted dates the day of the export stays out: the last shifted day of a patient who logged up to
    # that day would give their shift away.
    made = (_("Made by diary {version}").format(version=__version__) if options.date_shift else
            _("Made {day} by diary {version}").format(day=today.isoformat(), version=__version__))
    patients = ngettext("{n} patient", "{n} patients", summary.patients).format(n=f"{summary.patients:,}")
    other = "English version: README.md." if language == "sv" else "Svensk version: README.sv.md."
    choice = _choices(options)
    return (f"# {_('Symptom diary research data set')}\n\n{made}: {patients}. {other}\n\n"
            f"{_files_section(summary, choice)}\n\n{_reading_section()}\n\n{_privacy_section(choice)}\n"
            f"{choice['sealed']}")
