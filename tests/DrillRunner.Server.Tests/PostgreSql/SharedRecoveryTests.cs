using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Hosting;
using DrillRunner.Journal;
using DrillRunner.Loading;
using DrillRunner.PostgreSql;
using DrillRunner.Server.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DrillRunner.Server.Tests.PostgreSql;

/// <summary>
/// A run left Running in the shared journal is recovered only when its environment lock is free: while a live
/// session (its runner) holds the lock, no other runner touches it; once that session ends, the next start-up or the
/// next run on the environment restores it and marks it Interrupted.
/// </summary>
[Collection(HangfireHostsCollection.Name)]
public sealed class SharedRecoveryTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Drills = new() { ["quick"] = TestDrills.Kill("quick", faultFor: "200ms") };
    private readonly FakeDriverFactory _environment = new();
    private readonly List<IAsyncDisposable> _cleanup = [];
    private TestDatabase? _database;
    private NpgsqlConnection? _liveRunner;
    private string _killed = "";

    public async Task InitializeAsync()
    {
        if (!PostgresFactAttribute.IsSkipped)
        {
            _database = await TestPostgres.CreateDatabaseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        for (var i = _cleanup.Count - 1; i >= 0; i--)
        {
            await _cleanup[i].DisposeAsync();
        }

        if (_liveRunner is not null)
        {
            await _liveRunner.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task Start_up_leaves_a_run_whose_lock_is_held_alone_and_recovers_it_once_the_holder_is_gone()
    {
        var a = await StartAsync(seed: true);
        Assert.Equal("running", await StatusAsync(a, "crashed"));
        Assert.Equal(InstanceState.Exited, (await _environment.For("fake-shop").GetInstanceAsync(_killed, default)).State);

        await _liveRunner!.DisposeAsync();
        var b = await StartAsync(seed: false);

        Assert.Equal("interrupted", await StatusAsync(b, "crashed"));
        Assert.Equal("interrupted", await StatusAsync(a, "crashed"));
        Assert.Equal(InstanceState.Running, (await _environment.For("fake-shop").GetInstanceAsync(_killed, default)).State);
    }

    [PostgresFact]
    public async Task A_new_run_waits_while_the_lock_is_held_and_recovers_the_left_run_before_it_starts()
    {
        var a = await StartAsync(seed: true);
        var next = await a.TriggerAsync("quick");
        await WaitForJournalAsync(a, next, "waiting: environment 'fake-shop' is busy");
        Assert.True(await StatusAsync(a, next) == "queued", await DescribeAsync(a, next));
        Assert.True(await StatusAsync(a, "crashed") == "running", await DescribeAsync(a, "crashed"));

        await _liveRunner!.DisposeAsync();
        var done = (await a.WaitAsync(next, seconds: 30)).GetProperty("run");

        Assert.True(done.GetProperty("status").GetString() == "completed", await DescribeAsync(a, next));
        var crashed = (await a.GetRunAsync("crashed")).GetProperty("run");
        Assert.Equal("interrupted", crashed.GetProperty("status").GetString());
        Assert.True(done.GetProperty("startedAt").GetDateTimeOffset() >= crashed.GetProperty("endedAt").GetDateTimeOffset(), $"{done} started before {crashed} ended");
        Assert.Equal(InstanceState.Running, (await _environment.For("fake-shop").GetInstanceAsync(_killed, default)).State);
    }

    private async Task<ServerHarness> StartAsync(bool seed)
    {
        var server = await ServerHarness.StartAsync(Drills, _database!.ServerSettings, seed ? SeedAsync : null, _environment);
        _cleanup.Add(server);
        return server;
    }

    /// <summary>What a runner that is still alive elsewhere looks like: its run Running with a fault active, its session holding the lock.</summary>
    private async Task SeedAsync(string state, FakeDriverFactory drivers)
    {
        var drills = Path.Combine(Path.GetDirectoryName(state)!, "drills");
        var environmentFile = Path.Combine(drills, "environments", "fake-shop.yaml");
        var driver = drivers.Create(EnvironmentLoader.Load(environmentFile), TimeProvider.System);
        _killed = (await driver.ListInstancesAsync("app", default))[1].Id;
        await driver.Require<IInstanceLifecycle>().KillAsync(_killed, "KILL", default);

        await using var stores = new PostgreSqlStores(_database!.ConnectionString);
        var at = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        await stores.Journal.CreateRunAsync(new RunRecord("crashed", "quick", "fake-shop", "local", "api:x", Path.Combine(drills, "quick.yaml"), environmentFile, RunStatus.Running, at), default);
        var entry = await stores.Journal.AddUndoAsync("crashed", "kill-app", new UndoRecord("kill", _killed, $$"""{"instances":["{{_killed}}"]}"""), at, default);
        await stores.Journal.SetUndoStatusAsync(entry, UndoStatus.Active, at, null, default);

        _liveRunner = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Pooling = false }.ConnectionString);
        await _liveRunner.OpenAsync();
        await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", _liveRunner);
        take.Parameters.AddWithValue("key", EnvironmentLockKey.For("fake-shop"));
        await take.ExecuteNonQueryAsync();
    }

    private static async Task WaitForJournalAsync(ServerHarness server, string runId, string text)
    {
        var journal = server.App.Services.GetRequiredService<Runner>().Journal;
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(15);
        while (!(await journal.GetEventsAsync(runId, default)).Any(e => e.Message.Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"run {runId} never logged '{text}'");
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }
    }

    private static async Task<string> DescribeAsync(ServerHarness server, string runId)
    {
        var journal = server.App.Services.GetRequiredService<Runner>().Journal;
        var events = await journal.GetEventsAsync(runId, default);
        return $"run {runId} is {(await journal.GetRunAsync(runId, default))?.Status}: " + string.Join(" | ", events.Select(e => $"{e.Kind}: {e.Message}"));
    }

    private static async Task<string?> StatusAsync(ServerHarness server, string runId) =>
        (await server.GetRunAsync(runId)).GetProperty("run").GetProperty("status").GetString();
}
