using DrillRunner.Traffic.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Traffic.Tests.Running;

public sealed class BoundsTests
{
    [Fact]
    public async Task Open_run_stops_at_the_max_request_count_long_before_its_profile_ends()
    {
        await using var server = await TestServer.StartOkAsync();
        var plan = new LoadPlan
        {
            Target = server.BaseUri,
            AllowedHosts = ["127.0.0.1"],
            Profile = ArrivalProfile.Constant(1000, TimeSpan.FromSeconds(30)),
            MaxRequests = 100,
        };

        var result = await LoadGenerator.RunAsync(plan, null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(StopReason.MaxRequests, result.StoppedBy);
        Assert.Equal(100, result.Total.Planned);
        Assert.Equal(100, server.Requests);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(5), $"took {result.Elapsed}");
    }

    [Fact]
    public async Task Closed_run_sends_exactly_the_max_request_count()
    {
        await using var server = await TestServer.StartOkAsync();
        var plan = new LoadPlan { Target = server.BaseUri, AllowedHosts = ["127.0.0.1"], Connections = 16, MaxRequests = 777 };

        var result = await LoadGenerator.RunAsync(plan, null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(StopReason.MaxRequests, result.StoppedBy);
        Assert.Equal(777, result.Total.Ok);
        Assert.Equal(777, server.Requests);
    }

    [Fact]
    public async Task Closed_run_stops_when_its_duration_elapses()
    {
        await using var server = await TestServer.StartOkAsync();
        var plan = new LoadPlan { Target = server.BaseUri, AllowedHosts = ["127.0.0.1"], Connections = 4, Duration = TimeSpan.FromSeconds(1) };

        var result = await LoadGenerator.RunAsync(plan, null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(StopReason.Duration, result.StoppedBy);
        Assert.InRange(result.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        Assert.True(result.Total.Ok > 100);
    }

    [Fact]
    public async Task Requests_slower_than_the_timeout_fail_as_timeouts_and_free_their_connection()
    {
        await using var server = await TestServer.StartAsync(async context =>
        {
            var slow = context.Request.Headers["X-User-Id"] == "u1";
            await Task.Delay(slow ? TimeSpan.FromSeconds(5) : TimeSpan.Zero, TimeProvider.System, context.RequestAborted);
            await context.Response.WriteAsync("done");
        });
        var plan = new LoadPlan
        {
            Target = server.BaseUri,
            AllowedHosts = ["127.0.0.1"],
            Users = 2,
            Connections = 1,
            MaxRequests = 6,
            // Far above what a fast answer takes even on a loaded CI machine (a 300 ms timeout once caught one).
            Timeout = TimeSpan.FromSeconds(1),
        };

        var result = await LoadGenerator.RunAsync(plan, null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(3, result.Total.Failed.Timeout);
        Assert.Equal(3, result.Total.Ok);
        Assert.Equal(1, result.UsersAffected);
        Assert.InRange(result.Elapsed, TimeSpan.FromSeconds(2.9), TimeSpan.FromSeconds(4.9));
    }

    [Fact]
    public async Task Cancellation_ends_the_run_promptly()
    {
        // Cancelled by hand once requests flow, and timed from that moment: a CancellationTokenSource timer can
        // itself fire late on a loaded CI machine (a 500 ms timer was seen to take effect about 1 s in).
        await using var server = await TestServer.StartOkAsync();
        using var cancel = new CancellationTokenSource();
        var plan = Plans.For(server.BaseUri, ArrivalProfile.Constant(100, TimeSpan.FromSeconds(30)));
        var answered = 0;

        var run = LoadGenerator.RunAsync(plan, null, TimeProvider.System, _ => Interlocked.Increment(ref answered), cancel.Token);
        for (var i = 0; i < 500 && Volatile.Read(ref answered) < 10 && !run.IsCompleted; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }

        var cancelledAt = TimeProvider.System.GetTimestamp();
        await cancel.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
        var stopping = TimeProvider.System.GetElapsedTime(cancelledAt);

        Assert.Equal(StopReason.Cancelled, result.StoppedBy);
        Assert.True(stopping < TimeSpan.FromSeconds(1), $"took {stopping} to stop after the cancellation");
        Assert.InRange(result.Total.Planned, 10, 600);
    }
}
