"""The schema, as numbered migrations. PRAGMA user_version holds the number applied.

A release never edits a migration that has shipped: it appends a new one. tests/data/ keeps a database
file made by every released schema version, and tests check each upgrades with every row intact.
CHECK constraints repeat the domain's validation so that no path into the file can store a value the
app would refuse.
"""

# The values the released migrations were made with, frozen here: a migration that has shipped must
# build the same schema forever, so it never reads today's domain constants. A new region or a longer
# note needs a new migration (tests/storage/test_migrations.py says so when the domain moves on).
REGIONS_V1 = ("jaw_left", "jaw_right", "shoulder_left", "shoulder_right", "upper_arm_left", "upper_arm_right",
              "lower_arm_left", "lower_arm_right", "hip_left", "hip_right", "upper_leg_left", "upper_leg_right",
              "lower_leg_left", "lower_leg_right", "neck", "upper_back", "lower_back", "chest", "abdomen")
NOTE_MAX_CHARS_V1 = 2000
ACTIVITY_MAX_MIN_V1 = 600

_REGION_LIST = ", ".join(f"'{r}'" for r in REGIONS_V1)


def _scale(name: str) -> str:
    return f"{name} INTEGER CHECK ({name} IS NULL OR ({name} BETWEEN 0 AND 10 AND typeof({name}) = 'integer'))"


def _minutes(name: str) -> str:
    return (
        f"{name} INTEGER CHECK ({name} IS NULL OR ({name} BETWEEN 0 AND {ACTIVITY_MAX_MIN_V1}"
        f" AND typeof({name}) = 'integer'))"
    )


