"""Which files a backup may hold: one allow-list, applied when a backup is made and when one is restored.

A backup holds the app's own files of a data folder and nothing else (docs/backup-format.md):

- `manifest.json` and `diary.sqlite3` (both required);
- the keys (`signing.key`/`signing.pub` for a patient, `box.key`/`box.pub` for a clinician), the automatic
  backups' `backup-key` and `backup-settings.json`, and a clinic's `research-salt.txt`;
- what the app saved in the data folder for the user: visit PDFs in `exports/` (when the device had no
  save dialog) and research data sets in `research/<data set>/` (with their `fhir/` folder).

Making a backup leaves any other file out; restoring refuses a backup that names any other member (an
SQLite `-wal` file that would be replayed into the database, a planted file in `backups/`, ...) before
anything is written.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from diary.storage.database import DB_FILENAME

MANIFEST = "manifest.json"
REQUIRED = frozenset({MANIFEST, DB_FILENAME})
# The names are written out rather than imported (keystore.KEY_FILES, auto_backup.KEY_FILE and
# SETTINGS_FILE, the research salt's SALT_NAME): auto_backup imports backup, which imports this module.
# tests/services/test_backup_members.py checks that they agree.
KEYS = frozenset({"signing.key", "signing.pub", "box.key", "box.pub"})
TOP_LEVEL = REQUIRED | KEYS | {"backup-key", "backup-settings.json", "research-salt.txt"}
EXPORTS, RESEARCH, FHIR = "exports", "research", "fhir"


def allowed_member(name: str) -> bool:
    """Whether a backup may hold the member `name` (a relative POSIX name already passing `safe_name`)."""
    parts = PurePosixPath(name).parts
    if len(parts) == 1:
        return name in TOP_LEVEL
    if parts[0] == EXPORTS:
        return len(parts) == 2  # exports/<file>
    if parts[0] == RESEARCH:  # research/<data set>/<file> or research/<data set>/fhir/<file>
        return len(parts) == 3 or (len(parts) == 4 and parts[2] == FHIR)
    return False
