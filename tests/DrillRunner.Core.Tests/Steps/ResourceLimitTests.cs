using DrillRunner.Core.Tests.Engine;
using DrillRunner.Journal;
using DrillRunner.Timeline;

namespace DrillRunner.Core.Tests.Steps;

/// <summary>cpu-limit and memory-limit against the fake driver: journaled first, read back, undone to what was there.</summary>
public sealed class ResourceLimitTests
{
    [Fact]
    public async Task A_cpu_limit_is_journaled_before_it_is_set_and_put_back_to_none_when_its_duration_ends()
    {
        using var harness = new EngineHarness(Drill("{ name: squeeze, kind: cpu-limit, at: 2s, service: app, count: 1, cpus: 0.25, duration: 3s }"));
        var journaledFirst = false;
        harness.Driver.BeforeCall = call =>
        {
            if (call.StartsWith("cpu-limit", StringComparison.Ordinal) && !journaledFirst)
            {
                var runs = harness.Journal.FindRunsAsync(new RunQuery(), default).GetAwaiter().GetResult();
                journaledFirst = harness.Journal.GetUndoEntriesAsync(runs.Single().Id, default).GetAwaiter().GetResult().Any(e => e.Record.Kind == "cpu-limit");
            }
        };
        var result = await harness.RunAsync();

        var change = result.Changes.Single();
        Assert.True(journaledFirst, "the undo record must be in the journal before the limit is set");
        Assert.Equal(UndoStatus.Reverted, change.Status);
        Assert.Equal(2, harness.Driver.Calls.Count(c => c == $"cpu-limit {change.Record.Target}"));
        Assert.Null(harness.Driver.LimitsOf(change.Record.Target).Cpus);
        Assert.Contains(result.Timeline.Events, e => e.Kind == EventKinds.FaultInjected && e.Message.Contains("cpu limited to 0.25 CPU", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_memory_limit_is_undone_to_the_limit_the_instance_had_before()
    {
        using var harness = new EngineHarness(Drill("{ name: cap, kind: memory-limit, at: 2s, service: app, count: 3, allowTotalOutage: true, limit: 64MiB, duration: 3s }"));
        var id = harness.Drill.Environment.Name + "-app-2";
        await harness.Driver.SetMemoryLimitAsync(id, 512L << 20, default);
        long? seen = null;
        harness.Driver.BeforeCall = call =>
        {
            if (call == $"memory-limit {id}" && seen is null)
            {
                seen = harness.Driver.LimitsOf(id).MemoryBytes;
            }
        };

        var result = await harness.RunAsync();

        Assert.Equal(UndoStatus.Reverted, result.Changes.Single().Status);
        Assert.Equal(512L << 20, harness.Driver.LimitsOf(id).MemoryBytes);
        Assert.Null(harness.Driver.LimitsOf(harness.Drill.Environment.Name + "-app-1").MemoryBytes);
    }

    [Fact]
    public async Task A_limit_that_does_not_read_back_fails_the_step_and_the_run_still_restores()
    {
        using var harness = new EngineHarness(Drill("{ name: squeeze, kind: cpu-limit, at: 2s, service: app, count: 1, cpus: 0.5, duration: 3s }"));
        harness.Driver.IgnoreLimits = true;

        var result = await harness.RunAsync();

        Assert.Equal(RunStatus.Errored, result.Status);
        Assert.Contains(result.Timeline.Events, e => e.Kind == EventKinds.Error && e.Message.Contains("cpu limit reads no limit after setting 0.5 CPU", StringComparison.Ordinal));
        Assert.Equal(UndoStatus.Reverted, result.Changes.Single().Status);
    }

    private static string Drill(string step) => $$"""
        name: limits
        environment: test-shop
        preflight: { window: 1s, timeout: 10s }
        probes:
          - { name: all-up, kind: service-up, service: app, minimumRunning: 3, interval: 250ms }
        steps:
          - {{step}}
        objectives:
          - { kind: recover, target: 15s }
        recovery: { consecutiveSamples: 2, deadline: 10s }
        """;
}
