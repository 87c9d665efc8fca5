using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Engine.Halt;
using DrillRunner.Journal;
using DrillRunner.Scoring;
using DrillRunner.Testing;
using DrillRunner.Timeline;

namespace DrillRunner.Core.Tests.Engine;

/// <summary>The halt-all switch and the maximum run length stop a run from outside its drill, and the run says so.</summary>
public sealed class HaltAndBoundsTests
{
    [Fact]
    public async Task A_halt_stops_injection_within_a_second_restores_and_the_run_is_not_scored_as_a_pass()
    {
        FileHaltSwitch? halt = null;
        using var harness = new EngineHarness(TestEnvironments.KillDrill(faultFor: "60s"), safety: h => new EngineSafety { Halt = halt = new FileHaltSwitch(h.Folder, h.Time) });
        var run = harness.Engine.RunAsync(harness.Drill, harness.Driver, new RunRequest { Seed = 1 }, CancellationToken.None);
        DateTimeOffset haltedAt = default;

        var result = await FakeClock.RunAsync(harness.Time, HaltWhenInjectedAsync());

        Assert.Equal(RunStatus.Aborted, result.Status);
        Assert.StartsWith("halt-all by test:alice", result.Reason, StringComparison.Ordinal);
        Assert.Contains("big red button", result.Reason, StringComparison.Ordinal);
        var killed = result.Changes.Single().Record.Target;
        Assert.Equal(InstanceState.Running, harness.Driver[killed].State);
        var restoreAt = result.Timeline.Events.Single(e => e.Kind == EventKinds.Phase && e.Message == "phase restore").At;
        Assert.InRange(restoreAt - haltedAt, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Equal(Verdict.Inconclusive, result.Score!.Verdict);
        Assert.Contains(result.Score.ValidityProblems, p => p.Contains("stopped before its plan ended", StringComparison.Ordinal));

        async Task<RunResult> HaltWhenInjectedAsync()
        {
            while ((await harness.Journal.FindRunsAsync(new RunQuery(), default)).SingleOrDefault() is not { } record
                || (await harness.Journal.GetUndoEntriesAsync(record.Id, default)).All(e => e.Status != UndoStatus.Active))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
            }

            haltedAt = harness.Time.GetUtcNow();
            await halt!.HaltAsync("test:alice", "big red button", default);
            return await run;
        }
    }

    [Fact]
    public async Task While_halted_a_run_is_refused_before_it_changes_or_records_anything_and_runs_again_once_released()
    {
        FileHaltSwitch? halt = null;
        using var harness = new EngineHarness(TestEnvironments.KillDrill(faultFor: "3s"), safety: h => new EngineSafety { Halt = halt = new FileHaltSwitch(h.Folder, h.Time) });
        await halt!.HaltAsync("test:bob", "change freeze", default);

        var refused = await Assert.ThrowsAsync<HaltedException>(() => harness.RunAsync());

        Assert.Contains("halted by test:bob", refused.Message, StringComparison.Ordinal);
        Assert.Contains("change freeze", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await harness.Journal.FindRunsAsync(new RunQuery(), default));
        Assert.DoesNotContain(harness.Driver.Calls, c => c.StartsWith("kill", StringComparison.Ordinal));

        Assert.True(await halt.ReleaseAsync(default));
        Assert.Equal(RunStatus.Completed, (await harness.RunAsync()).Status);
    }

    [Fact]
    public async Task A_halt_file_that_cannot_be_read_counts_as_a_halt()
    {
        using var folder = new TempFolder();
        folder.Write(FileHaltSwitch.FileName, "{ not json");

        var state = await new FileHaltSwitch(folder.Path, TimeProvider.System).ReadAsync(default);

        Assert.NotNull(state);
        Assert.Contains("cannot be read", state.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_outlives_its_maximum_length_stops_injecting_and_restores()
    {
        var drill = TestEnvironments.KillDrill(faultFor: "5s", extraSteps: """
              - name: wait-for-a-human
                kind: wait-for-ack
                at: 3s
                prompt: nobody answers
                timeout: 1h
            """).Replace("name: kill-one", "name: kill-one\nmaxDuration: 30s", StringComparison.Ordinal)
            .Replace("duration: 5s", "duration: 20s", StringComparison.Ordinal);
        using var harness = new EngineHarness(drill);

        var result = await FakeClock.RunAsync(harness.Time, harness.Engine.RunAsync(harness.Drill, harness.Driver, new RunRequest { Seed = 1, Operator = new NobodyAnswers() }, default));

        Assert.Equal(RunStatus.Aborted, result.Status);
        Assert.Equal("maximum run length 30s reached", result.Reason);
        var abortAt = result.Timeline.Events.First(e => e.Kind == EventKinds.Abort).At;
        Assert.InRange(abortAt - result.StartedAt, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(31));
        Assert.All(result.Changes, c => Assert.Equal(UndoStatus.Reverted, c.Status));
        Assert.Equal(Verdict.Inconclusive, result.Score!.Verdict);
    }

    private sealed class NobodyAnswers : IOperatorChannel
    {
        public async Task<string> WaitForAcknowledgementAsync(string runId, string step, string prompt, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
            return "nobody";
        }
    }
}
