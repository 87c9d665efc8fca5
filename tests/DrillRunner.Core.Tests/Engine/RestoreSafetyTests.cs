using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Testing;
using DrillRunner.Testing.Fakes;
using DrillRunner.Timeline;

namespace DrillRunner.Core.Tests.Engine;

/// <summary>The restore runs whatever the journal does, and a restore that failed is retried until it succeeds.</summary>
public sealed class RestoreSafetyTests
{
    [Fact]
    public async Task A_journal_that_fails_after_the_first_injection_does_not_stop_the_restore()
    {
        FlakyJournal? flaky = null;
        using var harness = new EngineHarness(TestEnvironments.KillDrill(faultFor: "3s"), inner => flaky = new FlakyJournal(inner));
        flaky!.FailWritesWhen = call => call == "SetUndoStatus Active";

        var result = await harness.RunAsync();

        var killed = result.Changes.Single().Record.Target;
        Assert.Equal(InstanceState.Running, harness.Driver[killed].State);
        Assert.Contains($"start {killed}", harness.Driver.Calls);
        Assert.True(flaky.FailedWrites > 0);
        // The journal never heard of the restore, so the run stays open for `drill recover`, which closes it.
        Assert.Equal(RunStatus.Running, (await harness.Journal.GetRunAsync(result.RunId, default))!.Status);
        flaky.Heal();
        var recovered = await new CrashRecovery(harness.Journal, TestCatalog.Create(), harness.Time).RecoverEnvironmentAsync(harness.Drill.Environment, harness.Driver, default);
        Assert.Equal(1, recovered);
        Assert.Equal(RunStatus.Interrupted, (await harness.Journal.GetRunAsync(result.RunId, default))!.Status);
        Assert.Equal(InstanceState.Running, harness.Driver[killed].State);
    }

    [Fact]
    public async Task A_journal_that_fails_when_the_restore_phase_begins_still_restores_everything()
    {
        FlakyJournal? flaky = null;
        using var harness = new EngineHarness(TestEnvironments.KillDrill(faultFor: "60s"), inner => flaky = new FlakyJournal(inner));
        using var abort = new CancellationTokenSource();
        var run = harness.Engine.RunAsync(harness.Drill, harness.Driver, new RunRequest { Seed = 1 }, abort.Token);

        var result = await FakeClock.RunAsync(harness.Time, FailTheJournalThenAbortAsync());

        Assert.Equal(RunStatus.Aborted, result.Status);
        var killed = result.Changes.Single().Record.Target;
        Assert.Equal(InstanceState.Running, harness.Driver[killed].State);
        Assert.Contains(result.Timeline.Events, e => e.Kind == EventKinds.Error && e.Message.StartsWith("journal write failed", StringComparison.Ordinal));
        Assert.Contains(result.Timeline.Events, e => e.Kind == EventKinds.FaultReverted);

        async Task<RunResult> FailTheJournalThenAbortAsync()
        {
            while ((await harness.Journal.GetUndoEntriesAsync((await harness.Journal.FindRunsAsync(new RunQuery(), default)).SingleOrDefault()?.Id ?? "", default)).All(e => e.Status != UndoStatus.Active))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
            }

            // From now on every write fails, starting with the event that opens the restore phase.
            flaky!.FailWritesWhen = _ => true;
            await abort.CancelAsync();
            return await run;
        }
    }

    [Fact]
    public async Task A_restore_that_failed_is_retried_by_recovery_until_it_succeeds()
    {
        using var harness = new EngineHarness(TestEnvironments.KillDrill(faultFor: "3s"));
        harness.Driver.FailOn("start");
        var result = await harness.RunAsync();
        Assert.Equal(RunStatus.RestoreFailed, result.Status);
        var killed = result.Changes.Single().Record.Target;
        var recovery = new CrashRecovery(harness.Journal, TestCatalog.Create(), harness.Time);

        // Still failing: retried, still RestoreFailed, nothing pretends otherwise.
        Assert.False(await recovery.RecoverRunAsync((await harness.Journal.GetRunAsync(result.RunId, default))!, harness.Drill.Environment, harness.Driver, default));
        Assert.Equal(RunStatus.RestoreFailed, (await harness.Journal.GetRunAsync(result.RunId, default))!.Status);

        harness.Driver.Heal();
        Assert.Equal(1, await recovery.RecoverEnvironmentAsync(harness.Drill.Environment, harness.Driver, default));

        Assert.Equal(RunStatus.Interrupted, (await harness.Journal.GetRunAsync(result.RunId, default))!.Status);
        Assert.Equal(UndoStatus.Reverted, (await harness.Journal.GetUndoEntriesAsync(result.RunId, default)).Single().Status);
        Assert.Equal(InstanceState.Running, harness.Driver[killed].State);
    }

    [Fact]
    public async Task Overlapping_faults_cannot_take_a_whole_service_down_without_allow_total_outage()
    {
        var drill = TestEnvironments.KillDrill(faultFor: "20s", extraSteps: """
              - name: kill-two-more
                kind: kill
                at: 4s
                service: app
                count: 2
                duration: 5s
            """);
        using var harness = new EngineHarness(drill);

        var result = await harness.RunAsync();

        Assert.Equal(RunStatus.Errored, result.Status);
        Assert.Contains("would leave no instance of 'app' running (2 of 3 running now)", result.Reason, StringComparison.Ordinal);
        Assert.Single(harness.Driver.Calls, c => c.StartsWith("kill", StringComparison.Ordinal));
        Assert.All(["test-shop-app-1", "test-shop-app-2", "test-shop-app-3"], id => Assert.Equal(InstanceState.Running, harness.Driver[id].State));
    }
}
