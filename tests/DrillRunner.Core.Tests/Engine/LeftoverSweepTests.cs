using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Testing;
using DrillRunner.Timeline;

namespace DrillRunner.Core.Tests.Engine;

/// <summary>Every restore ends with a sweep of tagged leftovers; a sweep that cannot run fails the restore.</summary>
public sealed class LeftoverSweepTests
{
    [Fact]
    public async Task The_restore_phase_sweeps_and_reports_what_a_dead_run_left_behind()
    {
        using var harness = new EngineHarness(TestEnvironments.KillDrill(faultFor: "3s"));
        harness.Driver.LeaveBehind("test-shop-app-2: deleted iptables rule filter INPUT (drillrunner:test-shop:old-run)");

        var result = await harness.RunAsync();

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(1, harness.Driver.Sweeps);
        Assert.Contains(result.Timeline.Events, e => e.Kind == EventKinds.Note && e.Message.Contains("swept leftovers DrillRunner had tagged: test-shop-app-2: deleted iptables rule", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sweep_that_fails_marks_the_restore_failed_and_recovery_sweeps_again()
    {
        using var harness = new EngineHarness(TestEnvironments.KillDrill(faultFor: "3s"));
        harness.Driver.FailOn("sweep");

        var result = await harness.RunAsync();

        Assert.Equal(RunStatus.RestoreFailed, result.Status);
        Assert.Contains(result.Timeline.Events, e => e.Kind == EventKinds.Error && e.Message.StartsWith("SWEEP FAILED", StringComparison.Ordinal));
        harness.Driver.Heal();
        harness.Driver.LeaveBehind("left over");
        Assert.True(await new CrashRecovery(harness.Journal, TestCatalog.Create(), harness.Time).RecoverRunAsync(
            (await harness.Journal.GetRunAsync(result.RunId, default))!, harness.Drill.Environment, harness.Driver, default));
        Assert.Equal(RunStatus.Interrupted, (await harness.Journal.GetRunAsync(result.RunId, default))!.Status);
        Assert.Contains(await harness.Journal.GetEventsAsync(result.RunId, default), e => e.Message == "crash recovery: swept leftovers DrillRunner had tagged: left over");
    }
}
