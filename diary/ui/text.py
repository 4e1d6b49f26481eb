"""Every user-facing string of the app, in one place, ready for translation.

Wording of the daily items is our own (shared/reference/instruments.md §4), not taken from any
licensed questionnaire.
"""

from diary.domain.body_layout import REGION_NAMES as _REGION_NAMES

APP_TITLE = "Symptom diary"

NAV_TODAY = "Today"
NAV_HISTORY = "History"
NAV_SETTINGS = "Settings"

# The first-run welcome (diary/ui/screens/welcome.py)
WELCOME_HEADING = "Welcome to your symptom diary"
WELCOME_WHAT = ("A few taps a day: how much it hurt and where, how tired and stressed you were, how you slept and "
                "moved. Over the weeks it shows what goes together, and you and your physiotherapist can set goals "
                "and follow them.")
WELCOME_WHERE_HEADING = "Your diary stays on this device"
WELCOME_WHERE = ("Everything you enter is kept here, in {folder}. It never leaves this device unless you export "
                 "it yourself, as an encrypted file for your physiotherapist.")
WELCOME_REMINDER_HEADING = "A daily reminder (optional)"
WELCOME_REMINDER = "Remind me if I have not logged by"
WELCOME_PAIR_HEADING = "Your physiotherapist (optional)"
WELCOME_PAIR_HELP = "If you see a physiotherapist, pair with them once, together, so you can share your diary later."
WELCOME_PAIR = "Pair with my physiotherapist now"
WELCOME_START = "Start my diary"
WELCOME_SKIP = "Skip"

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

SHOW_PASSPHRASE = "Show the passphrase"
HIDE_PASSPHRASE = "Hide the passphrase"

REGION_NAMES = _REGION_NAMES  # one list of names for the app and the reports
REGION_SELECTED = "{region}, painful"
REGION_NOT_SELECTED = "{region}, not painful"

# History
HISTORY_HEADING = "Your days"
WEEK_OF = "Week of {day}"
WEEK_PAIN = "pain {mean} on average ({days} days)"
WEEK_TOO_FEW = "pain: {days} of 7 days logged, too few for a weekly average"
WEEK_ACTIVE = "{minutes} active minutes"
WEEK_ACTIVITY_TOO_FEW = "activity: {days} of 7 days logged, too few for a weekly figure"
WHO_AEROBIC_MET = "WHO aerobic target met in the {days} days logged (leisure-time activity only)"
WHO_AEROBIC_BELOW = "below the WHO aerobic target in the {days} days logged (leisure-time activity only)"
WHO_STRENGTH_MET = "strength exercises on ≥ 2 days"
WHO_STRENGTH_BELOW = "strength exercises on fewer than 2 of {days} days"
NOT_LOGGED = "Not logged"
FILL_IN = "Fill in"
OPEN_DAY = "Open {day}"
DELETE = "Delete"
DELETED = "Deleted the check-in of {day}."
UNDO = "Undo"
RESTORED = "Restored."
SHOW_MORE = "Show earlier days"
BACK_TO_HISTORY = "Back to history"
EDIT = "Edit"
FLARE_DAY = "Flare day"
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
# The phone app (a browser): where the diary is kept, and what the desktop app does instead.
KEPT_IN_BROWSER = "Where your diary is kept"
KEPT_IN_BROWSER_TEXT = (
    "In this browser's own storage on this phone, and nowhere else. Removing the app or clearing this site's "
    "data deletes it; a copy outside the phone is a backup file (Backups, below) or the export you send your "
    "physiotherapist (Share)."
)
PERSISTENCE_CHECKING = "Asking the browser whether it will keep your diary…"
PERSISTENCE_GRANTED = "The browser has agreed to keep it: it will not delete your diary to free space."
PERSISTENCE_NOT_GRANTED = (
    "The browser has not agreed to keep it for good, so it may delete your diary if the phone runs short of "
    "space. Installing the app on your home screen usually makes it agree."
)
PRIVACY_TEXT_BROWSER = (
    "Everything you enter stays on this phone, in this browser's storage for the app. The app sends nothing "
    "anywhere; once installed it needs no network, and when you are online the browser only asks the site "
    "it came from for a newer version of the app. Your data leaves the phone only in a file you choose to "
    "export, encrypted for the people you choose."
)
VISIT_PDF_ON_DESKTOP = (
    "The PDF for your visit is made by your physiotherapist's desktop app, from the export you send them "
    "(Share)."
)
THEME = "Appearance"
THEME_SYSTEM = "System"
THEME_LIGHT = "Light"
THEME_DARK = "Dark"
ERROR_OPENING = "The diary could not be opened"
# The phone app in two tabs: one owns the diary (diary/platform/browser_tabs.py).
ELSEWHERE = "The diary is open in another tab"
ELSEWHERE_TEXT = (
    "Only one tab can use the diary at a time, so that neither undoes what the other saved. Use it here to "
    "close it in the other tab; everything saved there is kept."
)
USE_HERE = "Use it here"
TAKING_OVER = "Closing the diary in the other tab…"
TAKEN_OVER = "The diary was opened in another tab"
TAKEN_OVER_TEXT = "It was closed here, after everything you saved was stored. Use it here to take it back."

