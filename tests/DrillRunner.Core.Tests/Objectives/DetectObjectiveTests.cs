using DrillRunner.Model;
using DrillRunner.Objectives.Detect;
using DrillRunner.Reports;
using DrillRunner.Scoring;
using DrillRunner.Timeline;

namespace DrillRunner.Core.Tests.Objectives;

public sealed class DetectObjectiveTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Time_to_detect_runs_from_the_first_failing_sample_to_the_first_alert()
    {
        var result = Evaluate([new TimelineEvent(T0.AddSeconds(50), EventKinds.Alert, "alert ShopErrors firing")]);

        Assert.True(result.Met);
        Assert.Equal(TimeSpan.FromSeconds(40), result.Find("time-to-detect")!.AsDuration());
        Assert.Contains("runner probes saw the first failure 5s after the fault", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void No_alert_is_a_failed_detection_even_though_the_probes_saw_it()
    {
        var result = Evaluate([new TimelineEvent(T0.AddSeconds(1), EventKinds.Note, "alert source http://127.0.0.1:9 unreachable: refused")]);

        Assert.False(result.Met);
        Assert.Empty(result.Measurements);
        Assert.Equal("not detected", result.Unmeasured);
        Assert.Contains("unreachable", result.Detail, StringComparison.Ordinal);
        Assert.NotNull(result.Remedy);
    }

    [Fact]
    public void A_slow_alert_misses_the_target()
    {
        var result = Evaluate([new TimelineEvent(T0.AddMinutes(3), EventKinds.Alert, "alert ShopErrors firing")]);

        Assert.False(result.Met);
        Assert.Equal("2m50s", ObjectiveText.Achieved(result));
    }

    [Fact]
    public void An_alert_that_fired_before_the_fault_does_not_count()
    {
        var result = Evaluate([new TimelineEvent(T0.AddSeconds(-30), EventKinds.Alert, "alert Stale firing")]);
        Assert.False(result.Met);
    }

    private static ObjectiveResult Evaluate(IReadOnlyList<TimelineEvent> events)
    {
        // Fault at +5s; probes fail from +10s to +60s.
        var samples = Enumerable.Range(0, 90).Select(t => new ProbeSample("p", T0.AddSeconds(t), t is < 10 or > 60, 1)).ToList();
        var input = new ScoringInput(
            new TimelineSnapshot(events, samples, [], []),
            [],
            new RunWindow(T0, T0.AddSeconds(5), T0.AddSeconds(70), T0.AddSeconds(71), T0.AddSeconds(90)),
            new RecoverySpec());
        return new DetectObjective(new DetectOptions { Target = TimeSpan.FromMinutes(2) }).Evaluate(input, 15);
    }
}
