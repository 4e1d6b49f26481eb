"""The domain's values in words, in the current language: body regions, severity bands, goal categories and
levels, trends and statuses, activity doses, questionnaire subscales. One place for the words the screens,
the command line, the PDF and the charts all use, so that each reads the same everywhere.

The English words are the catalogs' source messages (marked N_ for `make messages`); the domain keeps its
values as keys ("moderately_severe", "fully") and never a sentence.
"""

from __future__ import annotations

from diary.domain.body_layout import REGION_NAMES
from diary.domain.marks import N_
from diary.i18n.catalogs import gettext, ngettext, pgettext

BAND_WORDS: dict[str, str] = {
    "none": N_("none"), "minimal": N_("minimal"), "low": N_("low"), "medium": N_("medium"), "high": N_("high"),
    "mild": N_("mild"), "moderate": N_("moderate"), "moderately_severe": N_("moderately severe"),
    "moderately_severe_or_worse": N_("moderately severe or worse"), "severe": N_("severe"),
    "normal": N_("normal"), "borderline": N_("borderline"), "abnormal": N_("abnormal"),
    "subclinical": N_("subclinical"), "significant_impairment": N_("significant impairment"),
}
CATEGORY_WORDS: dict[str, str] = {"fully": N_("Fully attained"), "partially": N_("Partially attained"),
                                  "not": N_("Not attained")}
# GAS levels as Kiresuk and Sherman name them (the app's own wording of the five levels).
LEVEL_WORDS: dict[int, str] = {-2: N_("much less than expected"), -1: N_("somewhat less than expected"),
                               0: N_("as expected"), 1: N_("somewhat more than expected"),
                               2: N_("much more than expected")}
TREND_WORDS: dict[str, str] = {"improving": N_("improving"), "worsening": N_("worsening"), "no_change": N_("no change")}
STATUS_WORDS: dict[str, str] = {
    "in-progress": N_("In progress"), "improving": N_("Improving"), "worsening": N_("Worsening"),
    "no-change": N_("No change"), "achieved": N_("Achieved"), "sustaining": N_("Sustaining"),
    "not-achieved": N_("Not achieved"), "no-progress": N_("No progress"), "not-attainable": N_("Not attainable"),
}
RATER_WORDS: dict[str, str] = {"patient": N_("patient"), "physiotherapist": N_("physio")}
INTENSITY_WORDS: dict[str, str] = {"light": N_("Light"), "moderate": N_("Moderate"), "vigorous": N_("Vigorous"),
                                   "strength": N_("Strength")}
MEASURE_WORDS: dict[str, str] = {"pain": N_("Pain"), "fatigue": N_("Fatigue"), "stress": N_("Stress")}
# Subscales and parts of a score (RAND-36's scales keep RAND's names, in the user's language).
SUBSCALE_WORDS: dict[str, str] = {
    "physical_functioning": N_("Physical functioning"), "role_physical": N_("Role limitations, physical"),
    "role_emotional": N_("Role limitations, emotional"), "energy_fatigue": N_("Energy/fatigue"),
    "emotional_wellbeing": N_("Emotional well-being"), "social_functioning": N_("Social functioning"),
    "pain": N_("Pain"), "general_health": N_("General health"),
    "anxiety": N_("Anxiety"), "depression": N_("Depression"),
    "general_fatigue": N_("General fatigue"), "physical_fatigue": N_("Physical fatigue"),
    "mental_fatigue": N_("Mental fatigue"), "reduced_activity": N_("Reduced activity"),
    "reduced_motivation": N_("Reduced motivation"), "affective": N_("Affective"), "cognitive": N_("Cognitive"),
    "behavioural": N_("Behavioural"), "function": N_("Function"), "overall_impact": N_("Overall impact"),
    "symptoms": N_("Symptoms"), "physical_function": N_("Physical function"), "feel_good": N_("Feeling good"),
    "work_missed": N_("Work missed"), "job_difficulty": N_("Job difficulty"), "fatigue": N_("Fatigue"),
    "morning_tiredness": N_("Morning tiredness"), "stiffness": N_("Stiffness"), "light": N_("Light"),
    "moderate": N_("Moderate"), "vigorous": N_("Vigorous"), "mvpa": N_("Moderate to vigorous"),
}


def region(name: str) -> str:
    """One of the 19 body regions: "Left jaw" / "Vänster käke"."""
    return gettext(REGION_NAMES[name])


def band(name: str | None) -> str:
    """A severity band in lower case ("moderately severe"); an unknown key with its underscores as spaces."""
    if not name:
        return ""
    return gettext(BAND_WORDS[name]) if name in BAND_WORDS else name.replace("_", " ")


def band_capitalized(name: str | None) -> str:
    """ "Moderately severe" (a result's heading): the first letter in upper case."""
    words = band(name)
    first = next((i for i, ch in enumerate(words) if ch.isalpha()), 0)
    return words[:first] + words[first:first + 1].upper() + words[first + 1:]


def category(value: str) -> str:
    return gettext(CATEGORY_WORDS[value])


def category_short(value: str) -> str:
    """A rating's category in one word, for tables and terminal lines ("fully", "partially", "not")."""
    return {"fully": pgettext("attained", "fully"), "partially": pgettext("attained", "partially"),
            "not": pgettext("attained", "not")}[value]


def level(value: int) -> str:
    return gettext(LEVEL_WORDS[value])


def trend(value: str) -> str:
    return gettext(TREND_WORDS[value])


def status(value: str) -> str:
    return gettext(STATUS_WORDS[value]) if value in STATUS_WORDS else value


def rater(value: str) -> str:
    return gettext(RATER_WORDS[value])


def intensity(value: str) -> str:
    return gettext(INTENSITY_WORDS[value])


def measure(value: str) -> str:
    return gettext(MEASURE_WORDS[value])


def subscale(name: str) -> str:
    """A subscale's name ("Physical functioning"); an unknown key as words."""
    if name in SUBSCALE_WORDS:
        return gettext(SUBSCALE_WORDS[name])
    return name.replace("_", " ").capitalize()


def times_a_week(times: int) -> str:
    return ngettext("once a week", "{n} times a week", times).format(n=times)


def dose(activity) -> str:
    """A plan activity's dose: "30 min, 3 times a week" / "30 min, 3 gånger i veckan"."""
    times = times_a_week(activity.times_per_week)
    return gettext("{minutes} min, {times}").format(minutes=activity.minutes, times=times) if activity.minutes \
        else times
