using Npgsql;

namespace DrillRunner.Testing.Postgres;

/// <summary>
/// The test PostgreSQL server (<c>DRILLRUNNER_TEST_PG</c>, else the role and database <c>.ci/install-postgres.sh</c>
/// creates), whether it answers, and a throw-away database per test.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "DRILLRUNNER_TEST_PG";
    public const string Default = "Host=127.0.0.1;Port=5432;Username=drillrunner;Password=drillrunner;Database=drillrunner_test";

    private static readonly Lazy<string?> Unavailable = new(Probe);

    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : Default;

    /// <summary>Why the server cannot be used, or null when it answers.</summary>
    public static string? UnavailableReason => Unavailable.Value;

    /// <summary>Creates an empty database for one test; disposing drops it (and ends its sessions).</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var name = "drt_" + Guid.NewGuid().ToString("N")[..20];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var admin = new NpgsqlConnection(ConnectionString);
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await create.ExecuteNonQueryAsync();
                break;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                // Tests create databases in parallel; the template may be in use by another CREATE DATABASE for a moment.
                await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
            }
        }

        return new TestDatabase(name, new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString);
    }

    private static string? Probe()
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Timeout = 3, Pooling = false };
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return ex.Message;
        }
    }
}
