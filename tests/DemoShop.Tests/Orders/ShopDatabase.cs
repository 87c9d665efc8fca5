using DrillRunner.Testing.Postgres;
using Npgsql;

namespace DemoShop.Tests.Orders;

/// <summary>A throw-away database for shop instances under test, with SQL access behind their backs.</summary>
internal sealed class ShopDatabase : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private ShopDatabase(TestDatabase database)
    {
        _database = database;
        ApplicationName = "demoshop-test-" + database.Name;
        ConnectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = ApplicationName }.ConnectionString;
    }

    /// <summary>What the shop's sessions call themselves, so a test can find (and end) exactly them.</summary>
    public string ApplicationName { get; }

    public string ConnectionString { get; }

    public static async Task<ShopDatabase> CreateAsync() => new(await TestPostgres.CreateDatabaseAsync());

    public Dictionary<string, string?> Settings(string? connectionString = null) => new(StringComparer.Ordinal)
    {
        ["Shop:OrderStore"] = "postgres",
        ["Shop:PostgresConnectionString"] = connectionString ?? ConnectionString,
        ["Shop:WorkMilliseconds"] = "0",
    };

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Ends every session of the shop, as a primary that dies or restarts does.</summary>
    public Task<long> TerminateShopSessionsAsync() =>
        ScalarAsync<long>($"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '{ApplicationName}'");

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
