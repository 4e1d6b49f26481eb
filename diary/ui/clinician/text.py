"""Every string of the clinician's side of the app (a physiotherapist's caseload): English source messages
that read in the current language (see diary/ui/text.py for how to add one). The patient's side keeps its
strings in diary/ui/text.py; the few words both sides share (chart titles, category names, the theme) are
read from there."""

from diary.i18n.messages import N_, P_, lazy_catalogue

APP_TITLE = N_("Diary — caseload")

# Navigation
NAV_CASELOAD = N_("Caseload")
NAV_IMPORT = N_("Import")
NAV_SETTINGS = N_("Settings")

# Caseload
CASELOAD_HEADING = N_("Caseload")
CASELOAD_COUNT = N_("{n} patients · {flagged} flagged")
CASELOAD_COUNT_ONE = N_("1 patient · {flagged} flagged")
CASELOAD_SHOWN = N_("Showing {first}–{last} of {n}")
CASELOAD_NONE_MATCH = N_("No patient matches. Clear the search or show all patients.")
SEARCH = N_("Search by label")
SHOW = N_("Show")
SHOW_ALL = N_("All patients")
SHOW_FLAGGED = N_("Any flag")
SORT = N_("Sort by")
SORT_NAMES = {
    "label": N_("Label"),
    "last_export": N_("Last export"),
    "days_logged": N_("Days logged"),
    "main_goal": N_("Main goal"),
    "phq15": N_("PHQ-15"),
    "phq15_change": N_("PHQ-15 change"),
    "flags": N_("Flags"),
}
ASCENDING = N_("Ascending")
DESCENDING = N_("Descending")
SORT_DIRECTION = N_("Sort direction: {direction}")
PREVIOUS_PAGE = N_("Previous")
NEXT_PAGE = N_("Next")
SELECT_PATIENT = N_("Select {label} for the trial figure")
OPEN_PATIENT = N_("Open {label}")
COLUMN_PATIENT = N_("Patient")
COLUMN_EXPORT = N_("Last export")
COLUMN_DAYS = N_("Days logged (14)")
COLUMN_GOAL = N_("Main goal")
COLUMN_PHQ15 = N_("PHQ-15")
COLUMN_FLAGS = N_("Flags")
NO_EXPORT = N_("No export yet")
EXPORT_LINE = N_("Export {day} · {period}")
PERIOD_EVERYTHING = N_("everything to {end}")
PERIOD_RANGE = N_("{start} to {end}")
DAYS_LOGGED = N_("{n} of 14 days logged")
DAYS_SHORT = N_("{n} of 14")
LAST_DAY = N_("last entry {day}")
NO_GOAL = N_("No main goal")
GOAL_NOT_RATED = N_("not rated yet")
GOAL_LINE = N_("{title}: {category}")
GOAL_RATED_BY = N_("{category} ({rater})")
GOAL_RATERS_SHORT = {"patient": N_("patient"), "physiotherapist": N_("physio")}
TREND_WORDS = {"improving": N_("improving"), "worsening": N_("worsening"), "no_change": N_("no change")}
PHQ15_NONE = N_("No PHQ-15")
PHQ15_LINE = N_("PHQ-15 {score}")
PHQ15_PRORATED = N_("PHQ-15 {score}, prorated")
PHQ15_EXACT = N_("Prorated for unanswered items: exactly {score}")
PHQ15_EXACT_CHANGE = N_("Prorated for unanswered items: exactly {score}, {change} since the one before")
PHQ15_CHANGE = N_("{sign}{change} since the one before")
PHQ15_CHANGE_SHORT = N_("({sign}{change})")
PHQ15_NO_CHANGE = N_("no change")
NO_FLAGS = N_("No flags")
FLAG_ICON_LABEL = N_("Flag")

# Trial figure
TRIAL_HEADING = N_("The trial's figure")
TRIAL_FOR_ALL = N_("For all {n} patients")
TRIAL_FOR_THE_ONE = N_("For the 1 patient in the caseload")
TRIAL_FOR_SELECTED = N_("For the {n} selected patients")
TRIAL_FOR_ONE = N_("For the 1 selected patient")
TRIAL_WORKING = N_("Working it out…")
TRIAL_FAILED = N_("The figure could not be worked out: {reason}")
TRIAL_MAIN = N_("Main goal fully attained: {itt} of patients with a main goal · {complete} of those rated")
TRIAL_INTERMEDIATE = (N_("All intermediate goals fully attained: {itt} of patients with a main goal · {complete} of "
                      "those with every intermediate goal rated"))
TRIAL_DENOMINATORS = (N_("Intention to treat counts every patient with a main goal (unrated = not attained); the "
                      "second figure counts complete cases only."))
