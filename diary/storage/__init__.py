"""SQLite storage: the schema and its migrations, table rows, and repositories."""
