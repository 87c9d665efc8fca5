namespace DrillRunner.Journal.Sqlite;

internal static class SqliteSchema
{
    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS runs (
            id TEXT PRIMARY KEY,
            drill TEXT NOT NULL,
            environment TEXT NOT NULL,
            driver TEXT NOT NULL,
            trigger TEXT NOT NULL,
            drill_file TEXT NOT NULL,
            environment_file TEXT NOT NULL,
            status TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            verdict TEXT,
            score REAL,
            result_json TEXT);
        CREATE INDEX IF NOT EXISTS runs_by_drill ON runs (drill, started_at);
        CREATE INDEX IF NOT EXISTS runs_by_status ON runs (status);
        CREATE TABLE IF NOT EXISTS events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id TEXT NOT NULL REFERENCES runs (id),
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            message TEXT NOT NULL,
            step TEXT);
        CREATE INDEX IF NOT EXISTS events_by_run ON events (run_id, id);
        CREATE TABLE IF NOT EXISTS undo (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id TEXT NOT NULL REFERENCES runs (id),
            step TEXT NOT NULL,
            kind TEXT NOT NULL,
            target TEXT NOT NULL,
            payload TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at TEXT NOT NULL,
            injected_at TEXT,
            reverted_at TEXT,
            detail TEXT);
        CREATE INDEX IF NOT EXISTS undo_by_run ON undo (run_id, id);
        """;
}
