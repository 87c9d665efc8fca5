using DrillRunner.Options;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace DrillRunner.PostgreSql;

/// <summary>Hangfire's storage when runners share work: schema <c>hangfire</c> next to the journal's <c>drillrunner</c>.</summary>
internal static class SharedJobStorage
{
    public const string Schema = "hangfire";

    // Distinct from the journal's migration key and from environment keys (hashes).
    private const long InstallLockKey = 0x4452_494C_4C48_4652;

    /// <summary>Whether the configuration asks for shared storage (read raw, before validation).</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        string.Equals(configuration.GetSection(DrillServerOptions.Section)[nameof(DrillServerOptions.Storage)], nameof(StorageKind.PostgreSql), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The shared storage if configured, else null. Reads raw configuration and does not connect: the dashboard asks
    /// for the storage while the app is built, before start-up validation can report a bad setting in one line.
    /// </summary>
    public static JobStorage? CreateIfConfigured(IConfiguration configuration)
    {
        var section = configuration.GetSection(DrillServerOptions.Section);
        if (!string.Equals(section[nameof(DrillServerOptions.Storage)], nameof(StorageKind.PostgreSql), StringComparison.OrdinalIgnoreCase)
            || section[$"{nameof(DrillServerOptions.PostgreSql)}:{nameof(PostgreSqlOptions.ConnectionString)}"] is not { Length: > 0 } connectionString)
        {
            return null;
        }

        var options = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,

            // Installed by InstallSchema at start, after validation, under a lock several starting runners share.
            PrepareSchemaIfNecessary = false,

            // Triggers should start within a second on whichever runner is idle, not after the 15 s default poll.
            QueuePollInterval = TimeSpan.FromSeconds(1),
            EnableLongPolling = true,

            // A live runner keeps extending its fetched jobs; one whose runner died is visible to the others again
            // after five minutes. A run that had started is then no longer Queued, so the job skips it (crash
            // recovery restores it instead); a run still waiting for its environment runs on another runner.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
        };
        try
        {
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        }
        catch (ArgumentException)
        {
            // A malformed connection string: start-up validation stops the server with the reason.
            return null;
        }
    }

    /// <summary>Creates or upgrades Hangfire's tables; idempotent, one runner at a time.</summary>
    public static void InstallSchema(string connectionString)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({InstallLockKey})", connection))
        {
            take.ExecuteNonQuery();
        }

        PostgreSqlObjectsInstaller.Install(connection, Schema);
    }
}
