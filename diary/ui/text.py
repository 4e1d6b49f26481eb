"""Every user-facing string of the app, in one place: the English source messages of the catalogs.

Each constant reads in the current language (diary.i18n.messages.lazy_catalogue, at the end): `T.SAVE` is
"Save" or "Spara". Mark a new message with N_("..."), one with a count with P_("{n} day", "{n} days"),
one whose translation depends on where it stands with C_("context", "..."), then run `make messages`
and translate it in diary/locale/sv/LC_MESSAGES/diary.po (README: "Languages").

Wording of the daily items is our own (shared/reference/instruments.md §4), not taken from any
licensed questionnaire.
"""

from diary.domain.body_layout import REGION_NAMES as _REGION_NAMES
from diary.i18n import ngettext
from diary.i18n.messages import C_, N_, P_, lazy_catalogue

APP_TITLE = N_("Symptom diary")

NAV_TODAY = N_("Today")
NAV_HISTORY = N_("History")
NAV_SETTINGS = N_("Settings")

# The first-run welcome (diary/ui/screens/welcome.py)
WELCOME_HEADING = N_("Welcome to your symptom diary")
WELCOME_WHAT = N_("A few taps a day: how much it hurt and where, how tired and stressed you were, how you slept and "
                  "moved. Over the weeks it shows what goes together, and you and your physiotherapist can set goals "
                  "and follow them.")
WELCOME_WHERE_HEADING = N_("Your diary stays on this device")
WELCOME_WHERE = N_("Everything you enter is kept here, in {folder}. It never leaves this device unless you export "
                   "it yourself, as an encrypted file for your physiotherapist.")
WELCOME_REMINDER_HEADING = N_("A daily reminder (optional)")
WELCOME_REMINDER = N_("Remind me if I have not logged by")
WELCOME_PAIR_HEADING = N_("Your physiotherapist (optional)")
WELCOME_PAIR_HELP = N_("If you see a physiotherapist, pair with them once, together, so you can share your diary "
                       "later.")
WELCOME_PAIR = N_("Pair with my physiotherapist now")
WELCOME_START = N_("Start my diary")
WELCOME_SKIP = N_("Skip")

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
TODAY_HEADING = N_("How has today been?")
TODAY_LOGGED = N_("You have logged today. Change anything and save again.")
EXTRA_HEADING = N_("Another check-in, right now")
EDIT_HEADING = N_("Check-in for {day}")
BACKFILL_HEADING = N_("Fill in {day}")

PAIN = N_("Pain")
PAIN_HELP_DAY = N_("Average pain over the last 24 hours: 0 no pain, 10 worst imaginable")
PAIN_HELP_NOW = N_("Pain right now: 0 no pain, 10 worst imaginable")
FATIGUE = N_("Fatigue")
FATIGUE_HELP = N_("How tired or drained: 0 not at all, 10 completely exhausted")
STRESS = N_("Stress")
STRESS_HELP = N_("How stressed or under pressure: 0 not at all, 10 extremely")
WORRY = N_("Worry about symptoms")
WORRY_HELP = N_("How much of the day went on worrying about body symptoms: 0 none, 10 almost all")
SLEEP_QUALITY = N_("Sleep quality")
SLEEP_QUALITY_HELP = N_("How well you slept last night: 0 very badly, 10 very well")
SLEEP_HOURS = N_("Hours slept")
ACTIVITY_HEADING = N_("Activity (minutes, leisure time)")
LIGHT = N_("Light")
LIGHT_HELP = N_("Easy pace, breathing hardly changes")
MODERATE = N_("Moderate")
MODERATE_HELP = N_("Breathing faster, can still talk")
VIGOROUS = N_("Vigorous")
VIGOROUS_HELP = N_("Only a few words at a time")
STRENGTH = N_("Did strengthening exercises")
FLARE = N_("Flare or rest day")
FLARE_HELP = N_("Days marked here never count against your goals")
NOTE = N_("Note")
NOTE_HELP = N_("Plain text, up to 2,000 characters")
BODY_MAP = N_("Where did it hurt?")
BODY_MAP_HELP = N_("Tap each area that hurt in the last 24 hours.")
NO_PAIN = N_("No pain today")
FRONT = C_("body", "Front")
BACK = C_("body", "Back")
SIDE_RIGHT = C_("body side, one letter", "R")  # the person's right and left, under the figures
SIDE_LEFT = C_("body side, one letter", "L")
CLEAR_ANSWER = N_("Clear {item}")
NOT_ANSWERED = N_("not answered")
MORE_ITEMS = N_("More: sleep, activity, worry")
FEWER_ITEMS = N_("Fewer items")
SAVE = N_("Save")
SAVE_CHANGES = N_("Save changes")
ADD_CHECKIN = N_("Add another check-in")
CANCEL = N_("Cancel")
SAVED = N_("Saved {day}: {summary}.")
NOTHING_CHANGED = N_("Nothing to save yet: answer at least one question, mark a flare day or write a note.")
FIX_FIELD = N_("Nothing was saved yet. {field}: {error}")
SAVE_FAILED = N_("Could not save: {reason}")

