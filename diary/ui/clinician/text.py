"""Every string of the clinician's side of the app (a physiotherapist's caseload). The patient's side
keeps its strings in diary/ui/text.py; the few words both sides share (chart titles, category names,
the theme) are read from there."""

APP_TITLE = "Diary — caseload"

# Navigation
NAV_CASELOAD = "Caseload"
NAV_IMPORT = "Import"
NAV_SETTINGS = "Settings"

# Caseload
CASELOAD_HEADING = "Caseload"
CASELOAD_COUNT = "{n} patients · {flagged} flagged"
CASELOAD_COUNT_ONE = "1 patient · {flagged} flagged"
CASELOAD_SHOWN = "Showing {first}–{last} of {n}"
CASELOAD_NONE_MATCH = "No patient matches. Clear the search or show all patients."
SEARCH = "Search by label"
SHOW = "Show"
SHOW_ALL = "All patients"
SHOW_FLAGGED = "Any flag"
SORT = "Sort by"
SORT_NAMES = {
    "label": "Label",
    "last_export": "Last export",
    "days_logged": "Days logged",
    "main_goal": "Main goal",
    "phq15": "PHQ-15",
    "phq15_change": "PHQ-15 change",
    "flags": "Flags",
}
ASCENDING = "Ascending"
DESCENDING = "Descending"
SORT_DIRECTION = "Sort direction: {direction}"
PREVIOUS_PAGE = "Previous"
NEXT_PAGE = "Next"
SELECT_PATIENT = "Select {label} for the trial figure"
OPEN_PATIENT = "Open {label}"
COLUMN_PATIENT = "Patient"
COLUMN_EXPORT = "Last export"
COLUMN_DAYS = "Days logged (14)"
COLUMN_GOAL = "Main goal"
COLUMN_PHQ15 = "PHQ-15"
COLUMN_FLAGS = "Flags"
NO_EXPORT = "No export yet"
EXPORT_LINE = "Export {day} · {period}"
PERIOD_EVERYTHING = "everything to {end}"
PERIOD_RANGE = "{start} to {end}"
DAYS_LOGGED = "{n} of 14 days logged"
DAYS_SHORT = "{n} of 14"
LAST_DAY = "last entry {day}"
NO_GOAL = "No main goal"
GOAL_NOT_RATED = "not rated yet"
GOAL_LINE = "{title}: {category}"
GOAL_RATED_BY = "{category} ({rater})"
GOAL_RATERS_SHORT = {"patient": "patient", "physiotherapist": "physio"}
TREND_WORDS = {"improving": "improving", "worsening": "worsening", "no_change": "no change"}
PHQ15_NONE = "No PHQ-15"
PHQ15_LINE = "PHQ-15 {score}"
PHQ15_PRORATED = "prorated"
PHQ15_EXACT = "Prorated for unanswered items: exactly {score}"
PHQ15_EXACT_CHANGE = "Prorated for unanswered items: exactly {score}, {change} since the one before"
PHQ15_CHANGE = "{sign}{change} since the one before"
PHQ15_CHANGE_SHORT = "({sign}{change})"
PHQ15_NO_CHANGE = "no change"
NO_FLAGS = "No flags"
FLAG_ICON_LABEL = "Flag"

# Trial figure
TRIAL_HEADING = "The trial's figure"
TRIAL_FOR_ALL = "For all {n} patients"
TRIAL_FOR_THE_ONE = "For the 1 patient in the caseload"
TRIAL_FOR_SELECTED = "For the {n} selected patients"
TRIAL_FOR_ONE = "For the 1 selected patient"
TRIAL_WORKING = "Working it out…"
TRIAL_MAIN = "Main goal fully attained: {itt} of patients with a main goal · {complete} of those rated"
TRIAL_INTERMEDIATE = ("All intermediate goals fully attained: {itt} of patients with a main goal · {complete} of "
                      "those with every intermediate goal rated")
TRIAL_DENOMINATORS = ("Intention to treat counts every patient with a main goal (unrated = not attained); the "
                      "second figure counts complete cases only.")
