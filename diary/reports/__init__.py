"""Reports: charts (PNG bytes), statistical associations and the one-page clinician PDF.

Pure functions: domain values in, bytes or sentences out. Nothing here opens the database or reads the
clock (callers pass `today` and the period). Drawing uses matplotlib's object API only (`Figure` plus an
explicit canvas), never pyplot and never `matplotlib.use()`, so charts can be rendered from worker threads
and never disturb Flet's own matplotlib backend.
"""