V1 = [
    """CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    f"""CREATE TABLE checkin (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
        day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        recorded_at TEXT NOT NULL,
        extra INTEGER NOT NULL DEFAULT 0 CHECK (extra IN (0, 1)),
        {_scale("pain")},
        no_pain INTEGER NOT NULL DEFAULT 0 CHECK (no_pain IN (0, 1)),
        {_scale("fatigue")},
        {_scale("stress")},
        {_scale("sleep_quality")},
        sleep_hours REAL CHECK (sleep_hours IS NULL OR sleep_hours BETWEEN 0 AND 24),
        {_minutes("light_min")},
        {_minutes("moderate_min")},
        {_minutes("vigorous_min")},
        strength INTEGER CHECK (strength IS NULL OR strength IN (0, 1)),
        {_scale("worry")},
        flare INTEGER NOT NULL DEFAULT 0 CHECK (flare IN (0, 1)),
        note TEXT CHECK (note IS NULL OR length(note) <= {NOTE_MAX_CHARS_V1}),
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX checkin_day ON checkin(day, recorded_at)",
    f"""CREATE TABLE checkin_region (
        checkin_id TEXT NOT NULL REFERENCES checkin(id) ON DELETE CASCADE,
        region TEXT NOT NULL CHECK (region IN ({_REGION_LIST})),
        {_scale("intensity")},
        PRIMARY KEY (checkin_id, region)
    ) WITHOUT ROWID""",
]

_LEVEL_COLUMNS = ("level_m2", "level_m1", "level_0", "level_p1", "level_p2")

# Goals, their ratings (kept forever: a correction is a new row) and the activity plan.
V2 = [
    f"""CREATE TABLE goal (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
        type TEXT NOT NULL CHECK (type IN ('main', 'intermediate')),
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        measure TEXT CHECK (measure IS NULL OR length(measure) <= 500),
        baseline TEXT CHECK (baseline IS NULL OR length(baseline) <= 500),
        target TEXT CHECK (target IS NULL OR length(target) <= 500),
        start_date TEXT NOT NULL,
        target_date TEXT CHECK (target_date IS NULL OR target_date >= start_date),
        main_goal_id TEXT REFERENCES goal(id) ON DELETE CASCADE,
        {", ".join(f"{c} TEXT CHECK ({c} IS NULL OR length({c}) <= 200)" for c in _LEVEL_COLUMNS)},
        baseline_level INTEGER NOT NULL DEFAULT -1 CHECK (baseline_level IN (-1, -2)),
        weight REAL NOT NULL DEFAULT 1 CHECK (weight > 0 AND weight <= 10),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((type = 'intermediate') = (main_goal_id IS NOT NULL)),
        CHECK ((level_m2 IS NULL) = (level_p2 IS NULL) AND (level_m1 IS NULL) = (level_0 IS NULL)
               AND (level_0 IS NULL) = (level_p1 IS NULL) AND (level_m2 IS NULL) = (level_0 IS NULL))
    )""",
    """CREATE TABLE goal_rating (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
        goal_id TEXT NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
        rated_on TEXT NOT NULL,
        rater TEXT NOT NULL CHECK (rater IN ('patient', 'physiotherapist')),
        level INTEGER CHECK (level IS NULL OR (level BETWEEN -2 AND 2 AND typeof(level) = 'integer')),
        category TEXT NOT NULL CHECK (category IN ('fully', 'partially', 'not')),
        comment TEXT CHECK (comment IS NULL OR length(comment) <= 1000),
        recorded_at TEXT NOT NULL
    )""",
    "CREATE INDEX goal_rating_goal ON goal_rating(goal_id, rated_on, recorded_at)",
    """CREATE TABLE plan_activity (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        intensity TEXT NOT NULL CHECK (intensity IN ('light', 'moderate', 'vigorous', 'strength')),
        minutes INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 5 AND 300),
        times_per_week INTEGER NOT NULL CHECK (times_per_week BETWEEN 1 AND 14),
        goal_id TEXT REFERENCES goal(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL
    )""",
]

# Questionnaires: raw answers with the instrument version and options, the score beside them (never
# instead of them), drafts to resume, per-patient schedules, and clinic-supplied wording.
V3 = [
    """CREATE TABLE questionnaire_response (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
        instrument_id TEXT NOT NULL CHECK (length(instrument_id) BETWEEN 1 AND 32),
        version TEXT NOT NULL,
        options TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options)),
        answers TEXT NOT NULL CHECK (json_valid(answers) AND json_type(answers) = 'array'),
        status TEXT NOT NULL CHECK (status IN ('draft', 'complete')),
        started_at TEXT NOT NULL,
        completed_at TEXT,
        valid INTEGER CHECK (valid IS NULL OR valid IN (0, 1)),
        total REAL,
        total_rounded INTEGER,
        band TEXT,
        subscales TEXT CHECK (subscales IS NULL OR json_valid(subscales)),
        subscale_bands TEXT CHECK (subscale_bands IS NULL OR json_valid(subscale_bands)),
        flags TEXT CHECK (flags IS NULL OR json_valid(flags)),
        n_answered INTEGER,
        n_missing INTEGER,
        prorated INTEGER,
        scoring_rule_id TEXT,
        details TEXT CHECK (details IS NULL OR json_valid(details)),
        CHECK ((status = 'complete') = (completed_at IS NOT NULL AND valid IS NOT NULL))
    )""",
    "CREATE INDEX questionnaire_response_instrument ON questionnaire_response(instrument_id, status, completed_at)",
    """CREATE TABLE questionnaire_schedule (
        instrument_id TEXT PRIMARY KEY,
        every_days INTEGER NOT NULL CHECK (every_days BETWEEN 1 AND 365),
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1))
    )""",
    """CREATE TABLE instrument_wording (
        instrument_id TEXT NOT NULL,
        language TEXT NOT NULL,
        version TEXT NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body)),
        added_at TEXT NOT NULL,
        PRIMARY KEY (instrument_id, language)
    )""",
]

# The physiotherapist loop (issue 6). A home is a patient's or a clinician's (meta "role"); each uses
# its own tables and leaves the other's empty.
# Patient side: the paired recipients (physiotherapist, research team) and a log of exports whose seq
# only grows (the row is committed before the file is written, so a seq is never used twice).
# Clinician side: pinned patients, one snapshot of each patient's latest export (tables keyed by
# patient_id, replaced per export period in one transaction), the physiotherapist's own goal ratings
# (never touched by an import) and a log of every import attempt (no content: hashes, counts, outcome).
_FP = "CHECK (length({0}) = 64 AND {0} NOT GLOB '*[^0-9a-f]*')"
V4 = [
    f"""CREATE TABLE recipient (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL UNIQUE CHECK (length(label) BETWEEN 1 AND 80),
        public_key TEXT NOT NULL CHECK (public_key GLOB 'DIARY-BOX1:*'),
        fingerprint TEXT NOT NULL UNIQUE {_FP.format("fingerprint")},
        paired_at TEXT NOT NULL
    )""",
    """CREATE TABLE export_log (
        seq INTEGER PRIMARY KEY CHECK (seq BETWEEN 1 AND 2147483647),
        export_id TEXT NOT NULL UNIQUE CHECK (length(export_id) = 36),
        created_at TEXT NOT NULL,
        period_start TEXT,
        period_end TEXT,
        mode TEXT NOT NULL CHECK (mode IN ('sealed', 'passphrase')),
        notes_included INTEGER NOT NULL CHECK (notes_included IN (0, 1)),
        status TEXT NOT NULL CHECK (status IN ('started', 'written', 'failed')),
        files INTEGER CHECK (files IS NULL OR files >= 0),
        total_bytes INTEGER CHECK (total_bytes IS NULL OR total_bytes >= 0)
    )""",
    f"""CREATE TABLE export_recipient (
        seq INTEGER NOT NULL REFERENCES export_log(seq) ON DELETE CASCADE,
        fingerprint TEXT NOT NULL {_FP.format("fingerprint")},
        label TEXT NOT NULL,
        PRIMARY KEY (seq, fingerprint)
    ) WITHOUT ROWID""",
    f"""CREATE TABLE patient (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL UNIQUE CHECK (length(label) BETWEEN 1 AND 80),
        record_key TEXT NOT NULL UNIQUE {_FP.format("record_key")},
        signing_key TEXT NOT NULL CHECK (signing_key GLOB 'DIARY-SIG1:*'),
        fingerprint TEXT NOT NULL UNIQUE {_FP.format("fingerprint")},
        paired_at TEXT NOT NULL,
        last_seq INTEGER CHECK (last_seq IS NULL OR last_seq >= 1),
        last_payload_sha256 TEXT,
        last_export_id TEXT,
        exported_at TEXT,
        period_start TEXT,
        period_end TEXT,
        notes_included INTEGER CHECK (notes_included IS NULL OR notes_included IN (0, 1)),
        imported_at TEXT,
        CHECK ((last_seq IS NULL) = (last_payload_sha256 IS NULL))
    )""",
    f"""CREATE TABLE patient_checkin (
        patient_id INTEGER NOT NULL REFERENCES patient(id) ON DELETE CASCADE,
        id TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
        day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        recorded_at TEXT NOT NULL,
        extra INTEGER NOT NULL DEFAULT 0 CHECK (extra IN (0, 1)),
        {_scale("pain")},
        no_pain INTEGER NOT NULL DEFAULT 0 CHECK (no_pain IN (0, 1)),
        {_scale("fatigue")},
        {_scale("stress")},
        {_scale("sleep_quality")},
        sleep_hours REAL CHECK (sleep_hours IS NULL OR sleep_hours BETWEEN 0 AND 24),
        {_minutes("light_min")},
        {_minutes("moderate_min")},
        {_minutes("vigorous_min")},
        strength INTEGER CHECK (strength IS NULL OR strength IN (0, 1)),
        {_scale("worry")},
        flare INTEGER NOT NULL DEFAULT 0 CHECK (flare IN (0, 1)),
        note TEXT CHECK (note IS NULL OR length(note) <= {NOTE_MAX_CHARS_V1}),
        PRIMARY KEY (patient_id, id)
    ) WITHOUT ROWID""",
    "CREATE INDEX patient_checkin_day ON patient_checkin(patient_id, day)",
    f"""CREATE TABLE patient_checkin_region (
        patient_id INTEGER NOT NULL,
        checkin_id TEXT NOT NULL,
        region TEXT NOT NULL CHECK (region IN ({_REGION_LIST})),
        {_scale("intensity")},
        PRIMARY KEY (patient_id, checkin_id, region),
        FOREIGN KEY (patient_id, checkin_id) REFERENCES patient_checkin(patient_id, id) ON DELETE CASCADE
    ) WITHOUT ROWID""",
    """CREATE TABLE patient_questionnaire (
        patient_id INTEGER NOT NULL REFERENCES patient(id) ON DELETE CASCADE,
        id TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
        instrument_id TEXT NOT NULL CHECK (length(instrument_id) BETWEEN 1 AND 32),
        version TEXT NOT NULL,
        answered_at TEXT NOT NULL,
        answers TEXT NOT NULL CHECK (json_valid(answers) AND json_type(answers) = 'array'),
        valid INTEGER NOT NULL CHECK (valid IN (0, 1)),
        total REAL,
        total_rounded INTEGER,
        band TEXT,
        subscales TEXT NOT NULL CHECK (json_valid(subscales)),
        subscale_bands TEXT NOT NULL CHECK (json_valid(subscale_bands)),
        flags TEXT NOT NULL CHECK (json_valid(flags) AND json_type(flags) = 'array'),
        n_answered INTEGER NOT NULL,
        n_missing INTEGER NOT NULL,
        prorated INTEGER NOT NULL CHECK (prorated IN (0, 1)),
        scoring_rule_id TEXT NOT NULL,
        details TEXT NOT NULL CHECK (json_valid(details)),
        PRIMARY KEY (patient_id, id)
    ) WITHOUT ROWID""",
    "CREATE INDEX patient_questionnaire_latest ON patient_questionnaire(patient_id, instrument_id, answered_at)",
    f"""CREATE TABLE patient_goal (
        patient_id INTEGER NOT NULL REFERENCES patient(id) ON DELETE CASCADE,
        id TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
        type TEXT NOT NULL CHECK (type IN ('main', 'intermediate')),
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        measure TEXT CHECK (measure IS NULL OR length(measure) <= 500),
        baseline TEXT CHECK (baseline IS NULL OR length(baseline) <= 500),
        target TEXT CHECK (target IS NULL OR length(target) <= 500),
        start_date TEXT NOT NULL,
        target_date TEXT CHECK (target_date IS NULL OR target_date >= start_date),
        main_goal_id TEXT,
        {", ".join(f"{c} TEXT CHECK ({c} IS NULL OR length({c}) <= 200)" for c in _LEVEL_COLUMNS)},
        baseline_level INTEGER NOT NULL DEFAULT -1 CHECK (baseline_level IN (-1, -2)),
        weight REAL NOT NULL DEFAULT 1 CHECK (weight > 0 AND weight <= 10),
        position INTEGER NOT NULL,
        CHECK ((type = 'intermediate') = (main_goal_id IS NOT NULL)),
        PRIMARY KEY (patient_id, id),
        FOREIGN KEY (patient_id, main_goal_id) REFERENCES patient_goal(patient_id, id)
            ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
    ) WITHOUT ROWID""",
    """CREATE TABLE patient_goal_rating (
        patient_id INTEGER NOT NULL REFERENCES patient(id) ON DELETE CASCADE,
        id TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
        goal_id TEXT NOT NULL,
        rated_on TEXT NOT NULL,
        rater TEXT NOT NULL CHECK (rater IN ('patient', 'physiotherapist')),
        level INTEGER CHECK (level IS NULL OR (level BETWEEN -2 AND 2 AND typeof(level) = 'integer')),
        category TEXT NOT NULL CHECK (category IN ('fully', 'partially', 'not')),
        comment TEXT CHECK (comment IS NULL OR length(comment) <= 1000),
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (patient_id, id),
        FOREIGN KEY (patient_id, goal_id) REFERENCES patient_goal(patient_id, id) ON DELETE CASCADE
    ) WITHOUT ROWID""",
    "CREATE INDEX patient_goal_rating_goal ON patient_goal_rating(patient_id, goal_id, rated_on, recorded_at)",
    """CREATE TABLE patient_plan_activity (
        patient_id INTEGER NOT NULL REFERENCES patient(id) ON DELETE CASCADE,
        id TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
        position INTEGER NOT NULL,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        intensity TEXT NOT NULL CHECK (intensity IN ('light', 'moderate', 'vigorous', 'strength')),
        minutes INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 5 AND 300),
        times_per_week INTEGER NOT NULL CHECK (times_per_week BETWEEN 1 AND 14),
        goal_id TEXT,
        PRIMARY KEY (patient_id, id)
    ) WITHOUT ROWID""",
    """CREATE TABLE clinician_goal_rating (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
        patient_id INTEGER NOT NULL REFERENCES patient(id) ON DELETE CASCADE,
        goal_id TEXT NOT NULL,
        rated_on TEXT NOT NULL,
        level INTEGER CHECK (level IS NULL OR (level BETWEEN -2 AND 2 AND typeof(level) = 'integer')),
        category TEXT NOT NULL CHECK (category IN ('fully', 'partially', 'not')),
        comment TEXT CHECK (comment IS NULL OR length(comment) <= 1000),
        recorded_at TEXT NOT NULL
    )""",
    "CREATE INDEX clinician_goal_rating_goal ON clinician_goal_rating(patient_id, goal_id, rated_on, recorded_at)",
    """CREATE TABLE import_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        file_sha256 TEXT CHECK (file_sha256 IS NULL OR length(file_sha256) = 64),  -- NULL: not read (too large)
        file_size INTEGER CHECK (file_size IS NULL OR file_size >= 0),
        outcome TEXT NOT NULL
            CHECK (outcome IN ('imported', 'updated', 'already_imported', 'stale', 'conflict', 'refused')),
        category TEXT CHECK (category IS NULL OR length(category) <= 32),
        export_id TEXT CHECK (export_id IS NULL OR length(export_id) = 36),
        seq INTEGER,
        signer_fingerprint TEXT CHECK (signer_fingerprint IS NULL OR length(signer_fingerprint) = 64),
        patient_id INTEGER,
        counts TEXT CHECK (counts IS NULL OR json_valid(counts)),
        warnings TEXT CHECK (warnings IS NULL OR json_valid(warnings)),
        CHECK ((outcome IN ('refused', 'stale', 'conflict')) = (category IS NOT NULL))
    )""",
]

# A day's minutes per intensity (issue 15): a day has 1,440 minutes, so the patient's check-ins of one
# day may not add up to more of one intensity. The service refuses first, with a sentence; these
# triggers keep any other path from storing such a day. They judge only what a write adds, so a day
# stored before the cap existed can still be corrected (or have minutes taken away). The clinician's
# copies (patient_checkin) are left alone: an export made before the cap still imports.
DAY_MINUTES_MAX_V5 = 1440
_MINUTE_COLUMNS_V5 = ("light_min", "moderate_min", "vigorous_min")


def _adds_past_the_day(column: str, *, update: bool) -> str:
    kept = f"CASE WHEN OLD.day = NEW.day THEN coalesce(OLD.{column}, 0) ELSE 0 END" if update else "0"
    others = "AND id != OLD.id" if update else ""
    return (f"(coalesce(NEW.{column}, 0) > {kept} AND coalesce(NEW.{column}, 0) + (SELECT coalesce(sum({column}), 0) "
            f"FROM checkin WHERE day = NEW.day {others}) > {DAY_MINUTES_MAX_V5})")


V5 = [
    f"""CREATE TRIGGER checkin_day_minutes_insert BEFORE INSERT ON checkin
    WHEN {" OR ".join(_adds_past_the_day(c, update=False) for c in _MINUTE_COLUMNS_V5)}
    BEGIN SELECT RAISE(ABORT, 'a day has at most {DAY_MINUTES_MAX_V5} minutes of each intensity'); END""",
    f"""CREATE TRIGGER checkin_day_minutes_update BEFORE UPDATE OF day, {", ".join(_MINUTE_COLUMNS_V5)} ON checkin
    WHEN {" OR ".join(_adds_past_the_day(c, update=True) for c in _MINUTE_COLUMNS_V5)}
    BEGIN SELECT RAISE(ABORT, 'a day has at most {DAY_MINUTES_MAX_V5} minutes of each intensity'); END""",
]

# The body-map tables again (issue 17, P6): `region IN (… 19 names …)` cost SQLite about 3 µs a row an
# executemany inserts, most of an import's body-map time; the same rule as a CASE took an import's 1,318
# rows from 5.7 to 1.9 ms (measured). Same names, same meaning (a region outside the list is refused);
# the tables are rebuilt, every row copied, inside the migration's one transaction.
_REGION_KNOWN_V6 = "CASE region " + " ".join(f"WHEN '{r}' THEN 1" for r in REGIONS_V1) + " ELSE 0 END"
V6 = [
    f"""CREATE TABLE checkin_region_v6 (
        checkin_id TEXT NOT NULL REFERENCES checkin(id) ON DELETE CASCADE,
        region TEXT NOT NULL CHECK ({_REGION_KNOWN_V6}),
        {_scale("intensity")},
        PRIMARY KEY (checkin_id, region)
    ) WITHOUT ROWID""",
    "INSERT INTO checkin_region_v6 (checkin_id, region, intensity) SELECT checkin_id, region, intensity"
    " FROM checkin_region ORDER BY checkin_id, region",
    "DROP TABLE checkin_region",
    "ALTER TABLE checkin_region_v6 RENAME TO checkin_region",
    f"""CREATE TABLE patient_checkin_region_v6 (
        patient_id INTEGER NOT NULL,
        checkin_id TEXT NOT NULL,
        region TEXT NOT NULL CHECK ({_REGION_KNOWN_V6}),
        {_scale("intensity")},
        PRIMARY KEY (patient_id, checkin_id, region),
        FOREIGN KEY (patient_id, checkin_id) REFERENCES patient_checkin(patient_id, id) ON DELETE CASCADE
    ) WITHOUT ROWID""",
    "INSERT INTO patient_checkin_region_v6 (patient_id, checkin_id, region, intensity)"
    " SELECT patient_id, checkin_id, region, intensity FROM patient_checkin_region"
    " ORDER BY patient_id, checkin_id, region",
    "DROP TABLE patient_checkin_region",
    "ALTER TABLE patient_checkin_region_v6 RENAME TO patient_checkin_region",
]

# Index i holds the statements that take the schema from version i to i + 1.
MIGRATIONS: list[list[str]] = [V1, V2, V3, V4, V5, V6]
LATEST_VERSION = len(MIGRATIONS)
