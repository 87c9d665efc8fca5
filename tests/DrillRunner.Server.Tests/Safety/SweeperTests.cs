using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine.Locks;
using DrillRunner.Hosting;
using DrillRunner.Journal;
using DrillRunner.Server.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace DrillRunner.Server.Tests.Safety;

/// <summary>
/// The server sweeps by itself: a run left running whose lock is free is restored without a trigger or a restart, a
/// run whose lock is held is left alone, a failed restore is retried until it succeeds or an admin gives it up, and the
/// active-faults metric stays up while an undo is outstanding.
/// </summary>
[Collection(HangfireHostsCollection.Name)]
public sealed partial class SweeperTests
{
    private static readonly Dictionary<string, string?> FastSweeps = new(StringComparer.Ordinal)
    {
        ["DrillRunner:SweepInterval"] = "00:00:00.200",
        ["DrillRunner:RestoreRetryInterval"] = "00:00:00.500",
    };

    [GeneratedRegex(@"drillrunner_active_faults\{environment=""fake-shop""\} (\d+)")]
    private static partial Regex ActiveFaults();

    [GeneratedRegex(@"drillrunner_oldest_active_fault_seconds\{environment=""fake-shop""\} ([0-9.e+]+)")]
    private static partial Regex OldestFault();

    [Fact]
    public async Task A_run_left_running_is_left_alone_while_its_lock_is_held_and_restored_by_the_sweep_once_it_is_free()
    {
        await using var server = await ServerHarness.StartAsync(new Dictionary<string, string> { ["quick"] = TestDrills.Kill("quick") }, FastSweeps);
        var runner = server.App.Services.GetRequiredService<Runner>();
        var environment = runner.LoadEnvironment(Path.Combine(server.DrillsDirectory, "environments", "fake-shop.yaml"));
        var driver = server.Drivers.Create(environment, TimeProvider.System);
        var killed = (await driver.ListInstancesAsync("app", default))[0].Id;

        // What a runner that died mid-fault leaves: its kill in effect, the run Running in the journal.
        await using (await new FileEnvironmentLock(Path.Combine(server.Folder.Path, "state", "locks")).AcquireAsync("fake-shop", "dead-run", default))
        {
            await driver.Require<IInstanceLifecycle>().KillAsync(killed, "SIGKILL", default);
            await LeftRunningAsync(runner, "dead-run", killed, server);

            // Held: another process may still be running it.
            await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System);
            Assert.Equal(InstanceState.Exited, (await driver.GetInstanceAsync(killed, default)).State);
            Assert.Equal(RunStatus.Running, (await runner.Journal.GetRunAsync("dead-run", default))!.Status);
        }

