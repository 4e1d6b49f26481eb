"""Write tests/data/schema_vN.sqlite3 and its expected rows (schema_vN.json) with the app as it is now.

Run once per released schema version (python tests/data/make_schema_fixture.py); never regenerate an
old version's file: the point is to keep what that release really wrote.
"""

import json
import shutil
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from diary.services.bootstrap import open_diary
from diary.storage.migrations import LATEST_VERSION

HERE = Path(__file__).resolve().parent
NOW = datetime(2026, 3, 15, 19, 30, tzinfo=timezone(timedelta(hours=1)))


def _response_json(response) -> dict:
    import dataclasses

    body = dataclasses.asdict(response)
    if body["result"]:
        body["result"]["flags"] = sorted(body["result"]["flags"])
    return json.loads(json.dumps(body, default=str))


def main() -> None:
    target = HERE / f"schema_v{LATEST_VERSION}.sqlite3"
    if target.exists() and "--force" not in sys.argv:
        sys.exit(f"{target.name} exists; released fixtures are never regenerated")
    with tempfile.TemporaryDirectory() as tmp:
        diary = open_diary(Path(tmp) / "home", clock=lambda: NOW)
        log = diary.log
        day = NOW.date()
        log.record(day=day - timedelta(days=3), pain=6, stress=4, regions={"neck": 7, "lower_back": None},
                   moderate_min=20, note="Walked to the shop\nsecond line, caf\u00e9")
        log.record(day=day - timedelta(days=3), pain=8, flare=True)  # an extra check-in
        log.record(day=day - timedelta(days=2), no_pain=True, pain=0, fatigue=3, sleep_quality=7, sleep_hours=7.5,
                   light_min=30, vigorous_min=0, strength=True, worry=2)
        log.record(day=day - timedelta(days=1), note="=HYPERLINK(\"x\") <b>markup</b> kept verbatim")
        log.record(day=day, pain=10, regions=["jaw_left", "abdomen", "chest"], strength=False)
        diary.meta.set("theme", "dark")
        goals = diary.goals
        main = goals.add_goal(type="main", title="Walk to work again", start_date=day - timedelta(days=20),
                              target_date=day + timedelta(days=70), baseline_level=-2,
                              levels={-2: "No walks", -1: "10 min twice a week", 0: "30 min 3 times a week",
                                      1: "40 min 3 times a week", 2: "40 min 4 times a week"})
        step = goals.add_goal(type="intermediate", title="Stretch every morning", main_goal_id=main.id,
                              start_date=day - timedelta(days=20), weight=2)
        goals.rate(main.id, level=-2, rated_on=day - timedelta(days=13))
        goals.rate(main.id, level=-1, rated_on=day - timedelta(days=6), comment="better week")
        goals.rate(step.id, category="partially", rater="physiotherapist", rated_on=day - timedelta(days=6))
        goals.add_activity(name="Walk", intensity="moderate", minutes=30, times_per_week=3, goal_id=main.id)
        goals.add_activity(name="Strength exercises", intensity="strength", times_per_week=2)
        q = diary.questionnaires
        r = q.start("phq9")
        for i, v in enumerate([1, 2, 0, None, 3, 1, 0, 1, 1]):
            r = q.answer(r.id, i, v)
        q.complete(r.id)
        r = q.start("phq15")
        for i, v in enumerate([1, 0, 2]):
            r = q.answer(r.id, i, v)  # a draft, left to resume
        q.set_schedule("gad7", 21)
        expected = {
            "checkins": [json.loads(c.model_dump_json()) for c in diary.checkins.all()],
            "meta": {"theme": "dark"},
            "goals": [json.loads(g.model_dump_json()) for g in goals._repo.goals()],
            "ratings": [json.loads(r.model_dump_json()) for r in goals._repo.ratings()],
            "activities": [json.loads(a.model_dump_json()) for a in goals.activities()],
            "questionnaires": [_response_json(x) for x in q._repo.responses()],
            "schedule": {k: list(v) for k, v in q._repo.schedule().items()},
        }
        diary.close()
        shutil.copyfile(Path(tmp) / "home" / "diary.sqlite3", target)
    (HERE / f"schema_v{LATEST_VERSION}.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