# Summaries (used in confirmations and history rows)
SUMMARY_PAIN = "pain {value}"
SUMMARY_PAIN_NOW = "pain right now {value}"
SUMMARY_PAIN_NOW_DAY = "right now up to {max}"
SUMMARY_FATIGUE = "fatigue {value}"
SUMMARY_STRESS = "stress {value}"
SUMMARY_ACTIVITY = "{minutes} min active"
SUMMARY_SLEEP_QUALITY = "sleep {value}"
SUMMARY_SLEEP_HOURS = "{hours} h sleep"
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
T_SCORE = ("From {whose} ratings: main goal {main} · T-score of the steps {value} (50 = as expected; the main goal "
           "is not in it)")
T_SCORE_NONE = "Goal attainment T-score: appears after your first rating"
T_SCORE_WHOSE = {"patient": "your", "physiotherapist": "your physiotherapist's"}
MAIN_NOT_RATED = "not rated yet"
MAIN_LEVEL = "{category} (level {level})"
NO_T_SCORE = "–"
RATED_WITH_PHYSIO = "{words} (with your physiotherapist)"
WORSE_THAN_START = "Worse than at the start"
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
NOTHING_RATED = "Tap a level for at least one goal, then save."
RATING_LEVEL = "{title}: {level}"

# Activity plan
PLAN_HEADING = "This week's activity plan"
PLAN_EMPTY = "No activities planned yet."
PLAN_PROGRESS = "{done} of {expected} this week"
PLAN_NOTHING_EXPECTED = "Nothing expected this week (flare or rest days)"
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
BASELINE_ITEM = "Start-of-diary questionnaires ({n}, about {minutes} minutes)"
BASELINE_HELP = "They give the starting point your later answers are compared with."
BASELINE_NOW = "Now"
BASELINE_LATER = "Later"
BASELINE_NAME = "Start-of-diary questionnaires"
FORMS_MORE_DUE = "and more on Questionnaires"
START = "Start"
RESUME = "Resume ({n} of {total} answered)"
LAST_SCORE = "Last: {score} ({band}), {day}"
BAND_CAVEAT_7DAY = "{band} (bands validated for the 4-week version)"
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

# Trends (diary/ui/screens/trends.py)
NAV_TRENDS = "Trends"
TRENDS_HEADING = "Trends"
TRENDS_PERIOD = "Period"
TRENDS_DRAWING = "Drawing your charts…"
TRENDS_FROM_FIRST_DAY = "Your diary starts on {day}, so the charts start there too."
TRENDS_EMPTY = "Nothing to show yet: your charts appear once you have saved a few days in Today."
TRENDS_FAILED = "The charts could not be drawn: {reason}"
CHART_TITLES = {"pain": "Pain", "fatigue": "Fatigue", "stress": "Stress", "activity": "Activity",
                "phq15": "PHQ-15 (body symptoms)", "goals": "Goals", "body": "Where it hurt"}
CHART_IMAGE_LABEL = "Chart: {title}"
LINKS_HEADING = "Links in your diary"
LINKS_INTRO = ("Exploratory: what tended to go together in your own entries in this period. These are "
               "associations, not causes: a link can have many reasons.")
LINKS_NONE_YET = "Links appear once there are at least 14 days with both things logged in this period."
LINKS_TESTED = ("{k} of {n} pairs tested showed a clear link. With this many tests, a link can also appear by "
                "chance; the intervals allow for one day's mood carrying into the next.")
