using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Scoring;
using DrillRunner.Testing;
using DrillRunner.Timeline;

namespace DrillRunner.Core.Tests.Engine;

public sealed class DrillEngineTests
{
    [Fact]
    public async Task Kill_fault_is_injected_then_reverted_when_its_duration_ends()
    {
        using var harness = new EngineHarness(TestEnvironments.KillDrill(faultFor: "5s"));

        var result = await harness.RunAsync();

        Assert.Equal(RunStatus.Completed, result.Status);
        var change = Assert.Single(result.Changes);
        Assert.Equal(UndoStatus.Reverted, change.Status);
        var killed = change.Record.Target;
        Assert.Contains($"kill {killed}", harness.Driver.Calls);
        Assert.Contains($"start {killed}", harness.Driver.Calls);
        Assert.Equal(InstanceState.Running, harness.Driver[killed].State);
        var injected = result.Timeline.Events.Single(e => e.Kind == EventKinds.FaultInjected).At;
        var reverted = result.Timeline.Events.Single(e => e.Kind == EventKinds.FaultReverted).At;
        Assert.InRange(reverted - injected, TimeSpan.FromSeconds(4.9), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task The_run_is_scored_from_what_the_probes_saw()
    {
        using var harness = new EngineHarness(TestEnvironments.KillDrill(faultFor: "5s"));

        var result = await harness.RunAsync();

        var score = Assert.IsType<Score>(result.Score);
        var recover = score.Objectives.Single(o => o.Kind == "recover");
        Assert.True(recover.Met, recover.Detail);
        // The probe needs all three instances: it fails from the kill until the restart, about 5s.
        var rto = recover.Find("rto")!.AsDuration();
        Assert.InRange(rto, TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(6));
        Assert.Equal(Verdict.Pass, score.Verdict);
    }

    [Fact]
    public async Task Kill_fault_is_reverted_when_the_run_is_aborted()
    {
        using var harness = new EngineHarness(TestEnvironments.KillDrill(faultFor: "60s"));
        using var abort = new CancellationTokenSource();
        var run = harness.Engine.RunAsync(harness.Drill, harness.Driver, new RunRequest { Seed = 1 }, abort.Token);
        var abortedAt = DateTimeOffset.MinValue;

        var result = await FakeClock.RunAsync(harness.Time, AbortWhenInjectedAsync());

        Assert.Equal(RunStatus.Aborted, result.Status);
        Assert.Equal(UndoStatus.Reverted, Assert.Single(result.Changes).Status);
        Assert.All(await harness.Driver.ListInstancesAsync("app", default), i => Assert.Equal(InstanceState.Running, i.State));
        var restoreStarted = result.Timeline.Events.First(e => e.Message == "phase restore").At;
        Assert.True(restoreStarted - abortedAt < TimeSpan.FromSeconds(1), $"restore started {restoreStarted - abortedAt} after the abort");

        async Task<RunResult> AbortWhenInjectedAsync()
        {
            while (!harness.Driver.Calls.Any(c => c.StartsWith("kill", StringComparison.Ordinal)))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
            abortedAt = harness.Time.GetUtcNow();
            await abort.CancelAsync();
            return await run;
        }
    }

    [Fact]
    public async Task A_fault_that_throws_mid_injection_is_still_restored_with_everything_before_it()
    {
        var extra = """
              - name: half
                kind: half-fault
                at: 3s
                instance: test-shop-lb-1
            """;
        using var harness = new EngineHarness(TestEnvironments.KillDrill(faultFor: "60s", extraSteps: extra));

        var result = await harness.RunAsync();

        Assert.Equal(RunStatus.Errored, result.Status);
        Assert.Contains("injection failed halfway", result.Reason, StringComparison.Ordinal);
        Assert.Equal(2, result.Changes.Count);
        Assert.All(result.Changes, c => Assert.Equal(UndoStatus.Reverted, c.Status));
        Assert.Equal(InstanceState.Running, harness.Driver["test-shop-lb-1"].State);
        // Reverse order: the half-injected fault first, then the kill.
        var undoCalls = harness.Driver.Calls.Where(c => c.StartsWith("start", StringComparison.Ordinal)).ToList();
        Assert.Equal(["start test-shop-lb-1", $"start {result.Changes[0].Record.Target}"], undoCalls);
    }

    [Fact]
    public async Task A_failed_undo_ends_the_run_restore_failed_and_says_so()
    {
        using var harness = new EngineHarness(TestEnvironments.KillDrill(faultFor: "3s"));
        harness.Driver.FailOn("start");

        var result = await harness.RunAsync();

        Assert.Equal(RunStatus.RestoreFailed, result.Status);
        Assert.Equal(UndoStatus.Failed, Assert.Single(result.Changes).Status);
        Assert.Contains(result.Timeline.Events, e => e.Kind == EventKinds.Error && e.Message.Contains("RESTORE FAILED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_whose_preflight_fails_changes_nothing()
    {
        using var harness = new EngineHarness(TestEnvironments.KillDrill());
        await harness.Driver.KillAsync("test-shop-app-2", "SIGKILL", default);

        var result = await harness.RunAsync();

        Assert.Equal(RunStatus.NotStarted, result.Status);
        Assert.Empty(result.Changes);
        Assert.Null(result.Score);
        Assert.Equal(["kill test-shop-app-2"], harness.Driver.Calls);
    }

    [Fact]
    public async Task An_abort_condition_stops_injection_and_restores()
    {
        var abort = """
            abort:
              - kind: probe-failing
                for: 3s
            """;
        using var harness = new EngineHarness(TestEnvironments.KillDrill(faultFor: "60s", abort: abort));

        var result = await harness.RunAsync();

        Assert.Equal(RunStatus.Aborted, result.Status);
        Assert.Contains("probe 'all-up' failing", result.Reason, StringComparison.Ordinal);
        Assert.Equal(UndoStatus.Reverted, Assert.Single(result.Changes).Status);
        var injected = result.Timeline.Events.Single(e => e.Kind == EventKinds.FaultInjected).At;
        var restore = result.Timeline.Events.Single(e => e.Message == "phase restore").At;
        Assert.InRange(restore - injected, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_journal_holds_the_undo_record_before_the_fault_is_injected()
    {
        using var harness = new EngineHarness(TestEnvironments.KillDrill(faultFor: "2s"));
        UndoEntry? seenAtKill = null;
        harness.Driver.BeforeCall = call =>
        {
            if (call.StartsWith("kill", StringComparison.Ordinal))
            {
                seenAtKill = harness.Journal.GetUndoEntriesAsync("r1", default).GetAwaiter().GetResult().SingleOrDefault();
            }
        };

        await FakeClock.RunAsync(harness.Time, harness.Engine.RunAsync(harness.Drill, harness.Driver, new RunRequest { RunId = "r1", Seed = 3 }, default));

        Assert.NotNull(seenAtKill);
        Assert.Equal("kill", seenAtKill.Record.Kind);
        Assert.Equal(UndoStatus.Pending, seenAtKill.Status);
    }
}