SHOW_PASSPHRASE = N_("Show the passphrase")
HIDE_PASSPHRASE = N_("Hide the passphrase")

SHOW_PASSPHRASE = "Show the passphrase"
HIDE_PASSPHRASE = "Hide the passphrase"

REGION_NAMES = _REGION_NAMES  # one list of names for the app and the reports
REGION_SELECTED = N_("{region}, painful")
REGION_NOT_SELECTED = N_("{region}, not painful")

# History
HISTORY_HEADING = N_("Your days")
WEEK_OF = N_("Week of {day}")
WEEK_PAIN = P_("pain {mean} on average ({days} day)", "pain {mean} on average ({days} days)", "days")
WEEK_TOO_FEW = N_("pain: {days} of 7 days logged, too few for a weekly average")
WEEK_ACTIVE = P_("{minutes} active minute", "{minutes} active minutes", "minutes")
WEEK_ACTIVITY_TOO_FEW = N_("activity: {days} of 7 days logged, too few for a weekly figure")
WHO_AEROBIC_MET = N_("WHO aerobic target met in the {days} days logged (leisure-time activity only)")
WHO_AEROBIC_BELOW = N_("below the WHO aerobic target in the {days} days logged (leisure-time activity only)")
WHO_STRENGTH_MET = N_("strength exercises on ≥ 2 days")
WHO_STRENGTH_BELOW = N_("strength exercises on fewer than 2 of {days} days")
NOT_LOGGED = N_("Not logged")
FILL_IN = N_("Fill in")
OPEN_DAY = N_("Open {day}")
DAY_CHECKINS = P_("{n} check-in", "{n} check-ins")
DELETE = N_("Delete")
DELETED = N_("Deleted the check-in of {day}.")
UNDO = N_("Undo")
RESTORED = N_("Restored.")
SHOW_MORE = N_("Show earlier days")
BACK_TO_HISTORY = N_("Back to history")
EDIT = N_("Edit")
FLARE_DAY = N_("Flare day")
REGIONS_COUNT = P_("{n} area", "{n} areas")
NO_PAIN_SHORT = N_("No pain")

# Settings / About
SETTINGS_HEADING = N_("Settings and about")
DATA_FOLDER = N_("Your data folder")
DATA_FOLDER_HELP = N_("Start the app with --home DIR, or set DIARY_HOME, to keep your diary somewhere else.")
VERSION = N_("Version {version}")
PRIVACY_HEADING = N_("What happens to your data")
PRIVACY_TEXT = (
    N_("Everything you enter stays on this device, in the data folder above, readable only by your user "
    "account. The app never connects to the internet and sends nothing anywhere. Your data leaves the "
    "device only in a file you choose to export, encrypted for the people you choose.")
)
# The phone app (a browser): where the diary is kept, and what the desktop app does instead.
KEPT_IN_BROWSER = N_("Where your diary is kept")
KEPT_IN_BROWSER_TEXT = N_(
    "In this browser's own storage on this phone, and nowhere else. Removing the app or clearing this site's "
    "data deletes it; a copy outside the phone is a backup file (Backups, below) or the export you send your "
    "physiotherapist (Share)."
)
PERSISTENCE_CHECKING = N_("Asking the browser whether it will keep your diary…")
PERSISTENCE_GRANTED = N_("The browser has agreed to keep it: it will not delete your diary to free space.")
PERSISTENCE_NOT_GRANTED = N_(
    "The browser has not agreed to keep it for good, so it may delete your diary if the phone runs short of "
    "space. Installing the app on your home screen usually makes it agree."
)
PRIVACY_TEXT_BROWSER = N_(
    "Everything you enter stays on this phone, in this browser's storage for the app. The app sends nothing "
    "anywhere; once installed it needs no network, and when you are online the browser only asks the site "
    "it came from for a newer version of the app. Your data leaves the phone only in a file you choose to "
    "export, encrypted for the people you choose."
)
VISIT_PDF_ON_DESKTOP = N_(
    "The PDF for your visit is made by your physiotherapist's desktop app, from the export you send them "
    "(Share)."
)
THEME = N_("Appearance")
LANGUAGE = N_("Language")
THEME_SYSTEM = C_("theme", "System")
THEME_LIGHT = C_("theme", "Light")
THEME_DARK = C_("theme", "Dark")
ERROR_OPENING = N_("The diary could not be opened")
# The phone app in two tabs: one owns the diary (diary/platform/browser_tabs.py).
ELSEWHERE = N_("The diary is open in another tab")
ELSEWHERE_TEXT = N_(
    "Only one tab can use the diary at a time, so that neither undoes what the other saved. Use it here to "
    "close it in the other tab; everything saved there is kept."
)
USE_HERE = N_("Use it here")
TAKING_OVER = N_("Closing the diary in the other tab…")
TAKEN_OVER = N_("The diary was opened in another tab")
TAKEN_OVER_TEXT = N_("It was closed here, after everything you saved was stored. Use it here to take it back.")

