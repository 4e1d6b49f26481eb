"""The schema in the phone's own SQLite: every migration (schema v5's triggers too) runs in the site's
Pyodide, run by Node, and the triggers refuse what they refuse on the desktop."""

from __future__ import annotations

import json
import subprocess

import pytest

from diary.storage.migrations import DAY_MINUTES_MAX_V5, MIGRATIONS

pytestmark = pytest.mark.e2e

RUN = """
import { pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";
const [pyodideDir, migrations] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(pyodideDir + "/pyodide.mjs").href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/" });
pyodide.globals.set("MIGRATIONS", readFileSync(migrations, "utf8"));
console.log(pyodide.runPython(`
import json, sqlite3

db = sqlite3.connect(":memory:")
for number, step in enumerate(json.loads(MIGRATIONS), start=1):
    for statement in step:
        db.execute(statement)
    db.execute(f"PRAGMA user_version = {number}")

def add(id, day, minutes):
    db.execute("INSERT INTO checkin (id, day, recorded_at, updated_at, moderate_min) VALUES (?, ?, 't', 't', ?)",
               (id, day, minutes))

outcome = {"sqlite": sqlite3.sqlite_version, "version": db.execute("PRAGMA user_version").fetchone()[0],
           "triggers": sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"))}
add("a", "2026-03-01", 600)
add("b", "2026-03-01", 600)
try:
    add("c", "2026-03-01", 600)
except sqlite3.IntegrityError as error:
    outcome["refused"] = str(error)
try:
    db.execute("UPDATE checkin SET moderate_min = 600, day = '2026-03-01' WHERE id = 'b'")
    db.execute("UPDATE checkin SET moderate_min = 500 WHERE id = 'b'")
    outcome["taking_away"] = "allowed"
except sqlite3.IntegrityError as error:
    outcome["taking_away"] = str(error)
json.dumps(outcome)
`));
"""


def test_every_migration_runs_in_pyodides_sqlite_and_the_day_minutes_triggers_refuse(pwa_site, tmp_path):
    (tmp_path / "run.mjs").write_text(RUN)
    (tmp_path / "migrations.json").write_text(json.dumps(MIGRATIONS))
    done = subprocess.run(["node", str(tmp_path / "run.mjs"), str(pwa_site.folder / "pyodide"),
                           str(tmp_path / "migrations.json")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome["version"] == len(MIGRATIONS) and len(outcome["triggers"]) == 2
    assert outcome["refused"] == f"a day has at most {DAY_MINUTES_MAX_V5} minutes of each intensity"
    assert outcome["taking_away"] == "allowed"
