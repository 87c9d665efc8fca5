using DrillRunner.Loading;
using DrillRunner.Model;
using DrillRunner.Objectives.Availability;
using DrillRunner.Objectives.Recover;
using DrillRunner.Scoring;
using DrillRunner.Testing;
using DrillRunner.Timeline;
using DrillRunner.Units;

namespace DrillRunner.Core.Tests.Objectives;

/// <summary><c>recover</c> and <c>availability</c> measured from named probes only, e.g. the canary's write path.</summary>
public sealed class WritePathObjectiveTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Recover_naming_the_canary_measures_the_write_path_not_the_read_path()
    {
        // Reads (products) fail 6s..8s; writes (the canary) fail 6s..14s: a failover the read path hardly saw.
        var input = Input([.. Samples("products", t => t is < 6 or >= 9), .. Samples("orders-canary", t => t is < 6 or >= 15)]);

        var writePath = new RecoverObjective(new RecoverOptions { Target = TimeSpan.FromSeconds(5), Probe = "orders-canary" }).Evaluate(input, 30);
        var readPath = new RecoverObjective(new RecoverOptions { Target = TimeSpan.FromSeconds(5), Probes = ["products"] }).Evaluate(input, 30);

        Assert.Equal(TimeSpan.FromSeconds(9), writePath.Find(Measures.Rto)!.AsDuration());
        Assert.False(writePath.Met);
        Assert.Contains("(probe orders-canary)", writePath.Detail, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(3), readPath.Find(Measures.Rto)!.AsDuration());
        Assert.True(readPath.Met);
    }

    [Fact]
    public void Availability_naming_the_canary_counts_its_samples_even_when_the_drill_has_traffic()
    {
        var traffic = new TrafficSecond(T0.AddSeconds(1), "baseline", 100, 100, 100, 0, new Dictionary<string, long>(), 1, 2, 3, 4);
        var input = Input([.. Samples("orders-canary", t => t is < 6 or >= 11)]) with
        {
            Timeline = new TimelineSnapshot([], Samples("orders-canary", t => t is < 6 or >= 11), [traffic], []),
        };

        var result = new AvailabilityObjective(new AvailabilityOptions { Target = new Percentage(0.9), Probe = "orders-canary" }).Evaluate(input, 20);
        var all = new AvailabilityObjective(new AvailabilityOptions { Target = new Percentage(0.9) }).Evaluate(input, 20);

        Assert.Equal(1 - (5 / 20.0), result.Find(Measures.Availability)!.Value, 6);
        Assert.Contains("probe samples (probe orders-canary)", result.Detail, StringComparison.Ordinal);
        Assert.Equal(1, all.Find(Measures.Availability)!.Value);
    }

    [Fact]
    public void A_recover_or_availability_objective_naming_an_unknown_probe_is_refused()
    {
        _folder.Write("environments/test-shop.yaml", TestEnvironments.Shop);
        var file = _folder.Write("drill.yaml", CanaryDrills.Drill(CanaryDrills.Probe(),
            objectives: "  - kind: recover\n    target: 10s\n    probe: order-canary\n  - kind: availability\n    probes: [orders-canary, nope]\n"));

        var problems = Assert.Throws<DrillInputException>(() => new DrillLoader(TestCatalog.Create()).Load(file)).Problems;

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Field == "objectives[0].probe" && p.Message == "the drill has no probe 'order-canary' (did you mean 'orders-canary'?)");
        Assert.Contains(problems, p => p.Field == "objectives[1].probes" && p.Message.StartsWith("the drill has no probe 'nope'", StringComparison.Ordinal));
    }

    private static ScoringInput Input(IReadOnlyList<ProbeSample> samples) => new(
        new TimelineSnapshot([], samples, [], []),
        [],
        new RunWindow(T0, T0.AddSeconds(5), T0.AddSeconds(16), T0.AddSeconds(17), T0.AddSeconds(20)),
        new RecoverySpec { ConsecutiveSamples = 3 });

    private static List<ProbeSample> Samples(string probe, Func<int, bool> ok) =>
        Enumerable.Range(0, 20).Select(t => new ProbeSample(probe, T0.AddSeconds(t), ok(t), 5)).ToList();
}