# Summaries (used in confirmations and history rows)
SUMMARY_PAIN = N_("pain {value}")
SUMMARY_PAIN_NOW = N_("pain right now {value}")
SUMMARY_PAIN_NOW_DAY = N_("right now up to {max}")
SUMMARY_FATIGUE = N_("fatigue {value}")
SUMMARY_STRESS = N_("stress {value}")
SUMMARY_ACTIVITY = N_("{minutes} min active")
SUMMARY_SLEEP_QUALITY = N_("sleep {value}")
SUMMARY_SLEEP_HOURS = N_("{hours} h sleep")
SUMMARY_REGIONS = P_("{n} painful area", "{n} painful areas")
SUMMARY_NO_PAIN = N_("no pain")
SUMMARY_NOTE = N_("a note")
SUMMARY_FLARE = N_("flare day")

# Goals
NAV_GOALS = N_("Goals")
GOALS_HEADING = N_("Your goals")
GOALS_EMPTY = N_("No goals yet. Agree a main goal with your physiotherapist, then add the steps toward it.")
ADD_MAIN_GOAL = N_("Add a main goal")
ADD_STEP = N_("Add a step")
STEP_OF = N_("Step toward: {title}")
RATE_GOALS = N_("Rate my goals")
RATING_DUE = N_("It is time to rate your goals for this week.")
EDIT_GOAL = N_("Edit")
NEW_MAIN_GOAL = N_("New main goal")
NEW_STEP = N_("New step toward \"{title}\"")
EDIT_GOAL_HEADING = N_("Edit goal")
GOAL_TITLE = N_("Goal")
GOAL_TITLE_HINT = N_("e.g. Walk to work again")
GOAL_MEASURE = N_("What will you do or measure?")
GOAL_MEASURE_HINT = N_("e.g. Walking the 2 km to work")
GOAL_BASELINE = N_("Where are you now?")
GOAL_BASELINE_HINT = N_("e.g. Takes the bus every day")
GOAL_TARGET = N_("How much, by when?")
GOAL_TARGET_HINT = N_("e.g. Walks to work 3 days a week")
GOAL_TARGET_DATE = N_("Target date (YYYY-MM-DD)")
LEVELS_HEADING = N_("Five levels of attainment (optional)")
LEVELS_HELP = N_("Describe what each level looks like. 0 is what you expect to reach by the target date.")
LEVEL_LABELS = {
    -2: N_("−2 much less than expected"), -1: N_("−1 somewhat less"), 0: N_("0 as expected"),
    1: N_("+1 somewhat more"), 2: N_("+2 much more than expected"),
}
LEVEL_HINTS = {
    -2: N_("e.g. Takes the bus every day"), -1: N_("e.g. Walks to work once a week"), 0: N_("e.g. Walks to work 3 days a week"),
    1: N_("e.g. Walks to work 4 days a week"), 2: N_("e.g. Walks to work every day"),
}
BASELINE_LEVEL = N_("Where are you now on this scale?")
WEIGHT = N_("Importance (weight)")
GOAL_SAVED = N_("Saved the goal \"{title}\".")
DELETE_GOAL = N_("Delete goal")
GOAL_DELETED = N_("Deleted the goal \"{title}\" and its ratings.")
NOT_RATED = N_("Not rated yet")
NEXT_REVIEW = N_("Next rating: {day}")
T_SCORE = (N_("From {whose} ratings: main goal {main} · T-score of the steps {value} (50 = as expected; the main goal "
           "is not in it)"))
T_SCORE_NONE = N_("Goal attainment T-score: appears after your first rating")
T_SCORE_WHOSE = {"patient": N_("your"), "physiotherapist": N_("your physiotherapist's")}
MAIN_NOT_RATED = N_("not rated yet")
MAIN_LEVEL = N_("{category} (level {level})")
NO_T_SCORE = N_("–")
RATED_WITH_PHYSIO = N_("{words} (with your physiotherapist)")
WORSE_THAN_START = N_("Worse than at the start")
CATEGORY_NAMES = {"fully": N_("Fully attained"), "partially": N_("Partially attained"), "not": N_("Not attained")}
TREND_NAMES = {"improving": N_("Improving"), "worsening": N_("Worsening"), "no_change": N_("No change")}
STATUS_NAMES = {
    "in-progress": N_("In progress"), "improving": N_("Improving"), "worsening": N_("Worsening"), "no-change": N_("No change"),
    "achieved": N_("Achieved"), "sustaining": N_("Sustaining"), "not-achieved": N_("Not achieved"), "no-progress": N_("No progress"),
    "not-attainable": N_("Not attainable"),
}
RATE_HEADING = N_("How far have you come?")
RATE_HELP = N_("One tap per goal. Flare days never count against you.")
WITH_PHYSIO = N_("Rating together with my physiotherapist")
RATING_COMMENT = N_("Comment (optional)")
SAVE_RATINGS = N_("Save ratings")
RATINGS_SAVED = P_("Saved {n} rating.", "Saved {n} ratings.")
NOTHING_RATED = N_("Tap a level for at least one goal, then save.")
RATING_LEVEL = N_("{title}: {level}")
HISTORY_OF_RATINGS = P_("{n} rating", "{n} ratings")

