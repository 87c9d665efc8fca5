using DrillRunner.Engine.Locks;
using DrillRunner.PostgreSql;
using Npgsql;

namespace DrillRunner.Server.Tests.PostgreSql;

public sealed class AdvisoryEnvironmentLockTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private PostgreSqlStores _stores = null!;

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.IsSkipped)
        {
            return;
        }

        _database = await TestPostgres.CreateDatabaseAsync();
        _stores = new PostgreSqlStores(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _stores.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task A_second_run_on_the_environment_is_turned_away_naming_the_holder_until_the_first_releases()
    {
        var first = await _stores.Lock.AcquireAsync("staging-eu", "run-one", default);
        var busy = await Assert.ThrowsAsync<EnvironmentBusyException>(() => _stores.Lock.AcquireAsync("staging-eu", "run-two", default));
        Assert.Contains("'staging-eu' is busy", busy.Message, StringComparison.Ordinal);
        Assert.Contains("run-one", busy.Message, StringComparison.Ordinal);

        // Another environment is independent.
        await using (await _stores.Lock.AcquireAsync("staging-us", "run-three", default))
        {
        }

        await first.DisposeAsync();
        await using var second = await _stores.Lock.AcquireAsync("staging-eu", "run-two", default);
    }

    [PostgresFact]
    public async Task The_lock_dies_with_the_session_of_its_owner()
    {
        // A runner is its session: take the environment's key from a plain connection, then end that session.
        var owner = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Pooling = false }.ConnectionString);
        await owner.OpenAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", owner))
        {
            take.Parameters.AddWithValue("key", EnvironmentLockKey.For("staging-eu"));
            await take.ExecuteNonQueryAsync();
        }

        await Assert.ThrowsAsync<EnvironmentBusyException>(() => _stores.Lock.AcquireAsync("staging-eu", "run-two", default));
        await owner.DisposeAsync();

        // The server releases the lock when the backend exits, a moment after the client hangs up.
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(10);
        IAsyncDisposable? held = null;
        while (held is null && TimeProvider.System.GetUtcNow() < deadline)
        {
            try
            {
                held = await _stores.Lock.AcquireAsync("staging-eu", "run-two", default);
            }
            catch (EnvironmentBusyException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
            }
        }

        Assert.NotNull(held);
        await held.DisposeAsync();
    }

    [Fact]
    public void An_environment_key_is_stable_across_processes_and_differs_between_names()
    {
        // The value is pinned: every runner, on any machine or .NET version, must lock the same key.
        Assert.Equal(EnvironmentLockKey.For("demo-shop"), EnvironmentLockKey.For("demo-shop"));
        Assert.NotEqual(EnvironmentLockKey.For("demo-shop"), EnvironmentLockKey.For("demo-shop2"));
        Assert.Equal(-627950915681022872L, EnvironmentLockKey.For("demo-shop"));
    }
}
