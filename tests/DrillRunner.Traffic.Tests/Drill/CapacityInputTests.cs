using DrillRunner.Loading;
using DrillRunner.Testing;
using DrillRunner.Traffic.Drill;

namespace DrillRunner.Traffic.Tests.Drill;

/// <summary>Bad input for the <c>capacity</c> step and objective: refused at load with line and field.</summary>
public sealed class CapacityInputTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly DrillLoader _loader = new(TestCatalog.Create().AddTraffic());

    public CapacityInputTests() => _folder.Write("environments/test-shop.yaml", TestEnvironments.Shop);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_capacity_step_without_bounds_is_refused()
    {
        var problem = Single(Drill("""
              - name: knee
                kind: capacity
                url: http://127.0.0.1:18999
                expectedPeak: 250/s
            """, objectives: ""));

        Assert.Equal("steps[0].from", problem.Field);
        Assert.Contains("needs bounds", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_capacity_step_beyond_the_traffic_limits_is_refused()
    {
        var problem = Single(Drill("""
              - name: knee
                kind: capacity
                url: http://127.0.0.1:18999
                from: 1/s
                to: 1000/s
                probe: 2m
                coolDown: 1m
            """, objectives: ""));

        Assert.Equal("steps[0].to", problem.Field);
        Assert.Contains("above the 30m limit of traffic in a drill", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_capacity_probe_sending_more_than_a_traffic_step_may_is_refused()
    {
        var problem = Single(Drill("""
              - name: knee
                kind: capacity
                url: http://127.0.0.1:18999
                from: 1000/s
                to: 900000/s
                probe: 20s
            """, objectives: ""));

        Assert.Equal("steps[0].to", problem.Field);
        Assert.Contains("more than the 10000000 requests", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_capacity_objective_needs_a_capacity_step_with_an_expected_peak()
    {
        var missing = Single(Objective("kind: capacity"));
        Assert.Equal("objectives[0].step", missing.Field);

        var noPeak = Single(Drill("""
              - name: knee
                kind: capacity
                url: http://127.0.0.1:18999
                from: 10/s
                to: 100/s
            """, objectives: "  - kind: capacity"));
        Assert.Equal("steps[0].expectedPeak", noPeak.Field);
    }

    [Fact]
    public void A_capacity_step_against_a_host_outside_the_allowlist_is_refused()
    {
        var problem = Single(Drill("""
              - name: knee
                kind: capacity
                url: http://example.com/
                from: 10/s
                to: 100/s
            """, objectives: ""));

        Assert.Equal("url", problem.Field);
        Assert.Contains("'example.com' is not in environment 'test-shop' allowlist", problem.Message, StringComparison.Ordinal);
    }

    private FileProblem Single(string drill)
    {
        var ex = Assert.Throws<DrillInputException>(() => _loader.Load(_folder.Write($"bad-{Guid.NewGuid():N}.yaml", drill)));
        return Assert.Single(ex.Problems);
    }

    private static string Objective(string objective) => Drill("", "  - " + objective);

    private static string Drill(string steps, string objectives) => $"""
        name: measures
        environment: test-shop
        probes:
          - name: up
            kind: service-up
            service: app
            interval: 250ms
        steps:{(steps.Length == 0 ? " []" : "\n" + steps.TrimEnd())}
        objectives:{(objectives.Length == 0 ? " []" : "\n" + objectives)}
        """;
}