# Activity plan
PLAN_HEADING = N_("This week's activity plan")
PLAN_EMPTY = N_("No activities planned yet.")
PLAN_PROGRESS = N_("{done} of {expected} this week")
PLAN_NOTHING_EXPECTED = N_("Nothing expected this week (flare or rest days)")
PLAN_FLARE_DAYS = P_("{n} flare or rest day left out", "{n} flare or rest days left out")
ADD_ACTIVITY = N_("Add activity")
ACTIVITY_NAME = N_("Activity")
ACTIVITY_INTENSITY = N_("Intensity")
ACTIVITY_MINUTES = N_("Minutes per session")
ACTIVITY_TIMES = N_("Times a week")
INTENSITY_NAMES = {"light": N_("Light"), "moderate": N_("Moderate"), "vigorous": N_("Vigorous"), "strength": N_("Strength")}
REMOVE = N_("Remove")
ACTIVITY_ADDED = N_("Added {name}: {dose}.")
BACK_TO_GOALS = N_("Back to goals")

# Questionnaires
NAV_FORMS = N_("Forms")
FORMS_HEADING = N_("Questionnaires")
FORMS_DUE = N_("Due now")
FORMS_NONE_DUE = N_("Nothing is due. You can still answer any questionnaire below.")
FORM_DUE_PROMPT = N_("{name} is due")
BASELINE_ITEM = N_("Start-of-diary questionnaires ({n}, about {minutes} minutes)")
BASELINE_HELP = N_("They give the starting point your later answers are compared with.")
BASELINE_NOW = N_("Now")
BASELINE_LATER = N_("Later")
BASELINE_NAME = N_("Start-of-diary questionnaires")
FORMS_MORE_DUE = N_("and more on Questionnaires")
START = N_("Start")
RESUME = N_("Resume ({n} of {total} answered)")
LAST_SCORE = N_("Last: {score} ({band}), {day}")
BAND_CAVEAT_7DAY = N_("{band} (bands validated for the 4-week version)")
NEVER_ANSWERED = N_("Not answered yet")
QUESTION_OF = N_("Question {n} of {total}")
NEXT = N_("Next")
PREVIOUS = N_("Previous")
FINISH = N_("Finish and see my score")
LEAVE = N_("Leave and continue later")
DRAFT_KEPT = N_("Your answers are kept; continue any time.")
NOT_APPLICABLE = N_("Does not apply to me")
RESULT_HEADING = N_("Your {name} result")
RESULT_SCORE = N_("Score {total} of {max}")
RESULT_SCORE_NO_MAX = N_("Score {total}")
RESULT_INVALID = N_("Too many questions were left empty to give a score. Your answers are saved.")
RESULT_BAND = N_("{band}")
RESULT_CHANGE = N_("{change} since your first time ({first} on {day})")
RESULT_FIRST = N_("This is your first {name}; later results will show the change.")
RESULT_SUBSCALE = N_("{name}: {value}")
HISTORY_OF = N_("Earlier results")
BACK_TO_FORMS = N_("Back to questionnaires")
CRISIS_HEADING = N_("Before you go on")
CRISIS_CONTINUE = N_("I have read this")
CRISIS_SETTING = N_("Help text shown after PHQ-9 item 9 (edit for your country)")
CRISIS_FIELD = N_("Help text")
FORMS_SETTINGS_HEADING = N_("Questionnaires")
FORMS_SETTINGS_HELP = N_("Which questionnaires Today asks for, and how often. Your physiotherapist may suggest changes.")
SCHEDULE_EVERY = N_("How often")
SCHEDULE_SAVED = N_("{name} is now due {every}.")
SCHEDULE_OFF = N_("{name} will no longer be asked for. You can still answer it from Questionnaires.")
WORDING_HEADING = N_("Clinic-supplied wording")
WORDING_HELP = (N_("A clinic with a licence for a questionnaire (for example HADS or SSD-12) can give you a wording "
                "file; once loaded, you can answer that questionnaire here. The file stays on this device."))
