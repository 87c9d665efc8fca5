using DrillRunner.Traffic.Tests.Support;

namespace DrillRunner.Traffic.Tests.Running;

public sealed class AllowlistTests
{
    [Fact]
    public async Task Target_outside_the_allowlist_is_refused_before_anything_is_sent()
    {
        await using var server = await TestServer.StartOkAsync();
        var plan = Plans.For(new Uri($"http://localhost:{server.BaseUri.Port}/"));

        var refused = await Assert.ThrowsAsync<TrafficTargetNotAllowedException>(
            () => LoadGenerator.RunAsync(plan, null, TimeProvider.System, CancellationToken.None));

        Assert.Equal("localhost", refused.Host);
        Assert.Contains("allowlist", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task Remote_host_is_refused_without_a_dns_lookup_or_connection()
    {
        var plan = new LoadPlan { Target = new Uri("https://shop.example.com/"), AllowedHosts = ["127.0.0.1", "localhost"] };

        var refused = await Assert.ThrowsAsync<TrafficTargetNotAllowedException>(
            () => LoadGenerator.RunAsync(plan, null, TimeProvider.System, CancellationToken.None));

        Assert.Equal("shop.example.com", refused.Host);
    }

    [Fact]
    public async Task Plan_out_of_range_is_rejected()
    {
        var plan = new LoadPlan { Target = new Uri("http://127.0.0.1:1/"), AllowedHosts = ["127.0.0.1"], Connections = 0 };

        await Assert.ThrowsAsync<System.ComponentModel.DataAnnotations.ValidationException>(
            () => LoadGenerator.RunAsync(plan, null, TimeProvider.System, CancellationToken.None));
    }
}
