using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Journal;
using DrillRunner.Journal.Sqlite;
using DrillRunner.Loading;
using DrillRunner.Server.Tests.Harness;

namespace DrillRunner.Server.Tests.Hosting;

/// <summary>
/// What a killed server leaves behind (a run Running with a fault journaled, a run Queued) is dealt with when the
/// next server starts: the fault is undone and the run marked Interrupted, the queued run runs.
/// </summary>
[Collection(HangfireHostsCollection.Name)]
public sealed class StartupRecoveryTests
{
    [Fact]
    public async Task A_run_left_running_is_restored_and_interrupted_and_a_queued_run_runs_when_the_server_starts()
    {
        string? killed = null;
        await using var server = await ServerHarness.StartAsync(
            new Dictionary<string, string> { ["quick"] = TestDrills.Kill("quick") },
            before: async (state, drivers) =>
            {
                var drills = Path.Combine(Path.GetDirectoryName(state)!, "drills");
                var environmentFile = Path.Combine(drills, "environments", "fake-shop.yaml");
                var environment = EnvironmentLoader.Load(environmentFile);
                var driver = drivers.Create(environment, TimeProvider.System);
                killed = (await driver.ListInstancesAsync("app", CancellationToken.None))[1].Id;
                await driver.Require<IInstanceLifecycle>().KillAsync(killed, "KILL", CancellationToken.None);

                var journal = new SqliteJournalStore(Path.Combine(state, "journal.db"));
                var at = TimeProvider.System.GetUtcNow().AddMinutes(-1);
                var drillFile = Path.Combine(drills, "quick.yaml");
                await journal.CreateRunAsync(new RunRecord("crashed", "quick", "fake-shop", "local", "api:x", drillFile, environmentFile, RunStatus.Running, at), CancellationToken.None);
                var entry = await journal.AddUndoAsync("crashed", "kill-app", new UndoRecord("kill", killed, $$"""{"instances":["{{killed}}"]}"""), at, CancellationToken.None);
                await journal.SetUndoStatusAsync(entry, UndoStatus.Active, at, null, CancellationToken.None);
                await journal.CreateRunAsync(new RunRecord("waiting", "quick", "fake-shop", "local", "api:y", drillFile, environmentFile, RunStatus.Queued, at), CancellationToken.None);
            });

        var crashed = (await server.GetRunAsync("crashed")).GetProperty("run");
        Assert.Equal("interrupted", crashed.GetProperty("status").GetString());
        var instance = await server.Drivers.For("fake-shop").GetInstanceAsync(killed!, CancellationToken.None);
        Assert.Equal(InstanceState.Running, instance.State);

        var waiting = await server.WaitAsync("waiting");
        Assert.Equal("completed", waiting.GetProperty("run").GetProperty("status").GetString());

        // The queued run started only after the recovery: its start is after the crashed run's end.
        Assert.True(waiting.GetProperty("run").GetProperty("startedAt").GetDateTimeOffset() >= crashed.GetProperty("endedAt").GetDateTimeOffset());
    }
}
