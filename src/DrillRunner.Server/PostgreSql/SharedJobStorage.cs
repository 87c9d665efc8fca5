using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace DrillRunner.PostgreSql;

/// <summary>Hangfire's storage when runners share work: schema <c>hangfire</c> next to the journal's <c>drillrunner</c>.</summary>
internal static class SharedJobStorage
{
    public const string Schema = "hangfire";

    public static JobStorage Create(string connectionString)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,

            // Triggers should start within a second on whichever runner is idle, not after the 15 s default poll.
            QueuePollInterval = TimeSpan.FromSeconds(1),
            EnableLongPolling = true,

            // A fetched job whose runner died becomes visible again; the run it belonged to is then no longer
            // Queued, so the job skips it (crash recovery restores it instead).
            InvisibilityTimeout = TimeSpan.FromMinutes(30),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}