VISIT_HEADING = "For your visit"
VISIT_HELP = "A one-page summary of this period for your physiotherapist (PDF)."
VISIT_INCLUDE_NOTES = "Include my notes"
VISIT_PDF = "PDF for my visit"
VISIT_MAKING = "Making the PDF…"
VISIT_SAVED = "Saved the summary as {path}."
VISIT_DOWNLOADED = "The summary was handed to your browser as {name}."
VISIT_CANCELLED = "Not saved."
VISIT_SAVED_LOCALLY = "This device could not open a save dialog, so the summary was saved in the data folder: {path}"
VISIT_FAILED = "The summary could not be saved: {reason}"

# Share (patient → physiotherapist)
NAV_SHARE = "Share"
SHARE_HEADING = "Share with your physiotherapist"
SHARE_INTRO = ("Make an encrypted file of your diary for your physiotherapist. Only the people you pair with can "
               "open it, and they can tell it came from you. Nothing is sent anywhere: you hand over the file.")
EXPORT_HEADING = "Make an export file"
SEND_TO = "For"
NO_RECIPIENTS = "You have not paired with a physiotherapist yet (see below). You can still make a passphrase file."
PASSPHRASE_OPTION = "Also make a passphrase file"
PASSPHRASE_OPTION_HELP = ("For someone you have not paired with: the app makes a passphrase that you send them "
                          "another way than the file.")
PASSPHRASE_RECIPIENT = "passphrase"
PERIOD = "Period"
PERIOD_SINCE_LAST = "Since your last export ({day})"
PERIOD_ALL = "Everything"
PERIOD_FROM = "From a date"
PERIOD_FROM_DATE = "First day"
BAD_FROM_DATE = "The first day must be a date like 2026-03-01 (got {value})."
INCLUDE_NOTES = "Include my notes"
MAKE_EXPORT = "Make the encrypted file"
EXPORT_SAVE_TITLE = "Save the export file"
EXPORT_DONE = "Your export is ready"
EXPORT_FILE_LINE = "{name}, {size}, for {who}"
EXPORT_PERIOD_LINE = "{period}: {checkins}, {questionnaires}; {notes}."
PERIOD_EVERYTHING_UNTIL = "Everything until {end}"
PERIOD_RANGE = "{start} to {end}"
NOTES_INCLUDED = "notes included"
NOTES_LEFT_OUT = "notes left out"
EXPORT_DOWNLOADED = ("Your browser saved the file in its downloads folder, or passed it to the app you chose to share it "
                     "with. Give it to your physiotherapist.")
EXPORT_SAVED_TO = "Saved in {folder}. Give the file to your physiotherapist."
PASSPHRASE_IS = "Passphrase for the passphrase file:"
PASSPHRASE_SEPARATELY = ("Send this passphrase another way than the file (tell it by phone, or in a text message). "
                         "It is shown only now.")
LAST_EXPORTED = "Last exported {day} to {who}"
LAST_EXPORTED_FULL = "Last export: {day}, for {who}."
RECIPIENTS_HEADING = "Who can open your exports"
PAIRED_ON = "paired {day}"
REMOVED_RECIPIENT = "{label} was removed. New exports can no longer be opened with their key."
PAIR_BUTTON = "Pair with a physiotherapist"
PAIR_HEADING = "Pair with your physiotherapist"
PAIR_HELP = ("Do this together, in person. Your physiotherapist shows their key (text or a key file). Paste it "
             "here or open the key file, then compare the safety number on both screens.")
THEIR_KEY = "Physiotherapist's key"
THEIR_LABEL = "Name for them"
DEFAULT_RECIPIENT = "Physiotherapist"
OPEN_KEY_FILE = "Open a key file"
KEY_FILE_PICK = "Choose your physiotherapist's key file"
NO_FILE_DIALOG = "This device could not open a file dialog. Paste the key text instead."
KEY_EMPTY = "Paste your physiotherapist's key first (it starts with DIARY-BOX1:)."
CHECK_KEY = "Check the key"
COMPARE_HEADING = "Compare the safety number"
COMPARE_HELP = ("Your physiotherapist's screen shows a safety number too. Read them aloud together: pair only if "
                "every digit matches.")
COMPARE_FINGERPRINT = "Their key's fingerprint starts {fp}"
NUMBERS_MATCH = "The numbers match: pair"
NUMBERS_DIFFER = "They differ: stop"
PAIR_CANCELLED = ("Not paired. If the numbers differed, the key may not be your physiotherapist's: ask them to show "
                  "it again.")