TRIAL_DEFINITION = "Ratings counted: {rater}. Assessment: each patient's latest rating of their current main goal."
TRIAL_RATERS_USED = "{rater}: {n}"
TRIAL_RATER = "Ratings counted"
TRIAL_RATERS = {"physiotherapist_else_patient": "Physiotherapist, else patient",
                "physiotherapist": "Physiotherapist only", "patient": "Patient only"}
TRIAL_RULE_WORDS = {"physiotherapist_else_patient": "the physiotherapist's, else the patient's",
                    "physiotherapist": "the physiotherapist's", "patient": "the patient's"}
TRIAL_RATER_NAMES = {"patient": "patient's", "physiotherapist": "physiotherapist's"}
TRIAL_NOBODY_RATED = "no ratings yet"
SELECT_SHOWN = "Select the shown patients"
CLEAR_SELECTION = "Clear the selection"
SELECTED = "{n} selected"

# Empty caseload
EMPTY_HEADING = "No patients yet"
EMPTY_STEPS = [
    "1. Meet the patient. In Settings, show them your key (as text or QR code); they add it on their Share screen.",
    "2. In Settings, paste the patient's key (from their Share screen), compare the safety number with theirs, "
    "and give them a label.",
    "3. The patient makes an export for you on their Share screen and gives you the file.",
    "4. Open the file in Import. The patient then appears here.",
]
GO_TO_SETTINGS = "Pair a patient"
GO_TO_IMPORT = "Import files"

# Patient
BACK_TO_CASELOAD = "Back to the caseload"
PATIENT_EXPORT = "Latest export made {day}, covering {period}; imported {imported}."
PATIENT_NO_EXPORT = "Paired {day}; no export imported yet. Ask the patient to make one for you."
NOTES_LEFT_OUT = "The patient left their notes out of this export."
FLAGS_HEADING = "Flags"
GOALS_HEADING = "Goals"
GOALS_NONE = "The patient has not set any goals yet."
T_SCORE = "From the {rater} ratings: main goal {main} · T-score of the intermediate goals {value} (50 = as expected)"
T_SCORE_BY = ("T-score of the intermediate goals by rater: patient {patient} · physiotherapist {physio}. The main "
              "goal is reported on its own, not in the T-score.")
T_SCORE_NONE = "Goal attainment: no goal rated yet"
MAIN_NOT_RATED = "not rated"
NOT_AVAILABLE = "–"
GOAL_TYPES = {"main": "Main goal", "intermediate": "Step towards the main goal"}
GOAL_LEVELS_HINT = "Levels: {levels}"
RATINGS_NONE = "Not rated yet."
RATING_LINE = "{day} · {who} · {what}"
RATERS = {"patient": "Patient", "physiotherapist": "Physiotherapist (in the patient's app)"}
RATER_YOU = "You (this clinic)"
SHOW_ALL_RATINGS = "Show all {n} ratings"
SHOW_FEWER_RATINGS = "Show the latest {n}"
RATE_GOAL = "Add your rating"
RATE_GOAL_OF = "Add your rating of {title}"
YOUR_RATING_HEADING = "Your rating of \"{title}\""
YOUR_RATING_HELP = "Kept in this caseload as yours, apart from the patient's; included in research exports."
RATING_DATE = "Date (YYYY-MM-DD)"
RATING_COMMENT = "Comment (optional)"
SAVE_RATING = "Save my rating"
CANCEL = "Cancel"
CHOOSE_LEVEL = "Choose a level first."
BAD_RATING_DATE = "The date must look like 2026-03-15 (got {value})."
RATING_SAVED = "Saved your rating of \"{title}\": {what}."
PLAN_HEADING = "Activity plan and adherence"
PLAN_NONE = "No activity plan in this export."
PLAN_WEEK = "Week of {day}: {done} of {expected}"
PLAN_WEEK_NOTHING = "Week of {day}: nothing expected (flare or rest days)"
PLAN_SO_FAR = " (so far)"
PLAN_WEEK_FLARES = " · {n} flare days left out"
CHARTS_HEADING = "Trends"
CHARTS_DRAWING = "Drawing the charts…"
CHARTS_EMPTY = "No diary entries in this export yet."
CHARTS_FAILED = "The charts could not be drawn: {reason}"
QUESTIONNAIRES_HEADING = "Questionnaires"
QUESTIONNAIRES_NONE = "No questionnaire results in this export."
QUESTIONNAIRE_LATEST = "{score}{band} on {day}"
QUESTIONNAIRE_BASELINE = "First: {score}{band} on {day} · change {change}"
QUESTIONNAIRE_ONLY_ONE = "Answered once so far"
PDF_HEADING = "One-page summary"
PDF_HELP = "A one-page PDF of the chosen period for the patient's notes."
PDF_BUTTON = "One-page PDF"
PDF_SAVE_TITLE = "Save the summary"
PDF_MAKING = "Making the PDF…"
PDF_SAVED = "Saved the summary as {path}."
PDF_DOWNLOADED = "The summary was handed to your browser as {name}."
PDF_CANCELLED = "Not saved."
PDF_SAVED_LOCALLY = "This device could not open a save dialog, so the summary was saved in the data folder: {path}"
PDF_FAILED = "The summary could not be made: {reason}"
PATIENT_GONE = "This patient is no longer in the caseload."
RENAME = "Rename"
RENAME_LABEL = "New label"
RENAMED = "Renamed to {label}."

