"""The schema, as numbered migrations. PRAGMA user_version holds the number applied.

A release never edits a migration that has shipped: it appends a new one. tests/data/ keeps a database
file made by every released schema version, and tests check each upgrades with every row intact.
CHECK constraints repeat the domain's validation so that no path into the file can store a value the
app would refuse.
"""

from diary.domain.entries import ACTIVITY_MAX_MIN
from diary.domain.regions import REGIONS
from diary.domain.text import NOTE_MAX_CHARS

_REGION_LIST = ", ".join(f"'{r}'" for r in REGIONS)


def _scale(name: str) -> str:
    return f"{name} INTEGER CHECK ({name} IS NULL OR ({name} BETWEEN 0 AND 10 AND typeof({name}) = 'integer'))"


def _minutes(name: str) -> str:
    return (
        f"{name} INTEGER CHECK ({name} IS NULL OR ({name} BETWEEN 0 AND {ACTIVITY_MAX_MIN}"
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
        note TEXT CHECK (note IS NULL OR length(note) <= {NOTE_MAX_CHARS}),
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

# Index i holds the statements that take the schema from version i to i + 1.
MIGRATIONS: list[list[str]] = [V1]
LATEST_VERSION = len(MIGRATIONS)