        var view = await server.WaitAsync("dead-run", seconds: 10);
        Assert.Equal("interrupted", view.GetProperty("run").GetProperty("status").GetString());
        Assert.Equal(InstanceState.Running, (await driver.GetInstanceAsync(killed, default)).State);
    }

    [Fact]
    public async Task A_failed_restore_keeps_the_fault_metric_up_and_is_retried_by_the_sweep_until_it_succeeds()
    {
        await using var server = await ServerHarness.StartAsync(new Dictionary<string, string> { ["quick"] = TestDrills.Kill("quick") }, FastSweeps);
        var (driver, runId) = await RestoreFailedRunAsync(server);

        var metrics = await MetricsAsync(server);
        Assert.Equal("1", ActiveFaults().Match(metrics).Groups[1].Value);
        var firstAge = double.Parse(OldestFault().Match(metrics).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System);
        var laterAge = double.Parse(OldestFault().Match(await MetricsAsync(server)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(laterAge >= firstAge + 1.5, $"the oldest fault's age must keep growing while its undo is outstanding ({firstAge} then {laterAge})");

        driver.Heal();
        var healed = await server.WaitAsync(runId, v => v.GetProperty("run").GetProperty("status").GetString() == "interrupted", seconds: 30);
        Assert.Equal("interrupted", healed.GetProperty("run").GetProperty("status").GetString());
        Assert.All((await driver.ListInstancesAsync("app", default)), i => Assert.Equal(InstanceState.Running, i.State));
        await EventuallyAsync(async () => ActiveFaults().Match(await MetricsAsync(server)).Groups[1].Value == "0");
    }

    [Fact]
    public async Task An_admin_gives_up_a_failed_restore_with_a_reason_and_the_sweep_stops_retrying_it()
    {
        await using var server = await ServerHarness.StartAsync(new Dictionary<string, string> { ["quick"] = TestDrills.Kill("quick") }, FastSweeps);
        var (driver, runId) = await RestoreFailedRunAsync(server);
        using var admin = server.Client(ServerHarness.AdminKey);
        using var operatorClient = server.Client(ServerHarness.OperatorKey);

        using (var forbidden = await operatorClient.PostAsJsonAsync($"/api/runs/{runId}/give-up", new { reason = "not mine to decide" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using (var noReason = await admin.PostAsJsonAsync($"/api/runs/{runId}/give-up", new { reason = " " }))
        {
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, noReason.StatusCode);
        }

        using (var givenUp = await admin.PostAsJsonAsync($"/api/runs/{runId}/give-up", new { reason = "instance replaced by hand" }))
        {
            Assert.True(givenUp.IsSuccessStatusCode, await givenUp.Content.ReadAsStringAsync());
        }

        Assert.Equal("given-up", (await server.GetRunAsync(runId)).GetProperty("run").GetProperty("status").GetString());
        var starts = driver.Calls.Count(c => c.StartsWith("start", StringComparison.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System);
        Assert.Equal(starts, driver.Calls.Count(c => c.StartsWith("start", StringComparison.Ordinal)));
        await EventuallyAsync(async () => ActiveFaults().Match(await MetricsAsync(server)).Groups[1].Value == "0");
        var audit = (await admin.GetFromJsonAsync<JsonElement>("/api/audit")).EnumerateArray().ToList();
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "give-up" && e.GetProperty("detail").GetString() == "instance replaced by hand");
    }

    [Fact]
    public async Task A_give_up_waits_for_a_retry_holding_the_lock_instead_of_being_refused()
    {
        await using var server = await ServerHarness.StartAsync(new Dictionary<string, string> { ["quick"] = TestDrills.Kill("quick") }, FastSweeps);
        var (_, runId) = await RestoreFailedRunAsync(server);
        using var admin = server.Client(ServerHarness.AdminKey);

        // A retry of the restore (here: another process) holds the environment's lock when the admin gives up.
        var held = await new FileEnvironmentLock(Path.Combine(server.Folder.Path, "state", "locks")).AcquireAsync("fake-shop", "recovery-of-" + runId, default);
        var giveUp = admin.PostAsJsonAsync($"/api/runs/{runId}/give-up", new { reason = "instance replaced by hand" });
        await Task.Delay(TimeSpan.FromSeconds(1.5), TimeProvider.System);
        Assert.False(giveUp.IsCompleted, "the give-up answered while the lock was held");
        await held.DisposeAsync();

        using var answer = await giveUp;
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        Assert.Equal("given-up", (await server.GetRunAsync(runId)).GetProperty("run").GetProperty("status").GetString());
    }

    /// <summary>A run of the quick drill whose restore failed: the fake driver refuses every start until healed.</summary>
    private static async Task<(Testing.Fakes.FakeDriver Driver, string RunId)> RestoreFailedRunAsync(ServerHarness server)
    {
        var driver = (Testing.Fakes.FakeDriver)server.Drivers.Create(server.App.Services.GetRequiredService<Runner>().LoadEnvironment(Path.Combine(server.DrillsDirectory, "environments", "fake-shop.yaml")), TimeProvider.System);
        driver.FailOn("start");
        var runId = await server.TriggerAsync("quick");
        Assert.Equal("restore-failed", (await server.WaitAsync(runId, seconds: 60)).GetProperty("run").GetProperty("status").GetString());
        return (driver, runId);
    }

    private static async Task LeftRunningAsync(Runner runner, string runId, string killed, ServerHarness server)
    {
        var at = TimeProvider.System.GetUtcNow();
        var drillFile = Path.Combine(server.DrillsDirectory, "quick.yaml");
        var environmentFile = Path.Combine(server.DrillsDirectory, "environments", "fake-shop.yaml");
        await runner.Journal.CreateRunAsync(new RunRecord(runId, "quick", "fake-shop", "local", "cli:test", drillFile, environmentFile, RunStatus.Running, at), default);
        var entry = await runner.Journal.AddUndoAsync(runId, "kill-app", new UndoRecord("kill", killed, $$"""{"instances":["{{killed}}"]}"""), at, default);
        await runner.Journal.SetUndoStatusAsync(entry, UndoStatus.Active, at, null, default);
    }

    private static async Task<string> MetricsAsync(ServerHarness server)
    {
        using var viewer = server.Client(ServerHarness.ViewerKey);
        return await viewer.GetStringAsync("/metrics");
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        Assert.Fail("the condition did not hold within 10s");
    }
}
