using DrillRunner.Loading;
using DrillRunner.Model;
using DrillRunner.Objectives.Availability;
using DrillRunner.Objectives.Recover;
using DrillRunner.Scoring;
using DrillRunner.Timeline;
using DrillRunner.Units;

namespace DrillRunner.Core.Tests.Scoring;

public sealed class ScorerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, TimeSpan> Intervals = new() { ["p"] = TimeSpan.FromSeconds(1) };

    [Fact]
    public void Rto_runs_from_the_first_failing_sample_to_the_start_of_n_consecutive_passes()
    {
        // Fault at 5s; failing 6s..17s with a flap at 12s; back for good from 18s.
        var samples = Samples(0, 40, t => t < 6 || t == 12 || t >= 18);
        var result = Evaluate(new RecoverObjective(new RecoverOptions { Target = TimeSpan.FromSeconds(15) }), samples);

        Assert.True(result.Met);
        Assert.Equal(Measurement.Duration("rto", TimeSpan.FromSeconds(12)), result.Measurements.Single());
        Assert.Equal([Bound.AtMost("rto", TimeSpan.FromSeconds(15))], result.Targets);
        Assert.Equal(1, result.Score);
    }

    [Fact]
    public void A_missed_rto_is_a_gate_that_fails_the_run_whatever_the_score()
    {
        var samples = Samples(0, 40, t => t < 6 || t >= 30);
        var objectives = new[]
        {
            new WeightedObjective(new RecoverObjective(new RecoverOptions { Target = TimeSpan.FromSeconds(10) }), 30),
            new WeightedObjective(new AvailabilityObjective(new AvailabilityOptions { Target = new Percentage(0.1) }), 300),
        };

        var score = Scorer.Score(objectives, Input(samples), passScore: 50, Intervals);

        Assert.Equal(Verdict.Fail, score.Verdict);
        Assert.False(score.Objectives[0].Met);
        Assert.Equal(TimeSpan.FromSeconds(24), score.Objectives[0].Find("rto")!.AsDuration());
        Assert.Equal(90.9, score.Value);
    }

    [Fact]
    public void Never_recovering_scores_zero_on_recover()
    {
        var result = Evaluate(new RecoverObjective(new RecoverOptions()), Samples(0, 20, t => t < 6));
        Assert.False(result.Met);
        Assert.Empty(result.Measurements);
        Assert.Equal("not recovered", result.Unmeasured);
    }

    [Theory]
    [InlineData(100, 0, 1.0)]   // no errors
    [InlineData(100, 1, 1.0)]   // 1% errors = exactly the 1% budget
    [InlineData(1000, 15, 0.5)] // 1.5% errors: half the budget overspent
    [InlineData(100, 2, 0.0)]   // twice the budget or more
    public void Availability_is_scored_on_the_error_budget(int total, int failed, double expected)
    {
        var traffic = new TrafficSecond(T0.AddSeconds(6), "t", total, total, total - failed, failed, new Dictionary<string, long>(), 1, 2, 3, 4);
        var input = Input(Samples(0, 20, _ => true)) with { Timeline = new TimelineSnapshot([], Samples(0, 20, _ => true), [traffic], []) };

        var result = new AvailabilityObjective(new AvailabilityOptions { Target = new Percentage(0.99) }).Evaluate(input, 20);

        Assert.Equal(expected, result.Score, 3);
        Assert.Equal(failed * 100 <= total, result.Met);
    }

    [Fact]
    public void A_probe_gap_makes_the_run_inconclusive()
    {
        var samples = Samples(0, 10, _ => true).Concat(Samples(20, 30, _ => true)).ToList();
        var score = Scorer.Score([new WeightedObjective(new RecoverObjective(new RecoverOptions()), 30)], Input(samples), 70, Intervals);

        Assert.Equal(Verdict.Inconclusive, score.Verdict);
        Assert.Contains(score.ValidityProblems, p => p.Contains("gap", StringComparison.Ordinal));
    }

    [Fact]
    public void Traffic_short_of_plan_makes_the_run_inconclusive()
    {
        var samples = Samples(0, 30, _ => true);
        var input = Input(samples) with
        {
            Timeline = new TimelineSnapshot([], samples, [], [new TrafficSummary("baseline", 1000, 980, 980, 0, 10, 0, 1, 2)]),
        };

        var score = Scorer.Score([new WeightedObjective(new RecoverObjective(new RecoverOptions()), 30)], input, 70, Intervals);

        Assert.Equal(Verdict.Inconclusive, score.Verdict);
        Assert.Contains(score.ValidityProblems, p => p.Contains("980 of 1000", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_is_the_weighted_mean_and_bands_follow_it()
    {
        var samples = Samples(0, 30, t => t is < 6 or >= 9);
        var objectives = new[]
        {
            new WeightedObjective(new RecoverObjective(new RecoverOptions { Target = TimeSpan.FromSeconds(10) }), 30),
            new WeightedObjective(new AvailabilityObjective(new AvailabilityOptions { Target = new Percentage(0.999) }), 10),
        };

        var score = Scorer.Score(objectives, Input(samples), 70, Intervals);

        Assert.Equal(75, score.Value);
        Assert.Equal("adequate", score.Band);
        Assert.Equal(Verdict.Pass, score.Verdict);
    }

    private static ObjectiveResult Evaluate(RecoverObjective objective, IReadOnlyList<ProbeSample> samples) => objective.Evaluate(Input(samples), 1);

    private static ScoringInput Input(IReadOnlyList<ProbeSample> samples) => new(
        new TimelineSnapshot([], samples, [], []),
        [],
        new RunWindow(T0, T0.AddSeconds(5), T0.AddSeconds(20), T0.AddSeconds(21), T0.AddSeconds(40)),
        new RecoverySpec { ConsecutiveSamples = 3 });

    private static List<ProbeSample> Samples(int from, int to, Func<int, bool> ok) =>
        Enumerable.Range(from, to - from).Select(t => new ProbeSample("p", T0.AddSeconds(t), ok(t), 5)).ToList();
}
