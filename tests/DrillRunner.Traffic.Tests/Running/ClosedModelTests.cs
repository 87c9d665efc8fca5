using DrillRunner.Traffic.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace DrillRunner.Traffic.Tests.Running;

public sealed class ClosedModelTests
{
    [Fact]
    public async Task A_connection_sends_its_next_request_as_soon_as_the_previous_answer_arrives()
    {
        // Every answer takes 20 ms or more. Kept busy back to back, the connection spends nearly the whole run
        // waiting for answers; one that idled after each answer until some other event or a periodic tick (a bug
        // the event loop once had: measured 63% busy) would spend a large share of it doing nothing.
        await using var server = await TestServer.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
            await context.Response.WriteAsync("ok");
        });
        var plan = new LoadPlan
        {
            Target = server.BaseUri,
            AllowedHosts = ["127.0.0.1"],
            Connections = 1,
            Duration = TimeSpan.FromSeconds(2),
        };

        long busyTicks = 0;
        var result = await LoadGenerator.RunAsync(plan, null, TimeProvider.System, r => Interlocked.Add(ref busyTicks, r.Latency), CancellationToken.None);

        Assert.Equal(0, result.Total.Failed.Total);
        var busy = busyTicks / (double)TimeProvider.System.TimestampFrequency / plan.Connections / result.Elapsed.TotalSeconds;
        Assert.True(busy > 0.85, $"connections were waiting for answers {busy:P0} of the run");
    }
}
