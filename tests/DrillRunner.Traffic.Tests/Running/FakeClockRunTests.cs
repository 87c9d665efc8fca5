using DrillRunner.Traffic.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Traffic.Tests.Running;

public sealed class FakeClockRunTests
{
    [Fact]
    public async Task Open_run_follows_the_injected_clock_for_schedule_and_per_second_reports()
    {
        await using var server = await TestServer.StartOkAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var plan = Plans.For(server.BaseUri, ArrivalProfile.Ramp(10, 30, TimeSpan.FromSeconds(3)));

        var run = LoadGenerator.RunAsync(plan, null, clock, CancellationToken.None);
        // Fake time moves 10 ms per real millisecond or so; bounded in steps and in real time.
        for (var step = 0; step < 5_000 && !run.IsCompleted; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System);
        }

        var result = await run.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);

        Assert.Equal(60, result.Total.Planned);
        Assert.Equal(60, result.Total.Ok);
        // Cumulative count 10t + 10t^2/3 reaches 13.3, 33.3 and 60 at 1, 2 and 3 s; request 0 goes at t = 0.
        Assert.Equal([14L, 20L, 26L], result.Seconds.Select(s => s.Counts.Planned));
        // The clock starts once the connections are open (fake time may have moved by then); seconds follow it.
        var started = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.InRange(result.Seconds[0].Start, started, started.AddSeconds(1));
        Assert.Equal(result.Seconds[0].Start.AddSeconds(1), result.Seconds[1].Start);
        Assert.Equal(20.0, result.PlannedRate, precision: 6);
    }
}
