using DrillRunner.Scoring;
using DrillRunner.Testing;

namespace DrillRunner.Core.Tests.Engine;

/// <summary>The engine samples the services a scale-out objective observes, through the driver, into the timeline.</summary>
public sealed class InstanceSamplingTests
{
    [Fact]
    public async Task A_service_scaled_during_the_run_is_seen_in_the_samples_and_scored_by_scale_out()
    {
        // One of 3 killed at +2s, scaled to 5 at +4s: 4 healthy (of 5) from +4s, 2s after the first fault.
        var steps = """
              - name: grow
                kind: scale
                at: 4s
                service: app
                replicas: 5
            """;
        var drill = TestEnvironments.KillDrill(faultFor: "6s", extraSteps: steps)
            .Replace("  - kind: availability\n    target: 50%", "  - kind: scale-out\n    service: app\n    atLeast: 4\n    within: 3s", StringComparison.Ordinal);
        using var harness = new EngineHarness(drill);

        var result = await harness.RunAsync();

        var app = result.Timeline.Instances.Where(c => c.Service == "app").ToList();
        Assert.DoesNotContain(result.Timeline.Instances, c => c.Service != "app");
        Assert.True(app.Count >= 14, $"{app.Count} samples");
        Assert.All(app.Zip(app.Skip(1)), pair => Assert.InRange(pair.Second.At - pair.First.At, TimeSpan.FromMilliseconds(450), TimeSpan.FromMilliseconds(600)));
        Assert.Contains(app, c => c.Instances == 3 && c.Healthy == 2);
        Assert.Contains(app, c => c.Instances == 5 && c.Healthy == 4);
        Assert.DoesNotContain(app, c => c.Healthy == 4 && c.At < result.Window!.FirstFaultAt!.Value.AddSeconds(2));
        var scaleOut = result.Score!.Objectives.Single(o => o.Kind == "scale-out");
        Assert.True(scaleOut.Met, scaleOut.Detail);
        Assert.InRange(scaleOut.Find(Measures.ScaleOut)!.AsDuration(), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.5));
        Assert.Equal(4, scaleOut.Find(Measures.HealthyInstances)!.Value);
    }

    [Fact]
    public async Task Without_an_objective_that_observes_services_nothing_is_sampled()
    {
        using var harness = new EngineHarness(TestEnvironments.KillDrill(faultFor: "2s"));

        var result = await harness.RunAsync();

        Assert.Empty(result.Timeline.Instances);
    }
}