TRIAL_DEFINITION = N_("Ratings counted: {rater}. Assessment: each patient's latest rating of their current main goal.")
TRIAL_RATERS_USED = N_("{rater}: {n}")
TRIAL_RATER = N_("Ratings counted")
TRIAL_RATERS = {"physiotherapist_else_patient": N_("Physiotherapist, else patient"),
                "physiotherapist": N_("Physiotherapist only"), "patient": N_("Patient only")}
TRIAL_RULE_WORDS = {"physiotherapist_else_patient": N_("the physiotherapist's, else the patient's"),
                    "physiotherapist": N_("the physiotherapist's"), "patient": N_("the patient's")}
TRIAL_RATER_NAMES = {"patient": N_("patient's"), "physiotherapist": N_("physiotherapist's")}
TRIAL_NOBODY_RATED = N_("no ratings yet")
SELECT_SHOWN = N_("Select the shown patients")
CLEAR_SELECTION = N_("Clear the selection")
SELECTED = P_("{n} selected", "{n} selected")

# Empty caseload
EMPTY_HEADING = N_("No patients yet")
EMPTY_STEPS = [
    N_("1. Meet the patient. In Settings, show them your key (as text or QR code); they add it on their Share screen."),
    N_("2. In Settings, paste the patient's key (from their Share screen), compare the safety number with theirs, "
    "and give them a label."),
    N_("3. The patient makes an export for you on their Share screen and gives you the file."),
    N_("4. Open the file in Import. The patient then appears here."),
]
GO_TO_SETTINGS = N_("Pair a patient")
GO_TO_IMPORT = N_("Import files")

# Patient
BACK_TO_CASELOAD = N_("Back to the caseload")
PATIENT_EXPORT = N_("Latest export made {day}, covering {period}; imported {imported}.")
PATIENT_NO_EXPORT = N_("Paired {day}; no export imported yet. Ask the patient to make one for you.")
NOTES_LEFT_OUT = N_("The patient left their notes out of this export.")
FLAGS_HEADING = N_("Flags")
GOALS_HEADING = N_("Goals")
GOALS_NONE = N_("The patient has not set any goals yet.")
T_SCORE = N_("From the {rater} ratings: main goal {main} · T-score of the intermediate goals {value} (50 = as expected)")
T_SCORE_BY = (N_("T-score of the intermediate goals by rater: patient {patient} · physiotherapist {physio}. The main "
              "goal is reported on its own, not in the T-score."))
T_SCORE_NONE = N_("Goal attainment: no goal rated yet")
MAIN_NOT_RATED = N_("not rated")
NOT_AVAILABLE = N_("–")
GOAL_TYPES = {"main": N_("Main goal"), "intermediate": N_("Step towards the main goal")}
GOAL_LEVELS_HINT = N_("Levels: {levels}")
RATINGS_NONE = N_("Not rated yet.")
RATING_LINE = N_("{day} · {who} · {what}")
RATERS = {"patient": N_("Patient"), "physiotherapist": N_("Physiotherapist (in the patient's app)")}
RATER_YOU = N_("You (this clinic)")
SHOW_ALL_RATINGS = N_("Show all {n} ratings")
SHOW_FEWER_RATINGS = N_("Show the latest {n}")
RATE_GOAL = N_("Add your rating")
RATE_GOAL_OF = N_("Add your rating of {title}")
YOUR_RATING_HEADING = N_("Your rating of \"{title}\"")
YOUR_RATING_HELP = N_("Kept in this caseload as yours, apart from the patient's; included in research exports.")
RATING_DATE = N_("Date (YYYY-MM-DD)")
RATING_COMMENT = N_("Comment (optional)")
SAVE_RATING = N_("Save my rating")
CANCEL = N_("Cancel")
CHOOSE_LEVEL = N_("Choose a level first.")
BAD_RATING_DATE = N_("The date must look like 2026-03-15 (got {value}).")
RATING_SAVED = N_("Saved your rating of \"{title}\": {what}.")
PLAN_HEADING = N_("Activity plan and adherence")
PLAN_NONE = N_("No activity plan in this export.")
PLAN_WEEK = N_("Week of {day}: {done} of {expected}")
PLAN_WEEK_NOTHING = N_("Week of {day}: nothing expected (flare or rest days)")
PLAN_SO_FAR = N_(" (so far)")
PLAN_WEEK_FLARES = P_(" · {n} flare day left out", " · {n} flare days left out")
CHARTS_HEADING = N_("Trends")
CHARTS_DRAWING = N_("Drawing the charts…")
CHARTS_EMPTY = N_("No diary entries in this export yet.")
CHARTS_FAILED = N_("The charts could not be drawn: {reason}")
QUESTIONNAIRES_HEADING = N_("Questionnaires")
QUESTIONNAIRES_NONE = N_("No questionnaire results in this export.")
QUESTIONNAIRE_LATEST = N_("{score}{band} on {day}")
QUESTIONNAIRE_BASELINE = N_("First: {score}{band} on {day} · change {change}")
QUESTIONNAIRE_ONLY_ONE = N_("Answered once so far")
PDF_HEADING = N_("One-page summary")
PDF_HELP = N_("A one-page PDF of the chosen period for the patient's notes.")
PDF_BUTTON = N_("One-page PDF")
PDF_SAVE_TITLE = N_("Save the summary")
PDF_MAKING = N_("Making the PDF…")
PDF_SAVED = N_("Saved the summary as {path}.")
PDF_DOWNLOADED = N_("The summary was handed to your browser as {name}.")
PDF_CANCELLED = N_("Not saved.")
PDF_SAVED_LOCALLY = N_("This device could not open a save dialog, so the summary was saved in the data folder: {path}")
PDF_FAILED = N_("The summary could not be made: {reason}")
PATIENT_GONE = N_("This patient is no longer in the caseload.")
RENAME = N_("Rename")
RENAME_LABEL = N_("New label")
RENAMED = N_("Renamed to {label}.")

