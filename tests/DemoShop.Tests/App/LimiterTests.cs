using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace DemoShop.Tests.App;

public sealed class LimiterTests
{
    [Fact]
    public async Task With_one_slot_concurrent_requests_queue_and_those_beyond_the_queue_get_503()
    {
        await using var shop = await ShopServer.StartAsync(new Dictionary<string, string?>
        {
            ["Shop:MaxConcurrentRequests"] = "1",
            ["Shop:WorkMilliseconds"] = "200",
            ["Shop:QueueLimit"] = "4",
            ["Shop:RequestTimeoutMilliseconds"] = "10000",
        });
        await WarmUpAsync(shop);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => TimedGetAsync(shop.Client, "/products")));

        var served = results.Where(r => r.Status == HttpStatusCode.OK).Select(r => r.Elapsed).Order().ToList();
        var rejected = results.Count(r => r.Status == HttpStatusCode.ServiceUnavailable);
        Assert.Equal(10, served.Count + rejected);
        Assert.InRange(served.Count, 5, 9);
        Assert.True(rejected >= 1, "requests beyond the queue limit must be rejected");
        // Served one at a time: the last one waited for four others, each 200 ms of work.
        Assert.True(served[^1] >= TimeSpan.FromMilliseconds(900), $"slowest served took {served[^1]}");
        Assert.True(served[^1] - served[0] >= TimeSpan.FromMilliseconds(600), $"latencies {string.Join(", ", served)}");
        var metrics = await shop.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains($"shop_requests_rejected_total {rejected}", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_waits_longer_than_the_timeout_gets_504()
    {
        await using var shop = await ShopServer.StartAsync(new Dictionary<string, string?>
        {
            ["Shop:WorkMilliseconds"] = "3000",
            ["Shop:RequestTimeoutMilliseconds"] = "150",
        });
        await WarmUpAsync(shop);

        var result = await TimedGetAsync(shop.Client, "/products/1");

        Assert.Equal(HttpStatusCode.GatewayTimeout, result.Status);
        Assert.InRange(result.Elapsed, TimeSpan.FromMilliseconds(140), TimeSpan.FromMilliseconds(2000));
    }

    [Fact]
    public async Task A_live_settings_override_misconfigures_the_limiter_and_restoring_it_heals()
    {
        await using var shop = await ShopServer.StartAsync(new Dictionary<string, string?> { ["Shop:WorkMilliseconds"] = "100" });
        await WarmUpAsync(shop);
        Assert.All(await BurstAsync(shop), r => Assert.Equal(HttpStatusCode.OK, r.Status));

        using var put = await shop.ControlAsync(HttpMethod.Put, "/_chaos/settings", new
        {
            settings = new Dictionary<string, string> { ["Shop:MaxConcurrentRequests"] = "1", ["Shop:QueueLimit"] = "0" },
            leaseSeconds = 60,
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Contains(await BurstAsync(shop), r => r.Status == HttpStatusCode.ServiceUnavailable);

        using var delete = await shop.ControlAsync(HttpMethod.Delete, "/_chaos/settings", null);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.All(await BurstAsync(shop), r => Assert.Equal(HttpStatusCode.OK, r.Status));
    }

    [Fact]
    public async Task A_store_pool_of_one_serializes_order_writes()
    {
        await using var shop = await ShopServer.StartAsync(new Dictionary<string, string?>
        {
            ["Shop:WorkMilliseconds"] = "100",
            ["Shop:OrderStorePoolSize"] = "1",
        });
        await WarmUpAsync(shop);

        var stopwatch = Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            shop.Client.PostAsJsonAsync("/orders", new { productId = 1, quantity = 1, userId = $"u{i}" })));
        stopwatch.Stop();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        // 100 ms request work runs in parallel; the five 100 ms store queries cannot.
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(550), $"took {stopwatch.Elapsed}");
    }

    private static Task<(HttpStatusCode Status, TimeSpan Elapsed)[]> BurstAsync(ShopServer shop) =>
        Task.WhenAll(Enumerable.Range(0, 6).Select(_ => TimedGetAsync(shop.Client, "/products/2")));

    private static async Task WarmUpAsync(ShopServer shop)
    {
        // Opens enough pooled connections that the measured burst does not pay for connection setup.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => shop.Client.GetAsync(new Uri("/health", UriKind.Relative))));
    }

    private static async Task<(HttpStatusCode Status, TimeSpan Elapsed)> TimedGetAsync(HttpClient client, string path)
    {
        var stopwatch = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, stopwatch.Elapsed);
    }
}
