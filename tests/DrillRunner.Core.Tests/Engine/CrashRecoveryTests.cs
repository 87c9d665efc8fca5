using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Testing;
using DrillRunner.Timeline;

namespace DrillRunner.Core.Tests.Engine;

public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task A_run_left_running_is_restored_and_marked_interrupted()
    {
        using var harness = new EngineHarness(TestEnvironments.KillDrill());
        await LeaveCrashedRunAsync(harness, "crashed-1", "test-shop-app-2");

        var recovered = await new CrashRecovery(harness.Journal, TestCatalog.Create(), harness.Time)
            .RecoverEnvironmentAsync(harness.Drill.Environment, harness.Driver, default);

        Assert.Equal(1, recovered);
        Assert.Equal(InstanceState.Running, harness.Driver["test-shop-app-2"].State);
        var run = await harness.Journal.GetRunAsync("crashed-1", default);
        Assert.Equal(RunStatus.Interrupted, run!.Status);
        Assert.Equal(UndoStatus.Reverted, (await harness.Journal.GetUndoEntriesAsync("crashed-1", default)).Single().Status);
        var events = await harness.Journal.GetEventsAsync("crashed-1", default);
        Assert.Contains(events, e => e.Kind == EventKinds.FaultReverted && e.Message.Contains("crash recovery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_run_on_the_environment_first_finishes_the_crashed_runs_restore()
    {
        using var harness = new EngineHarness(TestEnvironments.KillDrill(faultFor: "3s"));
        await LeaveCrashedRunAsync(harness, "crashed-2", "test-shop-app-3");

        var result = await harness.RunAsync();

        Assert.Equal(RunStatus.Interrupted, (await harness.Journal.GetRunAsync("crashed-2", default))!.Status);
        Assert.Equal(RunStatus.Completed, result.Status);
        var firstStart = harness.Driver.Calls.ToList().IndexOf("start test-shop-app-3");
        var firstKillOfNewRun = harness.Driver.Calls.ToList().FindLastIndex(c => c.StartsWith("kill", StringComparison.Ordinal));
        Assert.True(firstStart >= 0 && firstStart < firstKillOfNewRun, string.Join(" | ", harness.Driver.Calls));
    }

    private static async Task LeaveCrashedRunAsync(EngineHarness harness, string runId, string instance)
    {
        var now = harness.Time.GetUtcNow();
        await harness.Journal.CreateRunAsync(new RunRecord(runId, "kill-one", "test-shop", "fake", "test", harness.Drill.DrillFile, harness.Drill.Environment.SourceFile, RunStatus.Running, now), default);
        var entry = await harness.Journal.AddUndoAsync(runId, "kill-app", new UndoRecord("kill", instance, $$"""{"instances":["{{instance}}"]}"""), now, default);
        await harness.Driver.KillAsync(instance, "SIGKILL", default);
        await harness.Journal.SetUndoStatusAsync(entry, UndoStatus.Active, now, null, default);
    }
}
