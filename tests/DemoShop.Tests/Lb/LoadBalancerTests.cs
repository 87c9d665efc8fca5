using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DemoShop.Tests.Lb;

public sealed class LoadBalancerTests
{
    [Fact]
    public async Task Requests_alternate_between_two_healthy_backends()
    {
        await using var b1 = await ShopServer.StartAsync(App("b1"));
        await using var b2 = await ShopServer.StartAsync(App("b2"));
        await using var lb = await ShopServer.StartAsync(Lb($"{b1.BaseAddress},{b2.BaseAddress}"));
        await lb.WaitForHealthyBackendsAsync(2);

        var instances = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await lb.Client.GetAsync(new Uri("/products/1", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            instances.Add(response.Headers.GetValues("X-Shop-Instance").Single());
        }

        Assert.Equal(3, instances.Count(i => i == "b1"));
        Assert.All(instances.Zip(instances.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public async Task A_stopped_backend_is_routed_around_without_failed_requests()
    {
        await using var b1 = await ShopServer.StartAsync(App("b1"));
        await using var b2 = await ShopServer.StartAsync(App("b2"));
        await using var lb = await ShopServer.StartAsync(Lb($"{b1.BaseAddress},{b2.BaseAddress}"));
        await lb.WaitForHealthyBackendsAsync(2);
        using var warm = await lb.Client.PostAsJsonAsync("/orders", new { productId = 1, quantity = 1, userId = "u1" });
        Assert.Equal(HttpStatusCode.Created, warm.StatusCode);

        await b1.StopAsync();
        var stopwatch = Stopwatch.StartNew();
        var statuses = new List<HttpStatusCode>();
        var instances = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            // A POST too: a refused connection means nothing was sent, so the LB may retry it elsewhere.
            using var response = i % 2 == 0
                ? await lb.Client.GetAsync(new Uri("/products", UriKind.Relative))
                : await lb.Client.PostAsJsonAsync("/orders", new { productId = 2, quantity = 1, userId = "u2" });
            statuses.Add(response.StatusCode);
            instances.Add(response.Headers.GetValues("X-Shop-Instance").Single());
        }

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Created, $"got {s}"));
        Assert.All(instances, i => Assert.Equal("b2", i));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"took {stopwatch.Elapsed}");
        var backends = await lb.Client.GetFromJsonAsync<JsonElement>("/lb/backends");
        var dead = backends.EnumerateArray().Single(b => b.GetProperty("url").GetString() == b1.BaseAddress.ToString());
        Assert.False(dead.GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task Without_healthy_backends_the_lb_answers_503_and_finds_an_instance_started_later_in_its_port_range()
    {
        var port = FreePort.Next();
        await using var lb = await ShopServer.StartAsync(new Dictionary<string, string?>
        {
            ["Shop:Role"] = "lb",
            ["Shop:BackendPorts"] = port.ToString(CultureInfo.InvariantCulture),
            ["Shop:HealthIntervalMilliseconds"] = "100",
        });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await lb.Client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await lb.Client.GetAsync(new Uri("/products", UriKind.Relative))).StatusCode);

        await using var scaledOut = await ShopServer.StartAsync(App("scaled-out"), port);
        var stopwatch = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
            status = (await lb.Client.GetAsync(new Uri("/products", UriKind.Relative))).StatusCode;
        }
        while (status != HttpStatusCode.OK && stopwatch.Elapsed < TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.OK, status);
        // Health checks run every 100 ms: found within a few of them (not a speed bound: CI machines are busy).
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"found after {stopwatch.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, (await lb.Client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Orders_written_through_one_backend_are_readable_through_the_lb_with_a_shared_file_store()
    {
        var path = Path.Combine(Path.GetTempPath(), "demoshop-lb-" + Guid.NewGuid().ToString("N"));
        try
        {
            var settings = (string name) => new Dictionary<string, string?>(App(name)) { ["Shop:OrderStore"] = "file", ["Shop:OrderStorePath"] = path };
            await using var b1 = await ShopServer.StartAsync(settings("b1"));
            await using var b2 = await ShopServer.StartAsync(settings("b2"));
            await using var lb = await ShopServer.StartAsync(Lb($"{b1.BaseAddress},{b2.BaseAddress}"));
            await lb.WaitForHealthyBackendsAsync(2);

            using var created = await lb.Client.PostAsJsonAsync("/orders", new { productId = 4, quantity = 1, userId = "u9" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var writer = created.Headers.GetValues("X-Shop-Instance").Single();

            using var read = await lb.Client.GetAsync(created.Headers.Location);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.NotEqual(writer, read.Headers.GetValues("X-Shop-Instance").Single());
        }
        finally
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    [Fact]
    public async Task An_lb_following_a_host_name_finds_the_app_server_behind_its_address_and_forwards_to_it()
    {
        var port = FreePort.Next();
        await using var app = await ShopServer.StartAsync(App("named"), port);
        await using var lb = await ShopServer.StartAsync(new Dictionary<string, string?>
        {
            ["Shop:Role"] = "lb",
            ["Shop:BackendHost"] = "localhost",   // a name, resolved each health round (a Docker alias on a bridge)
            ["Shop:BackendPorts"] = port.ToString(CultureInfo.InvariantCulture),
            ["Shop:HealthIntervalMilliseconds"] = "100",
        });

        await lb.WaitForHealthyBackendsAsync(1);
        using var response = await lb.Client.GetAsync(new Uri("/products", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("named", response.Headers.GetValues("X-Shop-Instance").Single());
        var backend = Assert.Single((await lb.Client.GetFromJsonAsync<JsonElement>("/lb/backends")).EnumerateArray());
        Assert.Equal($"http://127.0.0.1:{port}/", backend.GetProperty("url").GetString());
    }

    [Fact]
    public async Task An_lb_refuses_a_backend_host_that_is_not_a_host()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ShopServer.StartAsync(new Dictionary<string, string?>
        {
            ["Shop:Role"] = "lb",
            ["Shop:BackendHost"] = "not a host",
            ["Shop:BackendPorts"] = "18081",
        }));

        Assert.Contains("Shop:BackendHost: 'not a host' is not a host name or address.", error.ToString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> App(string name) => new() { ["Shop:InstanceName"] = name };

    private static Dictionary<string, string?> Lb(string backends) => new()
    {
        ["Shop:Role"] = "lb",
        ["Shop:InstanceName"] = "lb",
        ["Shop:Backends"] = backends,
        ["Shop:HealthIntervalMilliseconds"] = "100",
    };
}