WORDING_NONE = N_("No clinic wording loaded.")
WORDING_LOADED = N_("{name} ({language}) — {source}")
WORDING_LOAD = N_("Load a wording file")
WORDING_PICK_TITLE = N_("Choose a questionnaire wording file (.json)")
WORDING_ADDED = N_("Loaded the wording for {name}. You can now answer it from Questionnaires.")
WORDING_REFUSED = N_("This wording file was not loaded: {reason}")
WORDING_NO_PICKER = (N_("This device could not open a file dialog. Load the file from a terminal instead: "
                     "diary instrument add FILE"))
SAVE_HELP_TEXT = N_("Save help text")
RESET_HELP_TEXT = N_("Use the default text")
HELP_TEXT_SAVED = N_("Saved the help text.")
HELP_TEXT_RESET = N_("The default help text is back.")

# Trends (diary/ui/screens/trends.py)
NAV_TRENDS = N_("Trends")
TRENDS_HEADING = N_("Trends")
TRENDS_PERIOD = N_("Period")
TRENDS_DRAWING = N_("Drawing your charts…")
TRENDS_FROM_FIRST_DAY = N_("Your diary starts on {day}, so the charts start there too.")
TRENDS_EMPTY = N_("Nothing to show yet: your charts appear once you have saved a few days in Today.")
TRENDS_FAILED = N_("The charts could not be drawn: {reason}")
CHART_TITLES = {"pain": N_("Pain"), "fatigue": N_("Fatigue"), "stress": N_("Stress"), "activity": N_("Activity"),
                "phq15": N_("PHQ-15 (body symptoms)"), "goals": N_("Goals"), "body": N_("Where it hurt")}
CHART_IMAGE_LABEL = N_("Chart: {title}")
LINKS_HEADING = N_("Links in your diary")
LINKS_INTRO = (N_("Exploratory: what tended to go together in your own entries in this period. These are "
               "associations, not causes: a link can have many reasons."))
LINKS_NONE_YET = N_("Links appear once there are at least 14 days with both things logged in this period.")
LINKS_TESTED = P_("{k} of {n} pair tested showed a clear link. With this many tests, a link can also appear by "
                  "chance; the intervals allow for one day's mood carrying into the next.",
                  "{k} of {n} pairs tested showed a clear link. With this many tests, a link can also appear by "
                  "chance; the intervals allow for one day's mood carrying into the next.")
VISIT_HEADING = N_("For your visit")
VISIT_HELP = N_("A one-page summary of this period for your physiotherapist (PDF).")
VISIT_INCLUDE_NOTES = N_("Include my notes")
VISIT_PDF = N_("PDF for my visit")
VISIT_MAKING = N_("Making the PDF…")
VISIT_SAVED = N_("Saved the summary as {path}.")
VISIT_DOWNLOADED = N_("The summary was handed to your browser as {name}.")
VISIT_CANCELLED = N_("Not saved.")
VISIT_SAVED_LOCALLY = N_("This device could not open a save dialog, so the summary was saved in the data folder: {path}")
VISIT_FAILED = N_("The summary could not be saved: {reason}")

# Share (patient → physiotherapist)
NAV_SHARE = N_("Share")
SHARE_HEADING = N_("Share with your physiotherapist")
SHARE_INTRO = (N_("Make an encrypted file of your diary for your physiotherapist. Only the people you pair with can "
               "open it, and they can tell it came from you. Nothing is sent anywhere: you hand over the file."))
EXPORT_HEADING = N_("Make an export file")
SEND_TO = N_("For")
NO_RECIPIENTS = N_("You have not paired with a physiotherapist yet (see below). You can still make a passphrase file.")
PASSPHRASE_OPTION = N_("Also make a passphrase file")
PASSPHRASE_OPTION_HELP = (N_("For someone you have not paired with: the app makes a passphrase that you send them "
                          "another way than the file."))
PASSPHRASE_RECIPIENT = N_("passphrase")
PERIOD = N_("Period")
PERIOD_SINCE_LAST = N_("Since your last export ({day})")
PERIOD_ALL = N_("Everything")
PERIOD_FROM = N_("From a date")
PERIOD_FROM_DATE = N_("First day")
BAD_FROM_DATE = N_("The first day must be a date like 2026-03-01 (got {value}).")
INCLUDE_NOTES = N_("Include my notes")
MAKE_EXPORT = N_("Make the encrypted file")
EXPORT_SAVE_TITLE = N_("Save the export file")
EXPORT_DONE = N_("Your export is ready")
EXPORT_FILE_LINE = N_("{name}, {size}, for {who}")
EXPORT_PERIOD_LINE = N_("{period}: {checkins}, {questionnaires}; {notes}.")
PERIOD_EVERYTHING_UNTIL = N_("Everything until {end}")
PERIOD_RANGE = N_("{start} to {end}")
NOTES_INCLUDED = N_("notes included")
NOTES_LEFT_OUT = N_("notes left out")
EXPORT_DOWNLOADED = N_("Your browser saved the file in its downloads folder, or passed it to the app you chose to share "
                       "it with. Give it to your physiotherapist.")