# Import
IMPORT_HEADING = N_("Import exports")
IMPORT_HELP = (N_("Open the export files your patients gave you. Each file is checked (who signed it, that it was "
               "made for your key and not changed) before anything is stored; a file imported twice changes "
               "nothing."))
IMPORT_PASSPHRASE = N_("Passphrase (only for passphrase files)")
IMPORT_PASSPHRASE_HELP = N_("Leave empty for files made for your key.")
PICK_FILES = N_("Choose export files")
PICK_TITLE = N_("Choose the patients' export files")
IMPORT_NO_DIALOG = (N_("This device could not open a file dialog. Import from the terminal instead: "
                    "diary --clinician import FILE…"))
FILE_NOT_GIVEN = N_("The file {name} could not be read here; nothing was imported. Choose it again.")
IMPORT_NONE_CHOSEN = N_("No file was chosen.")
IMPORTING = N_("Importing {done} of {total}…")
SUMMARY_PARTS = {"imported": P_("{n} imported", "{n} imported"), "already": P_("{n} already here", "{n} already here"),
                 "superseded": P_("{n} superseded", "{n} superseded"), "refused": P_("{n} refused", "{n} refused")}
OUTCOME_NAMES = {
    "imported": N_("Imported"),
    "updated": N_("Newer export: replaced the older one"),
    "already_imported": N_("Already here"),
    "stale": N_("Superseded: a newer export is already here"),
    "conflict": N_("Refused: same number, different content"),
    "refused": N_("Refused"),
}
CATEGORY_NAMES = {
    "too_large": N_("too large"),
    "not_an_export": N_("not an export"),
    "unsupported_version": N_("unknown version"),
    "kdf_limits": N_("unusual protection"),
    "cannot_open": N_("cannot be opened"),
    "passphrase_needed": N_("passphrase needed"),
    "wrong_passphrase": N_("wrong passphrase"),
    "malformed": N_("damaged"),
    "unknown_sender": N_("not paired"),
    "bad_signature": N_("bad signature"),
    "not_canonical": N_("changed after it was made"),
    "invalid_content": N_("invalid content"),
    "not_addressed_to_you": N_("made for another key"),
    "stale": N_("older export"),
    "conflict": N_("conflicting export"),
    "unreadable": N_("cannot be read"),
}
RESULT_LINE = N_("{name}: {outcome}")
RESULT_LINE_CATEGORY = N_("{name}: {outcome} ({category})")
FILE_UNNAMED = N_("file {n}")
KEY_LOCKED_HELP = N_("Your key is protected by a passphrase. Unlock it to import.")
UNLOCK = N_("Unlock")
KEY_PASSPHRASE = N_("Your key's passphrase")
UNLOCKED = N_("Unlocked for as long as the app runs.")
LOG_HEADING = N_("Import log")
LOG_HELP = (N_("Every attempt, newest first. The log keeps no content: only when, which file (by its checksum), and "
            "what happened."))
LOG_EMPTY = N_("Nothing imported yet.")
LOG_LINE = N_("{when} · file {sha} ({size}) · {outcome}{category}{who}")
LOG_WHO = N_(" · {label}")
LOG_NOT_READ = N_("not read")

# Settings
SETTINGS_HEADING = N_("Settings")
OWN_KEY_HEADING = N_("Your clinic's key")
OWN_KEY_HELP = (N_("Patients add this key on their Share screen (paste the text or scan the QR code), so that their "
                "exports can be opened only here. It is not secret; the private half never leaves this folder."))
PAIR_HEADING = N_("Pair a patient")
PAIR_HELP = (N_("Do this together, in person. On their Share screen the patient shows their key: paste it here (or "
             "open a key file), then compare the safety number with the one on their screen."))
