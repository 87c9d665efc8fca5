namespace DrillRunner.PostgreSql;

/// <summary>
/// The journal's tables in schema <c>drillrunner</c>: the SQLite journal's shape with native types. Created at start
/// under a transaction-scoped advisory lock, so runners starting together do not race on <c>CREATE ... IF NOT EXISTS</c>.
/// </summary>
internal static class PostgreSqlSchema
{
    public const string Name = "drillrunner";

    /// <summary>Bumped with each change below; a newer runner adds to the schema, never rewrites it.</summary>
    public const int Version = 1;

    // An arbitrary constant distinct from the environment lock keys (those are hashes; a clash would only serialize).
    private const long MigrationLockKey = 0x4452_494C_4C53_4348;

    public static readonly string Migrate = $"""
        SELECT pg_advisory_xact_lock({MigrationLockKey});
        CREATE SCHEMA IF NOT EXISTS drillrunner;
        CREATE TABLE IF NOT EXISTS drillrunner.schema_version (version integer NOT NULL);
        CREATE TABLE IF NOT EXISTS drillrunner.runs (
            id text PRIMARY KEY,
            drill text NOT NULL,
            environment text NOT NULL,
            driver text NOT NULL,
            trigger text NOT NULL,
            drill_file text NOT NULL,
            environment_file text NOT NULL,
            status text NOT NULL,
            started_at timestamptz NOT NULL,
            ended_at timestamptz,
            verdict text,
            score double precision,
            result_json text);
        CREATE INDEX IF NOT EXISTS runs_by_drill ON drillrunner.runs (drill, started_at);
        CREATE INDEX IF NOT EXISTS runs_by_status ON drillrunner.runs (status, environment);
        CREATE INDEX IF NOT EXISTS runs_by_start ON drillrunner.runs (started_at);
        CREATE TABLE IF NOT EXISTS drillrunner.events (
            id bigserial PRIMARY KEY,
            run_id text NOT NULL REFERENCES drillrunner.runs (id),
            at timestamptz NOT NULL,
            kind text NOT NULL,
            message text NOT NULL,
            step text);
        CREATE INDEX IF NOT EXISTS events_by_run ON drillrunner.events (run_id, id);
        CREATE TABLE IF NOT EXISTS drillrunner.undo (
            id bigserial PRIMARY KEY,
            run_id text NOT NULL REFERENCES drillrunner.runs (id),
            step text NOT NULL,
            kind text NOT NULL,
            target text NOT NULL,
            payload text NOT NULL,
            status text NOT NULL,
            created_at timestamptz NOT NULL,
            injected_at timestamptz,
            reverted_at timestamptz,
            detail text);
        CREATE INDEX IF NOT EXISTS undo_by_run ON drillrunner.undo (run_id, id);
        INSERT INTO drillrunner.schema_version (version)
            SELECT {Version} WHERE NOT EXISTS (SELECT 1 FROM drillrunner.schema_version WHERE version >= {Version});
        """;
}