EXPORT_SAVED_TO = N_("Saved in {folder}. Give the file to your physiotherapist.")
PASSPHRASE_IS = N_("Passphrase for the passphrase file:")
PASSPHRASE_SEPARATELY = (N_("Send this passphrase another way than the file (tell it by phone, or in a text message). "
                         "It is shown only now."))
LAST_EXPORTED = N_("Last exported {day} to {who}")
LAST_EXPORTED_FULL = N_("Last export: {day}, for {who}.")
RECIPIENTS_HEADING = N_("Who can open your exports")
PAIRED_ON = N_("paired {day}")
REMOVED_RECIPIENT = N_("{label} was removed. New exports can no longer be opened with their key.")
PAIR_BUTTON = N_("Pair with a physiotherapist")
PAIR_HEADING = N_("Pair with your physiotherapist")
PAIR_HELP = (N_("Do this together, in person. Your physiotherapist shows their key (text or a key file). Paste it "
             "here or open the key file, then compare the safety number on both screens."))
THEIR_KEY = N_("Physiotherapist's key")
THEIR_LABEL = N_("Name for them")
DEFAULT_RECIPIENT = N_("Physiotherapist")
OPEN_KEY_FILE = N_("Open a key file")
KEY_FILE_PICK = N_("Choose your physiotherapist's key file")
NO_FILE_DIALOG = N_("This device could not open a file dialog. Paste the key text instead.")
KEY_EMPTY = N_("Paste your physiotherapist's key first (it starts with DIARY-BOX1:).")
CHECK_KEY = N_("Check the key")
COMPARE_HEADING = N_("Compare the safety number")
COMPARE_HELP = (N_("Your physiotherapist's screen shows a safety number too. Read them aloud together: pair only if "
                "every digit matches."))
COMPARE_FINGERPRINT = N_("Their key's fingerprint starts {fp}")
NUMBERS_MATCH = N_("The numbers match: pair")
NUMBERS_DIFFER = N_("They differ: stop")
PAIR_CANCELLED = (N_("Not paired. If the numbers differed, the key may not be your physiotherapist's: ask them to show "
                  "it again."))
PAIRED = N_("Paired with {label}. Your exports can now be made for them.")
ALREADY_PAIRED = N_("{label} was already paired with this key; nothing changed.")
RE_PAIRED = N_("{label} now has their new key. Older exports made for the old key cannot be opened with it.")
KEY_CHANGED_HEADING = N_("This is a different key")
RE_PAIR = N_("I compared the safety number: re-pair")
BACK_TO_SHARE = N_("Back")
YOUR_KEY_HEADING = N_("Your key")
YOUR_KEY_HELP = (N_("Your physiotherapist adds this key once, to know that files signed with it are yours. It is not "
                 "secret."))
KEY_QR_LABEL = N_("QR code of the key")
KEY_TEXT_LABEL = N_("Key")
FINGERPRINT_LABEL = N_("Fingerprint")

# Backups, restore and reminders (diary/ui/screens/settings_backup.py, rescue.py, components/reminder_banner.py)
BACKUP_HEADING = N_("Backups")
BACKUP_LAST = N_("Last backup: {when} ({count} kept)")
BACKUP_NONE = N_("No backup yet.")
BACKUP_WHERE = N_("Kept in {folder}")
BACKUP_INSIDE_HOME = (N_("This folder is on this device, so it protects against a damaged file but not a lost device: "
                      "choose a folder on a memory stick or a synced drive."))
BACKUP_NOW = N_("Back up now")
BACKUP_WORKING = N_("Backing up…")
BACKUP_DONE = N_("Saved a backup: {counts}.")
BACKUP_FAILED_LAST = N_("The last automatic backup failed: {reason}")
BACKUP_AUTO = N_("Back up automatically once a day")
BACKUP_FOLDER = N_("Backup folder (full path)")
BACKUP_FOLDER_HINT = N_("Empty: the backups folder in your data folder")
BACKUP_KEEP = N_("Keep the last")
BACKUP_KEEP_N = P_("{n} backup", "{n} backups")
BACKUP_SAVE_SETTINGS = N_("Save backup settings")
BACKUP_SETTINGS_SAVED = N_("Saved. Automatic backups are {state}; the last {keep} are kept in {folder}.")
BACKUP_ON = N_("on")
BACKUP_OFF = N_("off")
BACKUP_WORDS_HELP = (N_("Backups are locked with a passphrase. Write it down and keep it apart from the device: without "
                     "it no backup can be opened on a new one."))
