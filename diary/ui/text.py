"""Every user-facing string of the app, in one place, ready for translation.

Wording of the daily items is our own (shared/reference/instruments.md §4), not taken from any
licensed questionnaire.
"""

APP_TITLE = "Symptom diary"

NAV_TODAY = "Today"
NAV_HISTORY = "History"
NAV_SETTINGS = "Settings"

# Today / check-in form
TODAY_HEADING = "How has today been?"
TODAY_LOGGED = "You have logged today. Change anything and save again."
EXTRA_HEADING = "Another check-in, right now"
EDIT_HEADING = "Check-in for {day}"
BACKFILL_HEADING = "Fill in {day}"

PAIN = "Pain"
PAIN_HELP_DAY = "Average pain over the last 24 hours: 0 no pain, 10 worst imaginable"
PAIN_HELP_NOW = "Pain right now: 0 no pain, 10 worst imaginable"
FATIGUE = "Fatigue"
FATIGUE_HELP = "How tired or drained: 0 not at all, 10 completely exhausted"
STRESS = "Stress"
STRESS_HELP = "How stressed or under pressure: 0 not at all, 10 extremely"
WORRY = "Worry about symptoms"
WORRY_HELP = "How much of the day went on worrying about body symptoms: 0 none, 10 almost all"
SLEEP_QUALITY = "Sleep quality"
SLEEP_QUALITY_HELP = "How well you slept last night: 0 very badly, 10 very well"
SLEEP_HOURS = "Hours slept"
ACTIVITY_HEADING = "Activity (minutes, leisure time)"
LIGHT = "Light"
LIGHT_HELP = "Easy pace, breathing hardly changes"
MODERATE = "Moderate"
MODERATE_HELP = "Breathing faster, can still talk"
VIGOROUS = "Vigorous"
VIGOROUS_HELP = "Only a few words at a time"
STRENGTH = "Did strengthening exercises"
FLARE = "Flare or rest day"
FLARE_HELP = "Days marked here never count against your goals"
NOTE = "Note"
NOTE_HELP = "Plain text, up to 2,000 characters"
BODY_MAP = "Where did it hurt?"
BODY_MAP_HELP = "Tap each area that hurt in the last 24 hours."
NO_PAIN = "No pain today"
FRONT = "Front"
BACK = "Back"
CLEAR_ANSWER = "Clear {item}"
NOT_ANSWERED = "not answered"
MORE_ITEMS = "More: sleep, activity, worry"
FEWER_ITEMS = "Fewer items"
SAVE = "Save"
SAVE_CHANGES = "Save changes"
ADD_CHECKIN = "Add another check-in"
CANCEL = "Cancel"
SAVED = "Saved {day}: {summary}."
NOTHING_CHANGED = "Nothing to save yet: answer at least one question, mark a flare day or write a note."
FIX_FIELD = "Nothing was saved yet. {field}: {error}"
SAVE_FAILED = "Could not save: {reason}"

REGION_NAMES = {
    "jaw_left": "Left jaw", "jaw_right": "Right jaw",
    "shoulder_left": "Left shoulder", "shoulder_right": "Right shoulder",
    "upper_arm_left": "Left upper arm", "upper_arm_right": "Right upper arm",
    "lower_arm_left": "Left lower arm", "lower_arm_right": "Right lower arm",
    "hip_left": "Left hip", "hip_right": "Right hip",
    "upper_leg_left": "Left upper leg", "upper_leg_right": "Right upper leg",
    "lower_leg_left": "Left lower leg", "lower_leg_right": "Right lower leg",
    "neck": "Neck", "upper_back": "Upper back", "lower_back": "Lower back",
    "chest": "Chest", "abdomen": "Abdomen",
}
REGION_SELECTED = "{region}, painful"
REGION_NOT_SELECTED = "{region}, not painful"

# History
HISTORY_HEADING = "Your days"
WEEK_OF = "Week of {day}"
WEEK_PAIN = "pain {mean} on average ({days} days)"
WEEK_TOO_FEW = "pain: {days} of 7 days logged, too few for a weekly average"
WEEK_ACTIVE = "{minutes} active minutes"
WHO_AEROBIC = "aerobic"
WHO_STRENGTH = "strength"
WHO_MET = "WHO {what} recommendation met"
WHO_BOTH_MET = "WHO {what} recommendations met"
WHO_NOT_MET = "WHO activity recommendations not met"
NOT_LOGGED = "Not logged"
FILL_IN = "Fill in"
OPEN_DAY = "Open {day}"
DAY_CHECKINS = "{n} check-ins"
DELETE = "Delete"
DELETED = "Deleted the check-in of {day}."
UNDO = "Undo"
RESTORED = "Restored."
SHOW_MORE = "Show earlier days"
BACK_TO_HISTORY = "Back to history"
EDIT = "Edit"
FLARE_DAY = "Flare day"
REGIONS_COUNT = "{n} areas"
NO_PAIN_SHORT = "No pain"

