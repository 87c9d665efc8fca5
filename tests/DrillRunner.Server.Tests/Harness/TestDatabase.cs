using Npgsql;

namespace DrillRunner.Server.Tests.Harness;

/// <summary>A database of its own for one test, dropped on dispose.</summary>
internal sealed class TestDatabase(string name, string connectionString) : IAsyncDisposable
{
    public string Name => name;

    public string ConnectionString => connectionString;

    /// <summary>Settings that put a test server on this database.</summary>
    public IReadOnlyDictionary<string, string?> ServerSettings => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["DrillRunner:Storage"] = "PostgreSql",
        ["DrillRunner:PostgreSql:ConnectionString"] = connectionString,
    };

    // FORCE ends the sessions still open on it (pooled connections of the servers under test).
    public async ValueTask DisposeAsync()
    {
        await using var admin = new NpgsqlConnection(TestPostgres.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
