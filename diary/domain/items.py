"""The daily log's items and their limits: plain data, cheap to import (the CLI builds its options from it)."""

# 0–10 numeric rating scales: field → how the sentence names it.
SCALES: dict[str, str] = {
    "pain": "Pain",
    "fatigue": "Fatigue",
    "stress": "Stress",
    "sleep_quality": "Sleep quality",
    "worry": "Worry about symptoms",
}
# Minutes of leisure activity by intensity (instruments.md §4: 0–600 per day).
ACTIVITY: dict[str, str] = {
    "light_min": "Light activity",
    "moderate_min": "Moderate activity",
    "vigorous_min": "Vigorous activity",
}
ACTIVITY_MAX_MIN = 600  # one check-in's answer
DAY_MINUTES_MAX = 24 * 60  # a day's sum over its check-ins, per intensity: a day has no more minutes
SLEEP_HOURS_MAX = 24.0
