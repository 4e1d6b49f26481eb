"""The codebook's definitions of the two derived files: trial_outcomes.csv (diary.domain.trial) and
weekly.csv (diary.domain.weeks). codebook.py lists them with the other files."""

from __future__ import annotations

from diary.domain.items import DAY_MINUTES_MAX
from diary.domain.regions import REGIONS
from diary.domain.trial import RaterRule
from diary.research.codebook import NRS, STUDY_ID, Variable, _v

WEEK_VERSION = "weekly rules: diary/domain/weeks.py (instruments.md §4; each field ≥ 4 of 7 days reported)"
TRIAL_VERSION = "trial definition: diary/domain/trial.py (README 'Definitions')"


def trial_outcome_columns() -> list[Variable]:
    t = TRIAL_VERSION
    return [
        STUDY_ID,
        _v("rater_rule", "Whose ratings count (one rater per patient)", "category", "",
           ";".join(r.value for r in RaterRule), "gas", t),
        _v("rater", "The rater whose ratings were counted for this patient", "category", "", "patient;physiotherapist",
           "gas", t),
        _v("assessment_date", "Day the goals were judged: the given date, else the latest rating of the current "
           "main goal (empty: nothing rated)", "date", "", "", "gas", t),
        _v("has_main_goal", "The patient has a current main goal (in the intention-to-treat denominator)", "boolean",
           "", "0–1", "gas", t),
        _v("main_goal", "Current main goal at the assessment", "category", "", "fully;partially;not;not_rated", "gas",
           t),
        _v("intermediate_goals", "Its intermediate goals at the assessment (incomplete: one is unrated)", "category",
           "", "all_fully;some_fully;none_fully;incomplete;none_set", "gas", t),
        _v("n_intermediate_total", "Current intermediate goals", "integer", "goals", "0–", "gas", t),
        _v("n_intermediate_rated", "Of them rated in the assessment", "integer", "goals", "0–", "gas", t),
        _v("n_intermediate_fully", "Of them fully attained", "integer", "goals", "0–", "gas", t),
        _v("all_intermediate_fully", "Every intermediate goal rated and fully attained (empty: incomplete or none "
           "set)", "boolean", "", "0–1", "gas", t),
        _v("share_intermediate_fully", "n_intermediate_fully / n_intermediate_total (unrated = not attained)",
           "decimal", "proportion", "0–1", "gas", t),
    ]


def weekly_columns() -> list[Variable]:
    w = WEEK_VERSION
    nrs = [var for name in ("pain", "fatigue", "stress") for var in (
        _v(f"{name}_mean", f"Weekly mean of the day's {name}" + (" (the 24-hour rating)" if name == "pain" else "")
           + " (empty with fewer than 4 days reported)", "decimal", "points", NRS, "diary NRS", w),
        _v(f"{name}_days_reported", f"Days of the week with {name} reported", "integer", "days", "0–7", "", w))]
    minutes = [_v(f"{kind}_min", f"{kind.capitalize()} leisure minutes, sum of the reported days (empty with fewer "
                  "than 4)", "integer", "minutes", f"0–{7 * DAY_MINUTES_MAX}", "", w)
               for kind in ("light", "moderate", "vigorous")]
    return [
        STUDY_ID,
        _v("iso_year", "ISO 8601 week-numbering year", "integer", "", ""),
        _v("iso_week", "ISO 8601 week", "integer", "", "1–53"),
        _v("week_start", "Monday of the week (shifted with the patient's dates)", "date"),
        *nrs,
        _v("activity_days_reported", "Days with any activity minutes answered", "integer", "days", "0–7", "", w),
        *minutes,
        _v("moderate_equivalent_min", "Moderate + 2 × vigorous minutes", "integer", "minutes", "0–", "", w),
        _v("who_aerobic_met", "At least 150 moderate-equivalent minutes in the days logged (WHO 2020; leisure-time "
           "activity only; observed sums can only under-estimate)", "boolean", "", "0–1", "", w),
        _v("strength_days_reported", "Days with strength answered", "integer", "days", "0–7", "", w),
        _v("strength_days", "Days with strength exercises (empty with fewer than 4 days answered)", "integer", "days",
           "0–7", "", w),
        _v("who_strength_met", "Strength exercises on ≥ 2 days (WHO 2020; major muscle groups not asked)", "boolean",
           "", "0–1", "", w),
        _v("wpi_days_reported", "Days with a body map filled in", "integer", "days", "0–7", "wpi19", w),
        _v("wpi_mean", "Mean daily count of painful regions (empty with fewer than 4 body-map days)", "decimal",
           "regions", "0–19", "wpi19", w),
        _v("regions_week", "Every region that hurt on a day of the week, ';'-separated in WPI order", "string", "",
           ";".join(REGIONS), "wpi19", w),
    ]
