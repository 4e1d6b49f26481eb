"""The daily log's items and their limits: plain data, cheap to import (the CLI builds its options from it)."""

from diary.domain.marks import N_

# 0–10 numeric rating scales: field → how the sentence names it (English source messages).
SCALES: dict[str, str] = {
    "pain": N_("Pain"),
    "fatigue": N_("Fatigue"),
    "stress": N_("Stress"),
    "sleep_quality": N_("Sleep quality"),
    "worry": N_("Worry about symptoms"),
}
# Minutes of leisure activity by intensity (instruments.md §4: 0–600 per day).
ACTIVITY: dict[str, str] = {
    "light_min": N_("Light activity"),
    "moderate_min": N_("Moderate activity"),
    "vigorous_min": N_("Vigorous activity"),
}
ACTIVITY_MAX_MIN = 600  # one check-in's answer
DAY_MINUTES_MAX = 24 * 60  # a day's sum over its check-ins, per intensity: a day has no more minutes
SLEEP_HOURS_MAX = 24.0
