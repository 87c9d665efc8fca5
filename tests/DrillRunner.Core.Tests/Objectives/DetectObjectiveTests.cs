using DrillRunner.Objectives.Detect;
using DrillRunner.Reports;
using DrillRunner.Scoring;
using DrillRunner.Timeline;
using static DrillRunner.Core.Tests.Objectives.ObjectiveInputs;

namespace DrillRunner.Core.Tests.Objectives;

public sealed class DetectObjectiveTests
{
    [Fact]
    public void Time_to_detect_runs_from_the_first_failing_sample_to_the_notification_of_the_first_alert()
    {
        var result = Evaluate(Run([Alert("ShopErrors", firedAt: 48, receivedAt: 50)]));

        Assert.True(result.Met);
        Assert.Equal(TimeSpan.FromSeconds(40), result.Find(Measures.TimeToDetect)!.AsDuration());
        Assert.Equal("40s", ObjectiveText.Achieved(result));
        Assert.Contains("fired 10:00:48.000, notification received 10:00:50.000 (2s later)", result.Detail, StringComparison.Ordinal);
        Assert.Contains("runner probes saw the first failure 5s after the fault", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_polled_alert_is_timed_by_its_own_start_never_by_the_poll()
    {
        var result = Evaluate(Run([Alert("ShopErrors", firedAt: 33)]));

        Assert.Equal("23s", ObjectiveText.Achieved(result));
        Assert.Contains("no notification received (timed by the alert's own start, from polling)", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void No_alert_is_a_failed_detection_even_though_the_probes_saw_it()
    {
        var result = Evaluate(Run());

        Assert.False(result.Met);
        Assert.Equal("not detected", ObjectiveText.Achieved(result));
        Assert.Contains("no matching alert fired", result.Detail, StringComparison.Ordinal);
        Assert.NotNull(result.Remedy);
    }

    [Fact]
    public void An_unreachable_source_says_so_and_never_passes()
    {
        var unreachable = new TimelineEvent(T0.AddSeconds(1), EventKinds.AlertSourceUnreachable, "alert source http://127.0.0.1:9 unreachable: refused");

        var result = Evaluate(Run(events: [unreachable], failing: false));

        Assert.False(result.Met);
        Assert.Equal(0, result.Score);
        Assert.Equal("not detected: source unreachable", ObjectiveText.Achieved(result));
    }

    [Fact]
    public void A_slow_alert_misses_the_target()
    {
        var result = Evaluate(Run([Alert("ShopErrors", firedAt: 170, receivedAt: 180)]));

        Assert.False(result.Met);
        Assert.Equal("2m50s", ObjectiveText.Achieved(result));
    }

    [Fact]
    public void An_alert_that_fired_before_the_fault_does_not_count_even_if_its_notification_comes_later()
    {
        var result = Evaluate(Run([Alert("Stale", firedAt: -30, receivedAt: 20)]));

        Assert.False(result.Met);
        Assert.Equal("not detected", ObjectiveText.Achieved(result));
    }

    [Fact]
    public void An_alert_before_any_failure_is_met_and_says_no_sample_failed()
    {
        var result = Evaluate(Run([Alert("ShopSaturated", firedAt: 8, receivedAt: 9)], failing: false));

        Assert.True(result.Met);
        Assert.Equal(TimeSpan.Zero, result.Find(Measures.TimeToDetect)!.AsDuration());
        Assert.Contains("the alert came before any failing sample", result.Detail, StringComparison.Ordinal);
    }

    private static ObjectiveResult Evaluate(ScoringInput input) =>
        new DetectObjective(new DetectOptions { Target = TimeSpan.FromMinutes(2) }).Evaluate(input, 15);
}
