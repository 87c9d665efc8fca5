using System.Collections.Concurrent;
using DrillRunner.Traffic.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Traffic.Tests.Running;

public sealed class PerSecondTests
{
    [Fact]
    public async Task Each_second_is_reported_in_order_with_the_requests_intended_in_it()
    {
        await using var server = await TestServer.StartOkAsync();
        var reported = new ConcurrentQueue<TrafficSecond>();
        var plan = Plans.For(server.BaseUri, ArrivalProfile.Sequence(
            new RateSegment(50, 50, TimeSpan.FromSeconds(1)),
            new RateSegment(150, 150, TimeSpan.FromSeconds(1)),
            new RateSegment(20, 20, TimeSpan.FromSeconds(1))));

        var result = await LoadGenerator.RunAsync(plan, new SynchronousProgress(reported), TimeProvider.System, CancellationToken.None);

        Assert.Equal([0, 1, 2], reported.Select(s => s.Second));
        Assert.Equal([50L, 150L, 20L], reported.Select(s => s.Counts.Planned));
        Assert.All(reported, s => Assert.Equal(s.Counts.Planned, s.Counts.Ok));
        Assert.All(reported, s => Assert.Equal(s.Counts.Planned, s.Counts.Latency.Count));
        Assert.All(reported, s => Assert.InRange(s.Counts.Latency.P99, TimeSpan.FromTicks(1), plan.Timeout));
        Assert.Equal(reported, result.Seconds);
        Assert.Equal(result.StartedAt.AddSeconds(2), result.Seconds[2].Start);
        Assert.Equal(220, result.Total.Sent);
        Assert.Equal(220, result.Total.Latency.Count);
        Assert.Equal(220 / 3.0, result.PlannedRate, precision: 6);
        Assert.Equal(StopReason.Duration, result.StoppedBy);
        Assert.InRange(result.Elapsed, TimeSpan.FromSeconds(2.9), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task Requests_beyond_the_in_flight_cap_are_dropped_and_counted()
    {
        await using var server = await TestServer.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System);
            await context.Response.WriteAsync("slow");
        });
        var plan = Plans.For(server.BaseUri, ArrivalProfile.Constant(40, TimeSpan.FromSeconds(1)));
        plan = new LoadPlan
        {
            Target = plan.Target,
            AllowedHosts = plan.AllowedHosts,
            Profile = plan.Profile,
            Connections = 2,
            MaxInFlight = 2,
        };

        var result = await LoadGenerator.RunAsync(plan, null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(40, result.Total.Planned);
        Assert.InRange(result.Total.Dropped, 25, 38);
        Assert.Equal(40, result.Total.Sent + result.Total.Dropped);
        Assert.Equal(result.Total.Sent, result.Total.Ok);
        Assert.True(result.AchievedRate < result.PlannedRate);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; this records in call order.</summary>
    private sealed class SynchronousProgress(ConcurrentQueue<TrafficSecond> into) : IProgress<TrafficSecond>
    {
        public void Report(TrafficSecond value) => into.Enqueue(value);
    }
}
