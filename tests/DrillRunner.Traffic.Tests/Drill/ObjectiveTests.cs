using DrillRunner.Objectives.Latency;
using DrillRunner.Objectives.UsersAffected;
using DrillRunner.Reports;
using DrillRunner.Scoring;
using DrillRunner.Timeline;
using DrillRunner.Units;
using static DrillRunner.Traffic.Tests.Drill.ObjectiveInputs;

namespace DrillRunner.Traffic.Tests.Drill;

public sealed class ObjectiveTests
{
    private static readonly LatencyOptions P99Of500 = new() { Kind = "latency", P99 = TimeSpan.FromMilliseconds(500) };

    [Fact]
    public void Latency_is_met_when_every_second_is_fast()
    {
        var seconds = Enumerable.Range(0, 30).Select(i => Second(i, 100, 10, 40, 80, 120)).ToList();

        var result = Create(P99Of500).Evaluate(Input(seconds), 10);

        Assert.True(result.Met);
        Assert.Equal(1, result.Score);
        Assert.Equal(10, result.Weight);
        Assert.Null(result.Remedy);
        Assert.InRange(Ms(result, "p99"), 70, 90);
    }

    [Fact]
    public void One_slow_second_among_many_fast_ones_does_not_set_the_p99()
    {
        var seconds = Enumerable.Range(0, 99).Select(i => Second(i, 100, 10, 40, 80, 100)).Append(Second(99, 100, 900, 1500, 2000, 2500)).ToList();

        var result = Create(P99Of500).Evaluate(Input(seconds), 10);

        Assert.True(result.Met, ObjectiveText.Achieved(result));
        Assert.Contains("worst second p99 2000ms", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slow_stretch_misses_the_bound_with_a_partial_score_and_a_remedy()
    {
        var fast = Enumerable.Range(0, 20).Select(i => Second(i, 100, 10, 40, 80, 100));
        var slow = Enumerable.Range(20, 10).Select(i => Second(i, 100, 300, 600, 700, 800));

        var result = Create(new LatencyOptions { Kind = "latency", P95 = TimeSpan.FromMilliseconds(400), P99 = TimeSpan.FromMilliseconds(500) })
            .Evaluate(Input([.. fast, .. slow]), 10);

        Assert.False(result.Met);
        var p99 = Ms(result, "p99");
        Assert.InRange(p99, 600, 800);
        Assert.InRange(result.Score, 0.01, 0.99);
        Assert.NotNull(result.Remedy);
    }

    [Fact]
    public void Latency_without_traffic_in_the_window_has_no_data()
    {
        var outside = new[] { Second(-5, 100, 10, 40, 80, 100) };

        var result = Create(P99Of500).Evaluate(Input(outside), 10);

        Assert.False(result.Met);
        Assert.Empty(result.Measurements);
        Assert.Equal("no data", result.Unmeasured);
    }

    [Fact]
    public void Users_affected_is_the_share_of_users_with_a_failed_request_over_all_sources()
    {
        TrafficSummary[] summaries = [new("baseline", 100, 100, 95, 5, 100, 8, 10, 20), new("promo", 400, 400, 390, 10, 100, 12, 10, 20)];
        var options = new UsersAffectedOptions { Kind = "users-affected", Max = new Percentage(0.2) };

        var met = Create(options).Evaluate(Input([], summaries), 20);
        var missed = Create(options).Evaluate(Input([], [summaries[0] with { UsersAffected = 30 }]), 20);

        Assert.True(met.Met);
        Assert.Equal(new Measurement("users-affected", 0.1, MeasurementUnit.Ratio), met.Measurements.Single());
        Assert.Equal("10%", ObjectiveText.Achieved(met));
        Assert.Equal(20, met.Weight);
        Assert.False(missed.Met);
        Assert.Equal(0.3, missed.Find("users-affected")!.Value, 6);
        Assert.Equal(0.5, missed.Score, 6);
        Assert.NotNull(missed.Remedy);
    }

    [Fact]
    public void Default_weights_are_ten_for_latency_and_twenty_for_users_affected()
    {
        Assert.Equal(10, Create(P99Of500).DefaultWeight);
        Assert.Equal(20, Create(new UsersAffectedOptions { Kind = "users-affected" }).DefaultWeight);
    }

    private static double Ms(ObjectiveResult result, string name)
    {
        var measured = result.Find(name)!;
        Assert.Equal(MeasurementUnit.Seconds, measured.Unit);
        return measured.AsDuration().TotalMilliseconds;
    }
}
