using DrillRunner.Objectives.DataLoss;
using DrillRunner.Reports;
using DrillRunner.Scoring;
using DrillRunner.Timeline;
using static DrillRunner.Core.Tests.Objectives.CanaryTimeline;

namespace DrillRunner.Core.Tests.Objectives;

public sealed class DataLossObjectiveTests
{
    private static readonly DataLossOptions Rpo5sNoLoss = new() { Kind = "data-loss", Rpo = TimeSpan.FromSeconds(5), MaxLostWrites = 0 };

    [Fact]
    public void When_every_acknowledged_write_survives_the_rpo_is_zero_and_the_gate_is_met()
    {
        var result = Evaluate(Rpo5sNoLoss, Regular(10));

        Assert.True(result.Met);
        Assert.Equal([Measurement.Duration("rpo", TimeSpan.Zero), Measurement.Count("lost-writes", 0)], result.Measurements);
        Assert.Equal(("rpo <= 5s, <= 0 lost writes", "rpo 0s, 0 lost writes"), (ObjectiveText.Target(result), ObjectiveText.Achieved(result)));
        Assert.True(result.IsGate);
        Assert.Equal(20, new DataLossObjective(Rpo5sNoLoss).DefaultWeight);
    }

    [Fact]
    public void The_rpo_runs_from_the_newest_survivor_before_the_newest_lost_write_and_lost_writes_are_listed()
    {
        var timeline = Regular(10).Set(4, CanaryOutcome.Missing).Set(5, CanaryOutcome.Missing).Set(6, CanaryOutcome.Different);

        var result = Evaluate(new DataLossOptions { Kind = "data-loss", Rpo = TimeSpan.FromSeconds(5) }, timeline);
        var findings = DataLossAnalysis.Analyze(timeline.Input().Timeline, Probe);

        // Newest lost: #6 acknowledged at 5.05s; newest survivor acknowledged before it: #3 at 2.05s.
        Assert.Equal(TimeSpan.FromSeconds(3), result.Find("rpo")!.AsDuration());
        Assert.Equal(3, result.Find("lost-writes")!.Value);
        Assert.True(result.Met);
        Assert.Equal([4L, 5, 6], findings.Lost.Select(l => l.Sequence));
        Assert.Equal([At(3.05), At(4.05), At(5.05)], findings.Lost.Select(l => l.AckAt));
        Assert.Equal(CanaryOutcome.Different, findings.Lost[2].Outcome);
        Assert.Contains("10 acknowledged writes of canary 'orders-canary' read back: 7 survived, 3 lost (#4 acknowledged 10:00:03.050", result.Detail, StringComparison.Ordinal);
        Assert.False(Evaluate(Rpo5sNoLoss, timeline).Met);
    }

    [Fact]
    public void Out_of_order_acknowledgements_are_ordered_by_when_they_were_acknowledged_not_by_sequence()
    {
        // #8 was acknowledged before #7; #8 is lost. The survivor "before" #8 is #6: #7 came back after it.
        var timeline = new CanaryTimeline();
        foreach (var (n, ack) in new[] { (5, 4.05), (6, 5.05), (7, 7.6), (8, 7.2), (9, 8.05) })
        {
            timeline.Ack(n, ack).Check(n, n == 8 ? CanaryOutcome.Missing : CanaryOutcome.Found);
        }

        var result = Evaluate(Rpo5sNoLoss, timeline);

        Assert.Equal(2.15, result.Find("rpo")!.Value, 3);
    }