# Settings / About
SETTINGS_HEADING = "Settings and about"
DATA_FOLDER = "Your data folder"
DATA_FOLDER_HELP = "Start the app with --home DIR, or set DIARY_HOME, to keep your diary somewhere else."
VERSION = "Version {version}"
PRIVACY_HEADING = "What happens to your data"
PRIVACY_TEXT = (
    "Everything you enter stays on this device, in the data folder above, readable only by your user "
    "account. The app never connects to the internet and sends nothing anywhere. Your data leaves the "
    "device only in a file you choose to export, encrypted for the people you choose."
)
COUNTS = "{days} days logged, {checkins} check-ins"
THEME = "Appearance"
THEME_SYSTEM = "System"
THEME_LIGHT = "Light"
THEME_DARK = "Dark"
ERROR_OPENING = "The diary could not be opened"

# Summaries (used in confirmations and history rows)
SUMMARY_PAIN = "pain {value}"
SUMMARY_FATIGUE = "fatigue {value}"
SUMMARY_STRESS = "stress {value}"
SUMMARY_ACTIVITY = "{minutes} min active"
SUMMARY_REGIONS = "{n} painful areas"
SUMMARY_NO_PAIN = "no pain"
SUMMARY_NOTE = "a note"
SUMMARY_FLARE = "flare day"

# Goals
NAV_GOALS = "Goals"
GOALS_HEADING = "Your goals"
GOALS_EMPTY = "No goals yet. Agree a main goal with your physiotherapist, then add the steps toward it."
ADD_MAIN_GOAL = "Add a main goal"
ADD_STEP = "Add a step"
STEP_OF = "Step toward: {title}"
RATE_GOALS = "Rate my goals"
RATING_DUE = "It is time to rate your goals for this week."
EDIT_GOAL = "Edit"
NEW_MAIN_GOAL = "New main goal"
NEW_STEP = "New step toward \"{title}\""
EDIT_GOAL_HEADING = "Edit goal"
GOAL_TITLE = "Goal"
GOAL_TITLE_HINT = "e.g. Walk to work again"
GOAL_MEASURE = "What will you do or measure?"
GOAL_MEASURE_HINT = "e.g. Walking the 2 km to work"
GOAL_BASELINE = "Where are you now?"
GOAL_BASELINE_HINT = "e.g. Takes the bus every day"
GOAL_TARGET = "How much, by when?"
GOAL_TARGET_HINT = "e.g. Walks to work 3 days a week"
GOAL_TARGET_DATE = "Target date (YYYY-MM-DD)"
LEVELS_HEADING = "Five levels of attainment (optional)"
LEVELS_HELP = "Describe what each level looks like. 0 is what you expect to reach by the target date."
LEVEL_LABELS = {
    -2: "−2 much less than expected", -1: "−1 somewhat less", 0: "0 as expected",
    1: "+1 somewhat more", 2: "+2 much more than expected",
}
LEVEL_HINTS = {
    -2: "e.g. Takes the bus every day", -1: "e.g. Walks to work once a week", 0: "e.g. Walks to work 3 days a week",
    1: "e.g. Walks to work 4 days a week", 2: "e.g. Walks to work every day",
}
BASELINE_LEVEL = "Where are you now on this scale?"
WEIGHT = "Importance (weight)"
GOAL_SAVED = "Saved the goal \"{title}\"."
DELETE_GOAL = "Delete goal"
GOAL_DELETED = "Deleted the goal \"{title}\" and its ratings."
NOT_RATED = "Not rated yet"
NEXT_REVIEW = "Next rating: {day}"
T_SCORE = "Goal attainment T-score: {value} (50 = as expected)"
T_SCORE_NONE = "Goal attainment T-score: appears after your first rating"
CATEGORY_NAMES = {"fully": "Fully attained", "partially": "Partially attained", "not": "Not attained"}
TREND_NAMES = {"improving": "Improving", "worsening": "Worsening", "no_change": "No change"}
STATUS_NAMES = {
    "in-progress": "In progress", "improving": "Improving", "worsening": "Worsening", "no-change": "No change",
    "achieved": "Achieved", "sustaining": "Sustaining", "not-achieved": "Not achieved", "no-progress": "No progress",
    "not-attainable": "Not attainable",
}
RATE_HEADING = "How far have you come?"
RATE_HELP = "One tap per goal. Flare days never count against you."
WITH_PHYSIO = "Rating together with my physiotherapist"
RATING_COMMENT = "Comment (optional)"
SAVE_RATINGS = "Save ratings"
RATINGS_SAVED = "Saved {n} ratings."
NOTHING_RATED = "Tap a level for at least one goal, then save."
RATING_LEVEL = "{title}: {level}"
HISTORY_OF_RATINGS = "{n} ratings"

