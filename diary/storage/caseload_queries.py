"""The SQL behind a clinician's caseload: one row per patient from one statement, and the trial figure's inputs.

Every per-patient value is a correlated subquery that walks an index for that patient only
(patient_checkin_day, patient_questionnaire_latest, the rating indexes), so the cost grows with the
number of patients, not with how many years of data each has. Small lists (the latest two ratings,
the latest two PHQ-15 totals) come back as text with their sort keys and are ordered in Python, since
SQLite before 3.44 does not promise an order inside group_concat.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

SEP, FIELD = "\x1e", "\x1f"  # record and unit separators: never inside dates, levels or categories

CASELOAD_SQL = f"""
SELECT p.id, p.label, p.exported_at, p.period_start, p.period_end, p.imported_at, p.notes_included,
  (SELECT count(DISTINCT c.day) FROM patient_checkin c
     WHERE c.patient_id = p.id AND c.day BETWEEN :from_day AND :today) AS days_logged,
  (SELECT max(c.day) FROM patient_checkin c WHERE c.patient_id = p.id) AS last_day,
  (SELECT group_concat(q.answered_at || '{FIELD}' || q.total || '{FIELD}' || coalesce(q.prorated, 0), '{SEP}') FROM (
     SELECT answered_at, total, prorated FROM patient_questionnaire
     WHERE patient_id = p.id AND instrument_id = 'phq15' AND valid = 1 AND total IS NOT NULL
     ORDER BY answered_at DESC LIMIT 2) AS q) AS phq15,
  (SELECT q.flags FROM patient_questionnaire q WHERE q.patient_id = p.id AND q.instrument_id = 'phq9'
     ORDER BY q.answered_at DESC LIMIT 1) AS phq9_flags,
  m.id AS main_goal_id, m.title AS main_goal_title,
  (SELECT group_concat(r.rated_on || '{FIELD}' || r.recorded_at || '{FIELD}' || coalesce(r.level, '')
                       || '{FIELD}' || r.category || '{FIELD}' || r.rater, '{SEP}') FROM (
     SELECT * FROM (SELECT rated_on, recorded_at, level, category, rater FROM patient_goal_rating
                    WHERE patient_id = p.id AND goal_id = m.id AND rater = 'patient'
                    ORDER BY rated_on DESC, recorded_at DESC LIMIT 2)
     UNION ALL
     SELECT * FROM (SELECT rated_on, recorded_at, level, category, rater FROM patient_goal_rating
                    WHERE patient_id = p.id AND goal_id = m.id AND rater = 'physiotherapist'
                    ORDER BY rated_on DESC, recorded_at DESC LIMIT 2)
     UNION ALL
     SELECT * FROM (SELECT rated_on, recorded_at, level, category, 'physiotherapist' FROM clinician_goal_rating
                    WHERE patient_id = p.id AND goal_id = m.id ORDER BY rated_on DESC, recorded_at DESC LIMIT 2)
   ) AS r) AS main_ratings
FROM patient p
LEFT JOIN patient_goal m ON m.patient_id = p.id AND m.id = (
  -- the current main goal (diary.domain.goals.current_main_goal): the latest start, then the one added last
  SELECT g.id FROM patient_goal g WHERE g.patient_id = p.id AND g.type = 'main'
  ORDER BY g.start_date DESC, g.position DESC LIMIT 1)
ORDER BY p.label
"""

CASELOAD_COLUMNS = ("id", "label", "exported_at", "period_start", "period_end", "imported_at", "notes_included",
                    "days_logged", "last_day", "phq15", "phq9_flags", "main_goal_id", "main_goal_title",
                    "main_ratings")


def caseload_rows(conn: Connection, *, from_day: str, today: str) -> list[dict]:
    rows = conn.exec_driver_sql(CASELOAD_SQL, {"from_day": from_day, "today": today}).fetchall()
    return [dict(zip(CASELOAD_COLUMNS, row)) for row in rows]


def split(value: str | None) -> list[list[str]]:
    """A group_concat'ed list back as fields, in the order of its first field, newest first."""
    if not value:
        return []
    return sorted((item.split(FIELD) for item in value.split(SEP)), reverse=True)


# The trial figure's inputs: every goal of every patient, and every rating (the patient's exports and
# the physiotherapist's own), so that diary.domain.trial can judge them at any date.
GOALS_SQL = ("SELECT patient_id, id, type, title, measure, baseline, target, start_date, target_date, main_goal_id, "
             "level_m2, level_m1, level_0, level_p1, level_p2, baseline_level, weight FROM patient_goal "
             "ORDER BY patient_id, position")
RATINGS_SQL = """
SELECT patient_id, goal_id, id, rated_on, recorded_at, level, category, rater FROM patient_goal_rating
UNION ALL
SELECT patient_id, goal_id, id, rated_on, recorded_at, level, category, 'physiotherapist' FROM clinician_goal_rating"""


HOLDINGS_SQL = """
SELECT (SELECT count(*) FROM patient), (SELECT count(*) FROM import_log),
       (SELECT count(*) FROM patient_checkin), (SELECT count(*) FROM patient_questionnaire)
"""


def caseload_holdings(conn: Connection) -> dict[str, int]:
    """How much a clinician's home holds: patients, import attempts logged, and the check-ins and
    questionnaires of the patients' latest exports."""
    patients, imports, checkins, questionnaires = conn.exec_driver_sql(HOLDINGS_SQL).one()
    return {"patients": patients, "imports": imports, "checkins": checkins, "questionnaires": questionnaires}
