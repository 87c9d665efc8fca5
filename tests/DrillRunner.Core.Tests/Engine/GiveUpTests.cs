using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Testing;

namespace DrillRunner.Core.Tests.Engine;

/// <summary>A failed restore is retried until it succeeds or a human gives up on it, with a reason; then it is left alone.</summary>
public sealed class GiveUpTests
{
    [Fact]
    public async Task A_given_up_restore_is_recorded_with_who_and_why_and_no_longer_retried()
    {
        using var harness = new EngineHarness(TestEnvironments.KillDrill(faultFor: "3s"));
        harness.Driver.FailOn("start");
        var result = await harness.RunAsync();
        Assert.Equal(RunStatus.RestoreFailed, result.Status);
        var recovery = new CrashRecovery(harness.Journal, TestCatalog.Create(), harness.Time);
        var run = (await harness.Journal.GetRunAsync(result.RunId, default))!;

        var left = await recovery.GiveUpAsync(run, "cli:carol", "container recreated by hand", default);

        var entry = Assert.Single(left);
        Assert.Equal(result.Changes.Single().Record.Target, entry.Record.Target);
        Assert.Equal(RunStatus.GivenUp, (await harness.Journal.GetRunAsync(result.RunId, default))!.Status);
        Assert.Equal(UndoStatus.GivenUp, (await harness.Journal.GetUndoEntriesAsync(result.RunId, default)).Single().Status);
        var events = await harness.Journal.GetEventsAsync(result.RunId, default);
        Assert.Contains(events, e => e.Message.StartsWith("restore given up by cli:carol: container recreated by hand", StringComparison.Ordinal));

        // Recovery and sweeps no longer see it; the driver is not called again.
        var calls = harness.Driver.Calls.Count;
        Assert.Empty(await recovery.FindUnfinishedAsync(harness.Drill.Environment.Name, default));
        Assert.Equal(0, await recovery.RecoverEnvironmentAsync(harness.Drill.Environment, harness.Driver, default));
        Assert.Equal(calls, harness.Driver.Calls.Count);
    }

    [Fact]
    public async Task Only_a_failed_restore_can_be_given_up()
    {
        using var harness = new EngineHarness(TestEnvironments.KillDrill(faultFor: "3s"));
        var result = await harness.RunAsync();
        var recovery = new CrashRecovery(harness.Journal, TestCatalog.Create(), harness.Time);

        var run = (await harness.Journal.GetRunAsync(result.RunId, default))!;

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => recovery.GiveUpAsync(run, "cli:carol", "why not", default));

        Assert.Contains("is Completed, not RestoreFailed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Completed, (await harness.Journal.GetRunAsync(result.RunId, default))!.Status);
    }
}
