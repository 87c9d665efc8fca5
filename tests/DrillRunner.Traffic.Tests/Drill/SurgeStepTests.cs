using DrillRunner.Loading;
using DrillRunner.Traffic.Drill;
using DrillRunner.Traffic.Tests.Support;
using DrillRunner.Units;

namespace DrillRunner.Traffic.Tests.Drill;

public sealed class SurgeStepTests
{
    [Fact]
    public async Task Surge_adds_traffic_on_top_of_the_baseline_and_stops_when_undone()
    {
        await using var server = await TestServer.StartOkAsync();
        var context = DrillContexts.Create();
        await using var resources = context.Resources;
        var baseline = new TrafficStep(new TrafficOptions { Kind = "traffic", Name = "baseline", Url = server.BaseUri.ToString(), Rate = new Rate(40) });
        var baselineUndo = await baseline.PrepareAsync(context, CancellationToken.None);
        await baseline.ExecuteAsync(context, baselineUndo, CancellationToken.None);
        var before = await RateOverAsync(server, TimeSpan.FromSeconds(2));

        var surge = new SurgeStep(new SurgeOptions { Kind = "surge", Name = "promo", Of = "baseline", Multiplier = 4, Duration = TimeSpan.FromSeconds(30) });
        var surgeUndo = await surge.PrepareAsync(context, CancellationToken.None);
        var detail = await surge.ExecuteAsync(context, surgeUndo, CancellationToken.None);
        var during = await RateOverAsync(server, TimeSpan.FromSeconds(2));
        await new TrafficStopUndo().UndoAsync(context, surgeUndo!, CancellationToken.None);
        var after = await RateOverAsync(server, TimeSpan.FromSeconds(2));
        await new TrafficStopUndo().UndoAsync(context, baselineUndo!, CancellationToken.None);

        Assert.Contains("+120/s", detail, StringComparison.Ordinal);
        Assert.InRange(before, 30, 50);
        Assert.InRange(during, 140, 180);
        Assert.InRange(after, 30, 50);
        var timeline = context.Timeline.Snapshot();
        Assert.Contains(timeline.Traffic, s => s.Source == "promo" && s.Sent >= 115);
        Assert.Equal(["baseline", "promo"], timeline.TrafficSummaries.Select(s => s.Source).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Surge_of_a_traffic_step_that_is_not_running_is_refused_with_its_field()
    {
        var context = DrillContexts.Create();
        var surge = new SurgeStep(new SurgeOptions { Kind = "surge", Of = "baseline", Multiplier = 5, Location = new SourceLocation("d.yaml", 30, 5) });

        var error = await Assert.ThrowsAsync<DrillInputException>(() => surge.PrepareAsync(context, CancellationToken.None));

        Assert.Equal("of", Assert.Single(error.Problems).Field);
    }

    private static async Task<double> RateOverAsync(TestServer server, TimeSpan window)
    {
        var start = server.Requests;
        await Task.Delay(window, TimeProvider.System);
        return (server.Requests - start) / window.TotalSeconds;
    }
}
