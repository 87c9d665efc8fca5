using System.Collections.Concurrent;
using System.Diagnostics;
using DrillRunner.Traffic.Running;
using DrillRunner.Traffic.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Traffic.Tests.Running;

public sealed class StallLatencyTests
{
    [Fact]
    public async Task Every_request_scheduled_during_a_2_second_stall_shows_the_rest_of_the_stall_as_latency()
    {
        // The server freezes for 2 s once the 50th request arrives; everything arriving meanwhile waits it out.
        var stall = new StallWindow(TimeSpan.FromSeconds(2), startAtRequest: 50);
        await using var server = await TestServer.StartAsync(async context =>
        {
            var wait = stall.RemainingFor(Interlocked.Increment(ref stall.Arrived));
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, TimeProvider.System);
            }

            await context.Response.WriteAsync("ok");
        });
        var records = new ConcurrentBag<RequestRecord>();
        var plan = Plans.For(server.BaseUri, ArrivalProfile.Constant(100, TimeSpan.FromSeconds(4)));

        var result = await LoadGenerator.RunAsync(plan, null, TimeProvider.System, records.Add, CancellationToken.None);

        Assert.Equal(400, result.Total.Ok);
        var (start, end) = stall.Window;
        var during = records.Where(r => r.Intended >= start && r.Intended < end).ToList();
        Assert.InRange(during.Count, 150, 210);
        var tolerance = Stopwatch.Frequency / 100; // 10 ms for timer and scheduling noise
        Assert.All(during, r => Assert.True(
            r.Latency >= end - r.Intended - tolerance,
            $"request {r.Sequence} intended {(double)(end - r.Intended) / Stopwatch.Frequency:F3} s before the stall ended shows {(double)r.Latency / Stopwatch.Frequency:F3} s"));
        Assert.InRange(result.Total.Latency.Max, TimeSpan.FromSeconds(1.9), plan.Timeout);
        Assert.True(result.Seconds.Max(s => s.Counts.Latency.P50) > TimeSpan.FromSeconds(0.8), "a second inside the stall has a high median");
    }

    private sealed class StallWindow(TimeSpan length, int startAtRequest)
    {
        private readonly Lock _gate = new();
        private long _start;
        public int Arrived;

        public (long Start, long End) Window
        {
            get
            {
                lock (_gate)
                {
                    return (_start, _start + (long)(length.TotalSeconds * Stopwatch.Frequency));
                }
            }
        }

        public TimeSpan RemainingFor(int request)
        {
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                if (request == startAtRequest)
                {
                    _start = now;
                }

                return _start == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(now, _start + (long)(length.TotalSeconds * Stopwatch.Frequency));
            }
        }
    }
}