PAIRED = "Paired with {label}. Your exports can now be made for them."
ALREADY_PAIRED = "{label} was already paired with this key; nothing changed."
RE_PAIRED = "{label} now has their new key. Older exports made for the old key cannot be opened with it."
KEY_CHANGED_HEADING = "This is a different key"
RE_PAIR = "I compared the safety number: re-pair"
BACK_TO_SHARE = "Back"
YOUR_KEY_HEADING = "Your key"
YOUR_KEY_HELP = ("Your physiotherapist adds this key once, to know that files signed with it are yours. It is not "
                 "secret.")
KEY_QR_LABEL = "QR code of the key"
KEY_TEXT_LABEL = "Key"
FINGERPRINT_LABEL = "Fingerprint"

# Backups, restore and reminders (diary/ui/screens/settings_backup.py, rescue.py, components/reminder_banner.py)
BACKUP_HEADING = "Backups"
BACKUP_LAST = "Last backup: {when} ({count} kept)"
BACKUP_NONE = "No backup yet."
BACKUP_WHERE = "Kept in {folder}"
BACKUP_INSIDE_HOME = ("This folder is on this device, so it protects against a damaged file but not a lost device: "
                      "choose a folder on a memory stick or a synced drive.")
BACKUP_NOW = "Back up now"
BACKUP_WORKING = "Backing up…"
BACKUP_DONE = "Saved a backup: {counts}."
BACKUP_FAILED_LAST = "The last automatic backup failed: {reason}"
BACKUP_AUTO = "Back up automatically once a day"
BACKUP_FOLDER = "Backup folder (full path)"
BACKUP_FOLDER_HINT = "Empty: the backups folder in your data folder"
BACKUP_KEEP = "Keep the last"
BACKUP_KEEP_N = "{n} backups"
BACKUP_SAVE_SETTINGS = "Save backup settings"
BACKUP_SETTINGS_SAVED = "Saved. Automatic backups are {state}; the last {keep} are kept in {folder}."
BACKUP_ON = "on"
BACKUP_OFF = "off"
BACKUP_WORDS_HELP = ("Backups are locked with a passphrase. Write it down and keep it apart from the device: without "
                     "it no backup can be opened on a new one.")
BACKUP_SHOW_WORDS = "Show the passphrase"
BACKUP_HIDE_WORDS = "Hide the passphrase"
# The phone app's Backups: files handed over as a download, no folder, no automatic backups.
BACKUP_FILE_HELP = (
    "A backup file holds your whole diary, locked with the passphrase below. Keep it off this phone (your files, "
    "a cloud drive, an e-mail to yourself): if the browser deletes the diary, or you change phone, it brings "
    "everything back, here or in the desktop app."
)
BACKUP_FILE_LAST = "Last backup file: {when}."
BACKUP_FILE_NONE = "No backup file made on this phone yet."
BACKUP_FILE_MAKE = "Make a backup file"
BACKUP_FILE_TITLE = "Save the diary's backup file"
BACKUP_FILE_DONE = "Made the backup file {name}: {counts}. Open it with the passphrase below."
BACKUP_FILE_CANCELLED = "The backup file was not saved; nothing was changed."
STORAGE_MAY_DELETE = ("This browser has not agreed to keep your diary, so it may delete it to free space: keep a "
                      "backup file somewhere off this phone.")
BACKUP_FILE_WEEKLY = "Your last backup file is from {when}, and the browser may still delete the diary."
BACKUP_FILE_WEEKLY_NONE = "You have no backup file of your diary yet, and the browser may delete it."
RESTORE_DONE_BROWSER = ("Restored the backup from {when}: {counts}. The diary it replaced is kept in this browser's "
                        "storage.")
RESTORE_HEADING = "Restore a backup"
RESTORE_HELP = "Replace your diary with a backup. The diary it replaces is kept beside it, never deleted."
RESTORE_LATEST = "Restore the latest backup"
RESTORE_CHOOSE = "Choose a backup file…"
RESTORE_PASSPHRASE = "Passphrase of the backup"
RESTORE_PASSPHRASE_HELP = "Leave empty for backups made on this device."
RESTORE_CHECKING = "Checking the backup…"
RESTORE_CONFIRM_TITLE = "Replace your diary?"
RESTORE_CONFIRM = ("Replace your diary with the backup from {when} ({counts})? The diary you have now is kept in "
                   "a folder beside it.")
