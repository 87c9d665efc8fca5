using DrillRunner.Objectives.Alert;
using DrillRunner.Reports;
using DrillRunner.Scoring;
using DrillRunner.Timeline;
using static DrillRunner.Core.Tests.Objectives.ObjectiveInputs;

namespace DrillRunner.Core.Tests.Objectives;

public sealed class AlertObjectiveTests
{
    [Fact]
    public void Only_the_named_alert_counts()
    {
        var result = Evaluate(Run([Alert("ShopErrors", firedAt: 12, receivedAt: 13), Alert("ShopSlow", firedAt: 25, receivedAt: 27)]));

        Assert.True(result.Met);
        Assert.Equal("17s", ObjectiveText.Achieved(result));
        Assert.Equal("<= 20s", ObjectiveText.Target(result));
        Assert.Equal(TimeSpan.FromSeconds(17), result.Find(Measures.TimeToAlert)!.AsDuration());
        Assert.StartsWith("alert ShopSlow: ", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_named_alert_arriving_later_than_the_target_misses_it()
    {
        var result = Evaluate(Run([Alert("ShopSlow", firedAt: 29, receivedAt: 31)]));

        Assert.False(result.Met);
        Assert.Equal("21s", ObjectiveText.Achieved(result));
        Assert.Contains("ShopSlow", result.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_alert_firing_does_not_make_the_named_one_detected()
    {
        var result = Evaluate(Run([Alert("ShopErrors", firedAt: 12, receivedAt: 13)]));

        Assert.False(result.Met);
        Assert.Equal("not detected", ObjectiveText.Achieved(result));
    }

    [Fact]
    public void An_unreachable_source_is_not_detected_never_a_pass()
    {
        var events = new[] { new TimelineEvent(T0, EventKinds.AlertSourceUnreachable, "alert source http://127.0.0.1:1 unreachable: refused") };

        var result = Evaluate(Run(events: events));

        Assert.False(result.Met);
        Assert.Equal("not detected: source unreachable", ObjectiveText.Achieved(result));
    }

    private static ObjectiveResult Evaluate(ScoringInput input) =>
        new AlertObjective(new AlertOptions { Name = "ShopSlow", Within = TimeSpan.FromSeconds(20) }).Evaluate(input, 15);
}