BACKUP_SHOW_WORDS = N_("Show the passphrase")
BACKUP_HIDE_WORDS = N_("Hide the passphrase")
# The phone app's Backups: files handed over as a download, no folder, no automatic backups.
BACKUP_FILE_HELP = N_(
    "A backup file holds your whole diary, locked with the passphrase below. Keep it off this phone (your files, "
    "a cloud drive, an e-mail to yourself): if the browser deletes the diary, or you change phone, it brings "
    "everything back, here or in the desktop app."
)
BACKUP_FILE_LAST = N_("Last backup file: {when}.")
BACKUP_FILE_NONE = N_("No backup file made on this phone yet.")
BACKUP_FILE_MAKE = N_("Make a backup file")
BACKUP_FILE_TITLE = N_("Save the diary's backup file")
BACKUP_FILE_DONE = N_("Made the backup file {name}: {counts}. Open it with the passphrase below.")
BACKUP_FILE_CANCELLED = N_("The backup file was not saved; nothing was changed.")
STORAGE_MAY_DELETE = N_("This browser has not agreed to keep your diary, so it may delete it to free space: keep a "
                        "backup file somewhere off this phone.")
BACKUP_FILE_WEEKLY = N_("Your last backup file is from {when}, and the browser may still delete the diary.")
BACKUP_FILE_WEEKLY_NONE = N_("You have no backup file of your diary yet, and the browser may delete it.")
# Installing the phone app on the home screen (diary/ui/components/install_offer.py)
INSTALL_HEADING = N_("The app on your home screen")
INSTALL_HELP = N_("Installed, the diary opens from its own icon in a window of its own, also without a network.")
INSTALL_ACTION = N_("Install the app")
INSTALL_IOS = N_("Tap Share, then Add to Home Screen.")
INSTALL_HINT = N_("Install the diary on your home screen: it opens like any other app, also offline.")
INSTALL_NOT_NOW = N_("Not now")
INSTALL_ACCEPTED = N_("Installing: from now on, open the diary from its icon.")
INSTALL_DISMISSED = N_("Not installed. You can install it from Settings whenever you like.")
INSTALL_UNAVAILABLE = N_("The browser did not open its install dialog; its menu may offer Install app or Add to Home "
                         "screen.")
RESTORE_DONE_BROWSER = N_("Restored the backup from {when}: {counts}. The diary it replaced is kept in this browser's "
                          "storage.")
RESTORE_HEADING = N_("Restore a backup")
RESTORE_HELP = N_("Replace your diary with a backup. The diary it replaces is kept beside it, never deleted.")
RESTORE_LATEST = N_("Restore the latest backup")
RESTORE_CHOOSE = N_("Choose a backup file…")
RESTORE_PASSPHRASE = N_("Passphrase of the backup")
RESTORE_PASSPHRASE_HELP = N_("Leave empty for backups made on this device.")
RESTORE_CHECKING = N_("Checking the backup…")
RESTORE_CONFIRM_TITLE = N_("Replace your diary?")
RESTORE_CONFIRM = (N_("Replace your diary with the backup from {when} ({counts})? The diary you have now is kept in "
                   "a folder beside it."))
RESTORE_DO = N_("Replace with the backup")
RESTORE_DONE = N_("Restored the backup from {when}: {counts}. Your previous diary is in {aside}.")
RESTORE_DONE_NEW = N_("Restored the backup from {when}: {counts}.")
RESTORE_NONE_FOUND = N_("There is no automatic backup in {folder} yet.")
RESTORE_NO_PICKER = N_("This device could not open a file dialog; restore with 'diary restore FILE' instead.")
RESTORE_CANCELLED = N_("Nothing was changed.")

REMINDER_HEADING = N_("Reminder")
REMINDER_ON = N_("Remind me if I have not logged by")
REMINDER_TIME = N_("Time")
REMINDER_QUIET = N_("Quiet mode (flare days)")
REMINDER_QUIET_CHOICES = {"off": N_("Off"), "today": N_("Quiet today"), "3days": N_("Quiet for 3 days"), "week": N_("Quiet for a week"),
                          "always": N_("Quiet until I turn it off")}
REMINDER_WHERE = (N_("The reminder appears at the top of Today when you open the app after this time and have not "
                  "logged yet. The app cannot send notifications while it is closed."))
REMINDER_SAVED_ON = N_("You will be reminded after {time} on days you have not logged.")
REMINDER_SAVED_OFF = N_("Reminders are off.")
REMINDER_SAVED_QUIET = N_("Quiet mode: {choice}.")
REMINDER_BANNER = N_("Not logged yet today.")
REMINDER_BANNER_ACTION = N_("Log today")
REMINDER_BANNER_QUIET = N_("Quiet today")