    [Fact]
    public void A_retried_write_acknowledged_twice_survives_when_either_copy_does_and_is_noted()
    {
        var timeline = Regular(4);
        timeline.Ack(3, 2.5, id: "o3-retry").Check(3, CanaryOutcome.Found, id: "o3-retry").Set(3, CanaryOutcome.Missing).Check(3, CanaryOutcome.Found, id: "o3-retry");

        var result = Evaluate(Rpo5sNoLoss, timeline);

        Assert.True(result.Met, result.Detail);
        Assert.Equal(0, result.Find("lost-writes")!.Value);
        Assert.Contains("write #3 was acknowledged 2 times (ids o3, o3-retry)", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void One_id_for_two_writes_loses_the_one_whose_content_is_not_there()
    {
        var timeline = new CanaryTimeline();
        timeline.Ack(1, 0.05).Check(1, CanaryOutcome.Found).Ack(2, 1.05, id: "same").Check(2, CanaryOutcome.Different).Ack(3, 2.05, id: "same").Check(3, CanaryOutcome.Found);

        var result = Evaluate(Rpo5sNoLoss, timeline);

        Assert.Equal(1, result.Find("lost-writes")!.Value);
        Assert.Equal(TimeSpan.FromSeconds(1), result.Find("rpo")!.AsDuration());
        Assert.Contains("id 'same' was acknowledged for 2 writes (#2 #3): at most one of them can be stored under it", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void One_id_for_two_writes_that_both_read_back_leaves_the_loss_unknown()
    {
        var timeline = new CanaryTimeline();
        timeline.Ack(1, 0.05, id: "same").Check(1, CanaryOutcome.Found).Ack(2, 1.05, id: "same").Check(2, CanaryOutcome.Found);

        var result = Evaluate(Rpo5sNoLoss, timeline);

        AssertUnknown(result, "id 'same' was acknowledged for 2 writes (#1 #2) and the read path cannot tell them apart");
    }

    [Fact]
    public void An_unreadable_write_makes_the_loss_unknown_which_fails_the_gate_and_is_never_zero()
    {
        var timeline = Regular(5).Set(2, CanaryOutcome.Unreadable);

        var result = Evaluate(new DataLossOptions { Kind = "data-loss", MaxLostWrites = 10 }, timeline);

        AssertUnknown(result, "1 acknowledged writes could not be read back (#2; status 404)");
    }

    [Fact]
    public void Writes_acknowledged_without_an_id_make_the_loss_unknown()
    {
        var timeline = Regular(3).Ack(4, 3.05, id: null).Check(4, CanaryOutcome.Unreadable, id: null);

        AssertUnknown(Evaluate(Rpo5sNoLoss, timeline), "1 writes acknowledged without an id (#4): they cannot be read back");
    }

    [Fact]
    public void A_canary_that_was_never_acknowledged_or_never_read_back_is_unknown()
    {
        AssertUnknown(Evaluate(Rpo5sNoLoss, new CanaryTimeline()), "");
        var unread = new CanaryTimeline().Ack(1, 0.05).Ack(2, 1.05);
        AssertUnknown(Evaluate(Rpo5sNoLoss, unread), "no acknowledged write was read back");
    }

    [Fact]
    public void When_no_earlier_write_survived_the_rpo_is_a_lower_bound_from_the_first_send()
    {
        var timeline = Regular(4).Set(1, CanaryOutcome.Missing).Set(2, CanaryOutcome.Missing);

        var result = Evaluate(Rpo5sNoLoss, timeline);

        Assert.Equal(TimeSpan.FromSeconds(1.05), result.Find("rpo")!.AsDuration());
        Assert.Contains("no earlier write survived, so the RPO is at least 1.1s", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_latest_read_back_of_a_write_decides()
    {
        var timeline = Regular(4);
        timeline.Check(2, CanaryOutcome.Missing, CanaryRounds.AfterRecovery).Check(3, CanaryOutcome.Found, CanaryRounds.AfterRecovery).Set(3, CanaryOutcome.Missing);

        var result = Evaluate(Rpo5sNoLoss, timeline);
        var findings = DataLossAnalysis.Analyze(timeline.Input().Timeline, Probe);

        Assert.Equal([3L], findings.Lost.Select(l => l.Sequence));
        Assert.Contains("1 writes were not readable as written in one round and were in a later one (#2)", result.Detail, StringComparison.Ordinal);
    }

    private static ObjectiveResult Evaluate(DataLossOptions options, CanaryTimeline timeline) => new DataLossObjective(options).Evaluate(timeline.Input(), 20);

    private static void AssertUnknown(ObjectiveResult result, string reason)
    {
        Assert.False(result.Met);
        Assert.Equal(0, result.Score);
        Assert.Empty(result.Measurements);
        Assert.Equal("unknown", ObjectiveText.Achieved(result));
        Assert.Contains(reason, result.Detail, StringComparison.Ordinal);
        Assert.NotNull(result.Remedy);
    }
}
