using Npgsql;

namespace DrillRunner.Testing.Postgres;

/// <summary>A database of its own for one test, dropped on dispose.</summary>
public sealed class TestDatabase(string name, string connectionString) : IAsyncDisposable
{
    public string Name => name;

    public string ConnectionString => connectionString;

    // FORCE ends the sessions still open on it (pooled connections of the servers under test).
    public async ValueTask DisposeAsync()
    {
        await using var admin = new NpgsqlConnection(TestPostgres.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