UPDATED_TO = N_("Updated to version {version}")  # Today, once, on the phone app's first start of a new version
VERSION_WITH_BUILD = N_("{release} (build {build})")  # a rebuilt site of the same release
UPDATE_NOTE_DISMISS = N_("Dismiss the update note")
EVICTED_HEADING = N_("The browser deleted your diary")
EVICTED_TEXT = N_(
    "This phone's browser held your diary with entries, but its storage for this app is now empty: browsers "
    "delete a site's data to free space unless they agreed to keep it. Restore your diary from a backup file, "
    "or start a new, empty one."
)
EVICTED_PASSPHRASE_HELP = N_("The words Settings → Backups showed when the backup was made.")
EVICTED_START_NEW_HELP = N_("Start afresh only if you have no backup file: the deleted diary cannot be brought back.")
RESCUE_HEADING = N_("Your diary file is damaged")
RESCUE_TEXT = (N_("The app could not read {path}. It has not been changed or deleted: it stays in your data folder "
               "so that it can be rescued later."))
RESCUE_NO_BACKUP = N_("No automatic backup was found in {folder}. If you have a backup file, choose it below.")
RESCUE_RESTORE = N_("Restore this backup")
RESCUE_START_NEW = N_("Start a new, empty diary")
RESCUE_START_NEW_HELP = N_("The damaged file is moved into {folder} first, never overwritten.")
NAV_MORE = N_("More")
MORE_HINTS = {
    "forms": N_("Questionnaires due and your scores"),
    "share": N_("An encrypted file for your physiotherapist"),
    "settings": N_("Reminders, backups, questionnaires, appearance"),
}
EXPORT_SAVED_DEVICE = N_("Saved where you chose. Give the file to your physiotherapist.")


CASELOAD_IN_BACKUP = N_("the caseload, its import log and this clinic's key")

# Words the screens' states put together (diary/ui/state)
TODAY_DAY = N_("Today, {day}")
YESTERDAY_DAY = N_("Yesterday, {day}")
TODAY_WORD = N_("today")
MINUTES_NOT_WHOLE = N_("Minutes must be a whole number, like 20.")
HOURS_NOT_NUMBER = N_("Hours slept must be a number, like 7 or 7.5.")
RATING_WITH_LEVEL = N_("{category} (level {level}: {description})")
RATING_WITH_LEVEL_ONLY = N_("{category} (level {level})")
RATED_ON = N_("{what}, {day}")
SIZE_BYTES = P_("{n} byte", "{n} bytes")
SIZE_KB = N_("{size} KB")
SIZE_MB = N_("{size} MB")
NOTHING_TYPED = N_("nothing")
COUNT_CHECKINS = P_("{n} check-in", "{n} check-ins")
COUNT_QUESTIONNAIRES = P_("{n} questionnaire", "{n} questionnaires")
SOMETHING_WENT_WRONG = N_("something unexpected went wrong; nothing in your diary was changed. Try again.")
NO_CHANGE = N_("No change")
SCORE_NOT_AVAILABLE = N_("—")
ANSWERED_OF = N_("{n} of {total} answered")
OPTION_SELECTED = N_("{label}, selected")
DROPDOWN_NAME = N_("{label}, {choice}")  # a drop-down as a screen reader names it: "Time, 20:00"
DATE_HINT = N_("YYYY-MM-DD")
BAD_TARGET_DATE = N_("The target date {value!r} is not a real date; write it as YYYY-MM-DD.")
WORDING_IN_ENGLISH = N_("This questionnaire is shown in English: the official translation into your language can "
                        "be loaded by your clinic (in Settings, under Clinic-supplied wording).")
EVERY_N_DAYS = P_("Every {n} day", "Every {n} days")
EVERY_N_DAYS_LOWER = P_("every {n} day", "every {n} days")
INTERVALS = {7: N_("Every week"), 14: N_("Every 2 weeks"), 28: N_("Every 4 weeks"), 91: N_("Every 3 months"),
             182: N_("Every 6 months")}
INTERVALS_LOWER = {7: N_("every week"), 14: N_("every 2 weeks"), 28: N_("every 4 weeks"), 91: N_("every 3 months"),
                   182: N_("every 6 months")}


def days_logged_and_checkins(days: int, checkins: int) -> str:
    """ "1 day logged, 1 check-in" / "30 days logged, 32 check-ins" (Settings)."""
    return (ngettext("{n} day logged", "{n} days logged", days).format(n=days) + ", "
            + ngettext("{n} check-in", "{n} check-ins", checkins).format(n=checkins))


def days_and_checkins(days: int, checkins: int) -> str:
    """ "1 day, 1 check-in" / "30 days, 32 check-ins" (backup and restore messages)."""
    return (ngettext("{n} day", "{n} days", days).format(n=days) + ", "
            + ngettext("{n} check-in", "{n} check-ins", checkins).format(n=checkins))


__getattr__, __dir__ = lazy_catalogue(globals())