# Activity plan
PLAN_HEADING = "This week's activity plan"
PLAN_EMPTY = "No activities planned yet."
PLAN_PROGRESS = "{done} of {expected} this week"
PLAN_NOTHING_EXPECTED = "Nothing expected this week (flare or rest days)"
PLAN_FLARE_DAYS = "{n} flare or rest days left out"
ADD_ACTIVITY = "Add activity"
ACTIVITY_NAME = "Activity"
ACTIVITY_INTENSITY = "Intensity"
ACTIVITY_MINUTES = "Minutes per session"
ACTIVITY_TIMES = "Times a week"
INTENSITY_NAMES = {"light": "Light", "moderate": "Moderate", "vigorous": "Vigorous", "strength": "Strength"}
REMOVE = "Remove"
ACTIVITY_ADDED = "Added {name}: {dose}."
BACK_TO_GOALS = "Back to goals"

# Questionnaires
NAV_FORMS = "Forms"
FORMS_HEADING = "Questionnaires"
FORMS_DUE = "Due now"
FORMS_NONE_DUE = "Nothing is due. You can still answer any questionnaire below."
FORM_DUE_PROMPT = "{name} is due"
START = "Start"
RESUME = "Resume ({n} of {total} answered)"
LAST_SCORE = "Last: {score} ({band}), {day}"
NEVER_ANSWERED = "Not answered yet"
QUESTION_OF = "Question {n} of {total}"
NEXT = "Next"
PREVIOUS = "Previous"
FINISH = "Finish and see my score"
LEAVE = "Leave and continue later"
DRAFT_KEPT = "Your answers are kept; continue any time."
NOT_APPLICABLE = "Does not apply to me"
RESULT_HEADING = "Your {name} result"
RESULT_SCORE = "Score {total} of {max}"
RESULT_SCORE_NO_MAX = "Score {total}"
RESULT_INVALID = "Too many questions were left empty to give a score. Your answers are saved."
RESULT_BAND = "{band}"
RESULT_CHANGE = "{change} since your first time ({first} on {day})"
RESULT_FIRST = "This is your first {name}; later results will show the change."
RESULT_SUBSCALE = "{name}: {value}"
HISTORY_OF = "Earlier results"
BACK_TO_FORMS = "Back to questionnaires"
CRISIS_HEADING = "Before you go on"
CRISIS_CONTINUE = "I have read this"
CRISIS_SETTING = "Help text shown after PHQ-9 item 9 (edit for your country)"
CRISIS_FIELD = "Help text"
FORMS_SETTINGS_HEADING = "Questionnaires"
FORMS_SETTINGS_HELP = "Which questionnaires Today asks for, and how often. Your physiotherapist may suggest changes."
SCHEDULE_EVERY = "How often"
SCHEDULE_SAVED = "{name} is now due {every}."
SCHEDULE_OFF = "{name} will no longer be asked for. You can still answer it from Questionnaires."
WORDING_HEADING = "Clinic-supplied wording"
WORDING_HELP = ("A clinic with a licence for a questionnaire (for example HADS or SSD-12) can give you a wording "
                "file; once loaded, you can answer that questionnaire here. The file stays on this device.")
WORDING_NONE = "No clinic wording loaded."
WORDING_LOADED = "{name} ({language}) — {source}"
WORDING_LOAD = "Load a wording file"
WORDING_PICK_TITLE = "Choose a questionnaire wording file (.json)"
WORDING_ADDED = "Loaded the wording for {name}. You can now answer it from Questionnaires."
WORDING_REFUSED = "This wording file was not loaded: {reason}"
WORDING_NO_PICKER = ("This device could not open a file dialog. Load the file from a terminal instead: "
                     "diary instrument add FILE")
SAVE_HELP_TEXT = "Save help text"
RESET_HELP_TEXT = "Use the default text"
HELP_TEXT_SAVED = "Saved the help text."
HELP_TEXT_RESET = "The default help text is back."
