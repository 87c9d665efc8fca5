using DrillRunner.Engine;
using DrillRunner.Guardrails;
using DrillRunner.Loading;
using DrillRunner.Testing;

namespace DrillRunner.Core.Tests.Loading;

/// <summary>Durations and timeouts are bounded when the drill loads, and the steps must fit in the maximum run length.</summary>
public sealed class BoundsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly DrillLoader _loader = new(TestCatalog.Create());

    public BoundsTests() => _folder.Write("environments/test-shop.yaml", TestEnvironments.Shop);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Durations_and_timeouts_out_of_bounds_are_refused_with_file_line_and_field()
    {
        var file = _folder.Write("bounds.yaml", """
            name: bounds
            environment: test-shop
            lease: 1s
            preflight:
              window: 1s
              timeout: 2h
            probes:
              - name: up
                kind: service-up
                interval: 10ms
                timeout: 1h
            steps:
              - name: kill-app
                kind: kill
                at: 1s
                service: app
                duration: 2d
            recovery:
              deadline: 2d
            """);

        var ex = Assert.Throws<DrillInputException>(() => _loader.Load(file));

        Assert.Contains(ex.Problems, p => p.Location.Line == 3 && p.Field == "lease" && p.Message.Contains("between 5s and 1h", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Location.Line == 6 && p.Field == "preflight.timeout" && p.Message.Contains("2h is out of bounds", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Location.Line == 10 && p.Field == "probes[0].interval" && p.Message.Contains("between 50ms and 1h", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Location.Line == 11 && p.Field == "probes[0].timeout");
        Assert.Contains(ex.Problems, p => p.Location.Line == 17 && p.Field == "steps[0].duration" && p.Message.Contains("between 1ms and 24h", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Location.Line == 19 && p.Field == "recovery.deadline");
        Assert.All(ex.Problems, p => Assert.Equal(file, p.Location.File));
    }

    [Fact]
    public void Steps_that_end_after_the_drills_max_duration_are_refused_at_load()
    {
        var drill = TestEnvironments.KillDrill(faultFor: "10m").Replace("name: kill-one", "name: kill-one\nmaxDuration: 5m", StringComparison.Ordinal);

        var ex = Assert.Throws<DrillInputException>(() => _loader.Load(_folder.Write("long.yaml", drill)));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("steps.duration", problem.Field);
        Assert.Contains("ends at +10m2s, beyond the maximum run length 5m (the drill's maxDuration)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_max_duration_the_runners_default_bounds_the_steps_when_the_run_starts()
    {
        var drill = _loader.Load(_folder.Write("long.yaml", TestEnvironments.KillDrill(faultFor: "10m")));

        var report = GuardrailCheck.Run(drill, TestCatalog.Create(), maxDuration: TimeSpan.FromMinutes(5));

        var problem = Assert.Single(report.Problems);
        Assert.Contains("the runner's default; set maxDuration in the drill", problem.Message, StringComparison.Ordinal);
        Assert.True(GuardrailCheck.Run(drill, TestCatalog.Create(), maxDuration: new EngineSafety().DefaultMaxDuration).Passed);
    }
}