# Import
IMPORT_HEADING = "Import exports"
IMPORT_HELP = ("Open the export files your patients gave you. Each file is checked (who signed it, that it was "
               "made for your key and not changed) before anything is stored; a file imported twice changes "
               "nothing.")
IMPORT_PASSPHRASE = "Passphrase (only for passphrase files)"
IMPORT_PASSPHRASE_HELP = "Leave empty for files made for your key."
PICK_FILES = "Choose export files"
PICK_TITLE = "Choose the patients' export files"
IMPORT_NO_DIALOG = ("This device could not open a file dialog. Import from the terminal instead: "
                    "diary --clinician import FILE…")
FILE_NOT_GIVEN = "The file {name} could not be read here; nothing was imported. Choose it again."
IMPORT_NONE_CHOSEN = "No file was chosen."
IMPORTING = "Importing {done} of {total}…"
SUMMARY_PARTS = {"imported": "{n} imported", "already": "{n} already here", "superseded": "{n} superseded",
                 "refused": "{n} refused"}
OUTCOME_NAMES = {
    "imported": "Imported",
    "updated": "Newer export: replaced the older one",
    "already_imported": "Already here",
    "stale": "Superseded: a newer export is already here",
    "conflict": "Refused: same number, different content",
    "refused": "Refused",
}
CATEGORY_NAMES = {
    "too_large": "too large",
    "not_an_export": "not an export",
    "unsupported_version": "unknown version",
    "kdf_limits": "unusual protection",
    "cannot_open": "cannot be opened",
    "passphrase_needed": "passphrase needed",
    "wrong_passphrase": "wrong passphrase",
    "malformed": "damaged",
    "unknown_sender": "not paired",
    "bad_signature": "bad signature",
    "not_canonical": "changed after it was made",
    "invalid_content": "invalid content",
    "not_addressed_to_you": "made for another key",
    "stale": "older export",
    "conflict": "conflicting export",
    "unreadable": "cannot be read",
}
RESULT_LINE = "{name}: {outcome}"
RESULT_LINE_CATEGORY = "{name}: {outcome} ({category})"
FILE_UNNAMED = "file {n}"
KEY_LOCKED_HELP = "Your key is protected by a passphrase. Unlock it to import."
UNLOCK = "Unlock"
KEY_PASSPHRASE = "Your key's passphrase"
UNLOCKED = "Unlocked for as long as the app runs."
LOG_HEADING = "Import log"
LOG_HELP = ("Every attempt, newest first. The log keeps no content: only when, which file (by its checksum), and "
            "what happened.")
LOG_EMPTY = "Nothing imported yet."
LOG_LINE = "{when} · file {sha} ({size}) · {outcome}{category}{who}"
LOG_WHO = " · {label}"
LOG_NOT_READ = "not read"

# Settings
SETTINGS_HEADING = "Settings"
OWN_KEY_HEADING = "Your clinic's key"
OWN_KEY_HELP = ("Patients add this key on their Share screen (paste the text or scan the QR code), so that their "
                "exports can be opened only here. It is not secret; the private half never leaves this folder.")
PAIR_HEADING = "Pair a patient"
PAIR_HELP = ("Do this together, in person. On their Share screen the patient shows their key: paste it here (or "
             "open a key file), then compare the safety number with the one on their screen.")