THEIR_KEY = N_("Patient's key")
THEIR_LABEL = N_("Label for the patient")
THEIR_LABEL_HINT = N_("e.g. initials and a number")
OPEN_KEY_FILE = N_("Open a key file")
KEY_FILE_PICK = N_("Choose the patient's key file")
NO_FILE_DIALOG = N_("This device could not open a file dialog. Paste the key text instead.")
KEY_EMPTY = N_("Paste the patient's key first (it starts with DIARY-SIG1:).")
LABEL_EMPTY = N_("Give the patient a label first: it names them in your caseload.")
CHECK_KEY = N_("Check the key")
COMPARE_HEADING = N_("Compare the safety number")
COMPARE_HELP = (N_("The patient's Share screen shows a safety number too. Read them aloud together: pair only if every "
                "digit matches."))
COMPARE_FINGERPRINT = N_("Their key's fingerprint starts {fp}")
COMPARE_LABEL = N_("They will be \"{label}\" in your caseload.")
ALREADY_PAIRED_AS = N_("This key is already paired as \"{label}\".")
NUMBERS_MATCH = N_("The numbers match: pair")
NUMBERS_DIFFER = N_("They differ: stop")
PAIR_CANCELLED = (N_("Not paired. If the numbers differed, the key may not be the patient's: ask them to show it "
                  "again."))
PAIRED = N_("Paired with {label}. Their exports can now be imported.")
ALREADY_PAIRED = N_("{label} was already paired with this key; nothing changed.")
RE_PAIRED = N_("{label} now has their new key. Exports signed with the old key are no longer accepted.")
KEY_CHANGED_HEADING = N_("This is a different key")
RE_PAIR = N_("I compared the safety number: re-pair")
BACK = N_("Back")
PROTECT_HEADING = N_("Protect your key with a passphrase")
PROTECT_HELP = (N_("Optional. With a passphrase, a copy of this folder is useless without it; you type it once each "
                "time the app starts, before importing."))
PROTECT_STATE_OFF = N_("Your key is not protected by a passphrase (the file is readable by your user account only).")
PROTECT_STATE_LOCKED = N_("Your key is protected by a passphrase and locked.")
PROTECT_STATE_UNLOCKED = N_("Your key is protected by a passphrase and unlocked while the app runs.")
PROTECT_PASSPHRASE = N_("Passphrase (at least 6 words)")
PROTECT_SUGGESTED = N_("A suggested passphrase is filled in: write it down and keep it apart from this device.")
PROTECT_BUTTON = N_("Protect the key")
PROTECT_WORKING = N_("Working… (this takes a few seconds)")
PROTECTED = N_("The key is protected. Keep the passphrase safe: without it no export made for you can be opened.")
UNPROTECT_BUTTON = N_("Remove the protection")
UNPROTECTED = N_("The key is stored without a passphrase again.")
DATA_FOLDER = N_("Data folder")
DATA_FOLDER_HELP = N_("Start the app with --clinician --home DIR to keep a caseload somewhere else.")
PATIENTS_COUNT = P_("{n} paired patient.", "{n} paired patients.")
PRIVACY_HEADING = N_("What happens to the data")
PRIVACY_TEXT = (N_("Everything stays in the data folder on this device. The app makes no network connection; "
                "patients' data arrives only in files they give you, and leaves only in files you save."))

# Research export (from the caseload)
RESEARCH_HEADING = N_("Research export")
RESEARCH_HELP = (N_("A de-identified data set of the selected patients (or everyone): tidy CSV files with a codebook, and "
                 "FHIR R4 bundles. Patients appear only as study ids; names and labels are never written."))
RESEARCH_DATE_SHIFT = N_("Shift dates (whole weeks, per patient)")
RESEARCH_NOTES = N_("Include notes and comments")
RESEARCH_FHIR = N_("Also write FHIR R4 bundles")
RESEARCH_BUTTON = N_("Make the research data set")
RESEARCH_WORKING = P_("Writing the data set of {n} patient…", "Writing the data set of {n} patients…")
RESEARCH_DONE = P_("Wrote the data set of {n} patient to {path}. See README.md and codebook.csv there.{salt}",
                   "Wrote the data set of {n} patients to {path}. See README.md and codebook.csv there.{salt}")
RESEARCH_SALT_MADE = (N_(" A new salt file was made at {path}: keep it in the clinic and back it up (the same salt gives "
                      "the same study ids next time); never send it with the data."))
RESEARCH_FAILED = N_("The data set was not written: {reason}")

# Words the screens' states put together (diary/ui/state/clinician.py)
RATING_WITH_LEVEL = N_("{category} (level {level}: {description})")
RATING_WITH_LEVEL_ONLY = N_("{category} (level {level})")

__getattr__, __dir__ = lazy_catalogue(globals())
