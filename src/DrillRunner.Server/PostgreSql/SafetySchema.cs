namespace DrillRunner.PostgreSql;

/// <summary>
/// The shared safety tables beside the journal: the halt-all switch (one row while halted) and the run requests (abort,
/// ack) a runner stores for the runner that executes the run. Idempotent, under the journal's migration lock.
/// </summary>
internal static class SafetySchema
{
    public const string Migrate = """
        SELECT pg_advisory_xact_lock(5496553413939123016);
        CREATE TABLE IF NOT EXISTS drillrunner.halt (
            id integer PRIMARY KEY CHECK (id = 1),
            since timestamptz NOT NULL,
            by_whom text NOT NULL,
            reason text);
        CREATE TABLE IF NOT EXISTS drillrunner.run_requests (
            id bigserial PRIMARY KEY,
            run_id text NOT NULL REFERENCES drillrunner.runs (id),
            kind text NOT NULL,
            who text NOT NULL,
            detail text,
            created_at timestamptz NOT NULL,
            handled_at timestamptz,
            handled_by text,
            outcome text);
        CREATE INDEX IF NOT EXISTS run_requests_open ON drillrunner.run_requests (run_id) WHERE handled_at IS NULL;
        """;
}
