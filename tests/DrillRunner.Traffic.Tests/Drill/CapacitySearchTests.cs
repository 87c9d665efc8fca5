using System.Collections.Concurrent;
using DrillRunner.Traffic.Drill;
using DrillRunner.Traffic.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Traffic.Tests.Drill;

public sealed class CapacitySearchTests
{
    [Fact]
    public async Task Capacity_search_reports_the_highest_rate_before_errors_break_the_bound()
    {
        // The server sheds load beyond 150 requests in any wall-clock second.
        var perSecond = new ConcurrentDictionary<long, int>();
        await using var server = await TestServer.StartAsync(async context =>
        {
            var second = TimeProvider.System.GetTimestamp() / TimeProvider.System.TimestampFrequency;
            context.Response.StatusCode = perSecond.AddOrUpdate(second, 1, (_, n) => n + 1) > 150 ? 503 : 200;
            await context.Response.WriteAsync("x");
        });
        var plan = LoadPlans.ForUrl(server.BaseUri, []);
        var settings = new CapacitySettings(50, TimeSpan.FromSeconds(1), 0.01) { Growth = 2, StepLength = TimeSpan.FromSeconds(2), MaxSteps = 6 };
        var reported = new List<CapacityStep>();

        var result = await CapacitySearch.RunAsync(plan, settings, new Recorder(reported), null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(100, result.HighestHeldRate);
        Assert.Equal([50.0, 100.0, 200.0], result.Steps.Select(s => s.Rate));
        Assert.Equal(result.Steps, reported);
        Assert.Contains("errors", result.Steps[^1].Broke, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Capacity_search_stops_at_its_step_bound_when_nothing_breaks()
    {
        await using var server = await TestServer.StartOkAsync();
        var settings = new CapacitySettings(20, TimeSpan.FromSeconds(1), 0.01) { StepLength = TimeSpan.FromMilliseconds(500), MaxSteps = 3 };

        var result = await CapacitySearch.RunAsync(LoadPlans.ForUrl(server.BaseUri, []), settings, null, null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(3, result.Steps.Count);
        Assert.All(result.Steps, s => Assert.Null(s.Broke));
        Assert.Equal(20 * 1.25 * 1.25, result.HighestHeldRate!.Value, 6);
    }

    [Fact]
    public void A_url_plan_allows_only_loopback_unless_a_host_is_added()
    {
        var plan = LoadPlans.ForUrl(new Uri("http://127.0.0.1:1/"), ["staging.example"]);

        Assert.Equal(["127.0.0.1", "localhost", "::1", "staging.example"], plan.AllowedHosts);
    }

    private sealed class Recorder(List<CapacityStep> steps) : IProgress<CapacityStep>
    {
        public void Report(CapacityStep value) => steps.Add(value);
    }
}