THEIR_KEY = "Patient's key"
THEIR_KEY_HINT = "DIARY-SIG1:…"
THEIR_LABEL = "Label for the patient"
THEIR_LABEL_HINT = "e.g. initials and a number"
OPEN_KEY_FILE = "Open a key file"
KEY_FILE_PICK = "Choose the patient's key file"
NO_FILE_DIALOG = "This device could not open a file dialog. Paste the key text instead."
KEY_EMPTY = "Paste the patient's key first (it starts with DIARY-SIG1:)."
LABEL_EMPTY = "Give the patient a label first: it names them in your caseload."
CHECK_KEY = "Check the key"
COMPARE_HEADING = "Compare the safety number"
COMPARE_HELP = ("The patient's Share screen shows a safety number too. Read them aloud together: pair only if every "
                "digit matches.")
COMPARE_FINGERPRINT = "Their key's fingerprint starts {fp}"
COMPARE_LABEL = "They will be \"{label}\" in your caseload."
ALREADY_PAIRED_AS = "This key is already paired as \"{label}\"."
NUMBERS_MATCH = "The numbers match: pair"
NUMBERS_DIFFER = "They differ: stop"
PAIR_CANCELLED = ("Not paired. If the numbers differed, the key may not be the patient's: ask them to show it "
                  "again.")
PAIRED = "Paired with {label}. Their exports can now be imported."
ALREADY_PAIRED = "{label} was already paired with this key; nothing changed."
RE_PAIRED = "{label} now has their new key. Exports signed with the old key are no longer accepted."
KEY_CHANGED_HEADING = "This is a different key"
RE_PAIR = "I compared the safety number: re-pair"
BACK = "Back"
PROTECT_HEADING = "Protect your key with a passphrase"
PROTECT_HELP = ("Optional. With a passphrase, a copy of this folder is useless without it; you type it once each "
                "time the app starts, before importing.")
PROTECT_STATE_OFF = "Your key is not protected by a passphrase (the file is readable by your user account only)."
PROTECT_STATE_LOCKED = "Your key is protected by a passphrase and locked."
PROTECT_STATE_UNLOCKED = "Your key is protected by a passphrase and unlocked while the app runs."
PROTECT_PASSPHRASE = "Passphrase (at least 6 words)"
PROTECT_SUGGESTED = "A suggested passphrase is filled in: write it down and keep it apart from this device."
PROTECT_BUTTON = "Protect the key"
PROTECT_WORKING = "Working… (this takes a few seconds)"
PROTECTED = "The key is protected. Keep the passphrase safe: without it no export made for you can be opened."
UNPROTECT_BUTTON = "Remove the protection"
UNPROTECTED = "The key is stored without a passphrase again."
DATA_FOLDER = "Data folder"
DATA_FOLDER_HELP = "Start the app with --clinician --home DIR to keep a caseload somewhere else."
PATIENTS_COUNT = "{n} paired patients."
PRIVACY_HEADING = "What happens to the data"
PRIVACY_TEXT = ("Everything stays in the data folder on this device. The app makes no network connection; "
                "patients' data arrives only in files they give you, and leaves only in files you save.")

# Research export (from the caseload)
RESEARCH_HEADING = "Research export"
RESEARCH_HELP = ("A de-identified data set of the selected patients (or everyone): tidy CSV files with a codebook, and "
                 "FHIR R4 bundles. Patients appear only as study ids; names and labels are never written.")
RESEARCH_DATE_SHIFT = "Shift dates (whole weeks, per patient)"
RESEARCH_NOTES = "Include notes and comments"
RESEARCH_FHIR = "Also write FHIR R4 bundles"
RESEARCH_BUTTON = "Make the research data set"
RESEARCH_WORKING = "Writing the data set of {n} patients…"
RESEARCH_DONE = "Wrote the data set of {n} {patients} to {path}. See README.md and codebook.csv there.{salt}"
RESEARCH_SALT_MADE = (" A new salt file was made at {path}: keep it in the clinic and back it up (the same salt gives "
                      "the same study ids next time); never send it with the data.")
RESEARCH_FAILED = "The data set was not written: {reason}"