RESTORE_DO = "Replace with the backup"
RESTORE_DONE = "Restored the backup from {when}: {counts}. Your previous diary is in {aside}."
RESTORE_DONE_NEW = "Restored the backup from {when}: {counts}."
RESTORE_NONE_FOUND = "There is no automatic backup in {folder} yet."
RESTORE_NO_PICKER = "This device could not open a file dialog; restore with 'diary restore FILE' instead."
RESTORE_CANCELLED = "Nothing was changed."

REMINDER_HEADING = "Reminder"
REMINDER_ON = "Remind me if I have not logged by"
REMINDER_TIME = "Time"
REMINDER_QUIET = "Quiet mode (flare days)"
REMINDER_QUIET_CHOICES = {"off": "Off", "today": "Quiet today", "3days": "Quiet for 3 days", "week": "Quiet for a week",
                          "always": "Quiet until I turn it off"}
REMINDER_WHERE = ("The reminder appears at the top of Today when you open the app after this time and have not "
                  "logged yet. The app cannot send notifications while it is closed.")
REMINDER_SAVED_ON = "You will be reminded after {time} on days you have not logged."
REMINDER_SAVED_OFF = "Reminders are off."
REMINDER_SAVED_QUIET = "Quiet mode: {choice}."
REMINDER_BANNER = "Not logged yet today."
REMINDER_BANNER_ACTION = "Log today"
REMINDER_BANNER_QUIET = "Quiet today"

EVICTED_HEADING = "The browser deleted your diary"
EVICTED_TEXT = (
    "This phone's browser held your diary with entries, but its storage for this app is now empty: browsers "
    "delete a site's data to free space unless they agreed to keep it. Restore your diary from a backup file, "
    "or start a new, empty one."
)
EVICTED_PASSPHRASE_HELP = "The words Settings → Backups showed when the backup was made."
EVICTED_START_NEW_HELP = "Start afresh only if you have no backup file: the deleted diary cannot be brought back."
RESCUE_HEADING = "Your diary file is damaged"
RESCUE_TEXT = ("The app could not read {path}. It has not been changed or deleted: it stays in your data folder "
               "so that it can be rescued later.")
RESCUE_NO_BACKUP = "No automatic backup was found in {folder}. If you have a backup file, choose it below."
RESCUE_RESTORE = "Restore this backup"
RESCUE_START_NEW = "Start a new, empty diary"
RESCUE_START_NEW_HELP = "The damaged file is moved into {folder} first, never overwritten."
NAV_MORE = "More"
MORE_HINTS = {
    "forms": "Questionnaires due and your scores",
    "share": "An encrypted file for your physiotherapist",
    "settings": "Reminders, backups, questionnaires, appearance",
}
EXPORT_SAVED_DEVICE = "Saved where you chose. Give the file to your physiotherapist."


# Counts: one function each, choosing the form with ngettext (English here; the translation catalogues
# give each language its own plural forms through the same call).
def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or the plural message for `n` (gettext's signature, so a catalogue can replace it)."""
    return singular if n == 1 else plural


def check_ins(n: int) -> str:
    return ngettext("{n} check-in", "{n} check-ins", n).format(n=n)


def days(n: int) -> str:
    return ngettext("{n} day", "{n} days", n).format(n=n)


def painful_areas(n: int) -> str:
    return ngettext("{n} painful area", "{n} painful areas", n).format(n=n)


def ratings(n: int) -> str:
    return ngettext("{n} rating", "{n} ratings", n).format(n=n)


def ratings_saved(n: int) -> str:
    return ngettext("Saved {n} rating.", "Saved {n} ratings.", n).format(n=n)


def questionnaires(n: int) -> str:
    return ngettext("{n} questionnaire", "{n} questionnaires", n).format(n=n)


def flare_days_left_out(n: int) -> str:
    return ngettext("{n} flare or rest day left out", "{n} flare or rest days left out", n).format(n=n)


def days_and_checkins(n_days: int, n_checkins: int) -> str:
    """ "1 day, 1 check-in" / "30 days, 32 check-ins" (backup and restore messages)."""
    return f"{days(n_days)}, {check_ins(n_checkins)}"
CASELOAD_IN_BACKUP = "the caseload, its import log and this clinic's key"
