using DrillRunner.Reports;
using DrillRunner.Scoring;

namespace DrillRunner.Core.Tests.Reports;

public sealed class ObjectiveTextTests
{
    [Fact]
    public void One_measurement_is_written_as_its_value_several_with_their_names_and_counts_with_what_they_count()
    {
        var rto = Result([Bound.AtMost("rto", TimeSpan.FromSeconds(10))], [Measurement.Duration("rto", TimeSpan.FromSeconds(12.5))]);
        var latency = Result(
            [Bound.AtMost("p95", TimeSpan.FromMilliseconds(500)), Bound.AtMost("p99", TimeSpan.FromSeconds(1))],
            [Measurement.Duration("p95", TimeSpan.FromMilliseconds(80)), Measurement.Duration("p99", TimeSpan.FromMilliseconds(1200))]);
        var dataLoss = Result(
            [Bound.AtMost("rpo", TimeSpan.FromSeconds(5)), Bound.AtMost("lost-writes", 0)],
            [Measurement.Duration("rpo", TimeSpan.FromSeconds(4.8)), Measurement.Count("lost-writes", 3)]);
        var availability = Result([Bound.AtLeastRatio("availability", 0.995)], [Measurement.Ratio("availability", 0.9871)]);

        Assert.Equal(("<= 10s", "12.5s"), (ObjectiveText.Target(rto), ObjectiveText.Achieved(rto)));
        Assert.Equal(("p95 <= 500ms, p99 <= 1s", "p95 80ms, p99 1.2s"), (ObjectiveText.Target(latency), ObjectiveText.Achieved(latency)));
        Assert.Equal(("rpo <= 5s, <= 0 lost writes", "rpo 4.8s, 3 lost writes"), (ObjectiveText.Target(dataLoss), ObjectiveText.Achieved(dataLoss)));
        Assert.Equal((">= 99.5%", "98.71%"), (ObjectiveText.Target(availability), ObjectiveText.Achieved(availability)));
    }

    [Fact]
    public void Without_a_measurement_the_reason_is_written()
    {
        var result = Result([Bound.AtMost("rto", TimeSpan.FromMinutes(1))], []) with { Unmeasured = "not recovered" };

        Assert.Equal("not recovered", ObjectiveText.Achieved(result));
        Assert.Equal("<= 1m", ObjectiveText.Target(result));
    }

    [Theory]
    [InlineData(9.9, true)]
    [InlineData(10, true)]
    [InlineData(10.1, false)]
    public void A_bound_is_met_only_by_a_measurement_of_its_name_and_unit_within_it(double seconds, bool met)
    {
        var bound = Bound.AtMost("rto", TimeSpan.FromSeconds(10));

        Assert.Equal(met, bound.IsMetBy([Measurement.Duration("rto", TimeSpan.FromSeconds(seconds))]));
        Assert.False(bound.IsMetBy([Measurement.Duration("p99", TimeSpan.FromSeconds(seconds))]));
        Assert.False(bound.IsMetBy([Measurement.Count("rto", 1)]));
        Assert.False(bound.IsMetBy([]));
    }

    private static ObjectiveResult Result(IReadOnlyList<Bound> targets, IReadOnlyList<Measurement> measured) =>
        new("test", targets, measured, true, 1, 10, false, "");
}
